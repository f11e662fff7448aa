#pragma once
// Training the CFD surrogate (`fdtwin cfd train`): one steady CFD solution per grid point of
// current speed × seawater flow × outfall rise, warm-started from the previous point, in a
// uniform sea at T_amb with the hull walls 0.05 K above it (h from the wall conductance).
#include <functional>
#include <string>
#include <vector>

#include "cfd/CfdParams.hpp"
#include "cfd/SeaCase.hpp"
#include "cfd/Surrogate.hpp"

namespace fdtwin::cfd {

struct TrainingGrid {
  std::vector<double> current, mdot, rise;  // m/s, kg/s, K (each increasing)
  double ambientT = 293.15;                 // K
  int iterations = 300;                     // per point
};

// One steady point (also what the surrogate-vs-live check runs at held-out points).
struct PointResult {
  double intakeRiseOnce = 0, intakeRise = 0, mixingZoneRise = 0, plumeExtent = 0;
  std::vector<double> hullH;
};
PointResult solvePoint(SeaCase& sc, const CfdParams& p, double current, double mdot, double rise, double ambientT,
                       int iterations);

using TrainingProgress = std::function<void(size_t done, size_t total, const PointResult&, double wallSeconds)>;
SurrogateTable trainSurrogate(const CfdParams& p, const TrainingGrid& g, const std::string& workDir,
                              const TrainingProgress& progress = {});

}  // namespace fdtwin::cfd
