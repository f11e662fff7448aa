// The halls' air side (cooling/HallAir): rack rows' server inlet air, hall humidity with
// infiltration, occupants and coil condensation, dew point and its margin, the ASHRAE class
// envelopes (cooling/AshraeClass) and the air events of the plant.
#include <gtest/gtest.h>

#include <cmath>
#include <memory>
#include <numbers>
#include <string>
#include <vector>

#include "../support/PlantHarness.hpp"
#include "../support/Validation.hpp"
#include "core/DateTime.hpp"
#include "integrate/Integrator.hpp"
#include "model/Plant.hpp"
#include "model/cooling/AshraeClass.hpp"
#include "model/cooling/HallAir.hpp"
#include "model/properties/Air.hpp"
#include "run/CaseBindings.hpp"

namespace fdtwin {
namespace {

constexpr double kC = 273.15;
constexpr double kP = 101325.0;
// Saturation pressures of water from ASHRAE Handbook - Fundamentals (2017, SI) ch. 1, Table 3.
constexpr double kPws10 = 1228.2, kPws13 = 1497.9, kPws14 = 1599.0, kPws20 = 2339.3, kPws25 = 3169.9,
                 kPws30 = 4246.7;
// Humidity ratio from a vapour pressure, ASHRAE ch. 1 eq. 22 (by hand).
double wOf(double pw) { return 0.621945 * pw / (kP - pw); }

// Reference: each row's energy balance by hand. Its servers move C_r/(1 − b) of air (C_r: the
// row's share of the coil air), taking it in at T_in and giving it out at T_ex, so
// (T_ex − T_in)·C_r/(1 − b) = Q_r, with Q_r = Σ (1 − f)·P_i of the row's racks; and the rows'
// net exhausts mix to T_cl + Σ Q_r/(ρ·V̇·c) over the hall. Tolerance 1e-9 relative (algebra only).
TEST(HallAir, RowInletAndExhaustCloseEachRowsEnergyBalance) {
  PlantParams p = io::defaultPlantParams();
  p.air.recirculation = 0.08;
  Plant plant(p, std::make_shared<test::ConstantEnvironment>(test::calmSea()));
  auto y = plant.initialState();
  PlantSignals s;
  plant.evaluate(0.0, y.data(), nullptr, s);
  const auto air = props::air(300.15);
  const double rowC = air.rho * p.cooling.airFlow * air.cp / p.it.rowsPerHall;
  const auto& racks = plant.racks();
  double worst = 0.0, worstQ = 0.0, worstMeasured = 0.0;
  std::vector<double> hallQ(static_cast<size_t>(p.it.halls), 0.0), hallMix(hallQ.size(), 0.0);
  for (int r = 0; r < plant.rowCount(); ++r) {
    double q = 0.0;
    for (int i = 0; i < racks.count(); ++i) {
      if (racks.globalRow(i) != r) continue;
      q += (1.0 - p.it.liquidFraction) * s.servedShare *
           racks.demand(i, s.utilization[static_cast<size_t>(racks.job(i))],
                        y[static_cast<size_t>(racks.chipIndex(i))]);
    }
    const auto rs = static_cast<size_t>(r);
    const double measured = (s.rowExhaust[rs] - s.rowInlet[rs]) * rowC / (1.0 - p.air.recirculation);
    EXPECT_NEAR(measured, q, 1e-9 * q) << plant.rowName(r);
    if (std::abs(measured - q) >= worst) {
      worst = std::abs(measured - q);
      worstQ = q;
      worstMeasured = measured;
    }
    const auto h = rs / static_cast<size_t>(p.it.rowsPerHall);
    hallQ[h] += q;
    hallMix[h] += s.rowExhaust[rs] / p.it.rowsPerHall;
  }
  test::reportCheck("row servers' energy balance, worst row", "(T_ex - T_in) C_r/(1-b) = Q_r by hand", worstQ,
                    worstMeasured, 1e-9 * worstQ, "W", "algebra only");
  for (size_t h = 0; h < hallQ.size(); ++h) {
    const double expected = s.coilLeaving[h] + hallQ[h] / (air.rho * p.cooling.airFlow * air.cp);
    EXPECT_NEAR(hallMix[h], expected, 1e-9 * expected);
  }
  // The rows differ (jobs, hardware spread), and every inlet is above the coil-leaving air.
  double lo = 1e9, hi = -1e9;
  for (double t : s.rowInlet) {
    lo = std::min(lo, t);
    hi = std::max(hi, t);
  }
  EXPECT_GT(hi - lo, 0.05);
  EXPECT_GT(lo, s.coilLeaving[0] - 1e-9);
}

// Reference: without condensation the hall's humidity settles at the closed form
// W_ss = (ṁ_inf·W_out + ṁ_occ)/ṁ_inf, with W_out of 20 degC, 75 % air from the ASHRAE table's
// p_ws (by hand), ṁ_inf = ρ·ACH·V/3600 (ρ = p/(R·300.15 K), V the hall's box). Coil water at
// 27 degC is above the dew point, so nothing condenses. Tolerance 0.2 %: ideal-gas ρ and the
// table's 4-digit p_ws.
TEST(HallAir, HumiditySettlesAtTheInfiltrationClosedForm) {
  PlantParams p = io::defaultPlantParams();
  p.air.infiltrationAch = 1.0;
  p.air.occupants = 4.0;
  p.air.outsideRelativeHumidity = 0.75;
  Plant plant(p, std::make_shared<test::ConstantEnvironment>(test::calmSea(290.15, kC + 20.0)));
  const auto y = test::integratePlant(plant, 86400.0);
  const auto& box = plant.hallBoxes()[0];
  const double volume = (box[3] - box[0]) * (box[4] - box[1]) * (box[5] - box[2]);
  const double rho = kP / (287.05 * 300.15);
  const double mInf = rho * p.air.infiltrationAch * volume / 3600.0;
  const double wOut = wOf(0.75 * kPws20);
  const double expected = (mInf * wOut + p.air.occupants * p.air.occupantMoisture) / mInf;
  const double measured = y[static_cast<size_t>(plant.hallHumidityIndex(0))];
  EXPECT_NEAR(measured, expected, 2e-3 * expected);
  test::reportCheck("hall humidity ratio, no condensation", "W_out + m_occ/m_inf (closed form, ASHRAE p_ws)",
                    expected, measured, 2e-3 * expected, "kg/kg", "ideal-gas density, 4-digit table p_ws");
}

// Reference: with coil water at 10 degC below the room dew point, the bypass-factor coil takes
// ṁ_cond = ε·ρ·V̇·(W − W_s(10 degC)) and the balance ṁ_inf·(W_out − W) + ṁ_occ = ṁ_cond gives by
// hand W_ss = (ṁ_inf·W_out + ṁ_occ + K·W_s)/(ṁ_inf + K), K = ε·ρ·V̇; the component's rate is
// integrated (RK4) from the outside humidity to the steady state. The condensate's latent heat
// uses h_fg(10 degC) = 2477.2 kJ/kg (ASHRAE Table 3: h_g − h_f). Tolerances 0.2 % (table p_ws,
// ideal-gas ρ) and 0.1 % (the linear h_fg fit).
TEST(HallAir, CondensationOnColdCoilsMatchesTheBypassFactorBalance) {
  AirParams a = io::defaultPlantParams().air;
  a.infiltrationAch = 2.0;
  a.occupants = 5.0;
  a.outsideRelativeHumidity = 0.8;
  CoolingParams c = io::defaultPlantParams().cooling;
  c.airFlow = 20.0;
  c.airCoilEffectiveness = 0.7;
  const double volume = 2000.0, tOut = kC + 30.0, tFs = kC + 10.0;
  const cooling::HallAir hall(a, c, 8, volume);
  const double rho = kP / (287.05 * 300.15);
  const double mInf = rho * a.infiltrationAch * volume / 3600.0, K = c.airCoilEffectiveness * rho * c.airFlow;
  const double mOcc = a.occupants * a.occupantMoisture, wOut = wOf(0.8 * kPws30), ws = wOf(kPws10);
  const double expected = (mInf * wOut + mOcc + K * ws) / (mInf + K);
  double W = hall.outsideHumidity(tOut, 0.0);
  const double dt = 0.5;
  const double wo = hall.outsideHumidity(tOut, 0.0);
  for (int n = 0; n < 20000; ++n) {  // 10^4 s ≫ m_a/K ~ 100 s
    const double k1 = hall.humidityRate(W, wo, tFs), k2 = hall.humidityRate(W + 0.5 * dt * k1, wo, tFs);
    const double k3 = hall.humidityRate(W + 0.5 * dt * k2, wo, tFs),
                 k4 = hall.humidityRate(W + dt * k3, wo, tFs);
    W += dt * (k1 + 2 * k2 + 2 * k3 + k4) / 6.0;
  }
  EXPECT_NEAR(W, expected, 2e-3 * expected);
  test::reportCheck("hall humidity ratio with coil condensation",
                    "bypass-factor balance by hand (ASHRAE p_ws)", expected, W, 2e-3 * expected, "kg/kg",
                    "ideal-gas density, 4-digit table p_ws");
  const double cond = K * (expected - ws);
  EXPECT_NEAR(hall.condensation(W, tFs), cond, 5e-3 * cond);
  EXPECT_NEAR(cooling::HallAir::latentHeat(tFs), 2477.2e3, 1e-3 * 2477.2e3);
  test::reportCheck("latent heat of condensation at 10 degC", "ASHRAE Fundamentals ch. 1 Table 3 (h_g - h_f)",
                    2477.2e3, cooling::HallAir::latentHeat(tFs), 1e-3 * 2477.2e3, "J/kg",
                    "linear fit of h_fg");
  // Coil water above the dew point: no condensate at all.
  EXPECT_EQ(hall.condensation(wOf(kPws10), kC + 12.0), 0.0);
}

// Reference: air at 25 degC and 50 % has p_w = 0.5·3169.9 Pa; the ASHRAE table gives p_ws 1497.9 Pa
// at 13 degC and 1599.0 Pa at 14 degC, so by linear interpolation T_dew = 13.86 degC. ±0.2 K.
TEST(HallAir, DewPointOfTheHallAirMatchesTheAshraeTable) {
  const cooling::HallAir hall(io::defaultPlantParams().air, io::defaultPlantParams().cooling, 8, 1000.0);
  const double pw = 0.5 * kPws25;
  const double expected = kC + 13.0 + (pw - kPws13) / (kPws14 - kPws13);
  const double measured = hall.dewPoint(wOf(pw));
  EXPECT_NEAR(measured, expected, 0.2);
  test::reportCheck("dew point of 25 degC, 50 % air", "ASHRAE Fundamentals ch. 1 Table 3, interpolated",
                    expected, measured, 0.2, "K", "table interpolation and the ideal-gas W");
}

// Reference: ASHRAE thermal guidelines (reference/physics.md §4.3): 33 degC inlet is outside the
// A1 allowable band (15-32 degC) and inside A2's (10-35 degC); 28 degC is outside the recommended
// 18-27 degC. The margin is the distance to the nearest limit (exact).
TEST(AshraeClass, InletOf33DegreesIsOutsideA1AllowableInsideA2) {
  using cooling::AshraeClass;
  const double dew = kC + 10.0, rh = 0.3;
  const double a1 = cooling::envelopeMargin(cooling::ashraeAllowable(AshraeClass::A1), kC + 33.0, dew, rh);
  const double a2 = cooling::envelopeMargin(cooling::ashraeAllowable(AshraeClass::A2), kC + 33.0, dew, rh);
  EXPECT_NEAR(a1, -1.0, 1e-9);
  EXPECT_NEAR(a2, 2.0, 1e-9);
  test::reportCheck("33 degC inlet vs A1 allowable (32 degC)", "ASHRAE TC 9.9 (physics.md 4.3)", -1.0, a1,
                    1e-9, "K");
  test::reportCheck("33 degC inlet vs A2 allowable (35 degC)", "ASHRAE TC 9.9 (physics.md 4.3)", 2.0, a2,
                    1e-9, "K");
  EXPECT_LT(cooling::envelopeMargin(cooling::ashraeRecommended(AshraeClass::A2), kC + 28.0, dew, rh), 0.0);
  EXPECT_GT(cooling::envelopeMargin(cooling::ashraeRecommended(AshraeClass::A2), kC + 26.0, dew, rh), 0.0);
  // The moisture limit: a 22 degC dew point is outside A2's allowable 21 degC.
  EXPECT_NEAR(cooling::envelopeMargin(cooling::ashraeAllowable(AshraeClass::A2), kC + 30.0, kC + 22.0, 0.6),
              -1.0, 1e-9);
}

// A humid day: outside air 12 → 31 → 12 degC at 90 % over a day. The hall's dew point follows it
// and reaches the coil water (27 degC), so the dew-point alarm sets and clears, and the rows'
// inlets (A1: dew point <= 17 degC) leave the allowable envelope and come back. Reference: the
// thresholds the events are defined by, 2 K (on) and 2.5 K (off) of margin, 0 and 0.5 K of
// envelope margin, at the event times found by root finding. Tolerance 1e-3 K.
class HumidDay : public env::Environment {
 public:
  env::EnvironmentSample at(double t) const override {
    auto s = test::calmSea();
    s.T_air = kC + 12.0 + 19.0 * std::sin(std::numbers::pi * std::min(t, 86400.0) / 86400.0);
    return s;
  }
};

TEST(HallAir, DewPointAndInletEventsFireAtTheirThresholds) {
  PlantParams p = io::defaultPlantParams();
  p.air.infiltrationAch = 2.0;
  p.air.outsideRelativeHumidity = 0.9;
  p.air.ashraeClass = cooling::AshraeClass::A1;
  Plant plant(p, std::make_shared<HumidDay>());
  std::vector<double> y = plant.initialState(), scales;
  for (const auto& st : plant.layout().states()) scales.push_back(st.scale);
  integrate::Integrator integ(plant, scales, 1e-6, 0.0);
  integ.initialize(0.0, y);
  double t = 0.0, worst = 0.0;
  int on = 0, off = 0, out = 0, back = 0;
  PlantSignals s;
  while (t < 1.5 * 86400.0 * (1 - 1e-12)) {
    const double tStop = std::min(1.5 * 86400.0, plant.nextTimeEvent(t));
    const auto r = integ.advance(tStop, t, y);
    const size_t before = plant.events().size();
    const bool changed = r == integrate::StepResult::Root ? plant.handleRoots(t, y.data(), integ.rootsFound())
                                                          : plant.handleTimeEvents(t, y.data());
    plant.evaluate(t, y.data(), nullptr, s);
    for (size_t k = before; k < plant.events().size(); ++k) {
      const auto& e = plant.events()[k];
      double err = 0.0;
      if (e.kind == "dew_point_alarm_on") {
        ++on;
        err = s.dewMargin[0] - p.air.dewPointAlarmMargin;
      } else if (e.kind == "dew_point_alarm_off") {
        ++off;
        err = s.dewMargin[0] - p.air.dewPointAlarmMargin - 0.5;
      } else if (e.kind == "inlet_allowable_exceeded") {
        ++out;
        err = s.rowAllowableMargin[0];
      } else if (e.kind == "inlet_allowable_restored") {
        ++back;
        err = s.rowAllowableMargin[0] - 0.5;
      }
      if (e.component == "hall1" || e.component == "row hall1-r01") worst = std::max(worst, std::abs(err));
    }
    if (changed) integ.reinitialize(t, y);
  }
  EXPECT_EQ(on, p.it.halls);
  EXPECT_EQ(off, p.it.halls);
  EXPECT_EQ(out, plant.rowCount());
  EXPECT_EQ(back, plant.rowCount());
  EXPECT_LT(worst, 1e-3);
  test::reportCheck("air events' margin at their times (worst)", "event thresholds (0, 0.5 K; 2, 2.5 K)", 0.0,
                    worst, 1e-3, "K", "root location");
}

}  // namespace
}  // namespace fdtwin

