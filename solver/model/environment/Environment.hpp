#pragma once
// The environment of the floating datacenter: sea, air, sun, wind and current as functions of
// time. Every component that exchanges heat with the outside (seawater intake, hull, deck,
// floating solar, wind turbine) asks one Environment for one EnvironmentSample per time.
//
// Time: t [s] since the start of the case (case.start, an instant with its UTC offset). A
// calendar CSV record is read at the instant case.start + t; the synthetic environment takes
// its day of the year and its solar time from that instant and the site's longitude.
//
// Sea temperature profile (reference/physics.md §5.2, parametric model [assumption], fitted
// to the KODC line-208 casts off Ulsan by scripts/convert-ulsan-data):
//   T(z) = T_s                                              for z <= MLD
//   T(z) = T_deep + (T_s - T_deep) * exp(-(z - MLD) / H_t)  for z >  MLD
// with z [m] the depth below the sea surface (positive down), T_s the sea surface temperature,
// MLD the mixed-layer depth, T_deep the deep-water temperature and H_t the decay height.
//
// Implementations:
//   CsvEnvironment        a measured (or any tabulated) series, linear in time between rows
//   SyntheticEnvironment  smooth seasonal + diurnal cycles resembling Ulsan, no file needed
//
// Thread safety: all const member functions may be called concurrently (no caches).
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace fdtwin::env {

// One instant of the environment. SI units throughout.
struct EnvironmentSample {
  double T_seaSurface = 288.15;    // K    sea surface temperature T_s
  double T_air = 288.15;           // K    air temperature above the sea
  double G_solar = 0.0;            // W/m2 global horizontal irradiance, >= 0
  double windSpeed = 0.0;          // m/s  wind speed at the measuring height (buoy anemometer
                                   //      for the Ulsan file: a few metres above the sea)
  double currentSpeed = 0.0;       // m/s  sea current speed at the hull, >= 0
  double mixedLayerDepth = 60.0;   // m    MLD of the thermocline model, >= 0
  double T_deep = 274.74;          // K    deep-water temperature of the thermocline model
  double thermoclineScale = 50.0;  // m    decay height H_t of the thermocline model, > 0
};

// Sea temperature [K] at `depth` [m] below the surface (positive down) from the parametric
// profile above. Depths at or above the surface return T_s. thermoclineScale <= 0 is read as a
// sharp step to T_deep below the mixed layer.
double seaTemperatureAtDepth(const EnvironmentSample& sample, double depth);

// Source of environment samples. at() must be deterministic: the same t gives the same sample.
class Environment {
 public:
  virtual ~Environment();
  // The environment at time t [s].
  virtual EnvironmentSample at(double t) const = 0;
  // Times strictly inside (t0, t1) where the series is not smooth (kinks or jumps), in increasing
  // order, so that an integrator can stop there. Default: none (a smooth environment).
  virtual std::vector<double> breakpoints(double t0, double t1) const;
  // The first such time strictly after t, +inf if none: where an integrator must stop next. The
  // default searches breakpoints() over growing windows; a table overrides it with a lookup.
  virtual double nextBreakpoint(double t) const;

 protected:
  Environment() = default;
  Environment(const Environment&) = default;
  Environment& operator=(const Environment&) = default;
};

// --------------------------------------------------------------------------------------------
// CsvEnvironment (a table read from a CSV file) lives in io/CsvEnvironment.hpp: the model
// knows nothing of files.

// --------------------------------------------------------------------------------------------
// SyntheticEnvironment: a smooth built-in default (breakpoints() is empty).
//   T_s(t)   = sstMean + sstAnnualAmplitude cos(2 pi (d - sstPeakDay)/Y)
//              + sstDiurnalAmplitude cos(2 pi (h_sol - sstDiurnalPeakHour)/24)
//   T_air(t) = the same form with the air parameters
//   G(t)     = cloudFactor * 1098 W/m2 * cos Z * exp(-0.057 / cos Z) for cos Z > 0, else 0
//              (Haurwitz 1945 clear-sky model, as reviewed in Reno, Hansen & Stein 2012,
//              Sandia SAND2012-2389; smooth at sunrise and sunset). Solar zenith Z from
//              Spencer (1971) declination and equation of time.
//   U(t)     = smooth floor of windMean + windAnnualAmplitude cos(2 pi (d - windPeakDay)/Y)
//              + windStdDev X(t), where X = sqrt(2/N) sum_k cos(w_k t + phi_k) has unit time
//              variance; N = windComponents periods log-spaced between windShortestPeriod_h and
//              windLongestPeriod_h, each jittered within its band, and the phases, drawn from
//              `seed` (SplitMix64, identical on every platform). Floor: (u + sqrt(u^2 + 1))/2.
//   current  = currentMean + currentM2Amplitude cos(2 pi t / 12.4206012 h + currentM2Phase_rad)
//   MLD(t)   = mldMean + mldAnnualAmplitude cos(2 pi (d - mldDeepestDay)/Y); T_deep and H_t
//              constant.
// d is the day of the year in local mean solar time (0 = 1 January 00:00, fractional) of the
// instant startEpoch_s + t, and the year is 365 or 366 d long (Y), so that every annual cosine
// above is cos(2 pi (d - peak)/Y): continuous at each New Year, with a slope that changes by
// 1/366 at the end of a leap year. h_sol is the local mean solar time in hours, UTC + longitude/15
// (east positive); the sun itself uses apparent solar time, h_sol + equation of time. The clock
// offset written in case.start plays no part: solar time follows from the instant and the site.
// Defaults resemble the Ulsan buoy 22189 in 2022 (data/environment/SOURCE.md): SST 14.5 degC
// in February to 27 degC in August; air 8.8 .. 26.8 degC monthly; mean GHI 173 W/m2 (Pohang,
// i.e. 0.68 of clear sky); mean wind 6.6 m/s; thermocline from the KODC line-208 fits.
// Members that a case key sets (environment.*) have no initialiser: their one default is the
// schema's (io::defaultEnvironmentParameters(), run/CaseBindings.hpp).
struct SyntheticEnvironmentParameters {
  // site and clock
  double latitude_deg;   // deg N, KMA buoy 22189
  double longitude_deg;  // deg E (west negative), KMA buoy 22189
  double startEpoch_s;   // s since 1970-01-01T00:00:00Z of t = 0 (case.start)
  // sea surface temperature
  double sstMean;                    // K (20.75 degC)
  double sstAnnualAmplitude;         // K
  double sstPeakDay = 228.0;         // day of the maximum (0 = 1 Jan; 228 = 17 Aug)
  double sstDiurnalAmplitude = 0.2;  // K
  double sstDiurnalPeakHour = 15.0;  // h, local solar time
  // air temperature
  double airMean;                    // K (17.8 degC)
  double airAnnualAmplitude;         // K
  double airPeakDay = 218.0;         // day of the maximum (218 = 7 Aug)
  double airDiurnalAmplitude = 1.5;  // K
  double airDiurnalPeakHour = 14.0;  // h, local solar time
  // sun
  double cloudFactor = 0.68;  // - mean GHI / clear-sky GHI, 0 .. 1.2
  // wind
  double windMean = 6.6;               // m/s
  double windAnnualAmplitude = 1.0;    // m/s (winter monsoon maximum)
  double windPeakDay = 15.0;           // day of the seasonal maximum (16 Jan)
  double windStdDev = 3.0;             // m/s of the random component
  int windComponents = 16;             // number of sinusoids in X(t), 0 .. 1000
  double windShortestPeriod_h = 3.0;   // h
  double windLongestPeriod_h = 240.0;  // h
  std::uint64_t seed;                  // draws the wind periods and phases
  // current [SYNTHETIC, no measurement at the site]
  double currentMean;                // m/s, >= currentM2Amplitude so that speed >= 0
  double currentM2Amplitude = 0.15;  // m/s
  double currentM2Phase_rad = 0.0;   // rad
  // thermocline (physics.md §5.2 fits to KODC line 208-03, 2023)
  double mldMean;                    // m
  double mldAnnualAmplitude;         // m, <= mldMean
  double mldDeepestDay = 15.0;       // day of the deepest mixed layer (16 Jan)
  double T_deep;                     // K
  double thermoclineScale = 50.0;    // m
};

class SyntheticEnvironment final : public Environment {
 public:
  // Checks the parameters (InputError with key = parameter name, no file).
  explicit SyntheticEnvironment(const SyntheticEnvironmentParameters& parameters);

  EnvironmentSample at(double t) const override;

  const SyntheticEnvironmentParameters& parameters() const { return m_p; }
  // Clear-sky-model GHI times cloudFactor [W/m2] at t (the G_solar of at(t)).
  double solarIrradiance(double t) const;
  // cos of the solar zenith angle at t (negative at night).
  double cosSolarZenith(double t) const;
  // Day of the year d (0 = 1 January 00:00 local mean solar time, fractional), the length of
  // that year Y [d] and the local mean solar time [h, 0 .. 24) at t.
  struct SolarClock {
    double dayOfYear;
    double yearDays;
    double meanSolarHour;
  };
  SolarClock solarClock(double t) const;

 private:
  struct WindComponent {
    double omega;  // rad/s
    double phase;  // rad
  };
  SyntheticEnvironmentParameters m_p;
  std::vector<WindComponent> m_wind;
};

}  // namespace fdtwin::env
