// Racks that differ: the row manifold's flow split against hand-solved networks, the seeded
// hardware spread, jobs on rack ranges, and where the default barge's hottest rack sits.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <numeric>
#include <random>
#include <set>

#include "../support/PlantHarness.hpp"
#include "io/Case.hpp"
#include "io/ResultReader.hpp"
#include "model/Plant.hpp"
#include "model/cooling/RowManifold.hpp"
#include "model/properties/Seawater.hpp"
#include "run/CaseBindings.hpp"
#include "run/PlantFromCase.hpp"
#include "run/RunCase.hpp"

namespace fdtwin {
namespace {

using cooling::ManifoldKind;
using cooling::manifoldSplit;

double sum(const std::vector<double>& v) { return std::accumulate(v.begin(), v.end(), 0.0); }

// Reference, solved by hand: a direct-return (U-type) row of three branches, K_b = 1 and
// K_h = 1.5 (Pa per (kg/s)², both headers). Loop 1–2: q1² − q2² = 2·K_h·q2²; with q2 = 1,
// q1 = 2. Loop 0–1: q0² − q1² = 2·K_h·(q1 + q2)² = 27, q0 = √31. So q = (√31, 2, 1)·Q/(3 + √31).
// Tolerance 1e-12 relative (Newton converged to 1e-14); Σq = Q to 1e-9.
TEST(RowManifold, DirectReturnThreeBranchesMatchTheHandSolution) {
  const double Q = 9.0;
  const auto q = manifoldSplit(ManifoldKind::DirectReturn, 3, Q, 1.0, 1.5);
  const double scale = Q / (3.0 + std::sqrt(31.0));
  EXPECT_NEAR(q[0], std::sqrt(31.0) * scale, 1e-12 * Q);
  EXPECT_NEAR(q[1], 2.0 * scale, 1e-12 * Q);
  EXPECT_NEAR(q[2], 1.0 * scale, 1e-12 * Q);
  EXPECT_NEAR(sum(q), Q, 1e-9 * Q);
}

// Reference, solved by hand: a reverse-return (Z-type) row of three branches, K_b = K_h = 1.
// With equal headers the split is symmetric, q0 = q2 = x, and with q1 = 1 the loop 0–1,
// q0² − q1² = K_h·[(q1 + q2)² − q0²], gives x² − 2x − 2 = 0, x = 1 + √3 (the middle branch has
// the longest supply-plus-return path). So q = (1 + √3, 1, 1 + √3)·Q/(3 + 2√3). Tolerance 1e-12.
TEST(RowManifold, ReverseReturnThreeBranchesMatchTheHandSolution) {
  const double Q = 5.0;
  const auto q = manifoldSplit(ManifoldKind::ReverseReturn, 3, Q, 1.0, 1.0);
  const double x = 1.0 + std::sqrt(3.0), scale = Q / (3.0 + 2.0 * std::sqrt(3.0));
  EXPECT_NEAR(q[0], x * scale, 1e-12 * Q);
  EXPECT_NEAR(q[1], 1.0 * scale, 1e-12 * Q);
  EXPECT_NEAR(q[2], x * scale, 1e-12 * Q);
  EXPECT_NEAR(sum(q), Q, 1e-9 * Q);
}

// A row of the default barge (10 racks of 3 kg/s, 1 bar per rack, DN125 headers 4.8 m per
// segment, f = 0.02): in a direct-return row the flow falls from the CDU end to the far end
// (by ~6 % of the mean); a reverse-return row of the same headers is more even (its paths are
// of equal length; what is left is the middle's larger share of the header friction), within
// 3 % of the mean and under half the direct-return range. Total flow conserved to 1e-9 in
// both; uniform is Q/n exactly.
TEST(RowManifold, DirectReturnStarvesTheFarEndAndReverseReturnIsNearUniform) {
  const int n = 10;
  const double Q = 30.0, Kb = 1e5 / 9.0;
  const double Kh = cooling::headerSegmentResistance(4.8, 0.128, 0.02, props::freshWater(303.15).rho);
  const auto dr = manifoldSplit(ManifoldKind::DirectReturn, n, Q, Kb, Kh);
  const auto rr = manifoldSplit(ManifoldKind::ReverseReturn, n, Q, Kb, Kh);
  const auto un = manifoldSplit(ManifoldKind::Uniform, n, Q, Kb, Kh);
  EXPECT_NEAR(sum(dr), Q, 1e-9 * Q);
  EXPECT_NEAR(sum(rr), Q, 1e-9 * Q);
  for (int k = 1; k < n; ++k) EXPECT_LT(dr[static_cast<size_t>(k)], dr[static_cast<size_t>(k) - 1]) << k;
  const auto range = [](const std::vector<double>& v) {
    return *std::max_element(v.begin(), v.end()) - *std::min_element(v.begin(), v.end());
  };
  EXPECT_GT(range(dr) / (Q / n), 0.03);  // a few per cent from near to far end
  EXPECT_LT(range(rr) / (Q / n), 0.03);
  EXPECT_LT(range(rr), 0.5 * range(dr));
  for (double x : un) EXPECT_DOUBLE_EQ(x, Q / n);
}

// The hardware spread: the same seed draws the same racks, another seed other racks; over
// 4,000 racks the sample mean and relative standard deviation of R_i match R and σ_R (the
// standard error of a sample standard deviation is σ/√(2N) = 1.1 %; tolerance 6 % ≈ 5 standard
// errors, and the mean to 5 standard errors σ/√N).
TEST(HardwareSpread, SeededAndOfTheStatedSpread) {
  ItParams p = io::defaultPlantParams().it;
  p.halls = 10;
  p.rowsPerHall = 40;
  p.racksPerRow = 10;
  p.chipResistanceSpread = 0.05;
  p.powerSpread = 0.03;
  const auto draw = [&](int seed) {
    ItParams q = p;
    q.spreadSeed = seed;
    const it::Racks r(q, 4180.0, 996.0);
    std::vector<double> out;
    for (int i = 0; i < r.count(); ++i) {
      out.push_back(r.chipResistance(i));
      out.push_back(r.powerFactor(i));
    }
    return out;
  };
  const auto a = draw(7), b = draw(7), c = draw(8);
  EXPECT_EQ(a, b);
  EXPECT_NE(a, c);
  const size_t n = a.size() / 2;
  double mR = 0, mG = 0;
  for (size_t i = 0; i < n; ++i) {
    mR += a[2 * i] / n;
    mG += a[2 * i + 1] / n;
  }
  double vR = 0, vG = 0;
  for (size_t i = 0; i < n; ++i) {
    vR += (a[2 * i] - mR) * (a[2 * i] - mR) / (n - 1);
    vG += (a[2 * i + 1] - mG) * (a[2 * i + 1] - mG) / (n - 1);
  }
  const double R = p.chipResistance;
  EXPECT_NEAR(mR / R, 1.0, 5.0 * 0.05 / std::sqrt(n));
  EXPECT_NEAR(mG, 1.0, 5.0 * 0.03 / std::sqrt(n));
  EXPECT_NEAR(std::sqrt(vR) / R, 0.05, 0.06 * 0.05);
  EXPECT_NEAR(std::sqrt(vG), 0.03, 0.06 * 0.03);
}

// The generator under the spread is std::mt19937_64, whose sequence the C++ standard fixes
// ([rand.predef]: the 10000th draw of a default-constructed engine is 9981545732273789042):
// the spread is the same with every standard library.
TEST(HardwareSpread, EngineSequenceIsTheStandardOne) {
  std::mt19937_64 e;
  e.discard(9999);
  EXPECT_EQ(e(), 9981545732273789042ULL);
}

Case barge(const std::vector<std::string>& overrides = {}) {
  return Case::load(std::string(FDTWIN_SOURCE_DIR) + "/cases/barge-ai-20mw.toml", overrides);
}

// A hall with two jobs shows two utilization levels: racks 0-39 train at utilization 0.9
// (training dips at their period mean), racks 40-79 are idle. Reference: each rack's demand
// over its power factor is P_idle + (P_peak − P_idle)·u of its job, to 1e-9 relative.
TEST(Jobs, TwoJobsInOneHallDrawTwoLevels) {
  const Case c = barge({"it.halls=1", "it.jobs=\"training:0-39 utilization=0.9; idle:40-79\""});
  const PlantParams p = io::plantParams(c);
  Plant plant(p, std::make_shared<test::ConstantEnvironment>(test::calmSea()));
  const auto y = plant.initialState();
  PlantSignals s;
  plant.evaluate(0.0, y.data(), nullptr, s);
  ASSERT_EQ(s.utilization.size(), 2u);
  const it::UtilizationProfile training(p.it.jobs[0].profile);
  EXPECT_NEAR(s.utilization[0], training.trainingMean(), 1e-12);
  EXPECT_EQ(s.utilization[1], 0.0);
  std::set<long> levels;
  const auto& r = plant.racks();
  for (int i = 0; i < r.count(); ++i) {
    const double u = i < 40 ? training.trainingMean() : 0.0;
    const double expected = p.it.rackPowerIdle + (p.it.rackPowerPeak - p.it.rackPowerIdle) * u;
    const double level =
        r.demand(i, s.utilization[static_cast<size_t>(r.job(i))], y[static_cast<size_t>(r.chipIndex(i))]) /
        r.powerFactor(i);
    EXPECT_NEAR(level, expected, 1e-9 * expected) << "rack " << i;
    levels.insert(std::lround(level));
  }
  EXPECT_EQ(levels.size(), 2u);
}

// Shares of the racks scale with the plant. Reference, by hand: 81.25 %, 15 % and 3.75 % of 160
// racks end at 130, 154 and 160 (racks 0-129, 130-153, 154-159); of 80 racks (one hall) the
// running totals 65, 77 and 80 give 0-64, 65-76 and 77-79.
TEST(Jobs, SharesScaleWithThePlant) {
  const auto ranges = [](const PlantParams& p) {
    std::vector<std::pair<int, int>> out;
    for (const auto& j : p.it.jobs) out.emplace_back(j.firstRack, j.lastRack);
    return out;
  };
  using R = std::vector<std::pair<int, int>>;
  EXPECT_EQ(ranges(io::plantParams(barge())), (R{{0, 129}, {130, 153}, {154, 159}}));
  EXPECT_EQ(ranges(io::plantParams(barge({"it.halls=1"}))), (R{{0, 64}, {65, 76}, {77, 79}}));
}

// The default barge: the hottest rack is where the physics puts it. Reference: the steady
// rack balance T_c = T_sup + f·P_i·(1/(ṁ_i·c) + R_i) (physics sheet §4.2) at each job's
// highest utilization (inference at its 16:00 peak, training at its period mean) ranks the
// racks independently of the run; the run's hottest rack must be in the top three of that
// ranking (the halls' supply temperatures differ by a few tenths of a kelvin), and it is a
// working rack, not an idle spare. (Inference at its peak, u = 0.95, and training at its mean,
// 0.926, differ by less than the hardware spread, so either job can hold the hottest rack.)
// T_chip_spread_max comes from the row where inference racks stand beside idle spares.
TEST(DefaultCase, HottestRackIsTheOneTheRackBalancePredicts) {
  const Case c = barge();
  const auto out =
      std::filesystem::temp_directory_path() / ("fdtwin-spread-" + std::to_string(::getpid()) + ".h5");
  RunOptions o;
  o.outputPath = out.string();
  o.duration = 86400.0;
  const RunSummary s = runCase(c, o);
  std::filesystem::remove(out);
  std::filesystem::remove(std::filesystem::path(out).replace_extension(".xdmf"));
  const PlantParams p = io::plantParams(c);
  Plant plant(p, std::make_shared<test::ConstantEnvironment>(test::calmSea()));
  const auto& r = plant.racks();
  const double cp = props::freshWater(303.15).cp;
  std::vector<std::pair<double, int>> rank;
  for (int i = 0; i < r.count(); ++i) {
    const auto& job = r.jobs()[static_cast<size_t>(r.job(i))].profile;
    const double u = job.kind == it::ProfileKind::Inference  ? job.level
                     : job.kind == it::ProfileKind::Training ? it::UtilizationProfile(job).trainingMean()
                                                             : 0.0;
    const double P = r.demand(i, u, 300.0);
    rank.emplace_back(p.it.liquidFraction * P * (1.0 / (r.coolantFlow(i) * cp) + r.chipResistance(i)), i);
  }
  std::sort(rank.rbegin(), rank.rend());
  const int hottest = static_cast<int>(s.kpi.at("hottest_rack"));
  EXPECT_TRUE(hottest == rank[0].second || hottest == rank[1].second || hottest == rank[2].second)
      << "hottest " << r.info()[static_cast<size_t>(hottest)].name << ", estimate "
      << r.info()[static_cast<size_t>(rank[0].second)].name;
  EXPECT_NE(r.jobs()[static_cast<size_t>(r.job(hottest))].profile.kind, it::ProfileKind::Idle);
  EXPECT_GT(s.kpi.at("T_chip_spread_max"), 10.0);
  EXPECT_LT(s.kpi.at("T_chip_spread_max"), 40.0);
}

// Without the hardware spread, one job: the header alone orders the racks of a row, the chip
// warming from the CDU end to the far end (direct return); with reverse return the far end is
// within 0.1 K of the near end. Reference: the steady state T_c = T_sup + f·P·(1/(ṁ_i·c) + R)
// in each rack at the flows of the split, to 1e-9 K.
TEST(DefaultCase, DirectReturnWarmsTheFarEndOfEachRow) {
  for (const char* manifold : {"direct_return", "reverse_return"}) {
    const Case c = barge({"it.chip_resistance_spread=0", "it.power_spread=0", "it.jobs=\"\"",
                          std::string("cooling.tcs_manifold=\"") + manifold + "\""});
    const PlantParams p = io::plantParams(c);
    Plant plant(p, std::make_shared<test::ConstantEnvironment>(test::calmSea()));
    const auto y = plant.initialState();
    const auto& r = plant.racks();
    PlantSignals s;
    plant.evaluate(0.0, y.data(), nullptr, s);
    const int n = p.it.racksPerRow;
    std::vector<double> tc;
    tc.reserve(static_cast<size_t>(n));
    for (int k = 0; k < n; ++k) tc.push_back(y[static_cast<size_t>(r.chipIndex(k))]);
    const double tSup = s.tSupply[0], cp = props::freshWater(303.15).cp;
    for (int k = 0; k < n; ++k) {
      const double q = p.it.liquidFraction * r.demand(k, s.utilization[0], tc[static_cast<size_t>(k)]);
      EXPECT_NEAR(tc[static_cast<size_t>(k)],
                  tSup + q * (1.0 / (r.coolantFlow(k) * cp) + r.chipResistance(k)), 1e-9);
    }
    if (std::string(manifold) == "direct_return") {
      for (int k = 1; k < n; ++k) EXPECT_GT(tc[static_cast<size_t>(k)], tc[static_cast<size_t>(k) - 1]) << k;
      EXPECT_GT(tc.back() - tc.front(), 0.3);
    } else {
      EXPECT_LT(std::abs(tc.back() - tc.front()), 0.1);
    }
  }
}

}  // namespace
}  // namespace fdtwin
