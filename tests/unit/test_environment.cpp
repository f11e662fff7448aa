// Unit tests of the environment: CSV reader errors, interpolation, the synthetic default
// and the shipped Ulsan year file.
#include <gtest/gtest.h>

#include <unistd.h>
#include <algorithm>
#include <atomic>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <limits>
#include <string>

#include "core/Error.hpp"
#include "io/CsvEnvironment.hpp"
#include "run/CaseBindings.hpp"

namespace fs = std::filesystem;
using fdtwin::InputError;
using fdtwin::env::CsvEnvironment;
using fdtwin::env::CsvEnvironmentSettings;
using fdtwin::env::EnvironmentSample;
using fdtwin::env::SyntheticEnvironment;
using fdtwin::env::SyntheticEnvironmentParameters;

namespace {

constexpr double kC0 = 273.15;
const char* const kHeader = "time_s,T_sea_surface_K,T_air_K,G_solar_W_m2,wind_speed_m_s,current_speed_m_s\n";

// A CSV file in the temp folder, removed when the test ends.
class TempCsv {
 public:
  explicit TempCsv(const std::string& text) {
    static std::atomic<int> counter{0};
    const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
    m_path =
        fs::temp_directory_path() / ("fdtwin_env_" + std::string(info->name()) + "_" +
                                     std::to_string(::getpid()) + "_" + std::to_string(counter++) + ".csv");
    std::ofstream(m_path, std::ios::binary) << text;
  }
  ~TempCsv() {
    std::error_code ec;
    fs::remove(m_path, ec);
  }
  TempCsv(const TempCsv&) = delete;
  TempCsv& operator=(const TempCsv&) = delete;
  std::string path() const { return m_path.string(); }
  std::string name() const { return m_path.filename().string(); }

 private:
  fs::path m_path;
};

// Loads `text` and returns the InputError it must raise.
InputError loadError(const TempCsv& file, const CsvEnvironmentSettings& settings = {}) {
  try {
    CsvEnvironment env(file.path(), settings);
  } catch (const InputError& e) {
    return e;
  }
  ADD_FAILURE() << "no InputError for " << file.path();
  return InputError("", -1, "", "");
}

// The message names the file, the line and the column.
void expectPointsAt(const InputError& e, const TempCsv& file, int line, const std::string& key) {
  const std::string what = e.what();
  EXPECT_EQ(e.line(), line) << what;
  EXPECT_EQ(e.key(), key) << what;
  EXPECT_NE(what.find(file.name()), std::string::npos) << what;
  if (line > 0) {
    EXPECT_NE(what.find(file.name() + ":" + std::to_string(line)), std::string::npos) << what;
  }
  if (!key.empty()) {
    EXPECT_NE(what.find(key), std::string::npos) << what;
  }
}

std::string yearFile() { return std::string(FDTWIN_SOURCE_DIR) + "/data/environment/ulsan-2022.csv"; }

}  // namespace

// ------------------------------------------------------------------------------------------
// Sea temperature profile (physics.md §5.2)
// ------------------------------------------------------------------------------------------
TEST(SeaProfile, UniformInMixedLayerContinuousAndDecaysToDeep) {
  EnvironmentSample s;
  s.T_seaSurface = 300.0;
  s.T_deep = 275.0;
  s.mixedLayerDepth = 20.0;
  s.thermoclineScale = 30.0;
  EXPECT_EQ(fdtwin::env::seaTemperatureAtDepth(s, -1.0), 300.0);
  EXPECT_EQ(fdtwin::env::seaTemperatureAtDepth(s, 0.0), 300.0);
  EXPECT_EQ(fdtwin::env::seaTemperatureAtDepth(s, 20.0), 300.0);
  EXPECT_NEAR(fdtwin::env::seaTemperatureAtDepth(s, 20.0 + 1e-9), 300.0, 1e-9);  // continuous at MLD
  // One decay height below the mixed layer: T_deep + (T_s - T_deep)/e.
  EXPECT_NEAR(fdtwin::env::seaTemperatureAtDepth(s, 50.0), 275.0 + 25.0 / std::exp(1.0), 1e-12);
  EXPECT_NEAR(fdtwin::env::seaTemperatureAtDepth(s, 5000.0), 275.0, 1e-9);
  s.thermoclineScale = 0.0;  // a sharp step
  EXPECT_EQ(fdtwin::env::seaTemperatureAtDepth(s, 20.5), 275.0);
}

