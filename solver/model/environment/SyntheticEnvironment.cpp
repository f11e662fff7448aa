// SyntheticEnvironment: smooth seasonal and diurnal cycles (formulas in Environment.hpp).
#include <fmt/format.h>

#include <cmath>
#include <numbers>
#include <string>

#include "core/Constants.hpp"
#include "core/DateTime.hpp"
#include "core/Error.hpp"
#include "model/environment/Environment.hpp"

namespace fdtwin::env {
namespace {

constexpr double kTwoPi = 2.0 * std::numbers::pi;
constexpr double kDay = constants::kSecondsPerDay;
// Principal lunar semi-diurnal (M2) period, 12.4206012 h [Pugh, Tides, Surges and Mean Sea-Level].
constexpr double kM2Period = 12.4206012 * constants::kSecondsPerHour;  // s
// Haurwitz (1945) clear-sky GHI: 1098 W/m2 cos Z exp(-0.057/cos Z).
constexpr double kHaurwitzScale = 1098.0;  // W/m2
constexpr double kHaurwitzExtinction = 0.057;
// Width of the smooth floor that keeps the wind speed positive: (u + sqrt(u^2 + e^2))/2.
constexpr double kWindFloorWidth = 1.0;  // m/s

// SplitMix64 (Steele, Lea & Flood 2014): fully specified, so a seed gives the same wind on
// every compiler and platform (std:: distributions do not guarantee that).
class SplitMix64 {
 public:
  explicit SplitMix64(std::uint64_t seed) : m_state(seed) {}
  std::uint64_t next() {
    std::uint64_t z = (m_state += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
  }
  double uniform() { return static_cast<double>(next() >> 11) * 0x1.0p-53; }  // [0, 1)

 private:
  std::uint64_t m_state;
};

void require(bool ok, const char* key, const std::string& message) {
  if (!ok) throw InputError("", 0, key, message);
}

void requireFinite(double value, const char* key) {
  require(std::isfinite(value), key, fmt::format("{} is not a finite number", value));
}

// Annual cosine with its maximum on day `peakDay` of a year of `yearDays` days.
double annual(double day, double yearDays, double peakDay) {
  return std::cos(kTwoPi * (day - peakDay) / yearDays);
}

void checkParameters(const SyntheticEnvironmentParameters& p) {
  for (const auto& [value, key] : {std::pair{p.latitude_deg, "latitude_deg"},
                                   {p.longitude_deg, "longitude_deg"},
                                   {p.startEpoch_s, "startEpoch_s"},
                                   {p.sstMean, "sstMean"},
                                   {p.sstAnnualAmplitude, "sstAnnualAmplitude"},
                                   {p.sstPeakDay, "sstPeakDay"},
                                   {p.sstDiurnalAmplitude, "sstDiurnalAmplitude"},
                                   {p.sstDiurnalPeakHour, "sstDiurnalPeakHour"},
                                   {p.airMean, "airMean"},
                                   {p.airAnnualAmplitude, "airAnnualAmplitude"},
                                   {p.airPeakDay, "airPeakDay"},
                                   {p.airDiurnalAmplitude, "airDiurnalAmplitude"},
                                   {p.airDiurnalPeakHour, "airDiurnalPeakHour"},
                                   {p.cloudFactor, "cloudFactor"},
                                   {p.windMean, "windMean"},
                                   {p.windAnnualAmplitude, "windAnnualAmplitude"},
                                   {p.windPeakDay, "windPeakDay"},
                                   {p.windStdDev, "windStdDev"},
                                   {p.windShortestPeriod_h, "windShortestPeriod_h"},
                                   {p.windLongestPeriod_h, "windLongestPeriod_h"},
                                   {p.currentMean, "currentMean"},
                                   {p.currentM2Amplitude, "currentM2Amplitude"},
                                   {p.currentM2Phase_rad, "currentM2Phase_rad"},
                                   {p.mldMean, "mldMean"},
                                   {p.mldAnnualAmplitude, "mldAnnualAmplitude"},
                                   {p.mldDeepestDay, "mldDeepestDay"},
                                   {p.T_deep, "T_deep"},
                                   {p.thermoclineScale, "thermoclineScale"}}) {
    requireFinite(value, key);
  }
  require(std::abs(p.latitude_deg) <= 90.0, "latitude_deg", "expected -90 .. 90 deg");
  require(std::abs(p.longitude_deg) <= 180.0, "longitude_deg", "expected -180 .. 180 deg");
  for (const auto& [value, key] : {std::pair{p.sstAnnualAmplitude, "sstAnnualAmplitude"},
                                   {p.sstDiurnalAmplitude, "sstDiurnalAmplitude"},
                                   {p.airAnnualAmplitude, "airAnnualAmplitude"},
                                   {p.airDiurnalAmplitude, "airDiurnalAmplitude"},
                                   {p.windAnnualAmplitude, "windAnnualAmplitude"},
                                   {p.windStdDev, "windStdDev"},
                                   {p.currentM2Amplitude, "currentM2Amplitude"},
                                   {p.mldAnnualAmplitude, "mldAnnualAmplitude"}}) {
    require(value >= 0.0, key, fmt::format("an amplitude must be >= 0, got {}", value));
  }
  const double sstLo = p.sstMean - p.sstAnnualAmplitude - p.sstDiurnalAmplitude;
  const double sstHi = p.sstMean + p.sstAnnualAmplitude + p.sstDiurnalAmplitude;
  require(
      sstLo >= 271.0 && sstHi <= 320.0, "sstMean",
      fmt::format("the SST would span {:.2f} .. {:.2f} K, outside 271 .. 320 K (in kelvin?)", sstLo, sstHi));
  const double airLo = p.airMean - p.airAnnualAmplitude - p.airDiurnalAmplitude;
  const double airHi = p.airMean + p.airAnnualAmplitude + p.airDiurnalAmplitude;
  require(airLo >= 180.0 && airHi <= 340.0, "airMean",
          fmt::format("the air temperature would span {:.2f} .. {:.2f} K, outside 180 .. 340 K (in kelvin?)",
                      airLo, airHi));
  require(p.cloudFactor >= 0.0 && p.cloudFactor <= 1.2, "cloudFactor", "expected 0 .. 1.2");
  require(p.windMean >= 0.0, "windMean", "expected >= 0 m/s");
  require(p.windComponents >= 0 && p.windComponents <= 1000, "windComponents", "expected 0 .. 1000");
  require(p.windShortestPeriod_h > 0.0 && p.windShortestPeriod_h <= p.windLongestPeriod_h,
          "windShortestPeriod_h", "expected 0 < windShortestPeriod_h <= windLongestPeriod_h");
  require(p.currentMean >= p.currentM2Amplitude, "currentMean",
          "must be >= currentM2Amplitude so that the current speed never goes negative");
  require(p.mldMean >= p.mldAnnualAmplitude, "mldMean",
          "must be >= mldAnnualAmplitude so that the mixed-layer depth never goes negative");
  require(p.T_deep >= 271.0 && p.T_deep <= 320.0, "T_deep", "expected 271 .. 320 K");
  require(p.thermoclineScale > 0.0, "thermoclineScale", "expected > 0 m");
}

}  // namespace

SyntheticEnvironment::SyntheticEnvironment(const SyntheticEnvironmentParameters& parameters)
    : m_p(parameters) {
  checkParameters(m_p);
  // Periods log-spaced over [shortest, longest], one per band, jittered within the band.
  SplitMix64 rng(m_p.seed);
  const double lnMin = std::log(m_p.windShortestPeriod_h * constants::kSecondsPerHour);
  const double lnMax = std::log(m_p.windLongestPeriod_h * constants::kSecondsPerHour);
  const int n = m_p.windComponents;
  m_wind.reserve(static_cast<std::size_t>(n));
  for (int k = 0; k < n; ++k) {
    const double period = std::exp(lnMin + (k + rng.uniform()) / n * (lnMax - lnMin));
    const double phase = kTwoPi * rng.uniform();
    m_wind.push_back({kTwoPi / period, phase});
  }
}

SyntheticEnvironment::SolarClock SyntheticEnvironment::solarClock(double t) const {
  // Local mean solar time: UTC + 4 min per degree east (240 s/deg).
  const double local = m_p.startEpoch_s + t + 240.0 * m_p.longitude_deg;
  const double dayNumber = std::floor(local / kDay);
  const double secondOfDay = local - dayNumber * kDay;
  const CivilDate date = civilFromDays(static_cast<long long>(dayNumber));
  const double yearStart = static_cast<double>(daysFromCivil({date.year, 1, 1}));
  return {dayNumber - yearStart + secondOfDay / kDay, isLeapYear(date.year) ? 366.0 : 365.0,
          secondOfDay / constants::kSecondsPerHour};
}

double SyntheticEnvironment::cosSolarZenith(double t) const {
  // Spencer (1971), Search 2(5):172: declination and equation of time from the day angle
  // (NOAA's General Solar Position Calculations use the same series).
  const SolarClock clock = solarClock(t);
  const double g = kTwoPi * clock.dayOfYear / clock.yearDays;
  const double declination = 0.006918 - 0.399912 * std::cos(g) + 0.070257 * std::sin(g) -
                             0.006758 * std::cos(2 * g) + 0.000907 * std::sin(2 * g) -
                             0.002697 * std::cos(3 * g) + 0.00148 * std::sin(3 * g);
  const double eotMinutes = 229.18 * (0.000075 + 0.001868 * std::cos(g) - 0.032077 * std::sin(g) -
                                      0.014615 * std::cos(2 * g) - 0.040849 * std::sin(2 * g));
  // Apparent solar time = local mean solar time + equation of time; hour angle 0 at solar noon.
  const double solarHour = clock.meanSolarHour + eotMinutes / 60.0;
  const double hourAngle = kTwoPi * (solarHour - 12.0) / 24.0;
  const double lat = m_p.latitude_deg * std::numbers::pi / 180.0;
  return std::sin(lat) * std::sin(declination) + std::cos(lat) * std::cos(declination) * std::cos(hourAngle);
}

double SyntheticEnvironment::solarIrradiance(double t) const {
  const double c = cosSolarZenith(t);
  if (c <= 0.0) return 0.0;
  // exp(-0.057/c) -> 0 with all its derivatives as c -> 0+, so G is smooth at sunrise/sunset.
  return m_p.cloudFactor * kHaurwitzScale * c * std::exp(-kHaurwitzExtinction / c);
}

EnvironmentSample SyntheticEnvironment::at(double t) const {
  // Local mean solar time (no equation of time) is close enough for the diurnal temperature
  // phase; the sun uses apparent solar time (cosSolarZenith).
  const SolarClock clock = solarClock(t);
  const double day = clock.dayOfYear;
  const double yearDays = clock.yearDays;
  const auto diurnal = [&](double peakHour) {
    return std::cos(kTwoPi * (clock.meanSolarHour - peakHour) / 24.0);
  };

  EnvironmentSample s;
  s.T_seaSurface = m_p.sstMean + m_p.sstAnnualAmplitude * annual(day, yearDays, m_p.sstPeakDay) +
                   m_p.sstDiurnalAmplitude * diurnal(m_p.sstDiurnalPeakHour);
  s.T_air = m_p.airMean + m_p.airAnnualAmplitude * annual(day, yearDays, m_p.airPeakDay) +
            m_p.airDiurnalAmplitude * diurnal(m_p.airDiurnalPeakHour);
  s.G_solar = solarIrradiance(t);

  double x = 0.0;
  for (const auto& c : m_wind) x += std::cos(c.omega * t + c.phase);
  if (!m_wind.empty()) x *= std::sqrt(2.0 / static_cast<double>(m_wind.size()));
  const double u =
      m_p.windMean + m_p.windAnnualAmplitude * annual(day, yearDays, m_p.windPeakDay) + m_p.windStdDev * x;
  s.windSpeed = 0.5 * (u + std::sqrt(u * u + kWindFloorWidth * kWindFloorWidth));

  s.currentSpeed =
      m_p.currentMean + m_p.currentM2Amplitude * std::cos(kTwoPi * t / kM2Period + m_p.currentM2Phase_rad);
  s.mixedLayerDepth = m_p.mldMean + m_p.mldAnnualAmplitude * annual(day, yearDays, m_p.mldDeepestDay);
  s.T_deep = m_p.T_deep;
  s.thermoclineScale = m_p.thermoclineScale;
  return s;
}

}  // namespace fdtwin::env
