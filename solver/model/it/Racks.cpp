#include "model/it/Racks.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "network/EnergyLedger.hpp"

namespace fdtwin::it {

Racks::Racks(const ItParams& p, double coolantCp, double coolantDensity) : m_p(p), m_cp(coolantCp) {
  m_mdot = p.coolantFlowPerPower * p.rackPowerPeak * coolantDensity;  // kg/s
  m_cw = p.rackCoolantVolume * coolantDensity * coolantCp;            // J/K
  for (int h = 0; h < p.halls; ++h) {
    for (int r = 0; r < p.rowsPerHall; ++r) {
      for (int k = 0; k < p.racksPerRow; ++k) {
        RackInfo ri;
        ri.name = fmt::format("hall{}-r{:02d}-{:02d}", h + 1, r + 1, k + 1);
        ri.hall = h;
        m_info.push_back(ri);
      }
    }
  }
  m_throttled.assign(m_info.size(), 0);
}

void Racks::declareStates(network::StateLayout& layout, double initialT) {
  m_chip0 = layout.size();
  for (const auto& r : m_info) layout.add("rack " + r.name + " T_chip", "racks", "K", 300.0, initialT);
  m_out0 = layout.size();
  for (const auto& r : m_info) layout.add("rack " + r.name + " T_coolant_out", "racks", "K", 300.0, initialT);
}

double Racks::storedEnergy(const double* y) const {
  constexpr double T0 = network::kThermalEnergyReference;
  double e = 0.0;
  for (int i = 0; i < count(); ++i) {
    e += chipCapacity() * (y[chipIndex(i)] - T0);
    e += coolantCapacity() * (y[outletIndex(i)] - T0);
  }
  return e;
}

void Racks::setSteady(int i, double* y, double u, double tSupply) const {
  const double qi = m_p.liquidFraction * demand(i, u, y[chipIndex(i)]);
  const double tOut = tSupply + qi / flowCapacity();
  y[outletIndex(i)] = tOut;
  y[chipIndex(i)] = tOut + qi * m_p.chipResistance;
}

const char* Racks::updateThrottleReport(int i, const double* y) {
  const double Tc = y[chipIndex(i)], w = m_p.throttleHysteresis;
  if (!throttled(i) && Tc >= m_p.chipLimit - w - 1e-6) {
    setThrottled(i, true);
    return "throttle_on";
  }
  if (throttled(i) && Tc <= m_p.chipLimit - 2.0 * w + 1e-6) {
    setThrottled(i, false);
    return "throttle_off";
  }
  return nullptr;
}

double Racks::throttleShare(double tChip) const {
  const double w = m_p.throttleHysteresis;
  const double x = std::clamp((tChip - m_p.chipLimit + w) / w, 0.0, 1.0);
  return 1.0 - (1.0 - m_p.throttleFactor) * x;
}

double Racks::throttleSlope(double tChip) const {
  const double w = m_p.throttleHysteresis;
  const double x = (tChip - m_p.chipLimit + w) / w;
  return x > 0.0 && x < 1.0 ? -(1.0 - m_p.throttleFactor) / w : 0.0;
}

double Racks::demand(int i, double u, double tChip) const {
  (void)i;
  return throttleShare(tChip) * (m_p.rackPowerIdle + (m_p.rackPowerPeak - m_p.rackPowerIdle) * u);
}

double Racks::totalDemand(const std::vector<double>& uHall, const double* y) const {
  double sum = 0.0;
  for (int i = 0; i < count(); ++i) {
    sum += demand(i, uHall[static_cast<size_t>(m_info[static_cast<size_t>(i)].hall)], y[m_chip0 + i]);
  }
  return sum;
}

void Racks::rhs(const double* y, double* ydot, const std::vector<double>& uHall,
                const std::vector<double>& tSupply, double served, std::vector<double>& airHeat,
                double* pServed) const {
  const double f = m_p.liquidFraction, R = m_p.chipResistance, Cc = m_p.chipHeatCapacity;
  const double mc = m_mdot * m_cp;
  double total = 0.0;
  for (int i = 0; i < count(); ++i) {
    const size_t h = static_cast<size_t>(m_info[static_cast<size_t>(i)].hall);
    const double Tc = y[m_chip0 + i], To = y[m_out0 + i];
    const double P = served * demand(i, uHall[h], Tc);
    total += P;
    const double qChip = (Tc - To) / R;
    ydot[m_chip0 + i] = (f * P - qChip) / Cc;
    ydot[m_out0 + i] = (qChip - mc * (To - tSupply[h])) / m_cw;
    airHeat[h] += (1.0 - f) * P;
  }
  *pServed = total;
}

void Racks::jacobian(network::SparseJacobian& J, const double* y, const std::vector<double>& uHall,
                     double served, const std::vector<int>& hallReturnIndex, int facilitySupplyIndex,
                     const std::vector<double>& supplyFromReturn,
                     const std::vector<double>& supplyFromFacility) const {
  const double R = m_p.chipResistance, Cc = m_p.chipHeatCapacity, f = m_p.liquidFraction;
  const double mc = m_mdot * m_cp;
  for (int i = 0; i < count(); ++i) {
    const size_t h = static_cast<size_t>(m_info[static_cast<size_t>(i)].hall);
    const int c = m_chip0 + i, o = m_out0 + i;
    const double base = m_p.rackPowerIdle + (m_p.rackPowerPeak - m_p.rackPowerIdle) * uHall[h];
    J.add(c, c, -1.0 / (R * Cc) + f * served * base * throttleSlope(y[c]) / Cc);
    J.add(c, o, 1.0 / (R * Cc));
    J.add(o, c, 1.0 / (R * m_cw));
    J.add(o, o, (-1.0 / R - mc) / m_cw);
    J.add(o, hallReturnIndex[h], mc * supplyFromReturn[h] / m_cw);
    J.add(o, facilitySupplyIndex, mc * supplyFromFacility[h] / m_cw);
  }
}

double Racks::throttleRoot(int i, const double* y) const {
  const double Tc = y[m_chip0 + i], w = m_p.throttleHysteresis;
  return m_throttled[static_cast<size_t>(i)] ? Tc - (m_p.chipLimit - 2.0 * w) : Tc - (m_p.chipLimit - w);
}

}  // namespace fdtwin::it
