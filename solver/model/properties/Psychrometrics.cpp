#include "model/properties/Psychrometrics.hpp"

#include <cmath>

#include "core/Constants.hpp"

namespace fdtwin::props {
namespace {

// ASHRAE Fundamentals 2017, ch. 1, eq. 5 (ice) and 6 (water).
constexpr double kC1 = -5.6745359e3, kC2 = 6.3925247, kC3 = -9.6778430e-3, kC4 = 6.2215701e-7,
                 kC5 = 2.0747825e-9, kC6 = -9.4840240e-13, kC7 = 4.1635019;
constexpr double kC8 = -5.8002206e3, kC9 = 1.3914993, kC10 = -4.8640239e-2, kC11 = 4.1764768e-5,
                 kC12 = -1.4452093e-8, kC13 = 6.5459673;

constexpr double kCpDryAir = 1006.0;         // J/(kg K), eq. 32
constexpr double kCpVapour = 1860.0;         // J/(kg K), eq. 32
constexpr double kLatentAtZero = 2.501e6;    // J/kg, eq. 32
constexpr double kDewPointTolerance = 1e-9;  // K
constexpr int kDewPointMaxIterations = 50;

bool overIce(double T) { return T < constants::kZeroCelsius; }

double lnSaturationPressure(double T) {
  if (overIce(T)) {
    return kC1 / T + kC2 + T * (kC3 + T * (kC4 + T * (kC5 + T * kC6))) + kC7 * std::log(T);
  }
  return kC8 / T + kC9 + T * (kC10 + T * (kC11 + T * kC12)) + kC13 * std::log(T);
}

double dLnSaturationPressureDt(double T) {
  if (overIce(T)) {
    return -kC1 / (T * T) + kC3 + T * (2.0 * kC4 + T * (3.0 * kC5 + T * 4.0 * kC6)) + kC7 / T;
  }
  return -kC8 / (T * T) + kC10 + T * (2.0 * kC11 + T * 3.0 * kC12) + kC13 / T;
}

}  // namespace

double saturationPressure(double T) { return std::exp(lnSaturationPressure(T)); }

double humidityRatio(double pw, double p) { return kWaterAirMolarMassRatio * pw / (p - pw); }

double humidityRatioFromRelativeHumidity(double T, double rh, double p) {
  return humidityRatio(rh * saturationPressure(T), p);
}

double vapourPressure(double W, double p) { return p * W / (kWaterAirMolarMassRatio + W); }

double relativeHumidity(double T, double W, double p) { return vapourPressure(W, p) / saturationPressure(T); }

double dewPoint(double W, double p) {
  const double target = std::log(vapourPressure(W, p));
  // Start from the Magnus inverse (Alduchov & Eskridge 1996 over water), within ~0.5 K.
  const double g = std::log(std::exp(target) / 610.94);
  double T = constants::kZeroCelsius + 243.04 * g / (17.625 - g);
  for (int i = 0; i < kDewPointMaxIterations; ++i) {
    const double step = (lnSaturationPressure(T) - target) / dLnSaturationPressureDt(T);
    T -= step;
    if (std::abs(step) < kDewPointTolerance) break;
  }
  return T;
}

double moistAirEnthalpy(double T, double W) {
  const double t = T - constants::kZeroCelsius;
  return kCpDryAir * t + W * (kLatentAtZero + kCpVapour * t);
}

}  // namespace fdtwin::props
