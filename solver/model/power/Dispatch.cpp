#include "model/power/Dispatch.hpp"

#include <algorithm>
#include <cmath>

namespace fdtwin::power {

namespace {
constexpr double kTaper = 0.02;  // SOC band over which the battery power limit tapers to zero
}

Dispatch::Dispatch(const BatteryParams& b, double shoreLimit)
    : m_b(b), m_shore(shoreLimit), m_eta(std::sqrt(b.roundTrip)) {}

void Dispatch::declareStates(network::StateLayout& layout) {
  m_states.soc = layout.add("battery SOC", "power", "1", 1.0, m_b.socInitial);
}

void Dispatch::jacobian(network::SparseJacobian& J, const double* y, double demand, double engineSum,
                        double solarAvailable, const GasEngines& engines, double demandPerEngineWatt) const {
  const int iSoc = m_states.soc;
  const double soc = y[iSoc];
  const double base = solve(demand, engineSum, solarAvailable, soc).socRate;
  const double hs = 1e-7;
  J.add(iSoc, iSoc, (solve(demand, engineSum, solarAvailable, soc + hs).socRate - base) / hs);
  const double hp = 1.0;
  const double dP = (solve(demand + demandPerEngineWatt * hp, engineSum + hp, solarAvailable, soc).socRate - base) / hp;
  for (int k = 0; k < engines.count(); ++k) {
    J.add(iSoc, engines.stateIndex(k), engines.status(k) == EngineStatus::Online ? dP : 0.0);
  }
}

double Dispatch::dischargeLimit(double soc) const {
  if (m_b.capacity <= 0.0) return 0.0;
  return m_b.powerMax * std::clamp((soc - m_b.socMin) / kTaper, 0.0, 1.0);
}
double Dispatch::chargeLimit(double soc) const {
  if (m_b.capacity <= 0.0) return 0.0;
  return m_b.powerMax * std::clamp((m_b.socMax - soc) / kTaper, 0.0, 1.0);
}

double Dispatch::engineDemand(double demand, double solarAvailable, double soc) const {
  double restore = 0.0;
  if (m_b.capacity > 0.0) {
    restore =
        std::clamp(m_b.capacity * (m_b.socTarget - soc) / m_b.rechargeTime, -m_b.powerMax, m_b.powerMax);
  }
  return demand - solarAvailable + restore;
}

DispatchResult Dispatch::solve(double demand, double engines, double solarAvailable, double soc) const {
  DispatchResult r;
  const double need = demand - engines - solarAvailable;
  r.solar = solarAvailable;
  if (need >= 0.0) {
    r.discharge = std::min(need, dischargeLimit(soc));
    const double rest = need - r.discharge;
    r.shore = std::min(rest, m_shore);
    r.unserved = rest - r.shore;
  } else {
    const double surplus = -need;
    r.charge = std::min(surplus, chargeLimit(soc));
    const double rest = surplus - r.charge;
    const double curtail = std::min(rest, solarAvailable);
    r.solar = solarAvailable - curtail;
    r.dumped = rest - curtail;
  }
  if (m_b.capacity > 0.0) r.socRate = (m_eta * r.charge - r.discharge / m_eta) / m_b.capacity;
  r.batteryLoss = r.charge * (1.0 - m_eta) + r.discharge * (1.0 / m_eta - 1.0);
  return r;
}

}  // namespace fdtwin::power
