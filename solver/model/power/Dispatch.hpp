#pragma once
// The dispatch controller: covers the electrical demand every instant.
//   1. Engines deliver ΣP_k (states, following their set points).
//   2. Deck solar delivers what it can.
//   3. The battery closes the gap: discharges up to P_max (tapered to 0 over the last 2 % of
//      state of charge above SOC_min), or charges with the surplus (tapered below SOC_max).
//   4. The shore connection imports up to its limit.
//   5. What is still missing is unserved load, reported and shed from the IT load (never
//      silently dropped); surplus beyond the battery curtails solar, then goes to a load bank.
// Battery (§6.4): dSOC/dt = (η_ch·P_ch − P_dis/η_dis)/E, η_ch = η_dis = √η_rt.
// Engine demand: D_eng = P_demand − P_solar + E·(SOC_target − SOC)/t_recharge (clamped to
// ±P_max), so the engines also restore the battery's charge.
// Electrical balance: ΣP_k + P_solar + P_shore + P_dis − P_ch + P_unserved = P_demand + P_dumped.
#include "model/PlantParams.hpp"
#include "model/power/GasEngines.hpp"
#include "network/SparseJacobian.hpp"
#include "network/StateLayout.hpp"

namespace fdtwin::power {

struct DispatchResult {
  double solar = 0.0;        // W used (after curtailment)
  double discharge = 0.0;    // W at battery terminals
  double charge = 0.0;       // W at battery terminals
  double shore = 0.0;        // W
  double unserved = 0.0;     // W
  double dumped = 0.0;       // W
  double socRate = 0.0;      // 1/s
  double batteryLoss = 0.0;  // W
};

// Where the battery's state sits in the plant's state vector.
struct BatteryStates {
  int soc = -1;  // state of charge, 1
};

class Dispatch {
 public:
  Dispatch(const BatteryParams& b, double shoreLimit);
  DispatchResult solve(double demand, double engines, double solarAvailable, double soc) const;
  double engineDemand(double demand, double solarAvailable, double soc) const;
  // The row of the SOC: ∂(dSOC/dt)/∂SOC and ∂/∂P_k of the running engines, by local
  // differences of solve() (it is piecewise linear with tapers). demandPerEngineWatt: how the
  // demand itself moves with an engine's output (the engine-room pumps follow its cooling heat).
  void jacobian(network::SparseJacobian& J, const double* y, double demand, double engineSum,
                double solarAvailable, const GasEngines& engines, double demandPerEngineWatt) const;
  const BatteryParams& battery() const { return m_b; }
  void declareStates(network::StateLayout& layout);
  const BatteryStates& states() const { return m_states; }
  // Energy in the battery, J.
  double storedEnergy(const double* y) const { return m_b.capacity * y[m_states.soc]; }

 private:
  double dischargeLimit(double soc) const;
  double chargeLimit(double soc) const;
  BatteryParams m_b;
  double m_shore;
  double m_eta;
  BatteryStates m_states;
};

}  // namespace fdtwin::power
