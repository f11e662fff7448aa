#include "model/cooling/HallCooling.hpp"

#include <algorithm>
#include <numbers>

#include <fmt/format.h>

#include "core/Constants.hpp"
#include "model/cooling/EpsilonNtu.hpp"
#include "model/cooling/PlateExchanger.hpp"
#include "model/hydraulics/PumpBank.hpp"
#include "model/properties/Air.hpp"
#include "network/EnergyLedger.hpp"

namespace fdtwin::cooling {

double cduConductance(const CoolingParams& p, double tcsFlow, double facilityFlowPerHall) {
  PlateExchangerParams x{};
  x.channelsPerSide = p.cduChannels;
  x.plateWidth = p.cduPlateWidth;
  x.plateLength = p.cduPlateLength;
  x.corrugationDepth = p.cduCorrugationDepth;
  x.enlargementFactor = kCduEnlargement;
  x.chevronAngle = p.cduChevronAngle * std::numbers::pi / 180.0;
  x.plateThickness = kCduPlateThickness;
  x.plateConductivity = kCduPlateConductivity;
  x.foulingHot = kCduFouling;
  x.foulingCold = kCduFouling;
  x.salinityHot = 0.0;
  x.salinityCold = 0.0;
  const double tCold = p.facilitySupplySetpoint + kCduColdOffset;
  return PlateExchanger(x).evaluate(tcsFlow, tCold + kCduHotOffset, facilityFlowPerHall, tCold).ua;
}

HallCooling::HallCooling(const CoolingParams& p, int halls, double tcsCapacity, double tcsFlow,
                         double coolantCp, double coolantDensity, bool liquidLoop)
    : m_p(p), m_tcsC(tcsCapacity) {
  const double cFw = p.facilityFlow / halls * coolantCp;
  const double cMin = std::min(m_tcsC, cFw), cMax = std::max(m_tcsC, cFw);
  m_cduUa = 0.0;
  m_epsCmin = 0.0;
  if (liquidLoop) {
    m_cduUa = cduConductance(p, tcsFlow, p.facilityFlow / halls);
    m_epsCmin = effectiveness(m_cduUa / cMin, cMin / cMax, FlowArrangement::Counterflow) * cMin;
  }
  const auto air = props::air(300.15);
  m_coilG = p.airCoilEffectiveness * air.rho * p.airFlow * air.cp;
  m_headerC = p.tcsVolume * coolantDensity * coolantCp;
  m_fanPower = p.airFlow * p.fanPressure / p.fanEfficiency;
  m_pumpShaft = 0.0;
  if (liquidLoop) {
    const hydraulics::PumpOperatingPoint op =
        hydraulics::closedLoopDuty(p.tcsPumpCount, tcsFlow / coolantDensity, p.tcsPumpHead, p.pumpEfficiency,
                                   p.motorEfficiency, p.vfdEfficiency, coolantDensity);
    m_pumpShaft = op.shaftPower;
    m_pumpElectric = op.electricPower;
  }
}

void HallCooling::declareStates(network::StateLayout& layout, int hall, double initialT) {
  m_states.tcsReturn = layout.add(fmt::format("hall{} T_tcs_return", hall), "cooling", "K", 300.0, initialT);
  m_states.air = layout.add(fmt::format("hall{} T_air", hall), "cooling", "K", 300.0, initialT);
}

void HallCooling::rhs(const double* y, double* ydot, const std::vector<int>& rackOutlets,
                      const std::vector<double>& rackFlowCapacity, double airHeat, double coilHeat) const {
  const double tRet = y[m_states.tcsReturn];
  double mix = 0.0;
  for (size_t k = 0; k < rackOutlets.size(); ++k) mix += rackFlowCapacity[k] * (y[rackOutlets[k]] - tRet);
  ydot[m_states.tcsReturn] = (mix + pumpShaftPower()) / headerCapacity();
  ydot[m_states.air] = (airHeat + fanPower() - coilHeat) / airCapacity();
}

double HallCooling::setSteady(double* y, double tFs, double qLiquid, double qAir) const {
  const double qCdu = qLiquid + pumpShaftPower();
  // No CDU (air-cooled racks): no liquid heat, the idle loop starts at the facility supply.
  const double tRet = cduEffectivenessCmin() > 0.0 ? tFs + qCdu / cduEffectivenessCmin() : tFs;
  y[m_states.tcsReturn] = tRet;
  y[m_states.air] = tFs + (qAir + fanPower()) / coilConductance();
  return tRet - qCdu / tcsCapacity();
}

void HallCooling::jacobian(network::SparseJacobian& J, const std::vector<int>& rackOutlets,
                           const std::vector<double>& rackFlowCapacity, const std::vector<WallLink>& walls,
                           int facilitySupply, const std::vector<int>& rackChips,
                           const std::vector<double>& rackAirConductance) const {
  const int ret = m_states.tcsReturn, air = m_states.air;
  double sum = 0.0;  // Σ ṁ_i·c of the racks: the header's outflow (= tcsCapacity() to round-off)
  for (size_t k = 0; k < rackOutlets.size(); ++k) {
    J.add(ret, rackOutlets[k], rackFlowCapacity[k] / headerCapacity());
    sum += rackFlowCapacity[k];
  }
  J.add(ret, ret, -sum / headerCapacity());
  double inner = 0.0;
  for (const auto& w : walls) {
    inner += w.conductance;
    J.add(air, w.state, w.conductance / airCapacity());
  }
  for (size_t k = 0; k < rackChips.size(); ++k) {
    inner += rackAirConductance[k];
    J.add(air, rackChips[k], rackAirConductance[k] / airCapacity());
  }
  J.add(air, air, (-inner - coilConductance()) / airCapacity());
  J.add(air, facilitySupply, coilConductance() / airCapacity());
}

double HallCooling::storedEnergy(const double* y) const {
  constexpr double T0 = network::kThermalEnergyReference;
  double e = 0.0;
  e += headerCapacity() * (y[m_states.tcsReturn] - T0);
  e += airCapacity() * (y[m_states.air] - T0);
  return e;
}

}  // namespace fdtwin::cooling