// ------------------------------------------------------------------------------------------
// CSV errors: each names file, line and column
// ------------------------------------------------------------------------------------------
TEST(CsvEnvironmentErrors, MissingFile) {
  const std::string path = (fs::temp_directory_path() / "fdtwin_env_does_not_exist.csv").string();
  try {
    CsvEnvironment env(path);
    FAIL() << "no error";
  } catch (const InputError& e) {
    EXPECT_EQ(e.line(), 0);
    EXPECT_EQ(e.file(), path);
    EXPECT_NE(std::string(e.what()).find("fdtwin_env_does_not_exist.csv"), std::string::npos);
    EXPECT_NE(std::string(e.what()).find("not found"), std::string::npos);
  }
}

TEST(CsvEnvironmentErrors, MissingRequiredColumnNamesHeaderLineAndColumn) {
  TempCsv f(
      "# comment\n# another\ntime_s,T_sea_surface_K,G_solar_W_m2,wind_speed_m_s,current_speed_m_s\n"
      "0,290,0,1,0.1\n3600,290,0,1,0.1\n");
  expectPointsAt(loadError(f), f, 3, "T_air_K");
}

TEST(CsvEnvironmentErrors, UnknownColumnSuggestsNearest) {
  TempCsv f(
      "time_s,T_sea_surface_K,T_air_C,G_solar_W_m2,wind_speed_m_s,current_speed_m_s\n0,290,15,0,1,0.1\n");
  const InputError e = loadError(f);
  expectPointsAt(e, f, 1, "T_air_C");
  EXPECT_NE(std::string(e.what()).find("did you mean 'T_air_K'"), std::string::npos) << e.what();
}

TEST(CsvEnvironmentErrors, DuplicateColumn) {
  TempCsv f("time_s,T_sea_surface_K,T_air_K,G_solar_W_m2,wind_speed_m_s,current_speed_m_s,T_air_K\n");
  expectPointsAt(loadError(f), f, 1, "T_air_K");
}

TEST(CsvEnvironmentErrors, NonNumericValue) {
  TempCsv f(std::string("# c\n") + kHeader + "0,290,285,0,3,0.2\n\n3600,290,285,0,abc,0.2\n");
  const InputError e = loadError(f);
  expectPointsAt(e, f, 5, "wind_speed_m_s");
  EXPECT_NE(std::string(e.what()).find("'abc'"), std::string::npos) << e.what();
}

TEST(CsvEnvironmentErrors, NanInfAndOverflowAreRejected) {
  for (const std::string bad : {"nan", "NaN", "inf", "-inf", "infinity", "1e999", "", "1.5.2", "3 4"}) {
    TempCsv f(std::string(kHeader) + "0,290,285,0,3,0.2\n3600,290," + bad + ",0,3,0.2\n");
    SCOPED_TRACE("value '" + bad + "'");
    expectPointsAt(loadError(f), f, 3, "T_air_K");
  }
}

TEST(CsvEnvironmentErrors, NonMonotonicTime) {
  TempCsv f(std::string(kHeader) + "0,290,285,0,3,0.2\n3600,290,285,0,3,0.2\n3600,290,285,0,3,0.2\n");
  const InputError e = loadError(f);
  expectPointsAt(e, f, 4, "time_s");
  EXPECT_NE(std::string(e.what()).find("line 3"), std::string::npos) << e.what();  // the previous row
  TempCsv g(std::string(kHeader) + "0,290,285,0,3,0.2\n-10,290,285,0,3,0.2\n");
  expectPointsAt(loadError(g), g, 3, "time_s");
}

TEST(CsvEnvironmentErrors, FewerThanTwoRows) {
  TempCsv one(std::string("# c\n") + kHeader + "0,290,285,0,3,0.2\n");
  const InputError e = loadError(one);
  expectPointsAt(e, one, 2, "");
  EXPECT_NE(std::string(e.what()).find("at least 2"), std::string::npos) << e.what();
  TempCsv none("# only comments\n\n");
  EXPECT_EQ(loadError(none).line(), 0);
}

