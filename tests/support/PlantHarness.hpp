#pragma once
// Test support: a constant environment and a helper that integrates a Plant to a given time
// through the real integrator and event handling (the same loop as runCase, without files).
#include <memory>
#include <vector>

#include "integrate/Integrator.hpp"
#include "model/Plant.hpp"

namespace fdtwin::test {

class ConstantEnvironment : public env::Environment {
 public:
  explicit ConstantEnvironment(env::EnvironmentSample s) : m_s(s) {}
  env::EnvironmentSample at(double) const override { return m_s; }

 private:
  env::EnvironmentSample m_s;
};

inline env::EnvironmentSample calmSea(double tSea = 290.15, double tAir = 288.15) {
  env::EnvironmentSample s;
  s.T_seaSurface = tSea;
  s.T_air = tAir;
  s.G_solar = 0.0;
  s.windSpeed = 5.0;
  s.currentSpeed = 0.3;
  s.mixedLayerDepth = 100.0;  // intake at 20 m sees the surface temperature
  return s;
}

// Integrates the plant from its initial state to tEnd with events; returns the final state.
inline std::vector<double> integratePlant(Plant& plant, double tEnd, double rtol = 1e-6,
                                          integrate::IntegratorStats* stats = nullptr) {
  std::vector<double> y = plant.initialState(), scales;
  for (const auto& s : plant.layout().states()) scales.push_back(s.scale);
  integrate::Integrator integ(plant, scales, rtol, 0.0);
  integ.initialize(0.0, y);
  double t = 0.0;
  while (t < tEnd * (1 - 1e-12)) {
    const double tStop = std::min(tEnd, plant.nextTimeEvent(t));
    const auto r = integ.advance(tStop, t, y);
    const bool changed = r == integrate::StepResult::Root ? plant.handleRoots(t, y.data(), integ.rootsFound())
                                                           : plant.handleTimeEvents(t, y.data());
    if (changed) integ.reinitialize(t, y);
  }
  if (stats) *stats = integ.stats();
  return y;
}

}  // namespace fdtwin::test
