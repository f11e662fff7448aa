// Validation of the parametric thermocline (reference/physics.md §5.2) with the parameters
// fitted by scripts/convert-ulsan-data and stored in data/environment/ulsan-2022.csv, against
// the KODC/NIFS serial oceanographic casts of 2023 at line 208 station 03 (35.2967 N 129.715 E,
// ~12 km from the Ulsan buoy 22189). Cast values copied from
// ../shared/data/kodc_serial_ocean_2023/kodc_nso_2023_line208_ulsan.tsv (KODC/NIFS; its
// SOURCE.md quotes the 2023-08-14 cast as its example thermocline).
//
// Tolerances: 2 K from 0 to 50 m (the depths an intake would draw from; the fits' largest
// misfit there is 1.7 K at 20 m on 2023-08-14), 3.5 K from 75 to 125 m (one exponential cannot
// follow the sharp cold bottom water of August: 2.7 degC at 100 m; misfit up to 2.8 K).
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include "../support/Validation.hpp"
#include "io/CsvEnvironment.hpp"
#include "run/CaseBindings.hpp"

using fdtwin::env::CsvEnvironment;
using fdtwin::env::EnvironmentSample;
using fdtwin::env::seaTemperatureAtDepth;
using fdtwin::env::SyntheticEnvironment;

namespace {

constexpr double kC0 = 273.15;
constexpr double kDay = 86400.0;

struct Cast {
  const char* when;  // KST, 2023
  int dayOfYear;     // 1-based
  int hour;
  int minute;
  std::vector<double> temperature_C;  // at kDepths
};
const std::vector<double> kDepths{0, 10, 20, 30, 50, 75, 100, 125};  // m
const std::vector<Cast> kCasts208_03{
    {"2023-03-01 20:08", 60, 20, 8, {14.4, 14.4, 14.4, 14.4, 14.4, 14.4, 13.6, 12.6}},
    {"2023-04-14 23:36", 104, 23, 36, {15.9, 15.9, 15.8, 15.7, 15.4, 15.1, 14.9, 13.2}},
    {"2023-07-04 06:04", 185, 6, 4, {23.8, 23.6, 23.4, 23.0, 19.7, 16.9, 16.1, 9.3}},
    {"2023-08-14 11:04", 226, 11, 4, {27.2, 26.7, 25.5, 24.5, 14.2, 11.1, 2.7, 2.7}},
    {"2023-10-30 04:30", 303, 4, 30, {22.0, 22.0, 22.2, 22.2, 22.4, 20.5, 17.9, 13.1}},
    {"2023-12-20 04:54", 354, 4, 54, {17.7, 17.7, 17.7, 17.7, 17.7, 17.7, 14.9, 6.6}},
};

// The year file's time of the same calendar instant (the casts stand for a climatology).
double fileTime(int dayOfYear, int hour, int minute) {
  return (dayOfYear - 1) * kDay + hour * 3600.0 + minute * 60.0;
}

const CsvEnvironment& yearFile() {
  static const CsvEnvironment env(std::string(FDTWIN_SOURCE_DIR) + "/data/environment/ulsan-2022.csv");
  return env;
}

}  // namespace

// physics.md §5.2 worked example: T_s = 29 degC, MLD = 60 m, T_deep = 5 degC, H_t = 250 m gives
// about 20 degC at ~190 m and about 10 degC at ~450 m (the sheet rounds; 1 K tolerance).
TEST(Thermocline, ReproducesTheReferenceSheetExample) {
  EnvironmentSample s;
  s.T_seaSurface = 29.0 + kC0;
  s.mixedLayerDepth = 60.0;
  s.T_deep = 5.0 + kC0;
  s.thermoclineScale = 250.0;
  fdtwin::test::reportCheck("T at 190 m", "physics.md 5.2 worked example", 20.0 + kC0, seaTemperatureAtDepth(s, 190.0),
                            1.0, "K", "the sheet rounds to whole degrees");
  EXPECT_NEAR(seaTemperatureAtDepth(s, 190.0) - kC0, 20.0, 1.0);
  EXPECT_NEAR(seaTemperatureAtDepth(s, 450.0) - kC0, 10.0, 1.0);
}

