#include "model/cooling/FacilityLoop.hpp"

namespace fdtwin::cooling {

FacilityLoop::FacilityLoop(const CoolingParams& p, double coolantCp, double coolantDensity)
    : m_p(p),
      m_C(p.facilityFlow * coolantCp),
      m_headerC(p.facilityVolume * coolantDensity * coolantCp),
      m_pumpShaft(p.facilityFlow * 9.80665 * p.facilityPumpHead / p.pumpEfficiency) {}

}  // namespace fdtwin::cooling
