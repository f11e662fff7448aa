// ResultReader against synthetic result files written by tests/fixtures/make_result.py, whose
// values are known in closed form (see that script's docstring).
#include <gtest/gtest.h>

#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <numbers>
#include <string>

#include "core/Error.hpp"
#include "io/ResultCompare.hpp"
#include "io/ResultReader.hpp"

namespace fs = std::filesystem;
using fdtwin::InputError;
using fdtwin::ResultReader;

namespace {

constexpr int kSteps = 48;
constexpr int kRacks = 24;
constexpr double kDt = 3600.0;
constexpr double kHullLength = 140.0;

class ResultReaderTest : public ::testing::Test {
 protected:
  static fs::path dir() {
    return fs::temp_directory_path() / ("fdtwin-reader-" + std::to_string(::getpid()));
  }
  static fs::path file(const std::string& name) { return dir() / name; }

  static void make(const std::string& name, const std::string& args) {
    const std::string cmd =
        "/usr/bin/python3 " FDTWIN_TEST_DIR "/fixtures/make_result.py '" + file(name).string() + "' " + args;
    ASSERT_EQ(std::system(cmd.c_str()), 0) << cmd;
  }

  static void SetUpTestSuite() {
    fs::create_directories(dir());
    make("ok.h5", "--steps 48 --racks 24 --panels 400 --chunk 16 --cfd");
    make("foreign.h5", "--variant foreign");
    make("v1.h5", "--variant v1 --steps 48 --racks 24 --panels 400 --chunk 16 --cfd");
    make("v4.h5", "--variant newer --steps 4");
    make("noversion.h5", "--variant no-version --steps 4");
    make("text.h5", "--variant text");
    make("ok-again.h5", "--steps 48 --racks 24 --panels 400 --chunk 16 --cfd");
    make("badshape.h5", "--steps 48 --racks 24 --panels 400 --chunk 16 --cfd --variant bad-shape");
    // One rack's chip temperature at row 30 raised by 0.5 K.
    make("warmer.h5", "--steps 48 --racks 24 --panels 400 --chunk 16 --cfd");
    const std::string edit = "/usr/bin/python3 -c \"import h5py; f = h5py.File('" + file("warmer.h5").string() +
                             "', 'r+'); d = f['/racks/T_chip']; d[30, 7] = d[30, 7] + 0.5\"";
    ASSERT_EQ(std::system(edit.c_str()), 0) << edit;
  }
  static void TearDownTestSuite() { fs::remove_all(dir()); }

