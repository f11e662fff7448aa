#include "model/cooling/FacilityLoop.hpp"

#include "network/EnergyLedger.hpp"

namespace fdtwin::cooling {

FacilityLoop::FacilityLoop(const CoolingParams& p, double coolantCp, double coolantDensity)
    : m_p(p),
      m_C(p.facilityFlow * coolantCp),
      m_headerC(p.facilityVolume * coolantDensity * coolantCp),
      m_pumpShaft(p.facilityFlow * 9.80665 * p.facilityPumpHead / p.pumpEfficiency) {}

void FacilityLoop::declareStates(network::StateLayout& layout, double initialT) {
  m_states.ret = layout.add("facility T_return", "cooling", "K", 300.0, initialT);
  m_states.supply = layout.add("facility T_supply", "cooling", "K", 300.0, initialT);
}

double FacilityLoop::storedEnergy(const double* y) const {
  constexpr double T0 = network::kThermalEnergyReference;
  return m_headerC * (y[m_states.ret] - T0 + y[m_states.supply] - T0);
}

}  // namespace fdtwin::cooling
