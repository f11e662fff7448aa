// The seawater main's hydraulics and plate bank in the plant (model/seawater/SeawaterSystem with
// hydraulics/Pump, PumpBank and cooling/PlateExchanger). References are hand calculations:
//  - the two quadratics of the operating point. Pump curve through the shut-off head H0 = r0 H_d
//    and the design point (q_d = Q_d/n, H_d) with a1 = 0, system curve H_s + K Q^2 through
//    (Q_d, H_d). At speed N: H0 N^2 - (H0 - H_d)(Q/Q_d)^2 = H_s + (H_d - H_s)(Q/Q_d)^2, so
//      (Q/Q_d)^2 = (H0 N^2 - H_s)/(H0 - H_s),   no flow for H0 N^2 <= H_s;
//  - Martin's (1996) correlation h ~ [xi(Re) Re^2]^0.374 at half the seawater flow, with xi from
//    Martin's eq. 18 written out here, the facility side and the wall unchanged;
//  - the pump power at part load: rho g Q H/eta with eta = eta_BEP (2r - r^2), and the motor's
//    and drive's losses from the quadratic through their three cited efficiency points
//    (Lagrange form, written out here; the points as in hydraulics/PumpBank.hpp).
#include <gtest/gtest.h>

#include <cmath>
#include <numbers>

#include "../support/PlantHarness.hpp"
#include "../support/Validation.hpp"
#include "core/Constants.hpp"
#include "model/Plant.hpp"
#include "model/cooling/HallCooling.hpp"
#include "model/properties/Seawater.hpp"
#include "model/seawater/SeawaterSystem.hpp"
#include "run/CaseBindings.hpp"