  // The InputError message from opening `path`, or "" when it opens.
  static std::string openError(const fs::path& path) {
    try {
      ResultReader r(path.string());
    } catch (const InputError& e) {
      return e.what();
    }
    return "";
  }
};

double phase(int row) { return std::sin(2.0 * std::numbers::pi * row / kSteps); }

// compare: two files written alike agree on every item; one changed value is found where it
// is (row, time, rack and its name), relative to the item's scale; a shape mismatch is
// beyond any tolerance.
TEST_F(ResultReaderTest, CompareFindsWhereTwoResultsDiffer) {
  const ResultReader ok(file("ok.h5").string()), again(file("ok-again.h5").string());
  const fdtwin::io::Comparison same = fdtwin::io::compareResults(ok, again, 0.0);
  EXPECT_EQ(same.beyond, 0u);
  EXPECT_GT(same.items.size(), 30u);

  const ResultReader warmer(file("warmer.h5").string());
  const fdtwin::io::Comparison one = fdtwin::io::compareResults(ok, warmer, 1e-6);
  ASSERT_EQ(one.beyond, 1u);
  const fdtwin::io::ItemDifference& d = one.items.front();
  EXPECT_EQ(d.path, "/racks/T_chip");
  EXPECT_NEAR(d.b - d.a, 0.5, 1e-9);
  const double scale = 328.15 + 12.0 + 0.05 * 23;  // the largest chip temperature of the fixture
  EXPECT_NEAR(d.relative, 0.5 / scale, 1e-6);
  EXPECT_NE(d.where.find("row 30 (t = 108000 s), rack 7 (hall"), std::string::npos) << d.where;
  EXPECT_EQ(fdtwin::io::compareResults(ok, warmer, 0.01).beyond, 0u);

  const ResultReader bad(file("badshape.h5").string());
  const fdtwin::io::Comparison shapes = fdtwin::io::compareResults(ok, bad, 1.0);
  ASSERT_GE(shapes.beyond, 1u);
  EXPECT_EQ(shapes.items.front().path, "/hull/T");
  EXPECT_TRUE(std::isinf(shapes.items.front().relative));
}

// The per-element fields' rows: /field_time in version 3 files, /time before.
TEST_F(ResultReaderTest, TimeScaleOfTheFields) {
  const ResultReader r(file("ok.h5").string());
  EXPECT_EQ(r.timeScaleOf("/hull/T"), "/field_time");
  EXPECT_EQ(r.timeScaleOf("/racks/T_chip"), "/field_time");
  EXPECT_EQ(r.timeScaleOf("/power/P_it"), "/time");
  EXPECT_EQ(r.timeScaleOf("/not/declared"), "/time");
  const ResultReader v1(file("v1.h5").string());
  EXPECT_EQ(v1.timeScaleOf("/hull/T"), "/time");
}

TEST_F(ResultReaderTest, OpensAndReadsRootAttributes) {
  ResultReader r(file("ok.h5").string());
  EXPECT_EQ(r.schemaVersion(), 3);
  const auto attrs = r.rootAttributes();
  EXPECT_EQ(attrs.at("case_name"), "fixture");
  EXPECT_EQ(attrs.at("schema_version"), "3");
  EXPECT_EQ(attrs.at("start_datetime"), "2025-07-01T00:00:00+00:00");
  EXPECT_EQ(attrs.at("fdtwin_version"), "0.1.0-fixture");  // from /provenance
  EXPECT_EQ(r.stringAttribute("/provenance", "fdtwin_version"), "0.1.0-fixture");
  EXPECT_DOUBLE_EQ(r.numberAttribute("/", "schema_version"), 3.0);
  EXPECT_THROW(r.numberAttribute("/", "case_name"), InputError);
  EXPECT_THROW(r.stringAttribute("/", "nonexistent"), InputError);
}

TEST_F(ResultReaderTest, ListsStructure) {
  ResultReader r(file("ok.h5").string());
  const auto top = r.list("/");
  for (const char* g : {"racks", "hull", "power", "cooling", "kpi", "time", "cfd"})
    EXPECT_NE(std::find(top.begin(), top.end(), g), top.end()) << g;
  EXPECT_TRUE(r.isGroup("/hull"));
  EXPECT_FALSE(r.isDataset("/hull"));
  EXPECT_TRUE(r.isDataset("/hull/T"));
  EXPECT_TRUE(r.exists("/cfd/slice_horizontal/points"));
  EXPECT_FALSE(r.exists("/nope/deeper/T"));
  EXPECT_FALSE(r.exists("/hull/nope"));
  EXPECT_THROW(r.list("/hull/T"), InputError);
  const auto shape = r.shape("/hull/T");
  ASSERT_EQ(shape.size(), 2u);
  EXPECT_EQ(shape[0], static_cast<std::size_t>(kSteps));
  EXPECT_EQ(shape[1], r.shape("/hull/cells")[0]);
  EXPECT_EQ(r.units("/hull/T"), "K");
  EXPECT_EQ(r.units("/power/P_it"), "W");
  EXPECT_EQ(r.units("/racks"), "");
}

TEST_F(ResultReaderTest, ReadsVariableAndFixedLengthStrings) {
  ResultReader r(file("ok.h5").string());
  const auto names = r.readStrings("/racks/name");  // variable length (h5py default)
  ASSERT_EQ(names.size(), static_cast<std::size_t>(kRacks));
  EXPECT_EQ(names.front(), "hall1-r01-01");
  const auto groups = r.readStrings("/hull/group_names");  // fixed length
  const std::vector<std::string> expected{"bottom", "side_wet", "side_dry", "end_wet", "end_dry", "deck"};
  EXPECT_EQ(groups, expected);
  EXPECT_THROW(r.readStrings("/time"), InputError);
  EXPECT_THROW(r.readNumbers("/racks/name"), InputError);
}

TEST_F(ResultReaderTest, ReadsSeriesRowsAndColumns) {
  ResultReader r(file("ok.h5").string());
  const auto time = r.readSeries("/time");
  ASSERT_EQ(time.size(), static_cast<std::size_t>(kSteps));
  for (int i = 0; i < kSteps; ++i) EXPECT_DOUBLE_EQ(time[i], i * kDt);

  // Panel temperatures at a row, against the closed form of make_result.py.
  const auto points = r.readNumbers("/hull/points");
  const auto cells = r.readIntegers("/hull/cells");
  const std::size_t np = cells.size() / 4;
  for (int row : {0, 12, 13, 36, 47}) {  // 12: warmest, 36: coldest (chunks of 16 rows)
    const auto T = r.readRow("/hull/T", static_cast<std::size_t>(row));
    ASSERT_EQ(T.size(), np);
    for (std::size_t p = 0; p < np; p += 37) {
      double cx = 0.0;
      for (int k = 0; k < 4; ++k) cx += points[3 * static_cast<std::size_t>(cells[4 * p + k])] / 4.0;
      EXPECT_NEAR(T[p], 293.15 + 8.0 * phase(row) + 2.0 * cx / kHullLength, 1e-9)
          << "row " << row << " panel " << p;
    }
  }
  // Re-using a buffer.
  std::vector<double> buf;
  r.readRow("/racks/T_chip", 12, buf);
  ASSERT_EQ(buf.size(), static_cast<std::size_t>(kRacks));
  EXPECT_NEAR(buf[5], 328.15 + 12.0 + 0.25, 1e-9);

  const auto history = r.readColumn("/racks/T_chip", 3);
  ASSERT_EQ(history.size(), static_cast<std::size_t>(kSteps));
  for (int i = 0; i < kSteps; ++i) EXPECT_NEAR(history[i], 328.15 + 12.0 * phase(i) + 0.15, 1e-9);

  EXPECT_THROW(r.readRow("/hull/T", kSteps), std::out_of_range);
  EXPECT_THROW(r.readColumn("/racks/T_chip", kRacks), std::out_of_range);
  EXPECT_THROW(r.readRow("/time", 0), InputError);  // 1-D
  EXPECT_THROW(r.readRow("/nope", 0), InputError);
}

TEST_F(ResultReaderTest, ReadsKpiAttributes) {
  ResultReader r(file("ok.h5").string());
  const auto kpi = r.kpi();
  EXPECT_TRUE(kpi.count("PUE"));
  EXPECT_GT(kpi.at("PUE"), 1.0);
  EXPECT_FALSE(kpi.count("units"));  // the units string is not a KPI
  EXPECT_EQ(kpi.size(), 14u);        // the version-1 twelve and the rack spread KPIs
  EXPECT_EQ(r.kpiUnits().at("T_chip_spread_max"), "K");
  EXPECT_EQ(r.kpiUnits().at("PUE"), "1");
  EXPECT_EQ(r.kpiUnits().at("E_it"), "J");
}

// Version 1 files (written before the result schema) stay readable: the fixture's v1 layout
// and a file the program wrote before (tests/fixtures/v1/SOURCE.md).
TEST_F(ResultReaderTest, ReadsVersion1Files) {
  ResultReader r(file("v1.h5").string());
  EXPECT_EQ(r.schemaVersion(), 1);
  const auto attrs = r.rootAttributes();
  EXPECT_EQ(attrs.at("fdtwin_version"), "0.1.0-fixture");
  EXPECT_EQ(r.units("/racks/hall"), "-");
  const auto kpi = r.kpi();
  EXPECT_EQ(kpi.size(), 12u);
  EXPECT_FALSE(kpi.count("units"));
  EXPECT_GT(kpi.at("PUE"), 1.0);
  EXPECT_EQ(r.kpiUnits().at("T_chip_max"), "K");
  EXPECT_EQ(r.kpiUnits().size(), 12u);
  EXPECT_EQ(r.readRow("/hull/T", 12), ResultReader(file("ok.h5").string()).readRow("/hull/T", 12));

  ResultReader old(FDTWIN_TEST_DIR "/fixtures/v1/natick-pod-2h.h5");
  EXPECT_EQ(old.schemaVersion(), 1);
  EXPECT_EQ(old.rootAttributes().at("case_name"), "natick-pod");
  EXPECT_EQ(old.readSeries("/time").size(), 3u);
  EXPECT_EQ(old.kpi().size(), 12u);
  EXPECT_NEAR(old.kpi().at("PUE"), 1.0687, 1e-4);
  EXPECT_EQ(old.kpiUnits().at("E_facility"), "J");
  EXPECT_EQ(old.units("/cooling/fouling_resistance"), "m2K/W");
}

TEST_F(ResultReaderTest, RefusesForeignAndOtherVersions) {
  const fs::path foreign = file("foreign.h5");
  EXPECT_EQ(openError(foreign), foreign.string() + ": not an fdtwin result (missing schema_version)");
  EXPECT_EQ(openError(file("noversion.h5")),
            file("noversion.h5").string() + ": not an fdtwin result (missing schema_version)");
  EXPECT_EQ(openError(file("v4.h5")),
            file("v4.h5").string() + ": schema version 4 is not supported (this program reads 1 to 3)");
  EXPECT_EQ(openError(file("text.h5")),
            file("text.h5").string() + ": not an HDF5 file (an fdtwin result is HDF5)");
  EXPECT_EQ(openError(file("missing.h5")), file("missing.h5").string() + ": no such file");
  EXPECT_EQ(openError(dir()), dir().string() + ": is a directory, not a result file");
}

// A file cut at any point gives an InputError, at open or at the first read that needs the
// missing bytes; never a crash and never wrong numbers without an error.
TEST_F(ResultReaderTest, TruncatedFilesGiveClearErrors) {
  const fs::path ok = file("ok.h5");
  const auto size = fs::file_size(ok);
  int refusedAtOpen = 0;
  for (int percent : {1, 5, 20, 40, 60, 80, 95, 99}) {
    const fs::path cut = file("cut" + std::to_string(percent) + ".h5");
    fs::copy_file(ok, cut, fs::copy_options::overwrite_existing);
    fs::resize_file(cut, size * static_cast<unsigned>(percent) / 100u);
    const std::string error = openError(cut);
    if (!error.empty()) {
      ++refusedAtOpen;
      EXPECT_NE(error.find(cut.string() + ": "), std::string::npos) << error;
      continue;
    }
    ResultReader r(cut.string());
    try {
      for (int row = 0; row < kSteps; ++row) r.readRow("/hull/T", static_cast<std::size_t>(row));
      r.readStrings("/racks/name");
    } catch (const InputError& e) {
      EXPECT_NE(std::string(e.what()).find("truncated"), std::string::npos) << e.what();
    }
  }
  // HDF5 records the end of file in the superblock, so every cut is caught at open.
  EXPECT_EQ(refusedAtOpen, 8);
}

TEST_F(ResultReaderTest, IsMovable) {
  ResultReader a(file("ok.h5").string());
  ResultReader b = std::move(a);
  EXPECT_EQ(b.readSeries("/time").size(), static_cast<std::size_t>(kSteps));
}

}  // namespace