// The 2023-08-14 summer cast, the one that matters for a deep cold-water intake.
TEST(Thermocline, ReproducesTheAugustCastAtStation208_03) {
  const Cast& cast = kCasts208_03[3];
  EnvironmentSample s = yearFile().at(fileTime(cast.dayOfYear, cast.hour, cast.minute));
  s.T_seaSurface = cast.temperature_C[0] + kC0;  // the fit is relative to the cast's own surface
  for (std::size_t i = 0; i < kDepths.size(); ++i) {
    const double tolerance = kDepths[i] <= 50.0 ? 2.0 : 3.5;
    fdtwin::test::reportCheck("T at " + std::to_string(static_cast<int>(kDepths[i])) + " m, 2023-08-14",
                              "KODC cast 208-03", cast.temperature_C[i] + kC0, seaTemperatureAtDepth(s, kDepths[i]),
                              tolerance, "K",
                              kDepths[i] <= 50.0 ? "2 K over the intake depths 0-50 m"
                                                 : "3.5 K: one exponential cannot follow August's cold bottom water");
    EXPECT_NEAR(seaTemperatureAtDepth(s, kDepths[i]) - kC0, cast.temperature_C[i], tolerance)
        << cast.when << " at " << kDepths[i] << " m";
  }
  // A real thermocline: at least 10 K colder at 50 m than at the surface.
  EXPECT_GT(s.T_seaSurface - seaTemperatureAtDepth(s, 50.0), 10.0);
}

TEST(Thermocline, ReproducesEveryCastOfTheYearWithinTolerance) {
  for (const Cast& cast : kCasts208_03) {
    EnvironmentSample s = yearFile().at(fileTime(cast.dayOfYear, cast.hour, cast.minute));
    s.T_seaSurface = cast.temperature_C[0] + kC0;
    double sumSquares = 0.0;
    for (std::size_t i = 0; i < kDepths.size(); ++i) {
      const double model = seaTemperatureAtDepth(s, kDepths[i]) - kC0;
      const double tolerance = kDepths[i] <= 50.0 ? 2.0 : 3.5;
      EXPECT_NEAR(model, cast.temperature_C[i], tolerance) << cast.when << " at " << kDepths[i] << " m";
      sumSquares += (model - cast.temperature_C[i]) * (model - cast.temperature_C[i]);
    }
    // The converter reports the rms misfit of each fit (<= 1.46 K); allow for the hourly
    // interpolation of the parameters between the cast time and the file rows.
    EXPECT_LT(std::sqrt(sumSquares / kDepths.size()), 1.6) << cast.when;
    fdtwin::test::reportCheck(std::string("rms misfit, cast ") + cast.when, "KODC cast 208-03", 0.0,
                              std::sqrt(sumSquares / kDepths.size()), 1.6, "K",
                              "the fits' rms misfit (<= 1.46 K) plus hourly interpolation");
  }
}

// With the year file's own SST: a warm mixed layer over a thermocline in summer, a column
// uniform down to 75 m (the winter mixed layer) from December to March.
TEST(Thermocline, SummerStratifiedWinterMixed) {
  const CsvEnvironment& env = yearFile();
  for (const int day : {210, 226, 240}) {  // 29 Jul, 14 Aug, 28 Aug
    const EnvironmentSample s = env.at(fileTime(day, 12, 0));
    EXPECT_LT(s.mixedLayerDepth, 35.0) << "day " << day;
    EXPECT_GT(s.T_seaSurface - seaTemperatureAtDepth(s, 50.0), 5.0) << "day " << day;
    EXPECT_GT(s.T_seaSurface - seaTemperatureAtDepth(s, 100.0), 12.0) << "day " << day;
  }
  for (const int day : {1, 15, 46, 60, 354, 365}) {  // 1 Jan, 15 Jan, 15 Feb, 1 Mar, 20 Dec, 31 Dec
    const EnvironmentSample s = env.at(fileTime(day, 12, 0));
    EXPECT_GT(s.mixedLayerDepth, 75.0) << "day " << day;
    EXPECT_LT(s.T_seaSurface - seaTemperatureAtDepth(s, 75.0), 0.5) << "day " << day;
  }
  // The same contrast holds for the synthetic default's seasonal mixed layer.
  const SyntheticEnvironment synthetic(fdtwin::io::defaultEnvironmentParameters());
  const EnvironmentSample summer = synthetic.at(226 * kDay);
  const EnvironmentSample winter = synthetic.at(20 * kDay);
  EXPECT_GT(summer.T_seaSurface - seaTemperatureAtDepth(summer, 50.0), 5.0);
  EXPECT_LT(winter.T_seaSurface - seaTemperatureAtDepth(winter, 75.0), 0.5);
}
