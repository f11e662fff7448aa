#include "model/cooling/PlateExchanger.hpp"

#include <cmath>
#include <numbers>
#include <stdexcept>

#include "model/properties/Seawater.hpp"

namespace fdtwin::cooling {
namespace {

// Martin 1996 / VDI N6 constants.
constexpr double kReTransition = 2000.0;
constexpr double kB = 0.18;
constexpr double kC = 0.36;
constexpr double kA = 3.8;
constexpr double kNuCoefficient = 0.122;
constexpr double kNuExponent = 0.374;

double viscosity(double T, double S) { return props::seawaterViscosity(T, S); }

}  // namespace

double martinFrictionFactor(double reynolds, double chevronAngle) {
  double xi0 = 0.0;
  double xi1 = 0.0;
  if (reynolds < kReTransition) {
    xi0 = 64.0 / reynolds;
    xi1 = 597.0 / reynolds + 3.85;
  } else {
    const double d = 1.8 * std::log10(reynolds) - 1.5;
    xi0 = 1.0 / (d * d);
    xi1 = 39.0 / std::pow(reynolds, 0.289);
  }
  const double c = std::cos(chevronAngle);
  const double s = std::sin(chevronAngle);
  const double first = c / std::sqrt(kB * s / c + kC * s + xi0 / c);
  const double second = (1.0 - c) / std::sqrt(kA * xi1);
  const double inv = first + second;
  return 1.0 / (inv * inv);
}

double martinNusselt(double reynolds, double prandtl, double chevronAngle, double viscosityRatio) {
  const double xi = martinFrictionFactor(reynolds, chevronAngle);
  return kNuCoefficient * std::cbrt(prandtl) * std::pow(viscosityRatio, 1.0 / 6.0) *
         std::pow(xi * reynolds * reynolds * std::sin(2.0 * chevronAngle), kNuExponent);
}

PlateExchanger::PlateExchanger(const PlateExchangerParams& params) : m_p(params) {
  if (m_p.channelsPerSide < 1 || !(m_p.plateWidth > 0.0) || !(m_p.plateLength > 0.0) ||
      !(m_p.corrugationDepth > 0.0) || !(m_p.enlargementFactor >= 1.0))
    throw std::invalid_argument("plate exchanger: need channels >= 1, w, L, b > 0 and Phi >= 1");
  if (!(m_p.chevronAngle > 0.0 && m_p.chevronAngle < 0.5 * std::numbers::pi))
    throw std::invalid_argument("plate exchanger: the chevron angle must lie in (0, 90 deg)");
  if (m_p.plateThickness < 0.0 || !(m_p.plateConductivity > 0.0) || m_p.foulingHot < 0.0 ||
      m_p.foulingCold < 0.0)
    throw std::invalid_argument("plate exchanger: need t_w >= 0, k_w > 0 and fouling >= 0");
}

double PlateExchanger::hydraulicDiameter() const {
  return 2.0 * m_p.corrugationDepth / m_p.enlargementFactor;
}

double PlateExchanger::area() const {
  return (2.0 * m_p.channelsPerSide - 1.0) * m_p.enlargementFactor * m_p.plateWidth * m_p.plateLength;
}

PlateSide PlateExchanger::side(double mdot, const props::FluidProperties& bulk, double muWall) const {
  PlateSide s;
  s.prandtl = bulk.Pr;
  if (!(mdot > 0.0)) return s;
  const double dh = hydraulicDiameter();
  s.velocity = mdot / (bulk.rho * m_p.channelsPerSide * m_p.plateWidth * m_p.corrugationDepth);
  s.reynolds = bulk.rho * s.velocity * dh / bulk.mu;
  s.frictionFactor = martinFrictionFactor(s.reynolds, m_p.chevronAngle);
  s.nusselt = martinNusselt(s.reynolds, bulk.Pr, m_p.chevronAngle, bulk.mu / muWall);
  s.h = s.nusselt * bulk.k / dh;
  s.pressureDrop = s.frictionFactor * (m_p.plateLength / dh) * 0.5 * bulk.rho * s.velocity * s.velocity;
  return s;
}

PlateExchangerState PlateExchanger::evaluate(double mdotHot, double tHot, double mdotCold,
                                             double tCold) const {
  const props::FluidProperties hot = props::seawater(tHot, m_p.salinityHot);
  const props::FluidProperties cold = props::seawater(tCold, m_p.salinityCold);
  PlateExchangerState st;
  // First pass with mu_w = mu, then the film-weighted wall temperature.
  const PlateSide hot0 = side(mdotHot, hot, hot.mu);
  const PlateSide cold0 = side(mdotCold, cold, cold.mu);
  const double hSum = hot0.h + cold0.h;
  st.wallTemperature = hSum > 0.0 ? (hot0.h * tHot + cold0.h * tCold) / hSum : 0.5 * (tHot + tCold);
  st.hot = side(mdotHot, hot, viscosity(st.wallTemperature, m_p.salinityHot));
  st.cold = side(mdotCold, cold, viscosity(st.wallTemperature, m_p.salinityCold));
  if (!(st.hot.h > 0.0) || !(st.cold.h > 0.0)) return st;  // no flow on a side: UA = 0
  const double r = 1.0 / st.hot.h + m_p.foulingHot + m_p.plateThickness / m_p.plateConductivity +
                   m_p.foulingCold + 1.0 / st.cold.h;
  st.u = 1.0 / r;
  st.ua = st.u * area();
  return st;
}

}  // namespace fdtwin::cooling
