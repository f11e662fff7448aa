// Validation of fdtwin::props seawater properties (solver/model/properties/Seawater.hpp).
// Reference values: physics sheet (docs physics.md) section 1.2 spot-check table, computed
// from Sharqawy, Lienhard & Zubair 2010 (doi:10.5004/dwt.2010.1079) with Jamieson 1969 cp
// and Jamieson & Tudhope 1970 k. Tolerances as the sheet suggests: rho +-0.1 %, cp +-0.3 %,
// k and mu +-1 %.
#include <gtest/gtest.h>

#include <cmath>
#include <string>

#include "../support/Validation.hpp"
#include "model/properties/Seawater.hpp"

namespace fdtwin::props {
namespace {

constexpr double kC = 273.15;  // K at 0 degC

struct SpotCheck {
  double tC, S, rho, cp, k, muMilli, nuMicro, pr;
};

// physics.md section 1.2 (S = 35 g/kg rows and the pure-water line at 20 degC).
constexpr SpotCheck kTable[] = {
    {10.0, 35.0, 1026.96, 3995.8, 0.5863, 1.3967, 1.3601, 9.52},
    {20.0, 35.0, 1024.93, 3999.8, 0.6016, 1.0766, 1.0504, 7.16},
    {30.0, 35.0, 1022.03, 4003.4, 0.6155, 0.8606, 0.8421, 5.60},
    {20.0, 0.0, 998.04, 4189.4, 0.6035, 1.0017, 1.0017 / 998.04 * 1e3, 6.95},
};

// Reference: physics.md section 1.2 spot-check table.
TEST(SeawaterProperties, MatchesSpotCheckTable) {
  for (const auto& row : kTable) {
    SCOPED_TRACE(testing::Message() << "T = " << row.tC << " degC, S = " << row.S << " g/kg");
    const double T = row.tC + kC;
    const std::string at = " at " + std::to_string(static_cast<int>(row.tC)) + " degC, " +
                           std::to_string(static_cast<int>(row.S)) + " g/kg";
    const std::string ref = "Sharqawy et al. 2010 (physics.md 1.2 table)";
    test::reportCheck("rho" + at, ref, row.rho, seawaterDensity(T, row.S), 1e-3 * row.rho, "kg/m3", "0.1 %");
    test::reportCheck("cp" + at, ref, row.cp, seawaterCp(T, row.S), 3e-3 * row.cp, "J/(kg K)", "0.3 %");
    test::reportCheck("k" + at, ref, row.k, seawaterConductivity(T, row.S), 1e-2 * row.k, "W/(m K)", "1 %");
    test::reportCheck("mu" + at, ref, row.muMilli * 1e-3, seawaterViscosity(T, row.S), 1e-2 * row.muMilli * 1e-3, "Pa s",
                      "1 %");
    EXPECT_NEAR(seawaterDensity(T, row.S), row.rho, 1e-3 * row.rho);
    EXPECT_NEAR(seawaterCp(T, row.S), row.cp, 3e-3 * row.cp);
    EXPECT_NEAR(seawaterConductivity(T, row.S), row.k, 1e-2 * row.k);
    EXPECT_NEAR(seawaterViscosity(T, row.S), row.muMilli * 1e-3, 1e-2 * row.muMilli * 1e-3);
    EXPECT_NEAR(seawaterKinematicViscosity(T, row.S), row.nuMicro * 1e-6, 1e-2 * row.nuMicro * 1e-6);
    EXPECT_NEAR(seawaterPrandtl(T, row.S), row.pr, 1e-2 * row.pr);
  }
}

// The table is given to 5-6 significant figures; the implementation must reproduce it to
// its printed precision (a transcription slip in a coefficient shows up here long before
// it exceeds the physical tolerances above).
TEST(SeawaterProperties, ReproducesSpotCheckTableToPrintedDigits) {
  for (const auto& row : kTable) {
    SCOPED_TRACE(testing::Message() << "T = " << row.tC << " degC, S = " << row.S << " g/kg");
    const double T = row.tC + kC;
    EXPECT_NEAR(seawaterDensity(T, row.S), row.rho, 0.006);
    EXPECT_NEAR(seawaterCp(T, row.S), row.cp, 0.06);
    EXPECT_NEAR(seawaterConductivity(T, row.S), row.k, 6e-5);
    EXPECT_NEAR(seawaterViscosity(T, row.S) * 1e3, row.muMilli, 6e-5);
  }
}

// Reference: physics.md section 1.1 warning and section 9.1. The public JS port evaluates
// Jamieson's polynomial with T68 in degC and gets cp(20 degC, 35 g/kg) = 2697 J/(kg K).
TEST(SeawaterProperties, CpUsesKelvinNotCelsius) {
  const double cp = seawaterCp(20.0 + kC, 35.0);
  // The degC slip, evaluated here independently, must indeed land near 2697 ...
  const double sp = 35.0 / 1.00472;
  const double t68C = 1.00024 * 20.0;
  const double a = 5.328 - 9.76e-2 * sp + 4.04e-4 * sp * sp;
  const double b = -6.913e-3 + 7.351e-4 * sp - 3.15e-6 * sp * sp;
  const double c = 9.6e-6 - 1.927e-6 * sp + 8.23e-9 * sp * sp;
  const double d = 2.5e-9 + 1.666e-9 * sp - 7.125e-12 * sp * sp;
  const double buggy = 1000.0 * (a + b * t68C + c * t68C * t68C + d * t68C * t68C * t68C);
  EXPECT_NEAR(buggy, 2697.0, 1.0);
  // ... and the implementation must be far from it and at the kelvin value.
  EXPECT_GT(std::abs(cp - buggy), 1000.0);
  EXPECT_NEAR(cp, 3999.8, 3e-3 * 3999.8);
}

// Reference: physics.md section 1.2, "rho cp for seawater is about 4.10 MJ/m3K across
// 5-30 degC". Tolerance 1 %.
TEST(SeawaterProperties, VolumetricHeatCapacity) {
  for (double tC = 5.0; tC <= 30.0; tC += 5.0) {
    const double T = tC + kC;
    test::reportCheck("rho cp at " + std::to_string(static_cast<int>(tC)) + " degC", "physics.md 1.2: about 4.10 MJ/m3K",
                      4.10e6, seawaterDensity(T, 35.0) * seawaterCp(T, 35.0), 0.01 * 4.10e6, "J/(m3 K)",
                      "1 %: the sheet's round figure");
    EXPECT_NEAR(seawaterDensity(T, 35.0) * seawaterCp(T, 35.0), 4.10e6, 0.01 * 4.10e6) << tC << " degC";
  }
}

// Physical trends (Sharqawy 2010 figs. 1, 4, 9, 13): rho rises with S and falls with T
// above 4 degC; mu rises with S and falls with T; k rises with T and falls with S.
TEST(SeawaterProperties, PhysicalTrends) {
  const double T = 15.0 + kC;
  EXPECT_GT(seawaterDensity(T, 40.0), seawaterDensity(T, 30.0));
  EXPECT_LT(seawaterDensity(T + 10.0, 35.0), seawaterDensity(T, 35.0));
  EXPECT_GT(seawaterViscosity(T, 40.0), seawaterViscosity(T, 30.0));
  EXPECT_LT(seawaterViscosity(T + 10.0, 35.0), seawaterViscosity(T, 35.0));
  EXPECT_GT(seawaterConductivity(T + 10.0, 35.0), seawaterConductivity(T, 35.0));
  EXPECT_LT(seawaterConductivity(T, 40.0), seawaterConductivity(T, 0.0));
  EXPECT_LT(seawaterCp(T, 35.0), seawaterCp(T, 0.0));
}

// Identities nu = mu/rho, alpha = k/(rho cp), Pr = cp mu/k (physics.md section 1.1) and
// fresh water = seawater at S = 0. Tolerance: rounding only (1e-14 relative).
TEST(SeawaterProperties, BundleIsConsistent) {
  const double T = 12.0 + kC;
  const FluidProperties p = seawater(T, 35.0);
  EXPECT_DOUBLE_EQ(p.rho, seawaterDensity(T, 35.0));
  EXPECT_DOUBLE_EQ(p.cp, seawaterCp(T, 35.0));
  EXPECT_DOUBLE_EQ(p.k, seawaterConductivity(T, 35.0));
  EXPECT_DOUBLE_EQ(p.mu, seawaterViscosity(T, 35.0));
  EXPECT_NEAR(p.nu, p.mu / p.rho, 1e-14 * p.nu);
  EXPECT_NEAR(p.alpha, p.k / (p.rho * p.cp), 1e-14 * p.alpha);
  EXPECT_NEAR(p.Pr, p.cp * p.mu / p.k, 1e-14 * p.Pr);
  EXPECT_NEAR(seawaterThermalDiffusivity(T, 35.0), p.alpha, 1e-14 * p.alpha);
  const FluidProperties w = freshWater(T);
  EXPECT_DOUBLE_EQ(w.rho, seawaterDensity(T, 0.0));
  EXPECT_DOUBLE_EQ(w.Pr, seawater(T, 0.0).Pr);
}

// Reference: UNESCO 1983 (Fofonoff & Millard, Tech. Pap. Mar. Sci. 44) check value
// tf(SP = 40, p = 500 dbar) = -2.588567 degC; removing the pressure term -7.53e-4 * 500
// gives -2.212067 degC at p = 0. The API takes g/kg, so SP = 40 is S = 40 * 1.00472.
// Tolerance 1e-5 K (the check value is printed to 1e-6).
TEST(SeawaterProperties, FreezingPointUnescoCheckValue) {
  test::reportCheck("freezing point at SP 40, p = 0", "UNESCO 1983 check value", -2.212067 + kC,
                    seawaterFreezingPoint(40.0 * 1.00472), 1e-5, "K", "the check value is printed to 1e-6");
  EXPECT_NEAR(seawaterFreezingPoint(40.0 * 1.00472), -2.212067 + kC, 1e-5);
  EXPECT_NEAR(seawaterFreezingPoint(0.0), kC, 1e-12);
  // Ocean water freezes near -1.9 degC (Millero 1978); +-0.05 K.
  EXPECT_NEAR(seawaterFreezingPoint(35.0), -1.91 + kC, 0.05);
}

// Reference: Sharqawy 2010 eq. 36 evaluated by hand at 100 degC, S = 35 g/kg:
// A = 41.59228, B = 13.36357, BPE = A*0.035^2 + B*0.035 = 0.518675 K. Cross-check: the
// colligative estimate K_b * osmolality = 0.513 K kg/mol * ~1.0 osmol/kg ~ 0.5 K.
TEST(SeawaterProperties, BoilingPointElevation) {
  EXPECT_NEAR(seawaterBoilingPoint(0.0), 373.15, 1e-12);
  test::reportCheck("boiling-point elevation, 35 g/kg", "Sharqawy 2010 eq. 36 by hand", 0.518675,
                    seawaterBoilingPoint(35.0) - 373.15, 1e-6, "K", "the hand value's digits");
  EXPECT_NEAR(seawaterBoilingPoint(35.0) - 373.15, 0.518675, 1e-6);
  EXPECT_GT(seawaterBoilingPoint(70.0), seawaterBoilingPoint(35.0));
}

}  // namespace
}  // namespace fdtwin::props