TEST(CsvEnvironmentErrors, WrongFieldCount) {
  TempCsv fewer(std::string(kHeader) + "0,290,285,0,3,0.2\n3600,290,285,0\n");
  expectPointsAt(loadError(fewer), fewer, 3, "wind_speed_m_s");  // the first missing field
  TempCsv more(std::string(kHeader) + "0,290,285,0,3,0.2,7\n3600,290,285,0,3,0.2\n");
  expectPointsAt(loadError(more), more, 2, "");
}

TEST(CsvEnvironmentErrors, PhysicallyImpossibleValues) {
  struct Case {
    const char* column;
    const char* row;  // the second data row
  };
  const Case cases[] = {
      {"T_sea_surface_K", "3600,250,285,0,3,0.2"},   // frozen solid
      {"T_sea_surface_K", "3600,15.5,285,0,3,0.2"},  // degC given for kelvin
      {"T_sea_surface_K", "3600,330,285,0,3,0.2"},   // hotter than any sea
      {"T_air_K", "3600,290,20,0,3,0.2"},            // degC
      {"G_solar_W_m2", "3600,290,285,-1,3,0.2"},
      {"wind_speed_m_s", "3600,290,285,0,-0.5,0.2"},
      {"current_speed_m_s", "3600,290,285,0,3,-0.1"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.row);
    TempCsv f(std::string(kHeader) + "0,290,285,0,3,0.2\n" + c.row + "\n");
    expectPointsAt(loadError(f), f, 3, c.column);
  }
  TempCsv scale(
      "time_s,T_sea_surface_K,T_air_K,G_solar_W_m2,wind_speed_m_s,current_speed_m_s,thermocline_scale_m\n"
      "0,290,285,0,3,0.2,40\n3600,290,285,0,3,0.2,0\n");
  expectPointsAt(loadError(scale), scale, 3, "thermocline_scale_m");
  // An absent optional column takes the settings' default, which is checked as well.
  TempCsv ok(std::string(kHeader) + "0,290,285,0,3,0.2\n3600,290,285,0,3,0.2\n");
  CsvEnvironmentSettings bad;
  bad.T_deep = 1.6;  // degC
  expectPointsAt(loadError(ok, bad), ok, 0, "T_deep_K");
}

TEST(CsvEnvironmentErrors, OutsideTheRecordWithoutWrap) {
  TempCsv f(std::string(kHeader) + "0,290,285,0,3,0.2\n3600,291,285,0,3,0.2\n");
  const CsvEnvironment env(f.path());
  EXPECT_THROW(env.at(-1.0), InputError);
  EXPECT_THROW(env.at(3601.0), InputError);
  EXPECT_THROW(env.at(std::nan("")), InputError);
  try {
    env.at(7200.0);
  } catch (const InputError& e) {
    EXPECT_EQ(e.key(), "time_s");
    EXPECT_NE(std::string(e.what()).find("wrap"), std::string::npos) << e.what();
  }
  // Round-off past the end (an integrator's last step) is clamped, not an error.
  EXPECT_EQ(env.at(3600.0 * (1.0 + 1e-12)).T_seaSurface, 291.0);
}

