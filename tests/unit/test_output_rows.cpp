// Output rows come from the integrator's interpolant (runCase): they must not force solver
// steps, must lie exactly on the output grid, and must agree with the state and the energy
// integrals of a run that stops the integrator at every output time, within the solver's
// tolerance (atol_i = rtol·scale_i for the states; rtol and 1e3 J for the quadratures).
#include <fmt/format.h>
#include <gtest/gtest.h>
#include <hdf5.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cmath>
#include <filesystem>
#include <string>
#include <vector>

#include "integrate/Integrator.hpp"
#include "io/ResultReader.hpp"
#include "model/Plant.hpp"
#include "run/PlantFromCase.hpp"
#include "run/RunCase.hpp"

namespace fdtwin {
namespace {

namespace fs = std::filesystem;

class OutputRows : public ::testing::Test {
 protected:
  void SetUp() override {
    m_dir = fs::temp_directory_path() / ("fdtwin_output_rows_" + std::to_string(::getpid()));
    fs::create_directories(m_dir);
  }
  void TearDown() override { fs::remove_all(m_dir); }
  std::string path(const std::string& name) const { return (m_dir / name).string(); }
  fs::path m_dir;
};

Case defaultCase() { return Case::load(std::string(FDTWIN_SOURCE_DIR) + "/cases/barge-ai-20mw.toml"); }

// Two days of the default case at hourly and at one-minute output: the same integration. When
// every output time was a stop time, the minute rows cost a step each (2,880 steps against ~270).
TEST_F(OutputRows, StepCountDoesNotDependOnTheOutputInterval) {
  const Case c = defaultCase();
  RunOptions o;
  o.duration = 2 * 86400.0;
  o.outputPath = path("hourly.h5");
  o.outputInterval = 3600.0;
  const long hourly = runCase(c, o).steps;
  o.outputPath = path("minute.h5");
  o.outputInterval = 60.0;
  const long minute = runCase(c, o).steps;
  EXPECT_LT(minute, 2 * 86400 / 60) << "a step per row";
  EXPECT_NEAR(static_cast<double>(minute), static_cast<double>(hourly), 0.05 * static_cast<double>(hourly))
      << "one-minute output " << minute << " steps, hourly " << hourly;

  // Rows exactly on the grid, from t = 0 to the end.
  const auto time = ResultReader(o.outputPath).readNumbers("/time");
  ASSERT_EQ(time.size(), 2u * 1440u + 1u);
  for (size_t k = 0; k < time.size(); ++k) ASSERT_EQ(time[k], 60.0 * static_cast<double>(k)) << "row " << k;
}

// solver.max_step still bounds every step when no output time shortens them: a day at hourly
// output with steps of at most 60 s takes at least 1,440 steps.
TEST_F(OutputRows, MaxStepIsHonoured) {
  Case c = defaultCase();
  c.set("solver.max_step", "60");
  RunOptions o;
  o.duration = 86400.0;
  o.outputInterval = 3600.0;
  o.outputPath = path("max_step.h5");
  EXPECT_GE(runCase(c, o).steps, 1440);
}

// case.output_compression sets the time series' filters: 0 stores them plain (no filter), any
// other level with shuffle then deflate at that level; the values read back are the same.
TEST_F(OutputRows, CompressionLevelSetsTheFilters) {
  auto filters = [](const std::string& file, const std::string& dataset) {
    const hid_t f = H5Fopen(file.c_str(), H5F_ACC_RDONLY, H5P_DEFAULT);
    const hid_t d = H5Dopen2(f, dataset.c_str(), H5P_DEFAULT);
    const hid_t p = H5Dget_create_plist(d);
    std::vector<std::pair<int, unsigned>> out;  // (filter id, first parameter)
    for (int i = 0; i < H5Pget_nfilters(p); ++i) {
      unsigned flags = 0, values[4] = {0, 0, 0, 0};
      size_t nValues = 4;
      const H5Z_filter_t id = H5Pget_filter2(p, static_cast<unsigned>(i), &flags, &nValues, values, 0, nullptr, nullptr);
      out.emplace_back(static_cast<int>(id), nValues > 0 ? values[0] : 0u);
    }
    H5Pclose(p);
    H5Dclose(d);
    H5Fclose(f);
    return out;
  };
  std::vector<std::vector<double>> chips;
  for (const char* level : {"0", "1", "6"}) {
    Case c = defaultCase();
    c.set("case.output_compression", level);
    RunOptions o;
    o.duration = 3 * 3600.0;
    o.outputPath = path(std::string("compression_") + level + ".h5");
    (void)runCase(c, o);
    const auto f = filters(o.outputPath, "/racks/T_chip");
    if (std::string(level) == "0") {
      EXPECT_TRUE(f.empty());
    } else {
      ASSERT_EQ(f.size(), 2u);
      EXPECT_EQ(f[0].first, H5Z_FILTER_SHUFFLE);
      EXPECT_EQ(f[1].first, H5Z_FILTER_DEFLATE);
      EXPECT_EQ(f[1].second, static_cast<unsigned>(std::stoi(level)));
    }
    chips.push_back(ResultReader(o.outputPath).readNumbers("/racks/T_chip"));
  }
  EXPECT_EQ(chips[0], chips[1]);
  EXPECT_EQ(chips[0], chips[2]);
}

// The last row is at the end of the run even when the duration is not a multiple of the output
// interval.
TEST_F(OutputRows, LastRowIsAtTheEnd) {
  const Case c = defaultCase();
  RunOptions o;
  o.duration = 5.5 * 3600.0;
  o.outputInterval = 3600.0;
  o.outputPath = path("end.h5");
  runCase(c, o);
  const auto time = ResultReader(o.outputPath).readNumbers("/time");
  const std::vector<double> expected = {0.0, 3600.0, 7200.0, 10800.0, 14400.0, 18000.0, 19800.0};
  EXPECT_EQ(time, expected);
}

// The state and the quadratures at each output time of a run that stops the integrator there
// (the plant's events handled at every stop), as the reference for the interpolated rows.
struct StoppedRows {
  std::vector<std::vector<double>> y, q;
  std::vector<double> dischargeRise;
  long steps = 0;
};

StoppedRows stopAtEveryRow(const Case& c, double duration, double dtOut) {
  Plant plant(io::plantParams(c), io::makeEnvironment(c));
  std::vector<double> y = plant.initialState(), scales;
  for (const auto& s : plant.layout().states()) scales.push_back(s.scale);
  integrate::Integrator integ(plant, scales, c.real("solver.rtol"), c.real("solver.max_step"));
  integ.initialize(0.0, y);
  StoppedRows rows;
  PlantSignals sig;
  auto keep = [&](double t) {
    rows.y.push_back(y);
    rows.q.push_back(integ.quadratures(t));
    plant.evaluate(t, y.data(), nullptr, sig);
    rows.dischargeRise.push_back(sig.sw.dT);
  };
  keep(0.0);
  double t = 0.0;
  for (int k = 1; static_cast<double>(k) * dtOut <= duration; ++k) {
    const double tOut = static_cast<double>(k) * dtOut;
    while (t < tOut) {
      const auto r = integ.advance(std::min(tOut, plant.nextTimeEvent(t)), t, y);
      const bool changed = r == integrate::StepResult::Root
                               ? plant.handleRoots(t, y.data(), integ.rootsFound())
                               : plant.handleTimeEvents(t, y.data());
      if (changed) integ.reinitialize(t, y);
    }
    keep(t);
  }
  rows.steps = integ.stats().steps;
  return rows;
}

// Interpolated rows of runCase against a run that stops at every row: racks, halls, facility
// loop, hull and battery states within a few of their tolerances rtol·|y| + atol_i (the two runs
// take different steps, so they differ by the solver's error, not by roundoff), and the energy
// integrals within rtol of their value plus the quadratures' 1e3 J (times √n, below).
TEST_F(OutputRows, InterpolatedRowsAgreeWithStopsAtEveryRow) {
  Case c = defaultCase();
  c.set("case.field_interval", "600 s");  // the per-element fields at every row too
  const double duration = 86400.0, dtOut = 600.0, rtol = c.real("solver.rtol");
  RunOptions o;
  o.duration = duration;
  o.outputInterval = dtOut;
  o.outputPath = path("rows.h5");
  const long steps = runCase(c, o).steps;
  const StoppedRows ref = stopAtEveryRow(c, duration, dtOut);
  EXPECT_LT(steps, ref.steps) << "the stopped run pays a step per row";

  const ResultReader r(o.outputPath);
  const auto time = r.readNumbers("/time");
  ASSERT_EQ(time.size(), ref.y.size());
  Plant plant(io::plantParams(c), io::makeEnvironment(c));  // the layout: where each state sits
  const auto& racks = plant.racks();
  struct Column {
    std::string dataset;
    std::vector<int> states;
  };
  std::vector<Column> columns = {{"/racks/T_chip", {}},
                                 {"/racks/T_coolant_out", {}},
                                 {"/halls/T_air", {}},
                                 {"/hull/T", {}},
                                 {"/cooling/T_facility_supply", {plant.facilitySupplyIndex()}},
                                 {"/cooling/T_facility_return", {plant.facilityReturnIndex()}},
                                 {"/power/battery_soc", {plant.socIndex()}}};
  for (int i = 0; i < racks.count(); ++i) columns[0].states.push_back(racks.chipIndex(i));
  for (int i = 0; i < racks.count(); ++i) columns[1].states.push_back(racks.outletIndex(i));
  for (int h = 0; h < plant.hallCount(); ++h) columns[2].states.push_back(plant.hallAirIndex(h));
  for (int i = 0; i < plant.hull().count(); ++i) columns[3].states.push_back(plant.hull().stateIndex(i));

  constexpr double kStateFactor = 10.0;  // several tolerances: two runs, each within its own
  double worstState = 0.0;
  std::string worstName;
  for (const auto& col : columns) {
    const auto values = r.readNumbers(col.dataset);
    const size_t n = col.states.size();
    ASSERT_EQ(values.size(), n * time.size()) << col.dataset;
    for (size_t k = 0; k < time.size(); ++k) {
      for (size_t j = 0; j < n; ++j) {
        const int s = col.states[j];
        const double yRef = ref.y[k][static_cast<size_t>(s)];
        const double tol = rtol * std::abs(yRef) + rtol * plant.layout().info(s).scale;
        const double e = std::abs(values[k * n + j] - yRef) / tol;
        if (e > worstState) {
          worstState = e;
          worstName = plant.stateName(s) + " at t = " + std::to_string(time[k]) + " s";
        }
      }
    }
  }
  EXPECT_LE(worstState, kStateFactor) << "worst: " << worstName;

  // The energy integrals (quadratures: the ledger's sources, then its sinks).
  const auto src = r.readNumbers("/balance/source_energy"), snk = r.readNumbers("/balance/sink_energy");
  const size_t ns = src.size() / time.size(), nk = snk.size() / time.size();
  double worstQuad = 0.0;
  std::string worstQuadName;
  for (size_t k = 0; k < time.size(); ++k) {
    // A small integral of a signed flow (hull to sea) is held to rtol of 1 % of the energy the
    // ledger has moved by then, not of itself: its integrand is a difference of large terms.
    double total = 0.0;
    for (size_t j = 0; j < ns + nk; ++j) total += std::abs(ref.q[k][j]);
    for (size_t j = 0; j < ns + nk; ++j) {
      const double qRef = ref.q[k][j];
      const double q = j < ns ? src[k * ns + j] : snk[k * nk + (j - ns)];
      const double e = std::abs(q - qRef) / (rtol * std::max(std::abs(qRef), 0.01 * total) + 1e3);
      if (e > worstQuad) {
        worstQuad = e;
        worstQuadName = fmt::format("quadrature {} at t = {} s: {} vs {}", j, time[k], q, qRef);
      }
    }
  }
  // CVODES bounds the weighted RMS norm over all quadratures, so one integral may carry up to
  // √n of its own tolerance (a small one, such as battery losses, does).
  const double quadFactor = kStateFactor * std::sqrt(static_cast<double>(ns + nk));
  EXPECT_LE(worstQuad, quadFactor) << "worst: " << worstQuadName;

  // An algebraic signal, evaluated by the recorder at the interpolated state: the outfall rise.
  const auto rise = r.readNumbers("/cooling/discharge_dT");
  double worstRise = 0.0;
  for (size_t k = 0; k < time.size(); ++k)
    worstRise = std::max(worstRise, std::abs(rise[k] - ref.dischargeRise[k]));
  EXPECT_LE(worstRise, 0.05);  // K (measured 0.004 K; the tolerance of the 300 K outfall: 0.06 K)
}

// Progress is reported once per row, at the row's time; a cancel request is honoured at the next
// row (rows between solver steps come quickly, but each still checks).
TEST_F(OutputRows, ProgressAtEveryRowAndCancelAtTheNext) {
  const Case c = defaultCase();
  RunOptions o;
  o.duration = 86400.0;
  o.outputInterval = 60.0;
  o.outputPath = path("cancel.h5");
  std::atomic<bool> cancel{false};
  std::vector<double> seen;
  auto progress = [&](const RunProgress& p) {
    seen.push_back(p.simTime);
    EXPECT_EQ(p.endTime, o.duration);
    if (seen.size() == 90) cancel = true;
  };
  EXPECT_THROW(runCase(c, o, progress, &cancel), RunCancelled);
  ASSERT_EQ(seen.size(), 90u);
  for (size_t k = 0; k < seen.size(); ++k) EXPECT_EQ(seen[k], 60.0 * static_cast<double>(k + 1));
  EXPECT_FALSE(fs::exists(o.outputPath));
}

// The per-element fields every case.field_interval (rounded to whole output rows, and at the
// last row) are the rows a run that stores them at every row writes at those times, bit for
// bit: the output rows come from the interpolant, which the field interval does not touch.
// Scalar series, the hottest chip and the KPIs do not depend on it.
TEST_F(OutputRows, FieldRowsAreThoseOfARunWithFieldsAtEveryRow) {
  Case c = defaultCase();
  RunOptions o;
  o.duration = 23400.0;  // 6.5 h: 40 rows at 10 min, the last not on the field interval
  o.outputInterval = 600.0;
  o.outputPath = path("every.h5");
  c.set("case.field_interval", "600 s");
  const auto every = runCase(c, o);
  c.set("case.field_interval", "55 min");  // 5.5 rows: every 6th row
  o.outputPath = path("sparse.h5");
  const auto sparse = runCase(c, o);

  const ResultReader a(path("every.h5")), b(path("sparse.h5"));
  const auto time = a.readNumbers("/time");
  ASSERT_EQ(time.size(), 40u);
  EXPECT_EQ(a.readNumbers("/field_time"), time);
  const std::vector<size_t> rows = {0, 6, 12, 18, 24, 30, 36, 39};
  std::vector<double> expected;
  expected.reserve(rows.size());
  for (size_t k : rows) expected.push_back(time[k]);
  EXPECT_EQ(b.readNumbers("/field_time"), expected);
  EXPECT_EQ(b.readNumbers("/time"), time);
  for (const char* field : {"/hull/T", "/racks/T_chip", "/racks/T_coolant_out", "/racks/P_it"}) {
    const auto shape = b.shape(field);
    ASSERT_EQ(shape.size(), 2u) << field;
    ASSERT_EQ(shape[0], rows.size()) << field;
    for (size_t j = 0; j < rows.size(); ++j) EXPECT_EQ(b.readRow(field, j), a.readRow(field, rows[j])) << field << " row " << j;
  }
  for (const char* series : {"/racks/T_chip_max", "/cooling/T_discharge", "/power/P_facility", "/halls/T_air"})
    EXPECT_EQ(b.readNumbers(series), a.readNumbers(series)) << series;
  EXPECT_EQ(sparse.kpi, every.kpi);
  // The hottest chip at every row is the largest rack chip temperature of that row.
  const auto chipMax = a.readNumbers("/racks/T_chip_max");
  for (size_t k = 0; k < time.size(); ++k) {
    const auto chips = a.readRow("/racks/T_chip", k);
    EXPECT_EQ(chipMax[k], *std::max_element(chips.begin(), chips.end()));
  }
}

}  // namespace
}  // namespace fdtwin
