#include "model/power/EngineCooling.hpp"

#include <algorithm>
#include <cmath>

#include "core/Constants.hpp"
#include "model/cooling/EpsilonNtu.hpp"
#include "model/hydraulics/PumpBank.hpp"
#include "model/properties/Seawater.hpp"

namespace fdtwin::power {

namespace {
constexpr double kLtWaterT = 308.15;   // K, LT fresh-water properties evaluated at 35 °C
constexpr double kSeawaterT = 293.15;  // K, seawater density for the hydraulics
constexpr double kMinimumFlowShare = 0.25;

hydraulics::SystemCurve systemFor(const EngineCoolingParams& p, double rho) {
  const double q = p.designFlow / rho;
  return {p.pumpHeadStatic, std::max(p.pumpHeadDesign - p.pumpHeadStatic, 0.0) / (q * q)};
}

}  // namespace

EngineCooling::EngineCooling(const EngineCoolingParams& p, const CoolingParams& pumps, double salinity)
    : m_p(p),
      m_salinity(salinity),
      m_cpFreshWater(props::freshWater(kLtWaterT).cp),
      m_rho(props::seawater(kSeawaterT, salinity).rho),
      m_system(systemFor(p, m_rho)),
      m_pump(hydraulics::seawaterPumpBank(p.pumpCount, p.pumpSpares, p.designFlow, p.pumpHeadDesign,
                                          kShutoffRatio, {pumps.pumpEfficiency, pumps.motorEfficiency,
                                                          pumps.vfdEfficiency},
                                          m_rho)) {
  const double nMin =
      std::max(p.minSpeed, m_pump.speedForFlow(kMinimumFlowShare * p.designFlow / m_rho, m_system));
  m_minFlow = std::min(m_rho * m_pump.operatingPoint(nMin, m_system, m_rho).flow, p.designFlow);
}

double EngineCooling::ltTemperature(double Q, double cSeawater, double tCoolerIn) const {
  const double cLt = m_p.ltFlow * m_cpFreshWater;
  if (Q <= 0.0 || cSeawater <= 0.0) return std::max(m_p.ltSetpoint, tCoolerIn);
  const double cMin = std::min(cLt, cSeawater), cMax = std::max(cLt, cSeawater);
  const double eps =
      cooling::effectiveness(m_p.coolerUa / cMin, cMin / cMax, cooling::FlowArrangement::Counterflow);
  const double ltHot = tCoolerIn + Q / (eps * cMin);
  return std::max(m_p.ltSetpoint, ltHot - Q / cLt);
}

EngineCoolingState EngineCooling::separate(double Q, double tAmbient) const {
  EngineCoolingState s;
  s.Q = std::max(0.0, Q);
  if (s.Q <= 0.0) {  // no engine running: the engine-room pumps stand by
    s.T_in = s.T_dis = tAmbient;
    s.T_lt = m_p.ltSetpoint;
    return s;
  }
  const double cp = props::seawaterCp(tAmbient, m_salinity);
  const double r = m_p.recirculation;
  const double rise = std::min(m_p.designRise, m_p.dischargeDTMax * (1.0 - r));
  const double mMin = m_minFlow, mMax = m_p.designFlow;
  const auto duty = [&](double mdot) {
    return m_pump.operatingPoint(m_pump.speedForFlow(mdot / m_rho, m_system), m_system, m_rho);
  };
  const auto shaft = [&](double mdot) { return duty(mdot).shaftPower; };
  // The flow that holds the rise with the pumps' own heat included: a fixed point that
  // contracts fast (the shaft heat is ~1 % of Q_e).
  double mdot = mMax;
  for (int it = 0; it < 4; ++it) mdot = std::clamp((s.Q + shaft(mdot)) / (cp * rise), mMin, mMax);
  s.mdot = mdot;
  const hydraulics::PumpOperatingPoint op = duty(mdot);
  s.speed = op.speed;
  s.P_shaft = op.shaftPower;
  s.P_el = op.electricPower;
  s.Q_seawater = s.Q + s.P_shaft;
  const double cSw = mdot * cp;
  s.dT = s.Q_seawater / cSw;
  s.T_in = tAmbient + r / (1.0 - r) * s.dT;
  s.T_dis = s.T_in + s.dT;
  s.riseAboveAmbient = s.T_dis - tAmbient;
  s.T_lt = ltTemperature(s.Q, cSw, s.T_in + s.P_shaft / cSw);
  return s;
}

EngineCoolingState EngineCooling::onMain(double Q, double mainFlow, double tCoolerIn, double tMainDischarge,
                                         double mainRise) const {
  EngineCoolingState s;
  s.Q = std::max(0.0, Q);
  s.mdot = mainFlow;
  s.speed = 0.0;
  s.T_in = tCoolerIn;
  s.T_dis = tMainDischarge;
  s.riseAboveAmbient = mainRise;
  const double cSw = mainFlow * props::seawaterCp(tCoolerIn, m_salinity);
  s.T_lt = ltTemperature(s.Q, cSw, tCoolerIn);
  return s;
}

}  // namespace fdtwin::power
