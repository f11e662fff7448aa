#include "model/properties/Air.hpp"

#include <cmath>

#include "core/Constants.hpp"

namespace fdtwin::props {
namespace {

// Sutherland's law: q0 (T/T0)^1.5 (T0 + s)/(T + s).
double sutherland(double T, double q0, double t0, double s) {
  const double r = T / t0;
  return q0 * r * std::sqrt(r) * (t0 + s) / (T + s);
}

}  // namespace

double airDensity(double T, double p) { return p / (kDryAirGasConstant * T); }

double airCp(double T) {
  const double th = (T - 300.0) / 100.0;
  return 1006.9 + th * (3.75 + th * 3.72);
}

double airConductivity(double T) { return sutherland(T, 0.0241, 273.0, 194.0); }

double airViscosity(double T) { return sutherland(T, 1.716e-5, constants::kZeroCelsius, 110.4); }

double airKinematicViscosity(double T, double p) { return airViscosity(T) / airDensity(T, p); }

double airPrandtl(double T) { return airCp(T) * airViscosity(T) / airConductivity(T); }

FluidProperties air(double T, double p) {
  return makeFluidProperties(airDensity(T, p), airCp(T), airConductivity(T), airViscosity(T));
}

}  // namespace fdtwin::props
