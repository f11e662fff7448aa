#include "model/cooling/TrimChiller.hpp"

#include <algorithm>

namespace fdtwin::cooling {

TrimChiller::TrimChiller(const ChillerParams& p, double supplySetpoint) : m_p(p), m_set(supplySetpoint) {}

double TrimChiller::cop(double tLeaving, double tCondenserIn, double plr) const {
  const double tEvap = tLeaving - m_p.evaporatorApproach * plr;
  const double tCond = tCondenserIn + (m_p.condenserRise + m_p.condenserApproach) * plr;
  const double lift = tCond - tEvap;
  if (lift <= 0.0) return m_p.copMax;
  return std::min(m_p.copMax, m_p.secondLawEfficiency * tEvap / lift);
}

ChillerState TrimChiller::evaluate(int stages, double tPlateOut, double tCondenserIn,
                                   double facilityC) const {
  ChillerState s;
  s.stages = stages;
  s.T_plateOut = tPlateOut;
  s.T_condenserIn = tCondenserIn;
  s.Q_request = facilityC * (tPlateOut - setpoint());
  const double capacity = stages * m_p.stageCapacity;
  s.Q_evap = std::clamp(s.Q_request, 0.0, capacity);
  s.T_leaving = tPlateOut - s.Q_evap / facilityC;
  s.T_evap = s.T_leaving;
  s.T_cond = tCondenserIn;
  if (stages <= 0 || s.Q_evap <= 0.0) return s;
  s.plr = s.Q_evap / capacity;
  s.T_evap = s.T_leaving - m_p.evaporatorApproach * s.plr;
  s.T_cond = tCondenserIn + (m_p.condenserRise + m_p.condenserApproach) * s.plr;
  s.cop = cop(s.T_leaving, tCondenserIn, s.plr);
  s.P_el = s.Q_evap / s.cop;
  s.Q_cond = s.Q_evap + s.P_el;
  return s;
}

double TrimChiller::stageOnRoot(int stages, double qRequest) const {
  if (stages >= m_p.stages) return 1.0;
  return (qRequest - stages * m_p.stageCapacity) / m_p.stageCapacity;
}

double TrimChiller::stageOffRoot(int stages, double qRequest, double facilityC) const {
  if (stages <= 0) return 1.0;
  if (stages == 1) return (qRequest + 0.5 * facilityC * m_p.deadband) / m_p.stageCapacity;
  return (qRequest - (stages - 1) * m_p.stageCapacity * (1.0 - m_p.stageHysteresis)) / m_p.stageCapacity;
}

}  // namespace fdtwin::cooling
