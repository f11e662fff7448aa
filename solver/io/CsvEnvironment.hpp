#pragma once
// The environment read from a CSV file (documented columns, SI units, linear interpolation in
// time). It is an env::Environment like the synthetic one; it sits in io/ because it reads
// files, which the model never does.
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "model/environment/Environment.hpp"

namespace fdtwin::env {

// CsvEnvironment: a table read from a CSV file.
//
// File format (UTF-8 or ASCII, comma-separated, LF or CRLF):
//   - lines whose first non-blank character is '#' are comments; blank lines are ignored;
//   - the first other line is the header of column names, in any order;
//   - then one row per time, each with one number per header column.
// | column              | unit | required | range                        | default when absent |
// |---------------------|------|----------|------------------------------|---------------------|
// | time                |      | one of   | RFC 3339, strictly increasing|                     |
// | time_s              | s    |   these  | strictly increasing          |                     |
// | T_sea_surface_K     | K    | yes      | 271 .. 320 (*)               |                     |
// | T_air_K             | K    | yes      | 180 .. 340                   |                     |
// | G_solar_W_m2        | W/m2 | yes      | 0 .. 1500                    |                     |
// | wind_speed_m_s      | m/s  | yes      | 0 .. 100                     |                     |
// | current_speed_m_s   | m/s  | yes      | 0 .. 10                      |                     |
// | mld_m               | m    | no       | 0 .. 2000                    | settings            |
// | T_deep_K            | K    | no       | 271 .. 320                   | settings            |
// | thermocline_scale_m | m    | no       | > 0 .. 5000                  | settings            |
// (*) seawater of 35 g/kg freezes at about 271.2 K; a value in degC fails this check.
// Any other column name is an error (with the nearest valid name suggested), so that a typo
// in an optional column cannot silently fall back to its default.
//
// Time: a calendar record has a `time` column of offset date-times ("2022-01-01T00:00:00+09:00",
// or "...Z"); rows are compared as instants (UTC), so rows in different offsets are fine. The
// run's t = 0 is settings.start (case.start): at(t) is the record at the instant start + t.
// A relative record has a `time_s` column instead: seconds since t = 0 of the run, whatever
// its calendar date (for made-up or test series).
//
// Between rows every quantity is linear in time. Outside the record at() throws InputError
// (a round-off of 1e-9 of the span is clamped) unless settings.wrap is Years, which maps an
// instant outside a calendar record to the same calendar date and time (in the offset of the
// record's first row) in the nearest year that the record covers; 29 February maps to
// 28 February in a common year, and a leap-year record's 29 February is skipped by a common
// year. Inside the record no wrap is applied, so a boundary instant belongs to the record
// (left-continuous at its end). Where the mapping jumps (record ends, 29 February, 1 March)
// breakpoints() reports the time. requireCoverage() checks a whole run before it starts.
//
// Errors (all InputError with the file path, the 1-based line and the column): file missing
// or unreadable (line 0); no header; unknown, duplicate or missing column, both or neither of
// time and time_s (header line); wrong number of fields, empty, non-numeric, NaN or infinite
// value, bad date-time, value out of range (data line); time not increasing (data line, key
// time or time_s); fewer than 2 rows; wrap = Years with a relative record (line 0).
enum class EnvironmentWrap {
  None,   // the record must cover the run
  Years,  // instants outside a calendar record repeat it by whole calendar years
};

struct CsvEnvironmentSettings {
  EnvironmentWrap wrap = EnvironmentWrap::None;
  // s since 1970-01-01T00:00:00Z of the run's t = 0 (case.start); without it t = 0 is the
  // first row of a calendar record. Ignored by a relative record.
  std::optional<long long> startEpochSeconds;
  // Used for every row when the file lacks the matching optional column. The defaults are
  // annual means of the Ulsan fits (data/environment/SOURCE.md).
  double mixedLayerDepth = 60.0;   // m
  double T_deep = 274.74;          // K (1.59 degC, East Sea Proper Water at 200 m, KODC line 209)
  double thermoclineScale = 50.0;  // m
};

class CsvEnvironment final : public Environment {
 public:
  // Reads and checks the whole file; throws InputError on any problem.
  explicit CsvEnvironment(const std::string& path, const CsvEnvironmentSettings& settings = {});

  EnvironmentSample at(double t) const override;
  // Every row time inside (t0, t1), and with wrap the times where the year mapping jumps.
  std::vector<double> breakpoints(double t0, double t1) const override;
  // The first of them after t (a binary search without wrap: an integrator asks at every stop).
  double nextBreakpoint(double t) const override;
  // Throws InputError (this file, line 0, key case.start or case.duration or environment.wrap)
  // unless every t in [0, duration] has a sample: the record's first and last instants
  // against the run's.
  void requireCoverage(double duration) const;

  const std::string& path() const { return m_path; }
  std::size_t size() const { return m_times.size(); }  // number of data rows
  bool calendar() const { return m_calendar; }         // rows have date-times (a `time` column)
  bool wraps() const { return m_wrap == EnvironmentWrap::Years; }
  // The model time t of the first and the last row (0 = the run's start).
  double startTime() const { return m_times.front() - m_shift; }  // s
  double endTime() const { return m_times.back() - m_shift; }     // s
  // Rows: record time [s] since the first row (calendar) or time_s (relative), and samples.
  const std::vector<double>& times() const { return m_times; }
  const std::vector<EnvironmentSample>& samples() const { return m_samples; }

 private:
  // Record time of model time t (wrapped by whole years if asked); nothing if outside.
  std::optional<double> recordTime(double t) const;
  // Record time of the record time r moved by whole years into the record; nothing if none fits.
  std::optional<double> shiftedByYears(double r) const;
  std::string describeInstant(double recordTime) const;

  std::string m_path;
  EnvironmentWrap m_wrap;
  bool m_calendar = false;
  long long m_originEpoch = 0;  // s since 1970 UTC of the first row (calendar records)
  int m_offsetSeconds = 0;      // UTC offset of the first row: the record's calendar
  double m_shift = 0.0;         // record time of model t = 0
  std::vector<double> m_times;
  std::vector<EnvironmentSample> m_samples;
};

}  // namespace fdtwin::env
