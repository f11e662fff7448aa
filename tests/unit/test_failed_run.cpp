// A run that fails part-way stops cleanly and keeps what it wrote valid (a long coupled run
// that fails late must not lose its first months): the rows up to the failure stay a readable result file with
// status "failed", the failure text and no /kpi group, and the RunError says where they are.
// The failure is provoked without OpenFOAM: a CFD surrogate table over currents 0.30–0.50 m/s,
// while the default case's (synthetic, tidal) current 0.25 + 0.15·cos(2πt / 12.42 h) falls
// below the table's 10 % margin (0.28 m/s) at t ≈ 2.7 h.
#include <gtest/gtest.h>
#include <unistd.h>

#include <cmath>
#include <filesystem>
#include <string>

#include "cfd/Surrogate.hpp"
#include "core/Error.hpp"
#include "run/RunCase.hpp"
#include "run/CfdFromCase.hpp"
#include "io/ResultReader.hpp"

namespace fdtwin {
namespace {

namespace fs = std::filesystem;

// A surrogate table for the case's layout over currents [cLo, cHi] m/s with uniform responses
// (no OpenFOAM needed).
void writeUniformTable(const Case& c, const std::string& path, double cLo, double cHi) {
  cfd::SurrogateTable t;
  t.current = {cLo, cHi};
  t.mdot = {0.0, 3000.0};
  t.rise = {0.0, 20.0};
  t.provenance = cfd::layoutProvenance(io::cfdParams(c));
  const size_t n = t.current.size() * t.mdot.size() * t.rise.size();
  t.intakeRise.assign(n, 0.02);
  t.intakeRiseOnce.assign(n, 0.02);
  t.mixingZoneRise.assign(n, 0.5);
  t.plumeExtent.assign(n, 150.0);
  t.hullH.assign(n, std::vector<double>(448, 800.0));
  cfd::saveSurrogate(path, t, "test_failed_run");
}

TEST(FailedRun, KeepsTheRowsWrittenSoFarAsAValidFailedResult) {
  const Case c = Case::load(std::string(FDTWIN_SOURCE_DIR) + "/cases/barge-ai-20mw.toml");
  const fs::path dir = fs::temp_directory_path() / ("fdtwin_failed_run_" + std::to_string(::getpid()));
  fs::create_directories(dir);
  const std::string table = (dir / "table.h5").string(), out = (dir / "run.h5").string();
  writeUniformTable(c, table, 0.30, 0.50);

  RunOptions o;
  o.outputPath = out;
  o.duration = 12 * 3600.0;
  o.cfdMode = "surrogate";
  o.cfdTable = table;
  try {
    (void)runCase(c, o);
    FAIL() << "expected a RunError once the current leaves the table";
  } catch (const RunFailedPartWay& e) {
    const std::string m = e.what();
    EXPECT_EQ(e.keptPath, out);
    EXPECT_GT(e.simTime(), 2.0 * 3600.0);
    EXPECT_LT(e.simTime(), 3.5 * 3600.0);
    EXPECT_NE(m.find("kept in " + out), std::string::npos) << m;
    EXPECT_NE(m.find("status \"failed\""), std::string::npos) << m;
  }
  ASSERT_TRUE(fs::exists(out)) << "the rows written so far must stay";
  EXPECT_FALSE(fs::exists(out + ".part"));
  const ResultReader r(out);  // opens: a valid, versioned fdtwin result
  EXPECT_EQ(r.stringAttribute("/", "status"), "failed");
  EXPECT_NE(r.stringAttribute("/", "failure").find("outside"), std::string::npos);
  EXPECT_TRUE(r.kpi().empty());  // KPIs describe whole runs
  const auto time = r.readNumbers("/time");
  ASSERT_EQ(time.size(), 3u);  // rows at 0, 1 h and 2 h
  EXPECT_DOUBLE_EQ(time.back(), 7200.0);
  EXPECT_EQ(r.readNumbers("/racks/T_chip").size(), 3u * 160u);
  EXPECT_EQ(r.readNumbers("/cfd/time").size(), 3u);  // the coupling windows before the failure
  fs::remove_all(dir);
}

// The surrogate's hooks are continuous in the plant's state, so its coupling windows must not
// restart CVODES (they did: a year took 53,372 steps instead of ~29,000). Two days with a
// table covering every current take about as many steps as the run without CFD.
TEST(SurrogateRun, CouplingWindowsDoNotRestartTheSolver) {
  const Case c = Case::load(std::string(FDTWIN_SOURCE_DIR) + "/cases/barge-ai-20mw.toml");
  const fs::path dir = fs::temp_directory_path() / ("fdtwin_surrogate_steps_" + std::to_string(::getpid()));
  fs::create_directories(dir);
  const std::string table = (dir / "table.h5").string();
  writeUniformTable(c, table, 0.0, 1.0);
  RunOptions o;
  o.outputPath = (dir / "plain.h5").string();
  o.duration = 2 * 86400.0;
  const long plain = runCase(c, o).steps;
  o.outputPath = (dir / "surrogate.h5").string();
  o.cfdMode = "surrogate";
  o.cfdTable = table;
  const long surrogate = runCase(c, o).steps;
  EXPECT_LE(surrogate, 1.1 * plain) << "surrogate " << surrogate << " steps, without CFD " << plain;
  fs::remove_all(dir);
}

// The CFD model has one overboard opening; every outfall's water and heat must leave there.
// The default barge cools its engines through a separate engine-room sea chest (about 600 kg/s,
// 12 MW), so a coupling that saw only the seawater main would miss a third of the flow and
// about 40 % of the heat. A table whose intake rise is 1e-4 K per kg/s of plume flow (linear
// along the flow axis, flat along the others) shows which flow the hooks are asked with: the
// plant's intake rise must be 1e-4·(ṁ_main + ṁ_engine room), and the heat recorded for each
// window the sum of both outfalls' sinks in the energy ledger.
TEST(SurrogateRun, SeesEveryOutfallsFlowAndHeat) {
  const Case c = Case::load(std::string(FDTWIN_SOURCE_DIR) + "/cases/barge-ai-20mw.toml");
  const fs::path dir = fs::temp_directory_path() / ("fdtwin_overboard_" + std::to_string(::getpid()));
  fs::create_directories(dir);
  cfd::SurrogateTable t;
  t.current = {0.0, 1.0};
  t.mdot = {0.0, 3000.0};
  t.rise = {0.0, 20.0};
  t.provenance = cfd::layoutProvenance(io::cfdParams(c));
  for (size_t i = 0; i < 2; ++i)
    for (size_t j = 0; j < 2; ++j)
      for (size_t k = 0; k < 2; ++k) {
        const double rise = 1e-4 * t.mdot[j];
        t.intakeRise.push_back(rise);
        t.intakeRiseOnce.push_back(rise);
        t.mixingZoneRise.push_back(0.5);
        t.plumeExtent.push_back(150.0);
      }
  t.hullH.assign(8, std::vector<double>(448, 800.0));
  const std::string table = (dir / "table.h5").string();
  cfd::saveSurrogate(table, t, "test_failed_run");
  RunOptions o;
  o.outputPath = (dir / "run.h5").string();
  o.duration = 6 * 3600.0;
  o.cfdMode = "surrogate";
  o.cfdTable = table;
  (void)runCase(c, o);

  const ResultReader r(o.outputPath);
  const auto tIn = r.readNumbers("/cooling/T_intake"), tAmb = r.readNumbers("/cooling/T_sea_ambient");
  const auto mMain = r.readNumbers("/cooling/m_dot_seawater"), mEr = r.readNumbers("/engine_cooling/m_dot_seawater");
  ASSERT_EQ(tIn.size(), 7u);
  for (size_t i = 1; i < tIn.size(); ++i) {
    EXPECT_GT(mEr[i], 100.0) << "the default barge's engine room pumps seawater";
    // The intake rise the plant applies is the table's at the plume flow of the same instant.
    EXPECT_NEAR(tIn[i] - tAmb[i], 1e-4 * (mMain[i] + mEr[i]), 1e-6) << "row " << i;
  }
  // Each window's recorded flow and heat: both outfalls (ledger sinks at the row times).
  const auto cfdTime = r.readNumbers("/cfd/time"), cfdFlow = r.readNumbers("/cfd/outfall_flow");
  const auto cfdHeat = r.readNumbers("/cfd/outfall_heat"), sinks = r.readNumbers("/balance/sinks");
  const auto names = r.readStrings("/balance/sink_names");
  size_t main = names.size(), er = names.size();
  for (size_t k = 0; k < names.size(); ++k) {
    if (names[k] == "seawater discharge") main = k;
    if (names[k] == "engine-room seawater discharge") er = k;
  }
  ASSERT_LT(main, names.size());
  ASSERT_LT(er, names.size());
  ASSERT_EQ(cfdTime.size(), 6u);  // windows start at 0, 1, ..., 5 h
  for (size_t w = 0; w < cfdTime.size(); ++w) {
    const size_t row = static_cast<size_t>(std::lround(cfdTime[w] / 3600.0));
    EXPECT_NEAR(cfdFlow[w], mMain[row] + mEr[row], 1e-6 * cfdFlow[w]) << "window " << w;
    const double ledger = sinks[row * names.size() + main] + sinks[row * names.size() + er];
    EXPECT_NEAR(cfdHeat[w], ledger, 1e-6 * ledger) << "window " << w;
  }
  fs::remove_all(dir);
}

}  // namespace
}  // namespace fdtwin
