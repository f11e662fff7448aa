// Sweep expansion (sweep/SweepPlan): a grid, a zipped list and a Latin hypercube give the
// expected case sets, in the documented order, with canonical SI values; the hypercube is
// stratified (exactly one sample in each of the n bins of every parameter) and reproducible
// for a seed; the KPI list the summary collects is the one the recorder writes.
#include <fmt/format.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "io/Case.hpp"
#include "io/ResultReader.hpp"
#include "run/RunCase.hpp"
#include "sweep/Kpis.hpp"
#include "sweep/SweepPlan.hpp"
#include "sweep/SweepSpec.hpp"

namespace fdtwin::sweep {
namespace {

namespace fs = std::filesystem;

const std::string kBase = std::string(FDTWIN_SOURCE_DIR) + "/cases/barge-ai-20mw.toml";

SweepPlan planFrom(const std::string& name, const std::string& body) {
  const fs::path dir = fs::temp_directory_path() / "fdtwin-sweep-expansion";
  fs::create_directories(dir);
  const std::string path = (dir / name).string();
  std::ofstream(path, std::ios::binary) << "[sweep]\nbase = \"" << kBase << "\"\n" << body;
  return planSweep(SweepSpec::load(path));
}

double number(const CaseValue& v) {
  if (const auto* d = std::get_if<double>(&v)) return *d;
  return static_cast<double>(std::get<long long>(v));
}

// The bin (0 … n-1) of each sample of parameter d, from its value in [min, max).
std::vector<long> bins(const SweepPlan& plan, std::size_t d, double min, double max) {
  std::vector<long> b;
  const double n = static_cast<double>(plan.cases.size());
  for (const auto& c : plan.cases)
    b.push_back(static_cast<long>(std::floor((number(c.values[d]) - min) / (max - min) * n)));
  std::sort(b.begin(), b.end());
  return b;
}

std::vector<long> iota(std::size_t n) {
  std::vector<long> v(n);
  for (std::size_t i = 0; i < n; ++i) v[i] = static_cast<long>(i);
  return v;
}

TEST(Grid, FirstParameterVariesSlowest) {
  EXPECT_EQ(gridIndices({2, 3}),
            (std::vector<std::vector<std::size_t>>{{0, 0}, {0, 1}, {0, 2}, {1, 0}, {1, 1}, {1, 2}}));
  EXPECT_EQ(gridIndices({1, 1, 2}).size(), 2u);
  EXPECT_EQ(gridIndices({4, 3, 2}).size(), 24u);
  EXPECT_TRUE(gridIndices({}).empty());
}

TEST(Grid, PlansEveryCombinationWithSiValues) {
  const SweepPlan plan = planFrom("grid.toml",
                                  "duration = \"2 h\"\n[set]\nit.utilization = 0.9\n"
                                  "[parameters]\npower.battery.capacity = [\"10 MWh\", \"20 MWh\", 4e10]\n"
                                  "power.engines.count = [3, 4]\n");
  ASSERT_EQ(plan.cases.size(), 6u);
  EXPECT_EQ(plan.mode, Mode::Grid);
  EXPECT_EQ(plan.duration, 7200.0);
  const std::vector<std::pair<double, long long>> expected = {{3.6e10, 3}, {3.6e10, 4}, {7.2e10, 3},
                                                              {7.2e10, 4}, {4e10, 3},   {4e10, 4}};
  for (std::size_t i = 0; i < plan.cases.size(); ++i) {
    SCOPED_TRACE(i);
    EXPECT_EQ(plan.cases[i].name, caseName(i, 6));
    EXPECT_EQ(std::get<double>(plan.cases[i].values[0]), expected[i].first);
    EXPECT_EQ(std::get<long long>(plan.cases[i].values[1]), expected[i].second);
  }
  EXPECT_EQ(plan.cases[2].set,
            (std::vector<std::string>{"power.battery.capacity=72000000000", "power.engines.count=3"}));
  EXPECT_EQ(plan.parameters[0].unit, "J");
  EXPECT_EQ(plan.parameters[1].unit, "1");
  EXPECT_EQ(plan.overrides, (std::vector<std::string>{"it.utilization=0.9"}));
  EXPECT_EQ(plan.kpis, kpiNames());  // all KPIs when the file names none

  // Case i runs as `fdtwin run BASE --set fixed… --set params… -o OUT --duration 7200`.
  const auto args = plan.runArguments(5, "/out/case-0005.h5");
  EXPECT_EQ(args,
            (std::vector<std::string>{"run", kBase, "--set", "it.utilization=0.9", "--set",
                                      "power.battery.capacity=40000000000", "--set", "power.engines.count=4",
                                      "-o", "/out/case-0005.h5", "--duration", "7200"}));
}

TEST(List, ZipsTheIthValues) {
  const SweepPlan plan = planFrom("list.toml",
                                  "mode = \"list\"\nkpis = [\"PUE\", \"fuel_total\"]\n[parameters]\n"
                                  "it.profile = [\"training\", \"inference\", \"idle\"]\n"
                                  "it.halls = [1, 2, 3]\n");
  ASSERT_EQ(plan.cases.size(), 3u);
  const std::vector<std::string> profiles = {"training", "inference", "idle"};
  for (std::size_t i = 0; i < 3; ++i) {
    EXPECT_EQ(std::get<std::string>(plan.cases[i].values[0]), profiles[i]);
    EXPECT_EQ(std::get<long long>(plan.cases[i].values[1]), static_cast<long long>(i + 1));
  }
  EXPECT_EQ(plan.cases[1].set, (std::vector<std::string>{"it.profile=\"inference\"", "it.halls=2"}));
  EXPECT_EQ(plan.parameters[0].unit, "-");
  EXPECT_EQ(plan.kpis, (std::vector<std::string>{"PUE", "fuel_total"}));
}

TEST(LatinHypercube, OneSampleInEachBinOfEveryDimension) {
  for (const std::size_t n : {1u, 2u, 5u, 16u, 100u, 1000u}) {
    for (const std::size_t dims : {1u, 3u, 7u}) {
      for (const std::uint64_t seed : {0ull, 1ull, 42ull, 18446744073709551615ull}) {
        SCOPED_TRACE(testing::Message() << "n " << n << " dims " << dims << " seed " << seed);
        const auto u = latinHypercube(n, dims, seed);
        ASSERT_EQ(u.size(), n);
        for (std::size_t d = 0; d < dims; ++d) {
          std::vector<long> b;
          for (const auto& point : u) {
            ASSERT_EQ(point.size(), dims);
            ASSERT_GE(point[d], 0.0);
            ASSERT_LT(point[d], 1.0);
            b.push_back(static_cast<long>(std::floor(point[d] * static_cast<double>(n))));
          }
          std::sort(b.begin(), b.end());
          EXPECT_EQ(b, iota(n)) << "dimension " << d;
        }
      }
    }
  }
}

TEST(LatinHypercube, ReproducibleForASeed) {
  EXPECT_EQ(latinHypercube(20, 4, 7), latinHypercube(20, 4, 7));
  EXPECT_NE(latinHypercube(20, 4, 7), latinHypercube(20, 4, 8));
  // Not a permutation shared by every dimension: the pairing of bins is random.
  const auto u = latinHypercube(50, 2, 3);
  std::size_t sameBin = 0;
  for (const auto& p : u) sameBin += std::floor(p[0] * 50) == std::floor(p[1] * 50) ? 1 : 0;
  EXPECT_LT(sameBin, 10u);
  // The stream is std::mt19937_64's, which the C++ standard fixes: the same numbers on every
  // platform. Stored answer for seed 1 (exact: the arithmetic is a few IEEE operations).
  const auto v = latinHypercube(4, 2, 1);
  EXPECT_EQ(fmt::format("{:.17g} {:.17g}", v[0][0], v[0][1]), "0.25525605710418175 0.77236329841116358");
}

TEST(LatinHypercube, PlansStratifiedCasesWithinTheRanges) {
  const std::string body =
      "mode = \"lhs\"\nsamples = 12\nseed = 2024\n[parameters]\n"
      "power.battery.capacity = { min = \"5 MWh\", max = \"40 MWh\" }\n"
      "seawater.fouling_resistance_max = { min = 0, max = 2e-4 }\n"
      "cooling.facility_supply_setpoint = { min = \"20 degC\", max = \"30 degC\" }\n"
      "it.racks_per_row = { min = 4, max = 12 }\n";
  const SweepPlan plan = planFrom("lhs.toml", body);
  ASSERT_EQ(plan.cases.size(), 12u);
  EXPECT_EQ(plan.mode, Mode::Lhs);
  EXPECT_EQ(plan.seed, 2024u);
  EXPECT_EQ(bins(plan, 0, 1.8e10, 1.44e11), iota(12));
  EXPECT_EQ(bins(plan, 1, 0.0, 2e-4), iota(12));
  EXPECT_EQ(bins(plan, 2, 293.15, 303.15), iota(12));  // degC converted once, to K
  for (const auto& c : plan.cases) {
    const long long racks = std::get<long long>(c.values[3]);  // an integer key: rounded
    EXPECT_GE(racks, 4);
    EXPECT_LE(racks, 12);
  }
  // The same file plans the same cases; another seed other ones.
  EXPECT_EQ(planFrom("lhs2.toml", body).cases[5].set, plan.cases[5].set);
  std::string other = body;
  other.replace(other.find("2024"), 4, "2025");
  EXPECT_NE(planFrom("lhs3.toml", other).cases[5].set, plan.cases[5].set);
}

TEST(CaseNames, SortInCaseOrder) {
  EXPECT_EQ(caseName(3, 10), "case-0003");
  EXPECT_EQ(caseName(9999, 10000), "case-9999");
  EXPECT_EQ(caseName(12, 20000), "case-00012");
}

TEST(ValueText, ReadsBackToTheSameValue) {
  for (const double x : {0.1, 1.0 / 3.0, 3.6e10, 1e-300, 293.15, 7e-5}) {
    Case c = Case::load(kBase);
    c.set("power.battery.capacity", valueText(CaseValue{x * 1e10 + 1.0}));
    EXPECT_EQ(c.real("power.battery.capacity"), x * 1e10 + 1.0);
  }
  EXPECT_EQ(valueText(CaseValue{std::string("a \"quoted\" name")}), "\"a \\\"quoted\\\" name\"");
  EXPECT_EQ(valueText(CaseValue{true}), "true");
  EXPECT_EQ(valueText(CaseValue{12LL}), "12");
}

TEST(Kpis, TableMatchesWhatTheRecorderWrites) {
  // Runs one simulated hour and compares the /kpi datasets and their units with the table.
  const fs::path out = fs::temp_directory_path() / "fdtwin-sweep-kpi.h5";
  RunOptions ro;
  ro.outputPath = out.string();
  ro.duration = 3600.0;
  runCase(Case::load(kBase), ro);
  const ResultReader r(out.string());
  std::set<std::string> written;
  for (const auto& [k, v] : r.kpi()) written.insert(k);
  const auto names = kpiNames();
  EXPECT_EQ(written, std::set<std::string>(names.begin(), names.end()));
  const auto units = r.kpiUnits();
  for (const auto& k : kpiTable()) {
    ASSERT_TRUE(units.count(k.name)) << k.name;
    EXPECT_EQ(units.at(k.name), k.unit) << k.name;
  }
  fs::remove(out);
  fs::remove(fs::path(out).replace_extension(".xdmf"));
}

}  // namespace
}  // namespace fdtwin::sweep
