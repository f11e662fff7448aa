#pragma once
// Physical constants and fixed unit relations, each once, with its source. Everything in SI.
namespace fdtwin::constants {

// Standard acceleration of gravity g_n [m/s^2]: a defined value (3rd CGPM 1901; ISO 80000-3).
inline constexpr double kStandardGravity = 9.80665;

// The kelvin value of 0 degC [K]: T/K = t/degC + 273.15 by definition (ITS-90; SI Brochure,
// 9th ed. 2019, 2.3.1).
inline constexpr double kZeroCelsius = 273.15;

// Stefan-Boltzmann constant sigma [W/(m^2 K^4)]: exact since the 2019 SI from h, c and k
// (CODATA 2018, 5.670374419e-8).
inline constexpr double kStefanBoltzmann = 5.670374419e-8;

// Standard atmosphere [Pa]: a defined value (10th CGPM 1954; ISO 2533).
inline constexpr double kStandardAtmosphere = 101325.0;

// Seconds in an hour and in a day [s] (SI Brochure, 9th ed., table 8: non-SI units accepted).
inline constexpr double kSecondsPerHour = 3600.0;
inline constexpr double kSecondsPerDay = 86400.0;

}  // namespace fdtwin::constants
