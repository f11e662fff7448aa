// Utilization profiles: shape, continuity and breakpoints (model/it/UtilizationProfile.hpp).
#include <gtest/gtest.h>

#include <cmath>

#include "model/it/UtilizationProfile.hpp"
#include "run/CaseBindings.hpp"

namespace fdtwin::it {
namespace {

ProfileParams training() {
  ProfileParams p = io::defaultPlantParams().it.profile;
  p.kind = ProfileKind::Training;
  p.level = 0.9;
  p.period = 3600;
  p.dipDuration = 120;
  p.dipLevel = 0.25;
  p.ramp = 5;
  return p;
}

TEST(UtilizationProfile, TrainingStaysWithinLevelsAndDipsOncePerPeriod) {
  const UtilizationProfile u(training());
  double lo = 1.0, hi = 0.0, below = 0.0;
  for (double t = 0; t < 3 * 3600; t += 1.0) {
    const double v = u.at(t);
    lo = std::min(lo, v);
    hi = std::max(hi, v);
    if (v < 0.5 * 0.9) below += 1.0;
  }
  EXPECT_NEAR(hi, 0.9, 1e-12);
  EXPECT_NEAR(lo, 0.25 * 0.9, 1e-12);
  EXPECT_NEAR(below, 3 * (120 + 5), 3 * 3.0);  // the dip plus about half of each ramp
  EXPECT_NEAR(u.at(0.0), 0.9, 1e-12);        // period boundaries sample the compute phase
  EXPECT_NEAR(u.at(3600.0), 0.9, 1e-12);
}

// The period-mean mode must carry the same IT energy as the resolved dips: the mean of the
// piecewise-linear shape, integrated exactly by the trapezoid rule between its kinks.
TEST(UtilizationProfile, MeanModeEqualsTheResolvedShapesPeriodMean) {
  const UtilizationProfile resolved(training());
  double integral = 0.0, t = 0.0;
  while (t < 3600.0) {
    const double b = std::min(3600.0, resolved.nextBreakpoint(t));
    integral += 0.5 * (resolved.at(t) + resolved.at(b)) * (b - t);  // exact: linear between kinks
    t = b;
  }
  ProfileParams p = training();
  p.dipsResolved = false;
  const UtilizationProfile mean(p);
  EXPECT_NEAR(mean.trainingMean(), integral / 3600.0, 1e-12);
  EXPECT_NEAR(mean.at(0.0), integral / 3600.0, 1e-12);
  EXPECT_NEAR(mean.at(1800.0), mean.at(0.0), 0.0);  // constant: no dip in the middle
  EXPECT_TRUE(std::isinf(mean.nextBreakpoint(0.0)));  // and no kinks to stop on
  // 0.9·[1 − 0.75·125/3600] by hand
  EXPECT_NEAR(mean.at(7.0), 0.9 * (1.0 - 0.75 * 125.0 / 3600.0), 1e-12);
}

TEST(UtilizationProfile, TrainingIsContinuousAndBreakpointsAreItsKinks) {
  const UtilizationProfile u(training());
  double t = 0.0;
  int kinks = 0;
  while (true) {
    const double b = u.nextBreakpoint(t);
    ASSERT_GT(b, t);
    if (b >= 2 * 3600) break;
    EXPECT_NEAR(u.at(b - 1e-6), u.at(b + 1e-6), 1e-6);  // continuous across every kink
    t = b;
    ++kinks;
  }
  EXPECT_EQ(kinks, 8);  // four per period
}

TEST(UtilizationProfile, InferencePeaksAtFourPmAndTroughsAtFourAm) {
  ProfileParams p = io::defaultPlantParams().it.profile;
  p.kind = ProfileKind::Inference;
  p.level = 0.8;
  p.inferenceMin = 0.4;
  const UtilizationProfile u(p);
  EXPECT_NEAR(u.at(16 * 3600.0), 0.8, 1e-12);
  EXPECT_NEAR(u.at(4 * 3600.0), 0.8 * 0.4, 1e-12);
  EXPECT_TRUE(std::isinf(u.nextBreakpoint(0.0)));
}

TEST(UtilizationProfile, CsvInterpolatesAndRepeats) {
  ProfileParams p = io::defaultPlantParams().it.profile;
  p.kind = ProfileKind::Csv;
  p.csvTime = {0, 100, 200};
  p.csvValue = {0.0, 1.0, 0.5};
  const UtilizationProfile u(p);
  EXPECT_NEAR(u.at(50), 0.5, 1e-12);
  EXPECT_NEAR(u.at(150), 0.75, 1e-12);
  EXPECT_NEAR(u.at(250), 0.5, 1e-12);  // repeats with period 200
  EXPECT_NEAR(u.nextBreakpoint(50), 100, 1e-9);
}

}  // namespace
}  // namespace fdtwin::it
