#include "model/properties/Seawater.hpp"

#include <cmath>

#include "core/Constants.hpp"

namespace fdtwin::props {
namespace {

constexpr double kCelsiusOffset = constants::kZeroCelsius;  // K at 0 degC
// Reference-composition salinity S_R = (35.16504/35) S_P (Millero et al. 2008); Sharqawy
// uses the rounded ratio 1.00472 to recover practical salinity for the older correlations.
constexpr double kAbsoluteToPractical = 1.0 / 1.00472;
// IPTS-68 to ITS-90 temperature scale factor used by Jamieson's correlations.
constexpr double kT68Factor = 1.00024;

}  // namespace

double seawaterDensity(double T, double S) {
  const double t = T - kCelsiusOffset;
  const double s = S / 1000.0;
  const double rhoW =
      9.9992293295e2 +
      t * (2.0341179217e-2 + t * (-6.1624591598e-3 + t * (2.2614664708e-5 + t * -4.6570659168e-8)));
  const double dRho =
      s * (8.0200240891e2 + t * (-2.0005183488 + t * (1.6771024982e-2 + t * -3.0600536746e-5))) -
      1.6132224742e-5 * s * s * t * t;
  return rhoW + dRho;
}

double seawaterCp(double T, double S) {
  // T68 in kelvin: 1.00024*(t + 273.15) = 1.00024*T. See the header for the degC slip.
  const double t68 = kT68Factor * T;
  const double sp = S * kAbsoluteToPractical;
  const double a = 5.328 - 9.76e-2 * sp + 4.04e-4 * sp * sp;
  const double b = -6.913e-3 + 7.351e-4 * sp - 3.15e-6 * sp * sp;
  const double c = 9.6e-6 - 1.927e-6 * sp + 8.23e-9 * sp * sp;
  const double d = 2.5e-9 + 1.666e-9 * sp - 7.125e-12 * sp * sp;
  return 1000.0 * (a + t68 * (b + t68 * (c + t68 * d)));
}

double seawaterConductivity(double T, double S) {
  const double tk = kT68Factor * (T - kCelsiusOffset) + kCelsiusOffset;
  const double sp = S * kAbsoluteToPractical;
  const double log10kmW = std::log10(240.0 + 2.0e-4 * sp) + 0.434 * (2.3 - (343.5 + 0.037 * sp) / tk) *
                                                                std::cbrt(1.0 - tk / (647.3 + 0.03 * sp));
  return 1.0e-3 * std::pow(10.0, log10kmW);
}

double seawaterViscosity(double T, double S) {
  const double t = T - kCelsiusOffset;
  const double s = S / 1000.0;
  const double tt = t + 64.99262005;
  const double muW = 4.2844324477e-5 + 1.0 / (0.15700386464 * tt * tt - 91.296496657);
  const double a = 1.540913604 + 1.9981117208e-2 * t - 9.5203865864e-5 * t * t;
  const double b = 7.9739318223 - 7.5614568881e-2 * t + 4.7237011074e-4 * t * t;
  return muW * (1.0 + a * s + b * s * s);
}

double seawaterKinematicViscosity(double T, double S) {
  return seawaterViscosity(T, S) / seawaterDensity(T, S);
}

double seawaterThermalDiffusivity(double T, double S) {
  return seawaterConductivity(T, S) / (seawaterDensity(T, S) * seawaterCp(T, S));
}

double seawaterPrandtl(double T, double S) {
  return seawaterCp(T, S) * seawaterViscosity(T, S) / seawaterConductivity(T, S);
}

double seawaterFreezingPoint(double S) {
  const double sp = S * kAbsoluteToPractical;
  const double tf = -0.0575 * sp + 1.710523e-3 * sp * std::sqrt(sp) - 2.154996e-4 * sp * sp;
  return tf + kCelsiusOffset;
}

double seawaterBoilingPoint(double S) {
  constexpr double tBoilWater = 100.0;  // degC at 1 atm (see header)
  const double s = S / 1000.0;
  const double a = -4.5838530457e-4 * tBoilWater * tBoilWater + 2.8230948284e-1 * tBoilWater + 1.7945189194e1;
  const double b = 1.5361752708e-4 * tBoilWater * tBoilWater + 5.2669058133e-2 * tBoilWater + 6.5604855793;
  return tBoilWater + kCelsiusOffset + a * s * s + b * s;
}

FluidProperties seawater(double T, double S) {
  return makeFluidProperties(seawaterDensity(T, S), seawaterCp(T, S), seawaterConductivity(T, S),
                             seawaterViscosity(T, S));
}

FluidProperties freshWater(double T) { return seawater(T, 0.0); }

}  // namespace fdtwin::props
