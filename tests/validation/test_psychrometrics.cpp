// Validation of fdtwin::props psychrometrics (solver/model/properties/Psychrometrics.hpp),
// Hyland & Wexler 1983 as given in ASHRAE Handbook - Fundamentals 2017 ch. 1, against the
// IAPWS formulations written out here as independent references: IAPWS-IF97 (1997, rev. 2007)
// eq. 30, the saturation-pressure equation, and IAPWS R14-08(2011) for sublimation over ice.
#include <gtest/gtest.h>

#include <cmath>
#include <initializer_list>
#include <string>

#include "../support/Validation.hpp"
#include "core/Constants.hpp"
#include "model/properties/Psychrometrics.hpp"

namespace fdtwin::props {
namespace {

constexpr double kT0 = constants::kZeroCelsius;
constexpr double kP = constants::kStandardAtmosphere;

// IAPWS-IF97 region 4, saturation pressure [Pa] at T [K] (273.15-647.096 K).
double saturationPressureIf97(double T) {
  constexpr double n1 = 0.11670521452767e4, n2 = -0.72421316703206e6, n3 = -0.17073846940092e2,
                   n4 = 0.12020824702470e5, n5 = -0.32325550322333e7, n6 = 0.14915108613530e2,
                   n7 = -0.48232657361591e4, n8 = 0.40511340542057e6, n9 = -0.23855557567849,
                   n10 = 0.65017534844798e3;
  const double th = T + n9 / (T - n10);
  const double a = th * th + n1 * th + n2;
  const double b = n3 * th * th + n4 * th + n5;
  const double c = n6 * th * th + n7 * th + n8;
  const double x = 2.0 * c / (-b + std::sqrt(b * b - 4.0 * a * c));
  return 1e6 * x * x * x * x;
}

// IAPWS R14-08(2011), sublimation pressure over ice Ih [Pa] at T [K] (50-273.16 K).
double sublimationPressureIapws(double T) {
  constexpr double kTt = 273.16, kPt = 611.657;
  const double th = T / kTt;
  const double s = -0.212144006e2 * std::pow(th, 0.333333333e-2) +
                   0.273203819e2 * std::pow(th, 0.120666667e1) - 0.610598130e1 * std::pow(th, 0.170333333e1);
  return kPt * std::exp(s / th);
}

// Dew point [K] from IF97 by bisection: the independent inverse.
double dewPointIf97(double pw) {
  double lo = kT0, hi = kT0 + 100.0;
  for (int i = 0; i < 200; ++i) {
    const double mid = 0.5 * (lo + hi);
    (saturationPressureIf97(mid) < pw ? lo : hi) = mid;
  }
  return 0.5 * (lo + hi);
}

// The references reproduce their own published check values: IF97 Table 35 (300 K:
// 3.53658941e-3 MPa; 500 K: 2.63889776 MPa; 600 K: 12.3443146 MPa) and R14-08 Table 3
// (230 K: 8.94735e-6 MPa), to the 9 and 6 digits printed.
TEST(Psychrometrics, ReferencesReproduceTheirCheckValues) {
  EXPECT_NEAR(saturationPressureIf97(300.0), 3536.58941, 1e-8 * 3536.58941);
  EXPECT_NEAR(saturationPressureIf97(500.0), 2.63889776e6, 1e-8 * 2.63889776e6);
  EXPECT_NEAR(saturationPressureIf97(600.0), 12.3443146e6, 1e-8 * 12.3443146e6);
  EXPECT_NEAR(sublimationPressureIapws(230.0), 8.94735, 1e-5 * 8.94735);
}

// Saturation pressure over water, 0.01-90 degC, against IF97; over ice, -60 to -1 degC,
// against IAPWS 2011; and the triple point 611.657 Pa at 273.16 K. Tolerance 0.1 % (the
// brief's p_ws tolerance; Hyland-Wexler was fitted to the data IAPWS also represents).
TEST(Psychrometrics, SaturationPressureAgainstIapws) {
  for (double t : {0.01, 5.0, 10.0, 15.0, 20.0, 25.0, 30.0, 40.0, 50.0, 60.0, 75.0, 90.0}) {
    const double ref = saturationPressureIf97(kT0 + t);
    test::reportCheck("p_ws over water at " + std::to_string(t).substr(0, 5) + " degC", "IAPWS-IF97 eq. 30", ref,
                      saturationPressure(kT0 + t), 1e-3 * ref, "Pa", "0.1 %: Hyland-Wexler fitted to the same data");
    EXPECT_NEAR(saturationPressure(kT0 + t), ref, 1e-3 * ref) << t << " degC";
  }
  for (double t : {-60.0, -40.0, -20.0, -10.0, -1.0}) {
    const double ref = sublimationPressureIapws(kT0 + t);
    test::reportCheck("p_ws over ice at " + std::to_string(t).substr(0, 5) + " degC", "IAPWS R14-08", ref,
                      saturationPressure(kT0 + t), 1e-3 * ref, "Pa", "0.1 %: Hyland-Wexler fitted to the same data");
    EXPECT_NEAR(saturationPressure(kT0 + t), ref, 1e-3 * ref) << t << " degC";
  }
  test::reportCheck("p_ws at the triple point", "IAPWS: 611.657 Pa at 273.16 K", 611.657, saturationPressure(273.16),
                    1e-3 * 611.657, "Pa", "0.1 %");
  EXPECT_NEAR(saturationPressure(273.16), 611.657, 1e-3 * 611.657);
  // ASHRAE Fundamentals 2017 ch. 1 Table 3 values: 20 degC 2.3392 kPa, 25 degC 3.1699 kPa.
  EXPECT_NEAR(saturationPressure(kT0 + 20.0), 2339.2, 1e-3 * 2339.2);
  EXPECT_NEAR(saturationPressure(kT0 + 25.0), 3169.9, 1e-3 * 3169.9);
}

// Dew point: 25 degC, 50 % RH at 1 atm -> 13.9 degC (ASHRAE psychrometric chart No. 1; the
// brief's check value), tolerance 0.2 K (the chart's reading resolution, the brief's).
// Against the IF97 inverse over 5-35 degC dry bulb and 20-90 % RH: 0.01 K (a 0.1 % pressure
// difference moves the dew point by < 0.02 K at these temperatures).
TEST(Psychrometrics, DewPoint) {
  const double w = humidityRatioFromRelativeHumidity(kT0 + 25.0, 0.5, kP);
  test::reportCheck("dew point, 25 degC and 50 % RH", "ASHRAE psychrometric chart No. 1", kT0 + 13.9, dewPoint(w, kP),
                    0.2, "K", "the chart's reading resolution");
  EXPECT_NEAR(dewPoint(w, kP) - kT0, 13.9, 0.2);
  for (double t : {5.0, 15.0, 25.0, 35.0}) {
    for (double rh : {0.2, 0.5, 0.9}) {
      const double wi = humidityRatioFromRelativeHumidity(kT0 + t, rh, kP);
      const double pw = vapourPressure(wi, kP);
      if (pw < saturationPressureIf97(kT0)) continue;  // frost point: checked below
      EXPECT_NEAR(dewPoint(wi, kP), dewPointIf97(pw), 0.01) << t << " degC " << rh;
    }
  }
  // Saturated air: the dew point is the dry-bulb temperature (identity, 1e-8 K), over water
  // and over ice.
  for (double t : {-20.0, -5.0, 3.0, 18.0, 32.0}) {
    const double ws = humidityRatioFromRelativeHumidity(kT0 + t, 1.0, kP);
    EXPECT_NEAR(dewPoint(ws, kP), kT0 + t, 1e-8) << t;
    EXPECT_NEAR(relativeHumidity(kT0 + t, ws, kP), 1.0, 1e-12) << t;
  }
}

// Humidity ratio: the definition W = 0.621945 p_w/(p - p_w) (ASHRAE eq. 20) and its inverse,
// at a point worked by hand: 25 degC, 50 % -> p_w = 1584.95 Pa (p_ws 3169.9 Pa, Table 3),
// W = 0.621945 x 1584.95/(101325 - 1584.95) = 0.0098830 kg/kg. Tolerance 0.1 % (p_ws).
TEST(Psychrometrics, HumidityRatio) {
  const double w = humidityRatioFromRelativeHumidity(kT0 + 25.0, 0.5, kP);
  test::reportCheck("humidity ratio, 25 degC and 50 % RH", "ASHRAE eq. 20 by hand", 0.0098830, w, 1e-3 * 0.0098830,
                    "kg/kg", "0.1 %, as p_ws");
  EXPECT_NEAR(w, 0.0098830, 1e-3 * 0.0098830);
  EXPECT_NEAR(humidityRatio(vapourPressure(w, kP), kP), w, 1e-15);
}

// Enthalpy (ASHRAE eq. 32), hand value at 25 degC, W = 0.01: 1006(25) + 0.01(2.501e6 +
// 1860(25)) = 25 150 + 25 475 = 50 625 J/kg (exact), and cp of moist air = dh/dT at fixed W =
// 1006 + 1860 W (central difference, 1e-6 relative).
TEST(Psychrometrics, Enthalpy) {
  test::reportCheck("moist-air enthalpy, 25 degC, W 0.01", "ASHRAE eq. 32 by hand", 50625.0,
                    moistAirEnthalpy(kT0 + 25.0, 0.01), 1e-9 * 50625.0, "J/kg", "exact arithmetic");
  EXPECT_NEAR(moistAirEnthalpy(kT0 + 25.0, 0.01), 50625.0, 1e-9 * 50625.0);
  const double dT = 0.01;
  const double cp =
      (moistAirEnthalpy(kT0 + 30.0 + dT, 0.02) - moistAirEnthalpy(kT0 + 30.0 - dT, 0.02)) / (2 * dT);
  EXPECT_NEAR(cp, 1006.0 + 1860.0 * 0.02, 1e-6 * cp);
}

}  // namespace
}  // namespace fdtwin::props
