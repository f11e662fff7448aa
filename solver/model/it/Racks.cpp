#include "model/it/Racks.hpp"

#include <algorithm>
#include <cmath>
#include <numbers>

#include <fmt/format.h>

#include "network/EnergyLedger.hpp"

namespace fdtwin::it {

std::vector<JobParams> effectiveJobs(const ItParams& p) {
  if (!p.jobs.empty()) return p.jobs;
  std::vector<JobParams> jobs;
  const int perHall = p.rowsPerHall * p.racksPerRow;
  for (int h = 0; h < p.halls; ++h) {
    JobParams j{p.profile, h * perHall, (h + 1) * perHall - 1};
    j.profile.phase += h * p.hallPhaseShift;
    jobs.push_back(j);
  }
  return jobs;
}

double PortableNormal::next() {
  if (m_hasSpare) {
    m_hasSpare = false;
    return m_spare;
  }
  // Two uniforms in (0, 1) from the top 53 bits, then Box–Muller.
  const auto uniform = [&] { return (static_cast<double>(m_engine() >> 11) + 0.5) * 0x1.0p-53; };
  const double u1 = uniform(), u2 = uniform();
  const double r = std::sqrt(-2.0 * std::log(u1)), a = 2.0 * std::numbers::pi * u2;
  m_spare = r * std::sin(a);
  m_hasSpare = true;
  return r * std::cos(a);
}

Racks::Racks(const ItParams& p, double coolantCp, double coolantDensity)
    : m_p(p), m_jobs(effectiveJobs(p)), m_cp(coolantCp) {
  m_mdotNominal = p.coolantFlowPerPower * p.rackPowerPeak * coolantDensity;  // kg/s
  m_cw = p.rackCoolantVolume * coolantDensity * coolantCp;                   // J/K
  for (int h = 0; h < p.halls; ++h) {
    for (int r = 0; r < p.rowsPerHall; ++r) {
      for (int k = 0; k < p.racksPerRow; ++k) {
        RackInfo ri;
        ri.name = fmt::format("hall{}-r{:02d}-{:02d}", h + 1, r + 1, k + 1);
        ri.hall = h;
        ri.row = r;
        ri.slot = k;
        m_info.push_back(ri);
      }
    }
  }
  for (size_t j = 0; j < m_jobs.size(); ++j) {
    for (int i = m_jobs[j].firstRack; i <= m_jobs[j].lastRack && i < count(); ++i)
      m_info[static_cast<size_t>(i)].job = static_cast<int>(j);
  }
  m_throttled.assign(m_info.size(), 0);
  m_mdot.assign(m_info.size(), m_mdotNominal);
  PortableNormal normal(static_cast<unsigned long long>(p.spreadSeed));
  const auto draw = [&] { return std::clamp(normal.next(), -3.0, 3.0); };
  for (size_t i = 0; i < m_info.size(); ++i) {
    const double spreadR = 1.0 + p.chipResistanceSpread * draw();
    m_R.push_back(p.chipResistance * spreadR);
    m_Rair.push_back(p.chipAirResistance * spreadR);
    m_g.push_back(1.0 + p.powerSpread * draw());
  }
}

void Racks::setRowSplit(const std::vector<double>& slotFlow) {
  for (size_t i = 0; i < m_info.size(); ++i) m_mdot[i] = slotFlow[static_cast<size_t>(m_info[i].slot)];
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

void Racks::setSteady(int i, double* y, double u, double tSupply, double tAir) const {
  if (airCooled()) {
    y[outletIndex(i)] = tSupply;
    y[chipIndex(i)] = tAir + demand(i, u, y[chipIndex(i)]) * chipAirResistance(i);
    return;
  }
  const double qi = m_p.liquidFraction * demand(i, u, y[chipIndex(i)]);
  const double tOut = tSupply + qi / flowCapacity(i);
  y[outletIndex(i)] = tOut;
  y[chipIndex(i)] = tOut + qi * chipResistance(i);
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
  return throttleShare(tChip) * powerFactor(i) *
         (m_p.rackPowerIdle + (m_p.rackPowerPeak - m_p.rackPowerIdle) * u);
}

double Racks::totalDemand(const std::vector<double>& uJob, const double* y) const {
  double sum = 0.0;
  for (int i = 0; i < count(); ++i) sum += demand(i, uJob[static_cast<size_t>(job(i))], y[m_chip0 + i]);
  return sum;
}

void Racks::rhs(const double* y, double* ydot, const std::vector<double>& uJob,
                const std::vector<double>& tSupply, const std::vector<int>& hallAirIndex, double served,
                std::vector<double>& airHeat, double* pServed, const std::vector<double>* rowInlet,
                std::vector<double>* rowAirHeat) const {
  const double f = m_p.liquidFraction, Cc = m_p.chipHeatCapacity;
  double total = 0.0;
  for (int i = 0; i < count(); ++i) {
    const size_t h = static_cast<size_t>(m_info[static_cast<size_t>(i)].hall);
    const double R = chipResistance(i), mc = flowCapacity(i);
    const double Tc = y[m_chip0 + i], To = y[m_out0 + i];
    const double P = served * demand(i, uJob[static_cast<size_t>(job(i))], Tc);
    total += P;
    if (airCooled()) {
      const double tIn = rowInlet ? (*rowInlet)[static_cast<size_t>(globalRow(i))] : y[hallAirIndex[h]];
      const double qAir = (Tc - tIn) * airConductance(i);
      ydot[m_chip0 + i] = (P - qAir) / Cc;
      ydot[m_out0 + i] = -mc * (To - tSupply[h]) / m_cw;
      airHeat[h] += qAir;
      if (rowAirHeat) (*rowAirHeat)[static_cast<size_t>(globalRow(i))] += qAir;
      continue;
    }
    const double qChip = (Tc - To) / R;
    ydot[m_chip0 + i] = (f * P - qChip) / Cc;
    ydot[m_out0 + i] = (qChip - mc * (To - tSupply[h])) / m_cw;
    airHeat[h] += (1.0 - f) * P;
    if (rowAirHeat) (*rowAirHeat)[static_cast<size_t>(globalRow(i))] += (1.0 - f) * P;
  }
  *pServed = total;
}

void Racks::jacobian(network::SparseJacobian& J, const double* y, const std::vector<double>& uJob,
                     double served, const std::vector<int>& hallReturnIndex,
                     const std::vector<int>& hallAirIndex, int facilitySupplyIndex,
                     const std::vector<double>& supplyFromReturn,
                     const std::vector<double>& supplyFromFacility, bool rowInlets) const {
  const double Cc = m_p.chipHeatCapacity, f = m_p.liquidFraction;
  for (int i = 0; i < count(); ++i) {
    const size_t h = static_cast<size_t>(m_info[static_cast<size_t>(i)].hall);
    const double R = chipResistance(i), mc = flowCapacity(i);
    const int c = m_chip0 + i, o = m_out0 + i;
    const double u = uJob[static_cast<size_t>(job(i))];
    const double base = powerFactor(i) * (m_p.rackPowerIdle + (m_p.rackPowerPeak - m_p.rackPowerIdle) * u);
    const double dPower = served * base * throttleSlope(y[c]);  // ∂P/∂T_c
    if (airCooled()) {
      const double g = airConductance(i);
      J.add(c, c, (-g + dPower) / Cc);
      if (!rowInlets) J.add(c, hallAirIndex[h], g / Cc);
      J.add(o, o, -mc / m_cw);
    } else {
      J.add(c, c, -1.0 / (R * Cc) + f * dPower / Cc);
      J.add(c, o, 1.0 / (R * Cc));
      J.add(o, c, 1.0 / (R * m_cw));
      J.add(o, o, (-1.0 / R - mc) / m_cw);
    }
    J.add(o, hallReturnIndex[h], mc * supplyFromReturn[h] / m_cw);
    J.add(o, facilitySupplyIndex, mc * supplyFromFacility[h] / m_cw);
  }
}

double Racks::throttleRoot(int i, const double* y) const {
  const double Tc = y[m_chip0 + i], w = m_p.throttleHysteresis;
  return m_throttled[static_cast<size_t>(i)] ? Tc - (m_p.chipLimit - 2.0 * w) : Tc - (m_p.chipLimit - w);
}

}  // namespace fdtwin::it
