#pragma once
// Dry air thermophysical properties, ideal gas, as functions of T [K] (default p = 1 atm).
//
// density        rho = p / (R T), R = 287.05 J/(kg K) (dry air, M = 28.9647 g/mol)   [kg/m^3]
// specific heat  cp = 1006.9 + 3.75 th + 3.72 th^2, th = (T - 300 K)/100 K          [J/(kg K)]
//                Least-squares fit to Incropera & DeWitt, Fundamentals of Heat and Mass
//                Transfer, Table A.4 (200-600 K); max deviation 0.8 J/(kg K) (0.08 %).
// viscosity      Sutherland's law mu = mu0 (T/T0)^1.5 (T0 + Smu)/(T + Smu),
//                mu0 = 1.716e-5 Pa s, T0 = 273.15 K, Smu = 110.4 K                      [Pa s]
//                (White, Viscous Fluid Flow, 3rd ed., Table 1-2; within 1.4 % of Table A.4
//                over 200-600 K).
// conductivity   Sutherland form k = k0 (T/T0)^1.5 (T0 + Sk)/(T + Sk),
//                k0 = 0.0241 W/(m K), T0 = 273 K, Sk = 194 K                            [W/(m K)]
//                (White, Viscous Fluid Flow, Table 1-3; within 1.6 % of Table A.4, 200-600 K).
// derived        nu = mu/rho, alpha = k/(rho cp), Pr = cp mu/k.
//
// Validity: 200-600 K, pressures near atmospheric (mu, k, cp are taken pressure-independent).
// Check values (Incropera Table A.4, 300 K): rho 1.1614, cp 1007, k 0.0263, nu 15.89e-6,
// Pr 0.707. The ideal-gas density at 101325 Pa is 1.1766 kg/m^3, 1.3 % above the table
// (the table itself is not consistent with R = 287 J/(kg K) at 1 atm); nu is 1.3 % below.
#include "core/Constants.hpp"
#include "model/properties/FluidProperties.hpp"

namespace fdtwin::props {

inline constexpr double kAtmosphericPressure = constants::kStandardAtmosphere;  // [Pa]
inline constexpr double kDryAirGasConstant = 287.05;                            // [J/(kg K)]

// Density [kg/m^3] at T [K] and p [Pa].
double airDensity(double T, double p = kAtmosphericPressure);
// Isobaric specific heat [J/(kg K)] at T [K].
double airCp(double T);
// Thermal conductivity [W/(m K)] at T [K].
double airConductivity(double T);
// Dynamic viscosity [Pa s] at T [K] (Sutherland).
double airViscosity(double T);
// Kinematic viscosity [m^2/s] at T [K] and p [Pa].
double airKinematicViscosity(double T, double p = kAtmosphericPressure);
// Prandtl number [-] at T [K].
double airPrandtl(double T);

// All properties at T [K] and p [Pa].
FluidProperties air(double T, double p = kAtmosphericPressure);

}  // namespace fdtwin::props