// ------------------------------------------------------------------------------------------
// Reading and interpolation
// ------------------------------------------------------------------------------------------
TEST(CsvEnvironment, LinearInterpolationIsExact) {
  // Columns in another order, blanks around fields, CRLF, a BOM, comments between rows.
  TempCsv f(
      "\xEF\xBB\xBF# test\r\n"
      " wind_speed_m_s , time_s,T_sea_surface_K,T_air_K,G_solar_W_m2,current_speed_m_s,mld_m\r\n"
      "2, 0, 290, 280, 0, 0.5, 10\r\n"
      "# a comment between rows\r\n"
      "4, 3600, 292, 284, 800, 0.25, 30\r\n"
      "+4, 10800, 291, 284, 400, 0.25, 30\r\n");
  CsvEnvironmentSettings settings;
  settings.T_deep = 277.0;
  settings.thermoclineScale = 42.0;
  const CsvEnvironment env(f.path(), settings);
  ASSERT_EQ(env.size(), 3U);
  EXPECT_EQ(env.startTime(), 0.0);
  EXPECT_EQ(env.endTime(), 10800.0);

  const EnvironmentSample mid = env.at(1800.0);
  EXPECT_DOUBLE_EQ(mid.windSpeed, 3.0);
  EXPECT_DOUBLE_EQ(mid.T_seaSurface, 291.0);
  EXPECT_DOUBLE_EQ(mid.T_air, 282.0);
  EXPECT_DOUBLE_EQ(mid.G_solar, 400.0);
  EXPECT_DOUBLE_EQ(mid.currentSpeed, 0.375);
  EXPECT_DOUBLE_EQ(mid.mixedLayerDepth, 20.0);
  EXPECT_EQ(mid.T_deep, 277.0);           // from the settings
  EXPECT_EQ(mid.thermoclineScale, 42.0);  // from the settings

  // Rows are returned exactly, including the last one.
  EXPECT_EQ(env.at(0.0).G_solar, 0.0);
  EXPECT_EQ(env.at(3600.0).G_solar, 800.0);
  EXPECT_EQ(env.at(10800.0).G_solar, 400.0);
  EXPECT_EQ(env.at(10800.0).T_seaSurface, 291.0);
  // A quarter into the second interval (7200 s long).
  EXPECT_DOUBLE_EQ(env.at(5400.0).G_solar, 700.0);
  EXPECT_DOUBLE_EQ(env.at(5400.0).T_seaSurface, 291.75);

  const auto bp = env.breakpoints(0.0, 10800.0);
  ASSERT_EQ(bp.size(), 1U);
  EXPECT_EQ(bp[0], 3600.0);
  EXPECT_TRUE(env.breakpoints(100.0, 100.0).empty());
  // The next one after t, strictly: the integrator asks at the breakpoint it stopped on.
  EXPECT_EQ(env.nextBreakpoint(0.0), 3600.0);
  EXPECT_EQ(env.nextBreakpoint(3600.0), 10800.0);
  EXPECT_EQ(env.nextBreakpoint(10800.0), std::numeric_limits<double>::infinity());
}

// Wrapping by whole years, and the record on the case's clock: test_environment_clock.cpp.

// ------------------------------------------------------------------------------------------
// Synthetic default
// ------------------------------------------------------------------------------------------
TEST(SyntheticEnvironment, DeterministicGivenSeedAndDifferentOtherwise) {
  SyntheticEnvironmentParameters p = fdtwin::io::defaultEnvironmentParameters();
  p.seed = 7;
  const SyntheticEnvironment a(p), b(p);
  p.seed = 8;
  const SyntheticEnvironment c(p);
  double maxDifference = 0.0;
  for (double t = 0.0; t < 365.0 * 86400.0; t += 3.7 * 3600.0) {
    const auto sa = a.at(t);
    const auto sb = b.at(t);
    EXPECT_EQ(sa.windSpeed, sb.windSpeed);
    EXPECT_EQ(sa.T_seaSurface, sb.T_seaSurface);
    EXPECT_EQ(sa.G_solar, sb.G_solar);
    maxDifference = std::max(maxDifference, std::abs(sa.windSpeed - c.at(t).windSpeed));
  }
  EXPECT_GT(maxDifference, 1.0);  // another seed gives another wind
}

