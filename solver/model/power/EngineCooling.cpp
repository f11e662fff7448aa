#include "model/power/EngineCooling.hpp"

#include <algorithm>
#include <cmath>

#include "core/Constants.hpp"
#include "model/cooling/EpsilonNtu.hpp"
#include "model/properties/Seawater.hpp"

namespace fdtwin::power {

namespace {
constexpr double kLtWaterT = 308.15;  // K, LT fresh-water properties evaluated at 35 °C
}

EngineCooling::EngineCooling(const EngineCoolingParams& p, const CoolingParams& pumps, double salinity)
    : m_p(p), m_pumps(pumps), m_salinity(salinity), m_cpFreshWater(props::freshWater(kLtWaterT).cp) {}

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
  const double mMin = m_p.minSpeed * m_p.designFlow, mMax = m_p.designFlow;
  const auto shaft = [&](double mdot) {
    const double n = mdot / m_p.designFlow;
    const double head = m_p.pumpHeadStatic + (m_p.pumpHeadDesign - m_p.pumpHeadStatic) * n * n;
    return mdot * constants::kStandardGravity * head / m_pumps.pumpEfficiency;
  };
  // The flow that holds the rise with the pumps' own heat included: a fixed point that
  // contracts fast (the shaft heat is ~1 % of Q_e).
  double mdot = mMax;
  for (int it = 0; it < 4; ++it) mdot = std::clamp((s.Q + shaft(mdot)) / (cp * rise), mMin, mMax);
  s.mdot = mdot;
  s.speed = mdot / m_p.designFlow;
  s.P_shaft = shaft(mdot);
  s.P_el = s.P_shaft / (m_pumps.motorEfficiency * m_pumps.vfdEfficiency);
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
