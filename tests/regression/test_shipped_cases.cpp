// Regression of the shipped cases against stored answers (tests/regression/answers/*.json).
// Each case runs 2 simulated days; every KPI must match its stored value within a relative
// tolerance of 1e-4 (solver rtol is 1e-4 or 1e-5; what is compared are integrals and extrema over two
// days), with an absolute floor of 1e-9 for KPIs that are zero.
// To accept a deliberate change of the model: FDTWIN_UPDATE_ANSWERS=1 build/bin/fdtwin_regression_tests
// and commit the changed answer files with a message that says why they changed.
#include <gtest/gtest.h>

#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "run/RunCase.hpp"

namespace fdtwin {
namespace {

constexpr double kRelTol = 1e-4;

class ShippedCase : public ::testing::TestWithParam<std::string> {};

TEST_P(ShippedCase, MatchesStoredAnswer) {
  const std::string name = GetParam();
  const std::string source = FDTWIN_SOURCE_DIR;
  const Case c = Case::load(source + "/cases/" + name + ".toml");
  RunOptions o;
  o.outputPath = (std::filesystem::temp_directory_path() / ("fdtwin_regression_" + name + ".h5")).string();
  o.duration = 2 * 86400.0;
  const RunSummary s = runCase(c, o);
  std::filesystem::remove(o.outputPath);
  std::filesystem::remove(o.outputPath.substr(0, o.outputPath.size() - 3) + ".xdmf");

  const std::string answerPath = std::string(FDTWIN_TEST_DIR) + "/regression/answers/" + name + ".json";
  if (std::getenv("FDTWIN_UPDATE_ANSWERS")) {
    nlohmann::json j;
    j["case"] = name;
    j["duration_s"] = o.duration;
    for (const auto& [k, v] : s.kpi) j["kpi"][k] = v;
    std::ofstream(answerPath) << j.dump(2) << "\n";
    GTEST_SKIP() << "answer written to " << answerPath;
  }
  std::ifstream in(answerPath);
  ASSERT_TRUE(in) << "no stored answer " << answerPath;
  const auto j = nlohmann::json::parse(in);
  for (const auto& [k, v] : j["kpi"].items()) {
    ASSERT_TRUE(s.kpi.count(k)) << "KPI " << k << " missing";
    const double expected = v.get<double>();
    if (k == "energy_balance_residual") {
      EXPECT_LE(std::abs(s.kpi.at(k)), 1e-6) << name;  // a residual is compared with its bound, not its value
      continue;
    }
    EXPECT_NEAR(s.kpi.at(k), expected, std::max(1e-9, kRelTol * std::abs(expected))) << name << " KPI " << k;
  }
}

INSTANTIATE_TEST_SUITE_P(Cases, ShippedCase, ::testing::Values("barge-ai-20mw", "barge-ai-20mw-dips", "natick-pod", "nautilus-barge", "tropical-barge"),
                         [](const auto& info) {
                           std::string n = info.param;
                           for (auto& ch : n) ch = ch == '-' ? '_' : ch;
                           return n;
                         });

}  // namespace
}  // namespace fdtwin