namespace fdtwin {
namespace {

// Reference: the calendar by hand (1 August is day 31+28+31+30+31+30+31 = 212 of 2022, in the
// case's own UTC offset) and the annual cosine of the outside humidity written out. Exact.
TEST(HallAir, OutsideHumidityFollowsItsAnnualCycleFromCaseStart) {
  const auto start = parseDateTime("2022-08-01T00:00:00+09:00");
  ASSERT_TRUE(start.has_value());
  const double d0 = io::localDayOfYear(start->epochSeconds, start->utcOffsetSeconds);
  EXPECT_DOUBLE_EQ(d0, 212.0);
  AirParams a = io::defaultPlantParams().air;
  a.outsideRelativeHumidity = 0.72;
  a.outsideRhAmplitude = 0.13;
  a.outsideRhPeakDay = 205.0;
  a.startDayOfYear = d0;
  const cooling::HallAir hall(a, io::defaultPlantParams().cooling, 8, 1000.0);
  const double expected = 0.72 + 0.13 * std::cos(2.0 * std::numbers::pi * (215.5 - 205.0) / 365.25);
  EXPECT_NEAR(hall.outsideRelativeHumidity(3.5 * 86400.0), expected, 1e-12);
  test::reportCheck("outside rh on 4 August 12:00", "annual cosine by hand", expected,
                    hall.outsideRelativeHumidity(3.5 * 86400.0), 1e-12, "1");
}

}  // namespace
}  // namespace fdtwin
