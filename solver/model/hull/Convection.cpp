#include "model/hull/Convection.hpp"

#include <cmath>

namespace fdtwin::hull {

double reynoldsNumber(double velocity, double length, double kinematicViscosity) {
  return std::abs(velocity) * length / kinematicViscosity;
}

double rayleighNumber(double beta, double deltaT, double length, double kinematicViscosity,
                      double thermalDiffusivity, double gravity) {
  return gravity * beta * std::abs(deltaT) * length * length * length /
         (kinematicViscosity * thermalDiffusivity);
}

double nusseltFlatPlateLaminar(double reL, double pr) { return 0.664 * std::sqrt(reL) * std::cbrt(pr); }

double nusseltFlatPlateTurbulent(double reL, double pr) { return 0.037 * std::pow(reL, 0.8) * std::cbrt(pr); }

double nusseltFlatPlateMixed(double reL, double pr) {
  constexpr double reC = kCriticalReynoldsFlatPlate;
  if (reL <= reC) {
    return nusseltFlatPlateLaminar(reL, pr);
  }
  // A = 0.037 Re_c^0.8 - 0.664 Re_c^0.5 (871.3 for Re_c = 5e5; Incropera rounds to 871).
  static const double a = 0.037 * std::pow(reC, 0.8) - 0.664 * std::sqrt(reC);
  return (0.037 * std::pow(reL, 0.8) - a) * std::cbrt(pr);
}

double nusseltFlatPlateLocalTurbulent(double reX, double pr) {
  return 0.0296 * std::pow(reX, 0.8) * std::cbrt(pr);
}

double ittcFrictionCoefficient(double reL) {
  const double x = std::log10(reL) - 2.0;
  return 0.075 / (x * x);
}

double colburnHeatTransferCoefficient(double cf, double velocity, const props::FluidProperties& fluid) {
  return fluid.rho * fluid.cp * std::abs(velocity) * 0.5 * cf / std::cbrt(fluid.Pr * fluid.Pr);
}

double nusseltVerticalPlateChurchillChu(double raL, double pr) {
  const double f = std::pow(1.0 + std::pow(0.492 / pr, 9.0 / 16.0), 8.0 / 27.0);
  const double root = 0.825 + 0.387 * std::pow(raL, 1.0 / 6.0) / f;
  return root * root;
}

double nusseltHorizontalPlateHotUp(double raL) {
  return raL <= 1e7 ? 0.54 * std::pow(raL, 0.25) : 0.15 * std::cbrt(raL);
}

double nusseltHorizontalPlateHotDown(double raL) { return 0.52 * std::pow(raL, 0.2); }

double mixedConvectionNusselt(double nuForced, double nuNatural, bool opposing) {
  const double f3 = nuForced * nuForced * nuForced;
  const double n3 = nuNatural * nuNatural * nuNatural;
  return opposing ? std::cbrt(std::abs(f3 - n3)) : std::cbrt(f3 + n3);
}

double skyTemperatureSwinbank(double tAir) { return 0.0552 * tAir * std::sqrt(tAir); }

double seaSideH(double currentSpeed, double length, const props::FluidProperties& water,
                SeaCorrelation correlation) {
  const double re = reynoldsNumber(currentSpeed, length, water.nu);
  if (correlation == SeaCorrelation::IttcColburn) {
    if (re >= kCriticalReynoldsFlatPlate) {
      return colburnHeatTransferCoefficient(ittcFrictionCoefficient(re), currentSpeed, water);
    }
    return nusseltFlatPlateTurbulent(re, water.Pr) * water.k / length;
  }
  return nusseltFlatPlateMixed(re, water.Pr) * water.k / length;
}

double airSideH(double windSpeed, double length, const props::FluidProperties& air) {
  const double re = reynoldsNumber(windSpeed, length, air.nu);
  return nusseltFlatPlateMixed(re, air.Pr) * air.k / length;
}

}  // namespace fdtwin::hull