TEST(SyntheticEnvironment, SeasonsAndDaysResembleUlsan) {
  const SyntheticEnvironment env(fdtwin::io::defaultEnvironmentParameters());
  const double day = 86400.0;
  // SST monthly means: 14.5 degC in February, 27 degC in August (buoy 22189; brief defaults).
  EXPECT_NEAR(env.at(46 * day).T_seaSurface - kC0, 14.5, 0.4);
  EXPECT_NEAR(env.at(228 * day + 15 * 3600).T_seaSurface - kC0, 27.0, 0.4);
  // Sun: none at local midnight, about clear-sky x 0.68 at noon, more in June than December.
  const double juneNoon = env.at(171 * day + 12.4 * 3600).G_solar;
  const double decemberNoon = env.at(354 * day + 12.4 * 3600).G_solar;
  EXPECT_EQ(env.at(171 * day).G_solar, 0.0);
  EXPECT_GT(juneNoon, 600.0);
  EXPECT_LT(juneNoon, 1000.0);
  EXPECT_GT(decemberNoon, 200.0);
  EXPECT_LT(decemberNoon, juneNoon);
  // Annual means and ranges.
  double sumG = 0.0, sumU = 0.0, sumU2 = 0.0, minU = 1e9, minC = 1e9, maxC = 0.0;
  const int n = 365 * 24 * 4;
  for (int i = 0; i < n; ++i) {
    const auto s = env.at(i * 900.0);
    sumG += s.G_solar;
    sumU += s.windSpeed;
    sumU2 += s.windSpeed * s.windSpeed;
    minU = std::min(minU, s.windSpeed);
    minC = std::min(minC, s.currentSpeed);
    maxC = std::max(maxC, s.currentSpeed);
    EXPECT_GE(s.mixedLayerDepth, 0.0);
  }
  EXPECT_NEAR(sumG / n, 173.0, 10.0);  // Pohang 2022 mean GHI 173 W/m2
  const double meanU = sumU / n;
  EXPECT_NEAR(meanU, 6.6, 0.5);
  EXPECT_NEAR(std::sqrt(sumU2 / n - meanU * meanU), 3.0, 0.8);
  EXPECT_GT(minU, 0.0);
  EXPECT_NEAR(minC, 0.10, 1e-3);
  EXPECT_NEAR(maxC, 0.40, 1e-3);
  EXPECT_TRUE(env.breakpoints(0.0, 1e7).empty());
  EXPECT_EQ(env.nextBreakpoint(0.0), std::numeric_limits<double>::infinity());
}

TEST(SyntheticEnvironment, BadParametersAreInputErrors) {
  SyntheticEnvironmentParameters p = fdtwin::io::defaultEnvironmentParameters();
  p.cloudFactor = -0.1;
  try {
    SyntheticEnvironment env(p);
    FAIL() << "no error";
  } catch (const InputError& e) {
    EXPECT_EQ(e.key(), "cloudFactor");
  }
  p = fdtwin::io::defaultEnvironmentParameters();
  p.sstMean = 20.0;  // degC for kelvin
  EXPECT_THROW(SyntheticEnvironment{p}, InputError);
  p = fdtwin::io::defaultEnvironmentParameters();
  p.currentM2Amplitude = 0.5;  // would reverse the speed
  EXPECT_THROW(SyntheticEnvironment{p}, InputError);
}

// ------------------------------------------------------------------------------------------
// The shipped Ulsan year file (data/environment/ulsan-2022.csv)
// ------------------------------------------------------------------------------------------
// How fast it loads is a benchmark (fdtwin_bench_plant year-file, docs/performance.md).
TEST(UlsanYearFile, HasHourlyRowsAndPlausibleValues) {
  const CsvEnvironment env(yearFile());
  EXPECT_NEAR(static_cast<double>(env.size()), 8760.0, 1.0);
  EXPECT_EQ(env.startTime(), 0.0);
  EXPECT_EQ(env.endTime(), 365.0 * 86400.0);
  const auto& times = env.times();
  for (std::size_t i = 1; i < times.size(); ++i) ASSERT_EQ(times[i] - times[i - 1], 3600.0) << "row " << i;

  double minSst = 1e9, maxSst = 0.0, maxG = 0.0;
  for (std::size_t i = 0; i < env.size(); ++i) {
    const EnvironmentSample& s = env.samples()[i];
    minSst = std::min(minSst, s.T_seaSurface);
    maxSst = std::max(maxSst, s.T_seaSurface);
    maxG = std::max(maxG, s.G_solar);
    if (i % 24 == 0) {  // t = 0 is 00:00 KST: no sun at local midnight
      EXPECT_EQ(s.G_solar, 0.0) << "row " << i;
    }
  }
  EXPECT_GE(minSst - kC0, 12.0);
  EXPECT_LE(maxSst - kC0, 31.0);
  EXPECT_GT(maxG, 800.0);
  EXPECT_LT(maxG, 1100.0);
}
