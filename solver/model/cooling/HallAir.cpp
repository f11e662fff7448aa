#include "model/cooling/HallAir.hpp"

#include <algorithm>
#include <cmath>
#include <numbers>

#include <fmt/format.h>

#include "model/properties/Air.hpp"
#include "model/properties/Psychrometrics.hpp"

namespace fdtwin::cooling {

namespace {
constexpr double kAirT = 300.15;  // K, air properties evaluated here (as HallCooling's coils)
constexpr double kP = props::kAtmosphericPressure;
}  // namespace

HallAir::HallAir(const AirParams& air, const CoolingParams& cooling, int rows, double hallVolume) : m_p(air) {
  const auto a = props::air(kAirT);
  m_cp = a.cp;
  m_eps = cooling.airCoilEffectiveness;
  m_rowC = a.rho * cooling.airFlow * a.cp / std::max(1, rows);
  m_k = air.recirculation / m_rowC;
  m_mass = a.rho * hallVolume;
  m_inf = a.rho * air.infiltrationAch * hallVolume / 3600.0;
  m_occ = air.occupants * air.occupantMoisture;
  m_cond = m_eps * a.rho * cooling.airFlow;
}

void HallAir::declareStates(network::StateLayout& layout, int hall, double initialW) {
  m_w = layout.add(fmt::format("hall{} W_air", hall), "cooling", "kg/kg", 0.01, initialW);
}

double HallAir::outsideRelativeHumidity(double t) const {
  const double d = m_p.startDayOfYear + t / 86400.0;
  const double rh =
      m_p.outsideRelativeHumidity +
      m_p.outsideRhAmplitude * std::cos(2.0 * std::numbers::pi * (d - m_p.outsideRhPeakDay) / 365.25);
  return std::clamp(rh, 0.01, 1.0);
}

double HallAir::outsideHumidity(double tOut, double t) const {
  return props::humidityRatioFromRelativeHumidity(tOut, outsideRelativeHumidity(t), kP);
}

double HallAir::saturationHumidity(double tSurface) const {
  return props::humidityRatio(props::saturationPressure(tSurface), kP);
}

double HallAir::condensation(double W, double tFs) const {
  return m_cond * std::max(0.0, W - saturationHumidity(tFs));
}

double HallAir::latentHeat(double T) { return 2.501e6 - 2370.0 * (T - 273.15); }

double HallAir::condensationFromHumidity(double W, double tFs) const {
  return W > saturationHumidity(tFs) ? m_cond : 0.0;
}

double HallAir::condensationFromSupply(double W, double tFs) const {
  if (W <= saturationHumidity(tFs)) return 0.0;
  const double h = 1e-3;
  return -m_cond * (saturationHumidity(tFs + h) - saturationHumidity(tFs - h)) / (2.0 * h);
}

double HallAir::latentFromSupply(double W, double tFs) const {
  return condensationFromSupply(W, tFs) * latentHeat(tFs) - condensation(W, tFs) * 2370.0;
}

double HallAir::steadyHumidity(double wOut, double tFs) const {
  if (m_inf <= 0.0) return props::humidityRatio(props::saturationPressure(m_p.fillDewPoint), kP);
  const double dry = wOut + m_occ / m_inf;
  const double ws = saturationHumidity(tFs);
  if (dry <= ws) return dry;
  return (m_inf * wOut + m_occ + m_cond * ws) / (m_inf + m_cond);
}

double HallAir::relativeHumidity(double T, double W) const { return props::relativeHumidity(T, W, kP); }

double HallAir::dewPoint(double W) const { return props::dewPoint(std::max(W, 1e-9), kP); }

}  // namespace fdtwin::cooling
