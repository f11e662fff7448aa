#pragma once
// A bank of identical gas engines (gensets). State per engine: electrical output P_k [W].
//
// Load response, ramp-limited and smooth:  dP_k/dt = R·tanh((P_set − P_k)/(τ·R)),
//   R = ramp rate · P_rated [W/s], τ the governor time constant (linear for small errors,
//   |dP/dt| ≤ R for large ones). P_set = clamp(D/n_on, P_min, P_rated) for a running engine,
//   0 otherwise; D is the demand the dispatcher puts on the engines.
// Fuel (Willans line, physics sheet §6.1): F_k = (P_rated/η_rated)·[f₀ + (1 − f₀)·P_k/P_rated]
//   for a running engine [W of LHV]; ṁ_fuel = F/LHV; CO₂ = F·EF (kg/J of LHV).
// Waste heat F_k − P_k: a share j (jacket water, charge air, lube oil) to the sea, the rest
//   (exhaust, radiation) to the atmosphere.
// Commitment (discrete, event-driven, with hysteresis and a minimum time between changes):
//   start one more engine when the filtered demand exceeds start_threshold·n_on·P_rated; it
//   is online after the start-up time. Stop one when the filtered demand fits under
//   stop_threshold·(n_on − 1)·P_rated. The demand filter (τ = 15 min) keeps second-scale
//   training dips from cycling engines.
#include <vector>

#include "model/PlantParams.hpp"
#include "network/SparseJacobian.hpp"
#include "network/StateLayout.hpp"

namespace fdtwin::power {

enum class EngineStatus { Off, Starting, Online };

// A discrete change of the commitment: kind is engine_start, engine_online or engine_stop.
struct EngineEvent {
  int engine = -1;
  const char* kind = "";
};

// Where the engines' states sit in the plant's state vector.
struct EngineStates {
  int first = -1;           // P_1 … P_n, W (consecutive)
  int demandFiltered = -1;  // the filtered engine demand, W
};

class GasEngines {
 public:
  explicit GasEngines(const EngineParams& p);
  int count() const { return m_p.count; }
  // Reserves P_k of every engine, then the filtered demand.
  void declareStates(network::StateLayout& layout);
  const EngineStates& states() const { return m_states; }
  int stateIndex(int k) const { return m_states.first + k; }
  const EngineParams& params() const { return m_p; }

  EngineStatus status(int k) const { return m_status[static_cast<size_t>(k)]; }
  void setStatus(int k, EngineStatus s) { m_status[static_cast<size_t>(k)] = s; }
  // Time of the last start or stop, s (the minimum-run gate; a discrete state).
  double lastCommitment() const { return m_lastCommitment; }
  void setLastCommitment(double t) { m_lastCommitment = t; }
  int online() const;
  int starting() const;
  double readyTime(int k) const { return m_ready[static_cast<size_t>(k)]; }
  void setReadyTime(int k, double t) { m_ready[static_cast<size_t>(k)] = t; }

  // dP_k/dt for every engine and the demand filter, dD_f/dt = (D − D_f)/τ_f, into ydot.
  void rhs(const double* y, double* ydot, const std::vector<double>& setpoints, double demand) const;
  // Their diagonal (the couplings through the demand are left to Newton's iteration).
  void jacobian(network::SparseJacobian& J, const double* y, const std::vector<double>& setpoints) const;

  // Commitment. Root functions (kCommitmentRoots of them) that cross zero when the filtered
  // demand in y reaches the start or the stop threshold.
  static constexpr int kCommitmentRoots = 2;
  void commitmentRoots(const double* y, double* g) const;
  // Starts or stops one engine when the filtered demand asks for it and the minimum time
  // since the last change has passed; a stopped engine's P_k is set to 0 in y.
  bool commit(double t, double* y, EngineEvent& event);
  // Engines whose start-up ends by t go online (P_k = 0 in y); returns how many.
  int bringOnline(double t, double* y, std::vector<EngineEvent>& events);
  // The next commitment time event after t: an engine's ready time or the end of the
  // minimum run time (the gate of commit()); +inf if none.
  double nextEvent(double t) const;
  // Initial commitment for the engine demand D at t = 0: ceil(D/(start_threshold·P_rated))
  // units online, sharing it (P_k and D_f in y); the gate is open.
  void commitInitial(double demand, double* y);

  double setpoint(int k, double demand) const;
  double rate(double p, double pSet) const;       // dP/dt
  double rateSlope(double p, double pSet) const;  // ∂(dP/dt)/∂P
  double fuelPower(int k, double p) const;        // W LHV
  double ratedFuelPower() const { return m_p.ratedPower / m_p.efficiency; }
  static constexpr double kDemandFilterTime = 900.0;  // s

 private:
  EngineParams m_p;
  EngineStates m_states;
  std::vector<EngineStatus> m_status;
  std::vector<double> m_ready;
  double m_lastCommitment = -1e300;  // s, time of the last start or stop
};

}  // namespace fdtwin::power
