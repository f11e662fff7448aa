#pragma once
// The outside conditions of the hull panels at one instant, from the environment sample:
//   sea side:  h_o from the current speed along the hull (length L for bottom and sides,
//              beam B for the ends; flat plate or ITTC-1957/Colburn, physics sheet §3.2,
//              §9.2), floored by natural convection as Nu³ = Nu_forced³ + Nu_natural³
//              (Churchill–Chu, vertical plate of the draft's height at ΔT = 1 K, §3.3);
//              T_ext of each wet panel = the sea temperature at its depth (the thermocline);
//   air side:  h_o from the wind over a flat plate of the hull's length; T_sky from
//              Swinbank (1963); sunlight G as given.
// Fluid properties at the sea surface temperature (seawater of the given salinity) and the
// air temperature. The per-panel CFD coefficients (HullBoundary::hWetPanel) are left empty.
#include "model/PlantParams.hpp"
#include "model/environment/Environment.hpp"
#include "model/hull/Hull.hpp"
#include "model/hull/HullGeometry.hpp"

namespace fdtwin::hull {

void outerBoundary(const HullParams& hp, double salinity, const HullGeometry& geometry,
                   const env::EnvironmentSample& e, HullBoundary& b);

}  // namespace fdtwin::hull