namespace fdtwin {
namespace {

constexpr double g = constants::kStandardGravity;

// The design head by hand: static lift + piping + the plates' channel pressure drop at the
// design flow (the drop from PlateExchanger, validated in test_plate_exchanger.cpp).
double handDesignHead(const seawater::SeawaterSystem& sys, const SeawaterParams& p) {
  const double rho = sys.referenceDensity();
  return p.pumpHeadStatic + p.pipingHeadLoss + sys.plateDesignPressureDrop() / (rho * g);
}

double handFlowShare(double h0, double hs, double n) {
  const double c = h0 * n * n - hs;
  return c > 0.0 ? std::sqrt(c / (h0 - hs)) : 0.0;
}

// At 20 % speed the pumps cannot lift the seawater over its 3 m static head: H0 (0.2)^2 =
// 1.25 x 15.1 m x 0.04 = 0.76 m < 3 m, so the flow is zero; the controller's lowest speed is the
// one that still delivers 25 % of the design flow, sqrt((H_s + 0.0625 (H0 - H_s))/H0).
TEST(SeawaterHydraulics, NoFlowAtTwentyPercentSpeedAgainstTheStaticHead) {
  const PlantParams p = io::defaultPlantParams();
  ASSERT_DOUBLE_EQ(p.seawater.pumpHeadStatic, 3.0);
  const seawater::SeawaterSystem sys(p.seawater, p.cooling);
  const double hd = handDesignHead(sys, p.seawater);
  const double h0 = p.seawater.pumpShutoffRatio * hd;
  ASSERT_LT(h0 * 0.04, 3.0);  // the hand calculation says: nothing flows at N = 0.2
  const auto s = sys.evaluate(0.2, 305.0, 290.0, 600.0 * 4180.0, 0.0, 0.0);
  test::reportCheck("seawater flow at 20 % speed against 3 m static head", "hand: H0 N^2 = 0.76 m < H_s", 0.0,
                    s.mdot, 0.0, "kg/s", "exact: below N_min the pumps deliver nothing");
  EXPECT_EQ(s.mdot, 0.0);
  EXPECT_EQ(s.P_el, 0.0);
  EXPECT_EQ(s.Q_hx, 0.0);
  const double nMin = std::sqrt(3.0 / h0);
  EXPECT_NEAR(sys.hydraulicMinimumSpeed(), nMin, 1e-9);
  const double n25 = std::sqrt((3.0 + 0.0625 * (h0 - 3.0)) / h0);
  test::reportCheck("lowest controller speed (25 % of design flow)",
                    "hand: sqrt((H_s + Q^2 share (H0 - H_s))/H0)", n25, sys.minimumSpeed(), 1e-6, "1",
                    "closed form; 1e-6 for the root's rounding");
  EXPECT_NEAR(sys.minimumSpeed(), n25, 1e-6);
  EXPECT_GT(sys.minimumSpeed(), nMin);
  // The controller never sets less, whatever its errors say.
  EXPECT_NEAR(sys.speed(200.0, -50.0, -10.0, -10.0), n25, 1e-6);
}

// The plant's seawater operating point at the speed its controller holds, against the hand
// solution of pump curve = system curve. Tolerance 1e-6 relative: closed form vs the model's
// cancellation-free root of the same quadratic.
TEST(SeawaterHydraulics, PlantOperatingPointIsTheHandSolutionOfTheTwoQuadratics) {
  PlantParams p = io::defaultPlantParams();
  p.it.profile.kind = it::ProfileKind::Idle;
  p.it.rackPowerIdle = 60e3;
  p.solar.peakPower = 0.0;
  Plant plant(p, std::make_shared<test::ConstantEnvironment>(test::calmSea(290.15)));
  const auto y = plant.initialState();
  PlantSignals s;
  plant.evaluate(0.0, y.data(), nullptr, s);
  const auto& sys = plant.seawater();
  const double hd = handDesignHead(sys, p.seawater);
  const double h0 = p.seawater.pumpShutoffRatio * hd;
  const double n = s.sw.speed;
  ASSERT_GT(n, sys.minimumSpeed());
  ASSERT_LT(n, 1.0);
  const double mdot = p.seawater.designFlow * handFlowShare(h0, p.seawater.pumpHeadStatic, n);
  test::reportCheck("plant seawater flow at its controller's speed",
                    "hand: (Q/Q_d)^2 = (H0 N^2 - H_s)/(H0 - H_s)", mdot, s.sw.mdot, 1e-6 * mdot, "kg/s",
                    "closed form vs the model's root, rounding only");
  EXPECT_NEAR(s.sw.mdot, mdot, 1e-6 * mdot);
  const double q = mdot / p.seawater.designFlow;
  const double head = p.seawater.pumpHeadStatic + (hd - p.seawater.pumpHeadStatic) * q * q;
  EXPECT_NEAR(s.sw.head, head, 1e-6 * head);
  // And at a fixed 70 % speed, directly.
  const auto s70 = sys.evaluate(0.7, 305.0, 290.15, 600.0 * 4180.0, 0.0, 0.0);
  const double mdot70 = p.seawater.designFlow * handFlowShare(h0, p.seawater.pumpHeadStatic, 0.7);
  test::reportCheck("seawater flow at 70 % speed", "hand: two quadratics", mdot70, s70.mdot, 1e-6 * mdot70,
                    "kg/s", "closed form vs the model's root, rounding only");
  EXPECT_NEAR(s70.mdot, mdot70, 1e-6 * mdot70);
}

// Martin 1996 eq. 18 (VDI Heat Atlas N6), written out independently of PlateExchanger.cpp.
double martinXi(double re, double phi) {
  const double xi0 = re < 2000.0 ? 64.0 / re : std::pow(1.8 * std::log10(re) - 1.5, -2.0);
  const double xi1 = re < 2000.0 ? 597.0 / re + 3.85 : 39.0 / std::pow(re, 0.289);
  const double c = std::cos(phi), sn = std::sin(phi);
  const double inv = c / std::sqrt(0.18 * sn / c + 0.36 * sn + xi0 / c) + (1.0 - c) / std::sqrt(3.8 * xi1);
  return 1.0 / (inv * inv);
}

// UA of the plate bank at half the seawater flow: the seawater film coefficient scales as
// [xi(Re/2)/xi(Re) (1/2)^2]^0.374 (Martin's Nu with Pr, k/d_h unchanged); the facility side, the
// wall and its fouling stay. With the smaller seawater h the film-weighted wall temperature
// T_w = (h_h T_h + h_c T_c)/(h_h + h_c) moves ~2 K towards the hot side, and both films' Sieder-Tate
// factors (mu/mu_w)^(1/6) move with it (~0.6 % on UA): taken by hand with T_w from the
// uncorrected h's. Tolerance 0.2 %: that T_w is a first-order estimate.
TEST(SeawaterHydraulics, PlateBankUaAtHalfFlowFollowsMartinsReScaling) {
  const PlantParams p = io::defaultPlantParams();
  const seawater::SeawaterSystem sys(p.seawater, p.cooling);
  const auto& hx = sys.plateExchanger();
  const double units = p.seawater.hxUnits, tSw = 290.15, tFr = 305.15;
  const double mdot = p.seawater.designFlow;
  const auto full = hx.evaluate(p.cooling.facilityFlow / units, tFr, mdot / units, tSw);
  const double phi = p.seawater.hxChevronAngle * std::numbers::pi / 180.0;
  const double re = full.cold.reynolds;
  const double hHalf0 = full.cold.h * std::pow(martinXi(re / 2.0, phi) / martinXi(re, phi) * 0.25, 0.374);
  const double tw = (full.hot.h * tFr + hHalf0 * tSw) / (full.hot.h + hHalf0);
  const double sal = p.seawater.salinity;
  const auto wall = [&](double t0, double t1, double s0) {  // (mu_w(t0)/mu_w(t1))^(1/6)
    return std::pow(props::seawaterViscosity(t0, s0) / props::seawaterViscosity(t1, s0), 1.0 / 6.0);
  };
  const double hHalf = hHalf0 * wall(full.wallTemperature, tw, sal);
  const double hHot = full.hot.h * wall(full.wallTemperature, tw, 0.0);
  const double rest = 1.0 / hHot + p.seawater.hxFoulingFacility + p.seawater.hxPlateThickness / 21.9;
  const double uaHalf = units * hx.area() / (rest + 1.0 / hHalf);
  const double model = sys.cleanUa(mdot / 2.0, tSw, tFr);
  test::reportCheck("plate bank clean UA at half seawater flow", "Martin 1996 Re scaling by hand", uaHalf,
                    model, 2e-3 * uaHalf, "W/K", "0.2 %: the wall temperature by a first-order estimate");
  EXPECT_NEAR(model, uaHalf, 2e-3 * uaHalf);
  EXPECT_LT(model, sys.cleanUa(mdot, tSw, tFr));  // less flow, less UA
}

// One hall's CDU plate pack: UA by hand from Martin's correlation at the TCS and facility flows
// (fresh water both sides, properties from props::seawater(T, 0), validated against the
// physics sheet's table): d_h = 2b/Phi, u = mdot/(rho n w b), Re, xi (eq. 18 above),
// Nu = 0.122 Pr^(1/3) (mu/mu_w)^(1/6) (xi Re^2 sin 2phi)^0.374 with the wall at the film-weighted
// mean of a first pass, 1/U = 1/h_h + 1/h_c + t/k + 2 R_f, A = (2n - 1) Phi w L. Tolerance 1e-6
// relative: the same published formulas, evaluated by an independent path.
TEST(SeawaterHydraulics, CduUaFromMartinsCorrelationByHand) {
  const PlantParams p = io::defaultPlantParams();
  const auto& c = p.cooling;
  const double tcsFlow = 240.0, fwFlow = c.facilityFlow / p.it.halls;  // kg/s
  const double tCold = c.facilitySupplySetpoint + cooling::kCduColdOffset,
               tHot = tCold + cooling::kCduHotOffset;
  const double b = c.cduCorrugationDepth, w = c.cduPlateWidth, len = c.cduPlateLength,
               phi0 = cooling::kCduEnlargement;
  const double phi = c.cduChevronAngle * std::numbers::pi / 180.0, n = c.cduChannels, dh = 2.0 * b / phi0;
  const auto h = [&](double mdot, double t, double muWall) {
    const auto pr = props::seawater(t, 0.0);
    const double re = mdot / (pr.rho * n * w * b) * pr.rho * dh / pr.mu;
    const double nu = 0.122 * std::cbrt(pr.Pr) * std::pow(pr.mu / muWall, 1.0 / 6.0) *
                      std::pow(martinXi(re, phi) * re * re * std::sin(2.0 * phi), 0.374);
    return nu * pr.k / dh;
  };
  const double hh0 = h(tcsFlow, tHot, props::seawater(tHot, 0.0).mu);
  const double hc0 = h(fwFlow, tCold, props::seawater(tCold, 0.0).mu);
  const double tw = (hh0 * tHot + hc0 * tCold) / (hh0 + hc0);
  const double muW = props::seawaterViscosity(tw, 0.0);
  const double hh = h(tcsFlow, tHot, muW), hc = h(fwFlow, tCold, muW);
  const double u = 1.0 / (1.0 / hh + 1.0 / hc + cooling::kCduPlateThickness / cooling::kCduPlateConductivity +
                          2.0 * cooling::kCduFouling);
  const double ua = u * (2.0 * n - 1.0) * phi0 * w * len;
  const double model = cooling::cduConductance(c, tcsFlow, fwFlow);
  test::reportCheck("CDU plate pack UA (barge hall, 240/300 kg/s)", "Martin 1996 by hand", ua, model,
                    1e-6 * ua, "W/K", "the same published formulas by an independent path");
  EXPECT_NEAR(model, ua, 1e-6 * ua);
  EXPECT_GT(model, 2.5e6);  // the barge's CDU: ~3 MW/K per hall, as the old cooling.cdu_ua
  EXPECT_LT(model, 3.5e6);
}

// Lagrange quadratic through three (x_i, l_i) points, at x.
double lagrange(const double (&x)[3], const double (&l)[3], double at) {
  double sum = 0.0;
  for (int i = 0; i < 3; ++i) {
    double w = 1.0;
    for (int j = 0; j < 3; ++j) {
      if (j != i) w *= (at - x[j]) / (x[i] - x[j]);
    }
    sum += w * l[i];
  }
  return sum;
}

// The seawater pumps' electric power at 70 % speed by hand: operating point from the two
// quadratics; eta = eta_BEP (2r - r^2), r = (Q/Q_d)/N; motor rated 1.10 x the design shaft
// power per pump (API 610, above 55 kW); motor points 50/75/100 % at eta_m - 0.004, eta_m +
// 0.001, eta_m; drive rated at the motor's rated input, points 25/50/100 % at eta_d - 0.028,
// eta_d - 0.008, eta_d; losses l(x) = x (1/eta - 1) through the points. Tolerance 1e-6
// relative: the same arithmetic by an independent path.
TEST(SeawaterHydraulics, PumpElectricPowerAtPartLoad) {
  const PlantParams p = io::defaultPlantParams();
  const seawater::SeawaterSystem sys(p.seawater, p.cooling);
  const double rho = sys.referenceDensity();
  const double hd = handDesignHead(sys, p.seawater), hs = p.seawater.pumpHeadStatic;
  const double h0 = p.seawater.pumpShutoffRatio * hd;
  const double nPumps = p.seawater.pumpCount, n = 0.7;
  const double qd = p.seawater.designFlow / rho;
  const double share = handFlowShare(h0, hs, n);
  const double flow = share * qd, head = hs + (hd - hs) * share * share;
  const double r = share / n;
  const double eta = p.cooling.pumpEfficiency * (2.0 * r - r * r);
  const double shaftPerPump = rho * g * flow * head / eta / nPumps;
  const double designShaftPerPump = rho * g * (qd / nPumps) * hd / p.cooling.pumpEfficiency;
  ASSERT_GT(designShaftPerPump, 55e3);
  const double motorRated = 1.10 * designShaftPerPump;
  const double em = p.cooling.motorEfficiency, ed = p.cooling.vfdEfficiency;
  const double mx[3] = {0.5, 0.75, 1.0};
  const double ml[3] = {0.5 * (1.0 / (em - 0.004) - 1.0), 0.75 * (1.0 / (em + 0.001) - 1.0), 1.0 / em - 1.0};
  const double motorIn = shaftPerPump + motorRated * lagrange(mx, ml, shaftPerPump / motorRated);
  const double driveRated = motorRated / em;
  const double dx[3] = {0.25, 0.5, 1.0};
  const double dl[3] = {0.25 * (1.0 / (ed - 0.028) - 1.0), 0.5 * (1.0 / (ed - 0.008) - 1.0), 1.0 / ed - 1.0};
  const double driveIn = motorIn + driveRated * lagrange(dx, dl, motorIn / driveRated);
  const double electric = nPumps * driveIn;
  const auto s = sys.evaluate(n, 305.0, 290.15, 600.0 * 4180.0, 0.0, 0.0);
  test::reportCheck("seawater pumps' electric power at 70 % speed",
                    "hand: rho g Q H/eta + motor and drive points", electric, s.P_el, 1e-6 * electric, "W",
                    "the same arithmetic by an independent path");
  EXPECT_NEAR(s.P_el, electric, 1e-6 * electric);
  EXPECT_NEAR(s.P_shaft, nPumps * shaftPerPump, 1e-6 * nPumps * shaftPerPump);
  // Part load costs efficiency: the wire-to-water efficiency at 70 % speed is below the design's.
  const auto sd = sys.evaluate(1.0, 305.0, 290.15, 600.0 * 4180.0, 0.0, 0.0);
  EXPECT_LT(rho * g * flow * head / s.P_el, rho * g * qd * hd / sd.P_el);
}

}  // namespace
}  // namespace fdtwin
