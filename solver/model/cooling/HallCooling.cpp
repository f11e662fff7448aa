#include "model/cooling/HallCooling.hpp"

#include <algorithm>

#include "model/cooling/EpsilonNtu.hpp"
#include "model/properties/Air.hpp"

namespace fdtwin::cooling {

namespace {
constexpr double kGravity = 9.80665;  // m/s2
}

HallCooling::HallCooling(const CoolingParams& p, int halls, double tcsCapacity, double tcsFlow, double coolantCp,
                         double coolantDensity)
    : m_p(p), m_tcsC(tcsCapacity) {
  const double cFw = p.facilityFlow / halls * coolantCp;
  const double cMin = std::min(m_tcsC, cFw), cMax = std::max(m_tcsC, cFw);
  const double eps = effectiveness(p.cduUA / cMin, cMin / cMax, FlowArrangement::Counterflow);
  m_epsCmin = eps * cMin;
  const auto air = props::air(300.15);
  m_coilG = p.airCoilEffectiveness * air.rho * p.airFlow * air.cp;
  m_headerC = p.tcsVolume * coolantDensity * coolantCp;
  m_fanPower = p.airFlow * p.fanPressure / p.fanEfficiency;
  m_pumpShaft = tcsFlow * kGravity * p.tcsPumpHead / p.pumpEfficiency;
}

}  // namespace fdtwin::cooling
