// Unit tests of the environment's clock: case.start places the run in a calendar CSV record
// (instants compared in UTC) and in the synthetic year and day; a record that does not cover
// the run is an input error; wrap = "years" repeats a record by whole calendar years; the
// synthetic sun follows the site's longitude.
#include <gtest/gtest.h>

#include <unistd.h>
#include <algorithm>
#include <atomic>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <numbers>
#include <optional>
#include <sstream>
#include <string>

#include "core/Error.hpp"
#include "io/Case.hpp"
#include "io/CsvEnvironment.hpp"
#include "run/CaseBindings.hpp"
#include "run/PlantFromCase.hpp"

namespace fs = std::filesystem;

namespace fdtwin {
namespace {

using env::CsvEnvironment;
using env::CsvEnvironmentSettings;
using env::EnvironmentWrap;

constexpr double kHour = 3600.0;
constexpr double kDay = 86400.0;
const char* const kCalendarHeader =
    "time,T_sea_surface_K,T_air_K,G_solar_W_m2,wind_speed_m_s,current_speed_m_s\n";

std::string yearFile() { return std::string(FDTWIN_SOURCE_DIR) + "/data/environment/ulsan-2022.csv"; }

// A CSV file in the temp folder, removed when the test ends.
class TempCsv {
 public:
  explicit TempCsv(const std::string& text) {
    static std::atomic<int> counter{0};
    const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
    m_path =
        fs::temp_directory_path() / ("fdtwin_clock_" + std::string(info->name()) + "_" +
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

 private:
  fs::path m_path;
};

long long epochOf(const std::string& text) {
  const auto t = parseDateTime(text);
  EXPECT_TRUE(t) << text;
  return t ? t->epochSeconds : 0;
}

// The sea surface temperature [K] of the row stamped `stamp` in the Ulsan file, read here with
// plain string handling, independently of CsvEnvironment.
double ulsanSstAt(const std::string& stamp) {
  std::ifstream in(yearFile());
  std::string line;
  while (std::getline(in, line)) {
    if (line.rfind(stamp + ",", 0) == 0) {
      std::istringstream fields(line.substr(stamp.size() + 1));
      std::string sst;
      std::getline(fields, sst, ',');
      return std::stod(sst);
    }
  }
  ADD_FAILURE() << "no row " << stamp << " in " << yearFile();
  return 0.0;
}

Case barge(const std::vector<std::string>& overrides) {
  return Case::load(std::string(FDTWIN_SOURCE_DIR) + "/cases/barge-ai-20mw.toml", overrides);
}

InputError coverageError(const Case& c) {
  try {
    io::makeEnvironment(c);
  } catch (const InputError& e) {
    return e;
  }
  ADD_FAILURE() << "no InputError";
  return InputError("", 0, "", "");
}

// A calendar record of 2022 (KST) whose sea temperature is a known linear function of the
// instant: T = 280 K + 1 K per 30 days since its first row, with rows at the month starts and
// around 28 February / 1 March, so that every value is checkable by hand.
std::string linearYear(int year, const std::string& offset) {
  std::string text = kCalendarHeader;
  const std::string first = std::to_string(year) + "-01-01T00:00:00" + offset;
  const long long t0 = epochOf(first);
  const auto row = [&](const std::string& stamp) {
    const double days = static_cast<double>(epochOf(stamp) - t0) / kDay;
    text += stamp + "," + std::to_string(280.0 + days / 30.0) + ",285,0,3,0.2\n";
  };
  const std::string y = std::to_string(year);
  for (const char* md : {"01-01", "02-01", "02-28", "03-01", "04-01", "06-01", "08-01", "10-01", "12-01"}) {
    std::string stamp = y;
    stamp += "-";
    stamp += md;
    stamp += "T00:00:00";
    stamp += offset;
    row(stamp);
  }
  row(std::to_string(year + 1) + "-01-01T00:00:00" + offset);
  return text;
}
double linearSst(int year, const std::string& offset, const std::string& stamp) {
  return 280.0 +
         static_cast<double>(epochOf(stamp) - epochOf(std::to_string(year) + "-01-01T00:00:00" + offset)) /
             kDay / 30.0;
}

// ------------------------------------------------------------------------------------------
// case.start positions the run in the record
// ------------------------------------------------------------------------------------------
TEST(EnvironmentClock, AugustStartSeesTheAugustSeaOfTheRecord) {
  const double august = ulsanSstAt("2022-08-01T00:00:00+09:00");
  const double january = ulsanSstAt("2022-01-01T00:00:00+09:00");
  ASSERT_GT(august - january, 5.0);  // the test can tell the seasons apart
  const auto e = io::makeEnvironment(barge({"case.start=2022-08-01T00:00:00+09:00"}));
  EXPECT_DOUBLE_EQ(e->at(0.0).T_seaSurface, august);
  EXPECT_DOUBLE_EQ(e->at(6 * kHour).T_seaSurface, ulsanSstAt("2022-08-01T06:00:00+09:00"));
  EXPECT_DOUBLE_EQ(e->at(1.5 * kHour).T_seaSurface,
                   0.5 * (ulsanSstAt("2022-08-01T01:00:00+09:00") + ulsanSstAt("2022-08-01T02:00:00+09:00")));
  // The same instant written in UTC, or in California's PDT, reads the same row.
  for (const char* start : {"2022-07-31T15:00:00Z", "2022-07-31T08:00:00-07:00"}) {
    const auto same = io::makeEnvironment(barge({std::string("case.start=") + start}));
    EXPECT_DOUBLE_EQ(same->at(0.0).T_seaSurface, august) << start;
  }
}

TEST(EnvironmentClock, RowsInDifferentOffsetsAreComparedAsInstants) {
  // The second row is written in UTC: 2022-01-01T01:00:00Z = 10:00 KST, 10 h after the first.
  TempCsv f(std::string(kCalendarHeader) +
            "2022-01-01T00:00:00+09:00,280,285,0,3,0.2\n2022-01-01T01:00:00Z,290,285,0,3,0.2\n");
  CsvEnvironmentSettings s;
  s.startEpochSeconds = epochOf("2022-01-01T05:00:00+09:00");
  const CsvEnvironment e(f.path(), s);
  EXPECT_DOUBLE_EQ(e.at(0.0).T_seaSurface, 285.0);
  EXPECT_DOUBLE_EQ(e.startTime(), -5 * kHour);
  EXPECT_DOUBLE_EQ(e.endTime(), 5 * kHour);
  // Rows out of order as instants (09:00 KST is 00:00 UTC, before 01:00 UTC) are an error.
  TempCsv bad(std::string(kCalendarHeader) +
              "2022-01-01T10:00:00+09:00,280,285,0,3,0.2\n2022-01-01T00:30:00Z,290,285,0,3,0.2\n");
  try {
    CsvEnvironment env(bad.path());
    FAIL() << "no error";
  } catch (const InputError& err) {
    EXPECT_EQ(err.line(), 3);
    EXPECT_EQ(err.key(), "time");
  }
}

TEST(EnvironmentClock, TimeColumnErrors) {
  TempCsv both("time,time_s,T_sea_surface_K,T_air_K,G_solar_W_m2,wind_speed_m_s,current_speed_m_s\n");
  TempCsv none("T_sea_surface_K,T_air_K,G_solar_W_m2,wind_speed_m_s,current_speed_m_s\n");
  TempCsv local(std::string(kCalendarHeader) + "2022-01-01T00:00:00,280,285,0,3,0.2\n");
  for (const auto* f : {&both, &none, &local}) {
    try {
      CsvEnvironment env(f->path());
      ADD_FAILURE() << "no error for " << f->path();
    } catch (const InputError& err) {
      EXPECT_EQ(err.file(), f->path());
      EXPECT_EQ(err.line(), f == &local ? 2 : 1);
      EXPECT_NE(std::string(err.what()).find(f == &local ? "UTC offset" : "time"), std::string::npos)
          << err.what();
    }
  }
}

// ------------------------------------------------------------------------------------------
// A record that does not cover the run
// ------------------------------------------------------------------------------------------
TEST(EnvironmentClock, RecordThatDoesNotCoverTheRunIsAnInputError) {
  // Ends after the record (2023-01-01 00:00 KST).
  const InputError late = coverageError(barge({"case.start=2022-12-30T00:00:00+09:00", "case.duration=7d"}));
  EXPECT_EQ(late.file(), yearFile());
  EXPECT_EQ(late.key(), "case.duration");
  const std::string lateText = late.what();
  for (const char* phrase : {"2022-01-01T00:00:00+09:00", "2023-01-01T00:00:00+09:00",
                             "2022-12-30T00:00:00+09:00", "2023-01-06T00:00:00+09:00", "environment.wrap"}) {
    EXPECT_NE(lateText.find(phrase), std::string::npos) << phrase << " in " << lateText;
  }
  // Starts before, or after, the record.
  EXPECT_EQ(coverageError(barge({"case.start=2021-12-31T00:00:00+09:00"})).key(), "case.start");
  EXPECT_EQ(coverageError(barge({"case.start=2023-08-01T00:00:00+09:00"})).key(), "case.start");
  // The last instant of the record is covered; one more second is not.
  EXPECT_NO_THROW(io::makeEnvironment(barge({"case.start=2022-12-25T00:00:00+09:00", "case.duration=7d"})));
  EXPECT_THROW(io::makeEnvironment(barge({"case.start=2022-12-25T00:00:01+09:00", "case.duration=7d"})),
               InputError);
  // A whole year from the first row is covered (8761 rows, both ends).
  EXPECT_NO_THROW(io::makeEnvironment(barge({"case.duration=365d"})));
  // With wrap = "years" the same run is accepted.
  EXPECT_NO_THROW(
      io::makeEnvironment(barge({"case.start=2023-08-01T00:00:00+09:00", "environment.wrap=years"})));
}

// ------------------------------------------------------------------------------------------
// wrap = "years"
// ------------------------------------------------------------------------------------------
TEST(EnvironmentWrapYears, SameCalendarDateAndTimeInTheRecordYear) {
  const std::string kst = "+09:00";
  TempCsv f(linearYear(2022, kst));
  const auto sstAt = [&](const std::string& start) {
    CsvEnvironmentSettings s;
    s.wrap = EnvironmentWrap::Years;
    s.startEpochSeconds = epochOf(start);
    const CsvEnvironment e(f.path(), s);
    e.requireCoverage(10 * kDay);
    return e.at(0.0).T_seaSurface;
  };
  // 2023 and 2021 (common years) and 2024 (leap year) map to the same date and time of 2022.
  EXPECT_NEAR(sstAt("2023-06-15T12:00:00+09:00"), linearSst(2022, kst, "2022-06-15T12:00:00+09:00"), 1e-6);
  EXPECT_NEAR(sstAt("2021-03-01T06:00:00+09:00"), linearSst(2022, kst, "2022-03-01T06:00:00+09:00"), 1e-6);
  EXPECT_NEAR(sstAt("2024-06-15T12:00:00+09:00"), linearSst(2022, kst, "2022-06-15T12:00:00+09:00"), 1e-6);
  EXPECT_NEAR(sstAt("2030-12-31T23:00:00+09:00"), linearSst(2022, kst, "2022-12-31T23:00:00+09:00"), 1e-6);
  // 29 February of a leap year reads 28 February of the record.
  EXPECT_NEAR(sstAt("2024-02-29T12:00:00+09:00"), linearSst(2022, kst, "2022-02-28T12:00:00+09:00"), 1e-6);
  // An instant written in another offset is first placed in the record's calendar (KST).
  EXPECT_NEAR(sstAt("2023-06-15T03:00:00Z"), linearSst(2022, kst, "2022-06-15T12:00:00+09:00"), 1e-6);
}

TEST(EnvironmentWrapYears, LeapYearRecordInACommonYearSkipsTheLeapDay) {
  TempCsv f(linearYear(2024, "Z"));
  CsvEnvironmentSettings s;
  s.wrap = EnvironmentWrap::Years;
  s.startEpochSeconds = epochOf("2022-02-28T00:00:00Z");
  const CsvEnvironment e(f.path(), s);
  e.requireCoverage(2 * kDay);
  EXPECT_NEAR(e.at(12 * kHour).T_seaSurface, linearSst(2024, "Z", "2024-02-28T12:00:00Z"), 1e-6);
  EXPECT_NEAR(e.at(30 * kHour).T_seaSurface, linearSst(2024, "Z", "2024-03-01T06:00:00Z"), 1e-6);
  // The year mapping jumps a day at 2022-03-01 00:00: a breakpoint there.
  const auto bp = e.breakpoints(0.0, 2 * kDay);
  EXPECT_NE(std::find(bp.begin(), bp.end(), kDay), bp.end());
}

TEST(EnvironmentWrapYears, NewYearAndLeapDayAreBreakpoints) {
  TempCsv f(linearYear(2022, "+09:00"));
  CsvEnvironmentSettings s;
  s.wrap = EnvironmentWrap::Years;
  s.startEpochSeconds = epochOf("2023-12-31T00:00:00+09:00");  // into the leap year 2024
  const CsvEnvironment e(f.path(), s);
  e.requireCoverage(70 * kDay);
  // The end of 2023 reads the record's last row (the boundary belongs to the year it ends);
  // just after, the record starts again from its first row.
  EXPECT_NEAR(e.at(kDay).T_seaSurface, linearSst(2022, "+09:00", "2023-01-01T00:00:00+09:00"), 1e-6);
  EXPECT_NEAR(e.at(kDay + 1.0).T_seaSurface, 280.0 + 1.0 / kDay / 30.0, 1e-6);
  const auto bp = e.breakpoints(0.0, 70 * kDay);
  const double leapDay = static_cast<double>(epochOf("2024-02-29T00:00:00+09:00") - *s.startEpochSeconds);
  const double march = static_cast<double>(epochOf("2024-03-01T00:00:00+09:00") - *s.startEpochSeconds);
  EXPECT_NE(std::find(bp.begin(), bp.end(), kDay), bp.end());
  EXPECT_NE(std::find(bp.begin(), bp.end(), leapDay), bp.end());
  // The record's rows, moved into 2024: 1 February and 28 February.
  EXPECT_NE(std::find(bp.begin(), bp.end(), march - 29 * kDay), bp.end());
  EXPECT_NE(std::find(bp.begin(), bp.end(), march - 2 * kDay), bp.end());
  EXPECT_TRUE(std::is_sorted(bp.begin(), bp.end()));
  // nextBreakpoint walks the same times, one after the other (the integrator's stops).
  double t = 0.0;
  for (const double b : bp) {
    EXPECT_EQ(e.nextBreakpoint(t), b) << "after " << t;
    t = b;
  }
}

TEST(EnvironmentWrapYears, NeedsACalendarRecordOfAWholeYear) {
  TempCsv relative(
      "time_s,T_sea_surface_K,T_air_K,G_solar_W_m2,wind_speed_m_s,current_speed_m_s\n"
      "0,290,285,0,3,0.2\n3600,291,285,0,3,0.2\n");
  CsvEnvironmentSettings s;
  s.wrap = EnvironmentWrap::Years;
  try {
    CsvEnvironment e(relative.path(), s);
    FAIL() << "no error";
  } catch (const InputError& err) {
    EXPECT_EQ(err.key(), "environment.wrap");
    EXPECT_EQ(err.file(), relative.path());
  }
  TempCsv month(std::string(kCalendarHeader) +
                "2022-01-01T00:00:00Z,290,285,0,3,0.2\n2022-02-01T00:00:00Z,291,285,0,3,0.2\n");
  s.startEpochSeconds = epochOf("2023-01-10T00:00:00Z");
  const CsvEnvironment e(month.path(), s);
  try {
    e.requireCoverage(kDay);
    FAIL() << "no error";
  } catch (const InputError& err) {
    EXPECT_EQ(err.key(), "environment.wrap");
    EXPECT_NE(std::string(err.what()).find("2023-01-01T00:00:00+00:00"), std::string::npos) << err.what();
  }
}

// ------------------------------------------------------------------------------------------
// The synthetic environment on the case's clock
// ------------------------------------------------------------------------------------------
Case syntheticCase(const std::string& start, double longitude) {
  return Case::parse("[case]\nname = \"clock\"\nstart = \"" + start +
                         "\"\n[environment]\nlongitude = " + std::to_string(longitude) + "\n",
                     "clock.toml", ".");
}

TEST(SyntheticClock, SeptemberStartSeesSeptember) {
  // Defaults: SST annual maximum on day 228 (17 August), sstMean + sstAnnualAmplitude.
  const auto p = io::defaultEnvironmentParameters();
  const auto summer = io::makeEnvironment(syntheticCase("2022-08-17T00:00:00+09:00", 129.841));
  const auto winter = io::makeEnvironment(syntheticCase("2022-02-15T00:00:00+09:00", 129.841));
  double maxSummer = 0.0, maxWinter = 0.0;
  for (double t = 0.0; t <= kDay; t += 600.0) {
    maxSummer = std::max(maxSummer, summer->at(t).T_seaSurface);
    maxWinter = std::max(maxWinter, winter->at(t).T_seaSurface);
  }
  EXPECT_NEAR(maxSummer, p.sstMean + p.sstAnnualAmplitude + p.sstDiurnalAmplitude, 0.01);
  EXPECT_LT(maxWinter, p.sstMean - 0.7 * p.sstAnnualAmplitude + p.sstDiurnalAmplitude);
  // The default case is the defaults' environment.
  const auto c = Case::parse("[case]\nname = \"defaults\"\n", "defaults.toml", ".");
  const auto fromCase = std::dynamic_pointer_cast<const env::SyntheticEnvironment>(io::makeEnvironment(c));
  ASSERT_TRUE(fromCase);
  EXPECT_EQ(fromCase->parameters().startEpoch_s, p.startEpoch_s);
}

// NOAA Global Monitoring Laboratory, "General Solar Position Calculations" (gml.noaa.gov/grad/
// solcalc/solareqns.PDF): fractional year gamma = 2 pi/365 (doy - 1 + (hour - 12)/24),
// eqtime = 229.18 (0.000075 + 0.001868 cos g - 0.032077 sin g - 0.014615 cos 2g - 0.040849 sin 2g)
// minutes, and solar noon = 720 - 4 longitude - eqtime minutes UTC (longitude east positive).
double noaaSolarNoonUtcMinutes(int dayOfYear, double longitude) {
  const double g = 2.0 * std::numbers::pi / 365.0 * (dayOfYear - 1);
  const double eqtime = 229.18 * (0.000075 + 0.001868 * std::cos(g) - 0.032077 * std::sin(g) -
                                  0.014615 * std::cos(2 * g) - 0.040849 * std::sin(2 * g));
  return 720.0 - 4.0 * longitude - eqtime;
}

// Time [min after t = 0] of the highest sun in [t0, t0 + 1 d), by a 10 s scan.
double highestSunMinutes(const env::SyntheticEnvironment& e, double t0) {
  double best = t0, bestCos = -2.0;
  for (double t = t0; t < t0 + kDay; t += 10.0) {
    const double c = e.cosSolarZenith(t);
    if (c > bestCos) {
      bestCos = c;
      best = t;
    }
  }
  return best / 60.0;
}

TEST(SyntheticClock, SolarNoonMovesWithLongitude) {
  // 2022-11-03 (doy 307, equation of time near its maximum of +16.4 min) and 2022-02-11
  // (doy 42, near its minimum of -14.2 min); t = 0 at 00:00 UTC of that day.
  for (const auto& [start, doy] :
       {std::pair{"2022-11-03T00:00:00Z", 307}, {"2022-02-11T09:00:00+09:00", 42}}) {
    for (const double longitude : {129.841, 0.0, -3.3, -121.32, 60.0}) {
      const auto e = std::dynamic_pointer_cast<const env::SyntheticEnvironment>(
          io::makeEnvironment(syntheticCase(start, longitude)));
      ASSERT_TRUE(e);
      double expected = noaaSolarNoonUtcMinutes(doy, longitude);
      expected -= 1440.0 * std::floor(expected / 1440.0);  // the noon inside this UTC day
      const double found = highestSunMinutes(*e, 0.0);
      EXPECT_NEAR(found, expected, 2.0) << start << " longitude " << longitude;
    }
  }
  // 4 minutes of clock time per degree: Stockton's noon is 8 h 05 min after Ulsan's.
  const auto ulsan = std::dynamic_pointer_cast<const env::SyntheticEnvironment>(
      io::makeEnvironment(syntheticCase("2022-06-21T00:00:00Z", 129.841)));
  const auto stockton = std::dynamic_pointer_cast<const env::SyntheticEnvironment>(
      io::makeEnvironment(syntheticCase("2022-06-21T00:00:00Z", -121.32)));
  EXPECT_NEAR(highestSunMinutes(*stockton, 0.0) - highestSunMinutes(*ulsan, 0.0), 4.0 * (129.841 + 121.32),
              1.0);
}

}  // namespace
}  // namespace fdtwin
