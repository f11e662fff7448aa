#include "model/cooling/FacilityLoop.hpp"

#include "core/Constants.hpp"
#include "model/hydraulics/PumpBank.hpp"
#include "network/EnergyLedger.hpp"

namespace fdtwin::cooling {

FacilityLoop::FacilityLoop(const CoolingParams& p, double coolantCp, double coolantDensity)
    : m_p(p), m_C(p.facilityFlow * coolantCp), m_headerC(p.facilityVolume * coolantDensity * coolantCp) {
  const hydraulics::PumpOperatingPoint op =
      hydraulics::closedLoopDuty(p.facilityPumpCount, p.facilityFlow / coolantDensity, p.facilityPumpHead,
                                 p.pumpEfficiency, p.motorEfficiency, p.vfdEfficiency, coolantDensity);
  m_pumpShaft = op.shaftPower;
  m_pumpElectric = op.electricPower;
}

void FacilityLoop::declareStates(network::StateLayout& layout, double initialT) {
  m_states.ret = layout.add("facility T_return", "cooling", "K", 300.0, initialT);
  m_states.supply = layout.add("facility T_supply", "cooling", "K", 300.0, initialT);
}

void FacilityLoop::rhs(const double* y, double* ydot, const std::vector<double>& qCdu,
                       const std::vector<double>& qCoil, double qSeawater) const {
  const double tFr = y[m_states.ret], tFs = y[m_states.supply];
  double loads = m_pumpShaft;
  for (size_t h = 0; h < qCdu.size(); ++h) loads += qCdu[h] + qCoil[h];
  ydot[m_states.ret] = (m_C * (tFs - tFr) + loads) / m_headerC;
  ydot[m_states.supply] = supplyRate(tFr, tFs, qSeawater);
}

void FacilityLoop::jacobian(network::SparseJacobian& J, const std::vector<HallCooling>& halls) const {
  const int ret = m_states.ret;
  double dRetSupply = m_C;
  for (const auto& hc : halls) {
    J.add(ret, hc.states().tcsReturn, hc.cduEffectivenessCmin() / m_headerC);
    J.add(ret, hc.states().air, hc.coilConductance() / m_headerC);
    dRetSupply -= hc.cduEffectivenessCmin() + hc.coilConductance();
  }
  J.add(ret, ret, -m_C / m_headerC);
  J.add(ret, m_states.supply, dRetSupply / m_headerC);
}

double FacilityLoop::storedEnergy(const double* y) const {
  constexpr double T0 = network::kThermalEnergyReference;
  return m_headerC * (y[m_states.ret] - T0 + y[m_states.supply] - T0);
}

}  // namespace fdtwin::cooling
