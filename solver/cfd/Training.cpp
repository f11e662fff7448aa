#include "cfd/Training.hpp"

#include <algorithm>

#include "core/Error.hpp"
#include "model/properties/Seawater.hpp"

namespace fdtwin::cfd {

PointResult solvePoint(SeaCase& sc, const CfdParams& p, double current, double mdot, double rise, double ambientT,
                       int iterations) {
  WindowInput in;
  in.current = current;
  in.outfallFlow = mdot / props::seawater(ambientT, p.salinity).rho;
  in.outfallT = ambientT + rise;
  in.ambient = [ambientT](double) { return ambientT; };
  in.hullExcess = p.hullExcessTraining;
  const WindowOutput o = sc.runWindow(in, 0.0, iterations);
  PointResult r;
  r.intakeRiseOnce = o.intakeRise;
  // Close the recirculation fixed point (the outfall is warmer by the intake rise itself).
  const double share = std::clamp(o.intakeRise / rise, 0.0, 0.9);
  r.intakeRise = share * rise / (1.0 - share);
  r.mixingZoneRise = o.mixingZoneMaxRise;
  r.plumeExtent = o.plumeExtent;
  r.hullH = o.hPanel;
  return r;
}

SurrogateTable trainSurrogate(const CfdParams& p, const TrainingGrid& g, const std::string& workDir,
                              const TrainingProgress& progress) {
  for (const auto* axis : {&g.current, &g.mdot, &g.rise}) {
    if (axis->empty() || !std::is_sorted(axis->begin(), axis->end()) ||
        std::adjacent_find(axis->begin(), axis->end()) != axis->end()) {
      throw InputError("", 0, "cfd train", "each training axis needs increasing, distinct values");
    }
  }
  for (double r : g.rise)
    if (r <= 0) throw InputError("", 0, "--rise", "outfall rises must be positive");
  for (double m : g.mdot)
    if (m <= 0) throw InputError("", 0, "--flow", "seawater flows must be positive");
  for (double c : g.current)
    if (c < 0) throw InputError("", 0, "--current", "current speeds must not be negative");
  SeaCase sc(p, workDir);
  SurrogateTable t;
  t.current = g.current;
  t.mdot = g.mdot;
  t.rise = g.rise;
  t.provenance = layoutProvenance(p);
  const size_t n = g.current.size() * g.mdot.size() * g.rise.size();
  t.intakeRise.resize(n);
  t.intakeRiseOnce.resize(n);
  t.mixingZoneRise.resize(n);
  t.plumeExtent.resize(n);
  t.hullH.resize(n);
  size_t done = 0;
  for (size_t i = 0; i < g.current.size(); ++i)
    for (size_t j = 0; j < g.mdot.size(); ++j)
      for (size_t k = 0; k < g.rise.size(); ++k) {
        const PointResult r = solvePoint(sc, p, g.current[i], g.mdot[j], g.rise[k], g.ambientT, g.iterations);
        const size_t x = t.index(i, j, k);
        t.intakeRise[x] = r.intakeRise;
        t.intakeRiseOnce[x] = r.intakeRiseOnce;
        t.mixingZoneRise[x] = r.mixingZoneRise;
        t.plumeExtent[x] = r.plumeExtent;
        t.hullH[x] = r.hullH;
        ++done;
        if (progress) progress(done, n, r, 0.0);
      }
  return t;
}

}  // namespace fdtwin::cfd
