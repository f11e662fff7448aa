// Validation of fdtwin::hydraulics::Pump (solver/model/hydraulics/Pump.hpp): the operating
// point of parallel centrifugal pumps on a system curve against a hand calculation, the
// affinity laws (Gulich, Centrifugal Pumps, 3rd ed., sec. 3.4), the minimum speed against the
// static head, and the inverse (speed for a flow).
#include <gtest/gtest.h>

#include <cmath>
#include <initializer_list>
#include <stdexcept>
#include <string>

#include "../support/Validation.hpp"
#include "model/hydraulics/Pump.hpp"

namespace fdtwin::hydraulics {
namespace {

// Two seawater pumps in parallel. Curve through H0 = 30 m and the design point 0.5 m^3/s at
// 24 m (a2 = -24 m/(m^3/s)^2), BEP at the design flow with eta = 0.85.
// Motor: 150 kW, efficiency points at 50/75/100 % load 95.6/96.1/96.0 %; the 100 % value is the
// IE3 minimum for a 4-pole 50 Hz motor of 200-1000 kW in IEC 60034-30-1:2014 Table 3, the
// part-load shape (peak near 75 %) that of the US DOE fact sheet "Determining Electric Motor
// Load and Efficiency" (DOE/GO-10097-517, Fig. 1); the exact part-load values are an assumption.
// Drive: 160 kW VFD, 95.0/97.0/97.8 % at 25/50/100 % load (assumption in the 97-98 % full-load
// range of physics sheet section 5.1).
PumpParams seawaterPumps() {
  PumpParams p{};
  p.curve = quadraticThroughDesignPoint(30.0, 0.5, 24.0);
  p.bepFlow = 0.5;
  p.bepEfficiency = 0.85;
  p.count = 2;
  p.motorRatedPower = 150e3;
  p.motorEfficiency = {{0.5, 0.956}, {0.75, 0.961}, {1.0, 0.960}};
  p.driveRatedPower = 160e3;
  p.driveEfficiency = {{0.25, 0.950}, {0.5, 0.970}, {1.0, 0.978}};
  return p;
}

constexpr double kSeawaterDensity = 1025.0;  // kg/m^3

TEST(Pump, DesignPointCurve) {
  const PumpCurveCoefficients c = quadraticThroughDesignPoint(30.0, 0.5, 24.0);
  EXPECT_DOUBLE_EQ(c.shutoffHead, 30.0);
  EXPECT_DOUBLE_EQ(c.linear, 0.0);
  EXPECT_DOUBLE_EQ(c.quadratic, -24.0);
  const Pump pump(seawaterPumps());
  EXPECT_NEAR(pump.head(0.5, 1.0), 24.0, 1e-12);
  EXPECT_NEAR(pump.head(0.0, 1.0), 30.0, 1e-12);
  EXPECT_NEAR(pump.hydraulicEfficiency(0.5, 1.0), 0.85, 1e-12);
}

// Hand calculation at N = 0.9, system H = 5 m + 10 m/(m^3/s)^2 Q^2, two pumps:
//   A = K - a2/n^2 = 10 + 24/4 = 16;  B = 0;  C = H_s - H0 N^2 = 5 - 30(0.81) = -19.3
//   Q = sqrt(19.3/16) = 1.0982941 m^3/s;  H = 5 + 10 Q^2 = 17.0625 m
//   q = 0.549147 m^3/s per pump; r = q/(N q_BEP) = 1.2203268; eta = 0.85(2r - r^2) = 0.8087377
//   P_hyd = rho g Q H = 1025 (9.80665)(1.0982941)(17.0625) = 188 367.45 W
//   P_shaft per pump = P_hyd/(2 eta) = 116 457.70 W, motor load x = 0.776385
//   motor loss fraction l = x(1/eta - 1) at the points: 0.023013 (50 %), 0.030437 (75 %),
//   0.041667 (100 %); the quadratic through them at x: 0.0314426
//   motor input = 116 457.70 + 150e3 (0.0314426) = 121 174.09 W per pump
//   drive load 0.757338; drive loss fraction quadratic through 0.013158 (25 %), 0.015464 (50 %),
//   0.022495 (100 %): 0.0186798
//   drive input = 121 174.09 + 160e3 (0.0186798) = 124 162.85 W per pump; both: 248 325.70 W
// Tolerance 0.1 % (the brief's; the numbers above carry 7-8 digits).
TEST(Pump, OperatingPointMatchesHandCalculation) {
  const Pump pump(seawaterPumps());
  const PumpOperatingPoint op = pump.operatingPoint(0.9, SystemCurve{5.0, 10.0}, kSeawaterDensity);
  constexpr double kRel = 1e-3;
  const std::string hand = "hand calculation in the test";
  const std::string why = "0.1 %: the hand values carry 7-8 digits";
  test::reportCheck("flow, 2 pumps at N 0.9 on H = 5 + 10 Q^2", hand, 1.0982941, op.flow, kRel * 1.0982941, "m3/s", why);
  test::reportCheck("head, 2 pumps at N 0.9", hand, 17.0625, op.head, kRel * 17.0625, "m", why);
  test::reportCheck("efficiency, 2 pumps at N 0.9", hand, 0.8087377, op.efficiency, kRel * 0.8087377, "1", why);
  test::reportCheck("electric power, 2 pumps at N 0.9", hand, 248325.70, op.electricPower, kRel * 248325.70, "W", why);
  EXPECT_NEAR(op.flow, 1.0982941, kRel * 1.0982941);
  EXPECT_NEAR(op.flowPerPump, 0.5491471, kRel * 0.5491471);
  EXPECT_NEAR(op.head, 17.0625, kRel * 17.0625);
  EXPECT_NEAR(op.efficiency, 0.8087377, kRel * 0.8087377);
  EXPECT_NEAR(op.hydraulicPower, 188367.45, kRel * 188367.45);
  EXPECT_NEAR(op.shaftPower, 2.0 * 116457.70, kRel * 2.0 * 116457.70);
  EXPECT_NEAR(op.electricPower, 248325.70, kRel * 248325.70);
  EXPECT_NEAR(op.motorLoss, 2.0 * (121174.09 - 116457.70), kRel * 2.0 * (121174.09 - 116457.70));
  EXPECT_NEAR(op.driveLoss, 2.0 * (124162.85 - 121174.09), kRel * 2.0 * (124162.85 - 121174.09));
  // The pump curve and the system curve agree at the operating point (identity, 1e-12).
  EXPECT_NEAR(pump.head(op.flowPerPump, 0.9), op.head, 1e-12 * op.head);
  // Energy: electric = shaft + motor loss + drive loss (identity).
  EXPECT_NEAR(op.electricPower, op.shaftPower + op.motorLoss + op.driveLoss, 1e-9 * op.electricPower);
}

// Affinity laws (Gulich sec. 3.4): on a pure friction system (H_static = 0) every operating
// point lies on one affinity parabola, so Q ~ N, H ~ N^2, P_shaft ~ N^3 exactly, and the
// hydraulic efficiency is the same. Tolerance 1e-12 relative (rounding only).
TEST(Pump, AffinityLawsOnFrictionSystem) {
  PumpParams p = seawaterPumps();
  p.curve.linear = -2.0;  // a fitted 3-coefficient curve: the laws hold for it too
  const Pump pump(p);
  const SystemCurve friction{0.0, 12.0};
  const PumpOperatingPoint ref = pump.operatingPoint(1.0, friction, kSeawaterDensity);
  ASSERT_GT(ref.flow, 0.0);
  for (double n : {0.3, 0.55, 0.8, 1.1}) {
    const PumpOperatingPoint op = pump.operatingPoint(n, friction, kSeawaterDensity);
    EXPECT_NEAR(op.flow, ref.flow * n, 1e-12 * ref.flow) << n;
    EXPECT_NEAR(op.head, ref.head * n * n, 1e-12 * ref.head) << n;
    test::reportCheck("P_shaft at N " + std::to_string(n).substr(0, 4) + " / N^3 law", "affinity laws, Gulich 3.4",
                      ref.shaftPower * n * n * n, op.shaftPower, 1e-12 * ref.shaftPower, "W", "rounding: an identity");
    EXPECT_NEAR(op.shaftPower, ref.shaftPower * n * n * n, 1e-12 * ref.shaftPower) << n;
    EXPECT_NEAR(op.efficiency, ref.efficiency, 1e-12) << n;
  }
}

// With a static head the laws do not hold: at half speed the flow falls by more than half
// (physics sheet section 5.1). And below N_min = sqrt(H_s/H0) the pumps deliver nothing.
TEST(Pump, StaticHeadAndMinimumSpeed) {
  const Pump pump(seawaterPumps());
  const SystemCurve system{5.0, 10.0};
  const double nMin = pump.minimumSpeed(system);
  EXPECT_NEAR(nMin, std::sqrt(5.0 / 30.0), 1e-15);  // 0.4082483
  EXPECT_EQ(pump.operatingPoint(nMin, system, kSeawaterDensity).flow, 0.0);
  EXPECT_EQ(pump.operatingPoint(0.3, system, kSeawaterDensity).electricPower, 0.0);
  const PumpOperatingPoint justAbove = pump.operatingPoint(nMin + 1e-3, system, kSeawaterDensity);
  EXPECT_GT(justAbove.flow, 0.0);
  EXPECT_LT(justAbove.flow, 0.05);
  const double full = pump.operatingPoint(1.0, system, kSeawaterDensity).flow;
  const double half = pump.operatingPoint(0.5, system, kSeawaterDensity).flow;
  EXPECT_LT(half, 0.5 * full);
}

// The speed for a flow inverts the operating point (identity, 1e-12), including a curve with
// a linear term, and gives N_min for zero flow.
TEST(Pump, SpeedForFlowInvertsOperatingPoint) {
  PumpParams p = seawaterPumps();
  p.curve.linear = -3.0;
  const Pump pump(p);
  const SystemCurve system{5.0, 10.0};
  for (double n : {0.5, 0.75, 0.9, 1.0, 1.15}) {
    const double q = pump.operatingPoint(n, system, kSeawaterDensity).flow;
    EXPECT_NEAR(pump.speedForFlow(q, system), n, 1e-12) << n;
  }
  EXPECT_NEAR(pump.speedForFlow(0.0, system), pump.minimumSpeed(system), 1e-15);
}

// One pump of a bank of n carries 1/n of the flow at the bank's head: n pumps on a system
// curve K equal one pump on K n^2 (identity, 1e-12).
TEST(Pump, ParallelPumpsShareTheFlow) {
  PumpParams two = seawaterPumps();
  PumpParams one = seawaterPumps();
  one.count = 1;
  const PumpOperatingPoint bank = Pump(two).operatingPoint(0.95, SystemCurve{5.0, 10.0}, kSeawaterDensity);
  const PumpOperatingPoint single = Pump(one).operatingPoint(0.95, SystemCurve{5.0, 40.0}, kSeawaterDensity);
  EXPECT_NEAR(bank.flowPerPump, single.flow, 1e-12);
  EXPECT_NEAR(bank.head, single.head, 1e-12);
  EXPECT_NEAR(bank.electricPower, 2.0 * single.electricPower, 1e-9 * bank.electricPower);
}

TEST(Pump, RejectsNonPhysicalCurves) {
  PumpParams p = seawaterPumps();
  p.curve.quadratic = 1.0;
  EXPECT_THROW(Pump{p}, std::invalid_argument);
  EXPECT_THROW(quadraticThroughDesignPoint(20.0, 0.5, 24.0), std::invalid_argument);
}

}  // namespace
}  // namespace fdtwin::hydraulics
