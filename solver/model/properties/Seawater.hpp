#pragma once
// Seawater (and fresh water, S = 0) thermophysical properties at p = 0.101325 MPa.
//
// API units: T absolute temperature [K], S absolute (reference-composition) salinity [g/kg].
// Inside the correlations t = T - 273.15 is in degC (ITS-90) and s = S/1000 in kg/kg.
// Source: Sharqawy, Lienhard & Zubair 2010, "Thermophysical properties of seawater: a review
// of existing correlations and data", Desalination and Water Treatment 16:354-380,
// doi:10.5004/dwt.2010.1079, as transcribed in docs physics sheet section 1.1.
//
// density        rho = rho_w(t) + s*(a0 + a1 t + a2 t^2 + a3 t^3) - b s^2 t^2          [kg/m^3]
//                Sharqawy eq. 8, 0-180 degC, 0-150 g/kg, +-0.1 %.
// specific heat  cp = 1000*(A + B*T68 + C*T68^2 + D*T68^3), A..D quadratic in SP  [J/(kg K)]
//                Jamieson et al. 1969, 0-180 degC, 0-180 g/kg, +-0.28 %.
//                T68 = 1.00024*(t + 273.15) is in KELVIN (IPTS-68) and SP = S/1.00472
//                (practical salinity). Passing degC here (the bug in the public JS port)
//                gives cp(20 degC, 35 g/kg) = 2697 instead of 3999.8 J/(kg K).
// conductivity   log10(k_mW) = log10(240 + 2e-4 SP)
//                  + 0.434 (2.3 - (343.5 + 0.037 SP)/TK) (1 - TK/(647.3 + 0.03 SP))^(1/3)
//                TK = 1.00024 t + 273.15; k = 1e-3 k_mW                           [W/(m K)]
//                Jamieson & Tudhope 1970, 0-180 degC, 0-160 g/kg, +-3 %.
// viscosity      mu_w = 4.2844324477e-5 + 1/(0.15700386464 (t + 64.99262005)^2 - 91.296496657)
//                mu = mu_w (1 + A s + B s^2), A, B quadratic in t                  [Pa s]
//                Sharqawy eq. 22-23, 0-180 degC, 0-150 g/kg, +-1.5 %.
// derived        nu = mu/rho [m^2/s], alpha = k/(rho cp) [m^2/s], Pr = cp mu/k [-].
// freezing point t_f = -0.0575 SP + 1.710523e-3 SP^1.5 - 2.154996e-4 SP^2          [degC]
//                UNESCO 1983 (Millero & Leung 1976; Fofonoff & Millard 1983, UNESCO Tech.
//                Pap. Mar. Sci. 44) at p = 0, 4-40 practical salinity, +-0.004 K. The formula
//                is in practical salinity, so SP = S/1.00472 (S = 35 g/kg -> -1.913 degC;
//                SP = 35 -> -1.922 degC).
// boiling point  T_b = 373.15 K + BPE(100 degC, S), BPE = A s^2 + B s                   [K]
//                A = -4.5838530457e-4 t^2 + 2.8230948284e-1 t + 1.7945189194e1,
//                B = 1.5361752708e-4 t^2 + 5.2669058133e-2 t + 6.5604855793, t = 100 degC.
//                Sharqawy eq. 36 (fit of Bromley et al. 1974), 0-200 degC, 0-120 g/kg,
//                +-0.018 K. Pure water is taken to boil at 100 degC (ITS-90 gives 99.974 degC;
//                the 0.026 K difference is below the needs of the plant model).
//
// No range checks here: inputs are range-checked where they are read (STYLE habit 4).
#include "model/properties/FluidProperties.hpp"

namespace fdtwin::props {

// Density [kg/m^3] at T [K], S [g/kg].
double seawaterDensity(double T, double S);
// Isobaric specific heat (Jamieson 1969) [J/(kg K)] at T [K], S [g/kg].
double seawaterCp(double T, double S);
// Thermal conductivity (Jamieson & Tudhope 1970) [W/(m K)] at T [K], S [g/kg].
double seawaterConductivity(double T, double S);
// Dynamic viscosity [Pa s] at T [K], S [g/kg].
double seawaterViscosity(double T, double S);
// Kinematic viscosity mu/rho [m^2/s] at T [K], S [g/kg].
double seawaterKinematicViscosity(double T, double S);
// Thermal diffusivity k/(rho cp) [m^2/s] at T [K], S [g/kg].
double seawaterThermalDiffusivity(double T, double S);
// Prandtl number cp mu/k [-] at T [K], S [g/kg].
double seawaterPrandtl(double T, double S);
// Freezing point at 1 atm [K] for S [g/kg].
double seawaterFreezingPoint(double S);
// Normal boiling point at 1 atm [K] for S [g/kg].
double seawaterBoilingPoint(double S);

// All properties at T [K], S [g/kg].
FluidProperties seawater(double T, double S);
// Fresh water, same correlations with S = 0.
FluidProperties freshWater(double T);

}  // namespace fdtwin::props
