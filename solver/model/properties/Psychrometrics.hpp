#pragma once
// Moist-air psychrometrics: saturation vapour pressure, humidity ratio, dew point, enthalpy.
//
// Units: T absolute temperature [K], p total pressure [Pa], p_w water-vapour partial
// pressure [Pa], W humidity ratio [kg water / kg dry air], rh relative humidity in [0, 1],
// h specific enthalpy [J/kg dry air], t = T - 273.15 K in degC where a formula needs it.
// Source: ASHRAE Handbook - Fundamentals (2017, SI), chapter 1 "Psychrometrics", eq. 5-6
// (Hyland & Wexler 1983, ASHRAE Trans. 89(2A) 500-519), eq. 20, 22, 24, 32.
//
// saturation pressure over ice, 173.15 K <= T < 273.15 K (eq. 5):
//   ln p_ws = C1/T + C2 + C3 T + C4 T^2 + C5 T^3 + C6 T^4 + C7 ln T
//   C1 = -5.6745359e3, C2 = 6.3925247, C3 = -9.6778430e-3, C4 = 6.2215701e-7,
//   C5 = 2.0747825e-9, C6 = -9.4840240e-13, C7 = 4.1635019
// saturation pressure over liquid water, 273.15 K <= T <= 473.15 K (eq. 6):
//   ln p_ws = C8/T + C9 + C10 T + C11 T^2 + C12 T^3 + C13 ln T
//   C8 = -5.8002206e3, C9 = 1.3914993, C10 = -4.8640239e-2, C11 = 4.1764768e-5,
//   C12 = -1.4452093e-8, C13 = 6.5459673
// humidity ratio (eq. 20, 22):  W = 0.621945 p_w / (p - p_w), p_w = rh p_ws(T)
//   (ideal-gas mixing; the enhancement factor f ~ 1.004 of eq. 23 is left out, as ASHRAE's
//   own worked examples do: W is 0.4 % low at saturation).
// dew point: the T_d at which p_ws(T_d) = p_w, by Newton iteration on ln p_ws(T) (the
//   analytic derivative of eq. 5/6), over ice below 273.15 K (the frost point), to 1e-9 K.
//   (ASHRAE eq. 39/40 give an explicit fit of this inverse, good to ~0.1 K; the iteration
//   is exact for eq. 5/6.)
// enthalpy (eq. 32):  h = 1006 t + W (2.501e6 + 1860 t)   [J/kg dry air], t in degC.
namespace fdtwin::props {

inline constexpr double kWaterAirMolarMassRatio = 0.621945;  // M_w/M_da [-] (ASHRAE eq. 20)

// Saturation pressure of water vapour [Pa] over ice (T < 273.15 K) or water, T [K].
double saturationPressure(double T);
// Humidity ratio [kg/kg] for vapour partial pressure pw [Pa] at total pressure p [Pa].
double humidityRatio(double pw, double p);
// Humidity ratio [kg/kg] at T [K], relative humidity rh [0..1] and total pressure p [Pa].
double humidityRatioFromRelativeHumidity(double T, double rh, double p);
// Vapour partial pressure [Pa] of air with humidity ratio W [kg/kg] at total pressure p [Pa].
double vapourPressure(double W, double p);
// Relative humidity [-] of air at T [K] with humidity ratio W at total pressure p [Pa].
double relativeHumidity(double T, double W, double p);
// Dew point (frost point below 273.15 K) [K] of air with humidity ratio W > 0 at pressure p [Pa].
double dewPoint(double W, double p);
// Moist-air specific enthalpy [J/kg dry air] at T [K] and humidity ratio W [kg/kg].
double moistAirEnthalpy(double T, double W);

}  // namespace fdtwin::props
