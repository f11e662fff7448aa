#include "model/power/GasEngines.hpp"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>

namespace fdtwin::power {

GasEngines::GasEngines(const EngineParams& p)
    : m_p(p),
      m_status(static_cast<size_t>(p.count), EngineStatus::Off),
      m_ready(static_cast<size_t>(p.count), 0.0) {}

void GasEngines::declareStates(network::StateLayout& layout) {
  m_states.first = layout.size();
  for (int k = 0; k < count(); ++k) {
    layout.add(fmt::format("engine {} P", k + 1), "power", "W", std::max(1.0, m_p.ratedPower), 0.0);
  }
  m_states.demandFiltered =
      layout.add("engine demand (filtered)", "power", "W", std::max(1e6, m_p.ratedPower), 0.0);
}

void GasEngines::rhs(const double* y, double* ydot, const std::vector<double>& setpoints,
                     double demand) const {
  for (int k = 0; k < count(); ++k) {
    ydot[m_states.first + k] = rate(y[m_states.first + k], setpoints[static_cast<size_t>(k)]);
  }
  ydot[m_states.demandFiltered] = (demand - y[m_states.demandFiltered]) / kDemandFilterTime;
}

void GasEngines::jacobian(network::SparseJacobian& J, const double* y,
                          const std::vector<double>& setpoints) const {
  for (int k = 0; k < count(); ++k) {
    const int i = m_states.first + k;
    J.add(i, i, rateSlope(y[i], setpoints[static_cast<size_t>(k)]));
  }
  J.add(m_states.demandFiltered, m_states.demandFiltered, -1.0 / kDemandFilterTime);
}

int GasEngines::online() const {
  return static_cast<int>(std::count(m_status.begin(), m_status.end(), EngineStatus::Online));
}
int GasEngines::starting() const {
  return static_cast<int>(std::count(m_status.begin(), m_status.end(), EngineStatus::Starting));
}

double GasEngines::setpoint(int k, double demand) const {
  if (status(k) != EngineStatus::Online) return 0.0;
  const int n = online();
  return std::clamp(demand / n, m_p.minLoad * m_p.ratedPower, m_p.ratedPower);
}

double GasEngines::rate(double p, double pSet) const {
  const double R = m_p.rampRate * m_p.ratedPower;
  return R * std::tanh((pSet - p) / (m_p.governorTau * R));
}

double GasEngines::rateSlope(double p, double pSet) const {
  const double R = m_p.rampRate * m_p.ratedPower;
  const double c = std::cosh((pSet - p) / (m_p.governorTau * R));
  return -1.0 / (m_p.governorTau * c * c);
}

double GasEngines::fuelPower(int k, double p) const {
  if (status(k) != EngineStatus::Online) return 0.0;
  const double f0 = m_p.noLoadFuelFraction;
  return ratedFuelPower() * (f0 + (1.0 - f0) * std::max(0.0, p) / m_p.ratedPower);
}

}  // namespace fdtwin::power
