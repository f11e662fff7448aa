#include "model/power/GasEngines.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

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

void GasEngines::commitmentRoots(const double* y, double* g) const {
  const auto& e = m_p;
  const int on = online();
  const bool canStart = starting() == 0 && on < count();
  const double demand = y[m_states.demandFiltered];
  g[0] = canStart ? demand - e.startThreshold * on * e.ratedPower : -1.0;
  g[1] = (on > 1 && starting() == 0) ? e.stopThreshold * (on - 1) * e.ratedPower - demand : -1.0;
}

bool GasEngines::commit(double t, double* y, EngineEvent& event) {
  const auto& e = m_p;
  if (count() == 0 || starting() > 0) return false;
  const int on = online();
  const double demand = y[m_states.demandFiltered];
  const bool gateOpen = on == 0 || t - m_lastCommitment >= e.minRunTime;
  if (!gateOpen) return false;
  // CVODES stops at a threshold crossing to within its root tolerance, so the demand there may
  // sit a round-off below the threshold it crossed: compare with a relative band of 1e-9
  // (far above the root tolerance, far below any physical margin).
  const double band = 1e-9 * e.ratedPower;
  if (on < count() && demand > e.startThreshold * on * e.ratedPower - band) {
    for (int k = 0; k < count(); ++k) {
      if (status(k) == EngineStatus::Off) {
        setStatus(k, EngineStatus::Starting);
        setReadyTime(k, t + e.startupTime);
        m_lastCommitment = t;
        event = {k, "engine_start"};
        return true;
      }
    }
  }
  if (on > 1 && demand < e.stopThreshold * (on - 1) * e.ratedPower + band) {
    for (int k = count() - 1; k >= 0; --k) {
      if (status(k) == EngineStatus::Online) {
        setStatus(k, EngineStatus::Off);
        y[stateIndex(k)] = 0.0;
        m_lastCommitment = t;
        event = {k, "engine_stop"};
        return true;
      }
    }
  }
  return false;
}

int GasEngines::bringOnline(double t, double* y, std::vector<EngineEvent>& events) {
  constexpr double eps = 1e-6;
  int n = 0;
  for (int k = 0; k < count(); ++k) {
    if (status(k) == EngineStatus::Starting && readyTime(k) <= t + eps) {
      setStatus(k, EngineStatus::Online);
      y[stateIndex(k)] = 0.0;
      events.push_back({k, "engine_online"});
      ++n;
    }
  }
  return n;
}

double GasEngines::nextEvent(double t) const {
  double next = std::numeric_limits<double>::infinity();
  for (int k = 0; k < count(); ++k) {
    if (status(k) == EngineStatus::Starting) next = std::min(next, readyTime(k));
  }
  const double gate = m_lastCommitment + m_p.minRunTime;
  if (gate > t) next = std::min(next, gate);
  return next;
}

void GasEngines::commitInitial(double demand, double* y) {
  int units = 0;
  if (count() > 0 && demand > 0.0) {
    units =
        std::clamp(static_cast<int>(std::ceil(demand / (m_p.startThreshold * m_p.ratedPower))), 1, count());
  }
  for (int k = 0; k < count(); ++k) setStatus(k, k < units ? EngineStatus::Online : EngineStatus::Off);
  for (int k = 0; k < count(); ++k) y[stateIndex(k)] = setpoint(k, demand);
  y[m_states.demandFiltered] = demand;
  m_lastCommitment = -1e300;
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
