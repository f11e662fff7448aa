#include "model/environment/Environment.hpp"

#include <cmath>
#include <limits>

namespace fdtwin::env {

double seaTemperatureAtDepth(const EnvironmentSample& s, double depth) {
  // physics.md §5.2 parametric thermocline [assumption], fitted to KODC line 208.
  if (depth <= s.mixedLayerDepth) return s.T_seaSurface;
  if (s.thermoclineScale <= 0.0) return s.T_deep;
  return s.T_deep + (s.T_seaSurface - s.T_deep) * std::exp(-(depth - s.mixedLayerDepth) / s.thermoclineScale);
}

Environment::~Environment() = default;

std::vector<double> Environment::breakpoints(double /*t0*/, double /*t1*/) const { return {}; }

double Environment::nextBreakpoint(double t) const {
  for (double window = 86400.0; window < 1e10; window *= 16.0) {  // a day, growing to ~300 years
    const auto b = breakpoints(t, t + window);
    if (!b.empty()) return b.front();
  }
  return std::numeric_limits<double>::infinity();
}

}  // namespace fdtwin::env
