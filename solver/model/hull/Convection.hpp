#pragma once
// Convection correlations for the hull, deck and superstructure (external flows).
//
// Dimensionless groups: Re_L = U L / nu, Ra_L = g beta |dT| L^3 / (nu alpha), Nu = h L / k.
// Forced convection over a flat plate, average over length L (Incropera & DeWitt,
// Fundamentals of Heat and Mass Transfer, sec. 7.2-7.3; physics sheet section 3.2):
//   laminar          Nu_L = 0.664 Re_L^(1/2) Pr^(1/3)               Re_L <= 5e5, Pr >= 0.6
//   turbulent        Nu_L = 0.037 Re_L^(4/5) Pr^(1/3)               (tripped at leading edge)
//   mixed            Nu_L = (0.037 Re_L^(4/5) - A) Pr^(1/3), A = 0.037 Re_c^(4/5) - 0.664 Re_c^(1/2)
//                    = 871 for Re_c = 5e5; laminar below Re_c (continuous at Re_c)
//   local turbulent  Nu_x = 0.0296 Re_x^(4/5) Pr^(1/3)
//   validated for 0.6 < Pr < 60 and Re_L up to about 1e8.
// ITTC-1957 friction line with the Chilton-Colburn analogy (physics sheet section 3.2):
//   C_F = 0.075 / (log10 Re_L - 2)^2,   St = h/(rho cp U) = (C_F/2) Pr^(-2/3)
//   so h = rho cp U (C_F/2) Pr^(-2/3) and Nu_L = (C_F/2) Re_L Pr^(1/3).
// Natural convection (Incropera sec. 9.6; physics sheet section 3.3):
//   vertical plate, Churchill-Chu (all Ra):
//     Nu_L = {0.825 + 0.387 Ra^(1/6) / [1 + (0.492/Pr)^(9/16)]^(8/27)}^2
//   horizontal plate, hot surface up (or cold down), L = A/P:
//     Nu = 0.54 Ra^(1/4) for Ra <= 1e7 (validated 1e4-1e7), 0.15 Ra^(1/3) above (to 1e11)
//   horizontal plate, hot surface down (or cold up): Nu = 0.52 Ra^(1/5) (1e4-1e9, Pr >= 0.7)
//   Outside the validated Ra ranges the same power laws are extrapolated.
// Mixed forced + natural (Incropera eq. 9.36, Churchill): Nu^3 = Nu_F^3 + Nu_N^3 (assisting or
//   transverse); |Nu_F^3 - Nu_N^3| for opposing flows.
// Sky temperature (Swinbank 1963, clear sky): T_sky = 0.0552 T_air^1.5, both in K.
//
// Hull scale. A moored hull of L ~ 100-300 m in a 0.1-2 m/s current has Re_L ~ 1e7-1e9,
// beyond the ~1e8 validated for the flat-plate correlations (physics sheet sections 3.2, 9.2).
// The flat-plate (mixed) and ITTC/Colburn estimates bracket the hull value (about 10-15 %
// apart at hull scale); treat the spread and biofouling roughness (which raises C_F and h)
// as a sensitivity. At very low current use mixedConvectionNusselt with natural convection.
#include "core/Constants.hpp"
#include "model/properties/FluidProperties.hpp"

namespace fdtwin::hull {

inline constexpr double kCriticalReynoldsFlatPlate = 5e5;  // Re_x,c, flat plate transition [-]

enum class SeaCorrelation { FlatPlate, IttcColburn };

// Re = U L / nu; |U| is used [-].
double reynoldsNumber(double velocity, double length, double kinematicViscosity);
// Ra = g beta |dT| L^3 / (nu alpha) [-]; beta [1/K] (1/T_film for an ideal gas).
double rayleighNumber(double beta, double deltaT, double length, double kinematicViscosity,
                      double thermalDiffusivity, double gravity = constants::kStandardGravity);

// Flat plate, average over L.
double nusseltFlatPlateLaminar(double reL, double pr);
double nusseltFlatPlateTurbulent(double reL, double pr);
double nusseltFlatPlateMixed(double reL, double pr);
// Flat plate, local, turbulent.
double nusseltFlatPlateLocalTurbulent(double reX, double pr);

// ITTC-1957 skin-friction coefficient [-]; defined for Re_L > 100, intended for 1e5-1e10.
double ittcFrictionCoefficient(double reL);
// Chilton-Colburn h = rho cp U (C_F/2) Pr^(-2/3) [W/(m^2 K)] for skin friction cf [-],
// velocity U [m/s] (|U| used) and fluid properties.
double colburnHeatTransferCoefficient(double cf, double velocity, const props::FluidProperties& fluid);

// Natural convection.
double nusseltVerticalPlateChurchillChu(double raL, double pr);
double nusseltHorizontalPlateHotUp(double raL);
double nusseltHorizontalPlateHotDown(double raL);
double mixedConvectionNusselt(double nuForced, double nuNatural, bool opposing = false);

// Clear-sky effective temperature [K] for air temperature tAir [K] (Swinbank 1963).
double skyTemperatureSwinbank(double tAir);

// Average h [W/(m^2 K)] over a hull plate of the given length [m] in a current [m/s]
// (|U| used), fluid = seawater properties at the film temperature.
//   FlatPlate:   nusseltFlatPlateMixed.
//   IttcColburn: ITTC-1957 + Chilton-Colburn for Re_L >= 5e5; below it (a few mm/s for a
//                hull) the fully turbulent flat-plate average, which is within 2.5 % of the
//                ITTC/Colburn value at 5e5 and goes to 0 with U (the ITTC line is singular
//                at Re_L = 100).
double seaSideH(double currentSpeed, double length, const props::FluidProperties& water,
                SeaCorrelation correlation);

// Average forced-convection h [W/(m^2 K)] of wind [m/s] over a plate (deck) of the given
// length [m]: mixed-regime flat plate with air properties at the film temperature.
double airSideH(double windSpeed, double length, const props::FluidProperties& air);

}  // namespace fdtwin::hull
