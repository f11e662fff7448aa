#include "model/environment/Environment.hpp"

#include <cmath>

namespace fdtwin::env {

double seaTemperatureAtDepth(const EnvironmentSample& s, double depth) {
  // physics.md §5.2 parametric thermocline [assumption], fitted to KODC line 208.
  if (depth <= s.mixedLayerDepth) return s.T_seaSurface;
  if (s.thermoclineScale <= 0.0) return s.T_deep;
  return s.T_deep + (s.T_seaSurface - s.T_deep) * std::exp(-(depth - s.mixedLayerDepth) / s.thermoclineScale);
}

Environment::~Environment() = default;

std::vector<double> Environment::breakpoints(double /*t0*/, double /*t1*/) const { return {}; }

}  // namespace fdtwin::env
