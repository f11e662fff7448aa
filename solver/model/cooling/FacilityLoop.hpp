#pragma once
// Facility water loop between the halls' CDUs/coils and the seawater plate exchangers.
// Two mixed nodes (supply and return headers), constant flow ṁ_fw:
//   return: C_r dT_fr/dt = ṁ_fw·c·(T_fs − T_fr) + Σ Q_cdu + Σ Q_coil + P_shaft,fw     [W]
//   supply: C_s dT_fs/dt = ṁ_fw·c·(T_fr − T_fs) − Q_sw                             [W]
// where Q_sw is the heat handed to the seawater (SeawaterSystem). Pumps: cooling.facility_pump_count
// identical pumps (plus cooling.facility_pump_spares standing by) on the loop's system curve
// H = K·Q² through (ṁ_fw/ρ, H_fw), at the fixed speed that delivers ṁ_fw (hydraulics/PumpBank,
// closedLoopDuty): P_shaft = ρ g Q H/η(q, N) enters the water; P_el adds the motors' and drives'
// part-load losses (heat in the machinery space air, the ledger's pump-loss sink).
#include <vector>

#include "model/PlantParams.hpp"
#include "model/cooling/HallCooling.hpp"
#include "network/SparseJacobian.hpp"
#include "network/StateLayout.hpp"

namespace fdtwin::cooling {

// Where the loop's states sit in the plant's state vector.
struct FacilityStates {
  int ret = -1;     // T_fr, K
  int supply = -1;  // T_fs, K
};

class FacilityLoop {
 public:
  FacilityLoop(const CoolingParams& p, double coolantCp, double coolantDensity);
  void declareStates(network::StateLayout& layout, double initialT);
  const FacilityStates& states() const { return m_states; }
  // Thermal energy of both headers relative to 0 °C, J.
  double storedEnergy(const double* y) const;

  // dT_fr/dt and dT_fs/dt into ydot, with the halls' Q_cdu and Q_coil [W] and Q_sw [W].
  void rhs(const double* y, double* ydot, const std::vector<double>& qCdu, const std::vector<double>& qCoil,
           double qSeawater) const;
  // dT_fs/dt alone (for the seawater block of the Jacobian, which differentiates Q_sw).
  double supplyRate(double tFr, double tFs, double qSeawater) const {
    return (m_C * (tFr - tFs) - qSeawater) / m_headerC;
  }
  // The row of T_fr (CDUs and coils of every hall); the T_fs row belongs to the seawater block.
  void jacobian(network::SparseJacobian& J, const std::vector<HallCooling>& halls) const;

  double flowCapacity() const { return m_C; }          // ṁ_fw·c, W/K
  double headerCapacity() const { return m_headerC; }  // J/K, each header
  double pumpShaftPower() const { return m_pumpShaft; }
  double pumpElectricPower() const { return m_pumpElectric; }
  double setpoint() const { return m_p.facilitySupplySetpoint; }

 private:
  CoolingParams m_p;
  FacilityStates m_states;
  double m_C, m_headerC, m_pumpShaft, m_pumpElectric;
};

}  // namespace fdtwin::cooling
