// Global energy and electrical balances of a 7-day run of the default barge with every
// checkpoint dip resolved (cases/barge-ai-20mw-dips.toml: real Ulsan weather, AI-training load
// with its dips, engine and battery dispatch), checked from the result file alone, as a
// reviewer would.
#include <gtest/gtest.h>

#include <cmath>
#include <algorithm>
#include <filesystem>
#include <numeric>

#include <unistd.h>

#include "../support/Validation.hpp"
#include "run/RunCase.hpp"
#include "io/ResultReader.hpp"

namespace fdtwin {
namespace {

class SevenDayRun : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    // One file per process: CTest runs each test of this suite as its own process, in parallel.
    s_path = (std::filesystem::temp_directory_path() / ("fdtwin_balance_7d_" + std::to_string(::getpid()) + ".h5")).string();
    const Case c = Case::load(std::string(FDTWIN_SOURCE_DIR) + "/cases/barge-ai-20mw-dips.toml");
    RunOptions o;
    o.outputPath = s_path;
    o.duration = 7 * 86400.0;
    o.outputInterval = 100.0;  // fine enough to catch the 2-minute checkpoint dips
    runCase(c, o);
  }
  static void TearDownTestSuite() {
    std::filesystem::remove(s_path);
    std::filesystem::remove(std::filesystem::path(s_path).replace_extension(".xdmf"));
  }
  static std::string s_path;
};
std::string SevenDayRun::s_path;

double rowSum(const std::vector<double>& m, size_t cols, size_t row) {
  return std::accumulate(m.begin() + static_cast<long>(row * cols), m.begin() + static_cast<long>((row + 1) * cols), 0.0);
}

// Reference: conservation of energy over the ship boundary (first law, physics sheet):
// |∫sources − ∫sinks − ΔE_stored| ≤ 1e-6 of ∫sources.
TEST_F(SevenDayRun, GlobalEnergyBalanceCloses) {
  const ResultReader r(s_path);
  const auto src = r.readNumbers("/balance/source_energy");
  const auto snk = r.readNumbers("/balance/sink_energy");
  const auto E = r.readNumbers("/balance/E_stored");
  const size_t ns = r.shape("/balance/source_energy").at(1), nk = r.shape("/balance/sink_energy").at(1);
  const size_t last = E.size() - 1;
  const double in = rowSum(src, ns, last), out = rowSum(snk, nk, last);
  ASSERT_GT(in, 1e13);  // ~20 MW for a week
  const double residual = (in - out - (E[last] - E[0])) / in;
  test::reportCheck("energy residual (in - out - dE)/in, 7 d with dips", "conservation of energy (first law)", 0.0,
                    residual, 1e-6, "1", "integration error of a stiff 7-day run; measured ~2e-8");
  EXPECT_LE(std::abs(residual), 1e-6);
  EXPECT_NEAR(r.kpi().at("energy_balance_residual"), residual, 1e-9);
}

// Reference: the electrical bus balances at every output time (Kirchhoff's current law on
// one bus):
// Σ generation + battery + unserved = facility load + power-plant auxiliaries (engine-room
// pumps, outside the PUE boundary) + load bank, within 1e-6 relative.
TEST_F(SevenDayRun, ElectricalBalanceHoldsAtEveryOutputTime) {
  const ResultReader r(s_path);
  const auto gen = r.readNumbers("/power/P_generation");
  const size_t ng = r.shape("/power/P_generation").at(1);
  const auto bat = r.readNumbers("/power/P_battery"), uns = r.readNumbers("/power/P_unserved");
  const auto fac = r.readNumbers("/power/P_facility"), dump = r.readNumbers("/power/P_dumped");
  const auto dem = r.readNumbers("/power/P_demand"), aux = r.readNumbers("/power/P_plant_aux");
  ASSERT_EQ(fac.size(), 7u * 864u + 1u);
  double worst = 0.0;  // largest bus imbalance relative to the demand, over all rows
  for (size_t i = 0; i < fac.size(); ++i) {
    const double supply = rowSum(gen, ng, i) + bat[i] + uns[i];
    worst = std::max(worst, std::abs(supply - (fac[i] + aux[i] + dump[i])) / dem[i]);
    EXPECT_NEAR(supply, fac[i] + aux[i] + dump[i], 1e-6 * dem[i]) << "row " << i;
    EXPECT_NEAR(fac[i] + aux[i] + uns[i], dem[i], 1e-6 * dem[i]) << "row " << i;
  }
  test::reportCheck("worst bus imbalance / demand over 6049 rows", "Kirchhoff: generation + battery + unserved = load",
                    0.0, worst, 1e-6, "1", "solver tolerance on the dispatch");
}

// The week really varies: checkpoint dips in IT power, weather in the sea temperature.
TEST_F(SevenDayRun, LoadAndWeatherVary) {
  const ResultReader r(s_path);
  const auto it = r.readNumbers("/power/P_it"), sst = r.readNumbers("/environment/T_sea_surface");
  const auto [itMin, itMax] = std::minmax_element(it.begin(), it.end());
  EXPECT_LT(*itMin, 0.6 * *itMax);
  const auto [sMin, sMax] = std::minmax_element(sst.begin(), sst.end());
  EXPECT_GT(*sMax - *sMin, 0.1);
}

}  // namespace
}  // namespace fdtwin
