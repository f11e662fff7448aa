#pragma once
// The environment read from a CSV file (documented columns, SI units, linear interpolation in
// time). It is an env::Environment like the synthetic one; it sits in io/ because it reads
// files, which the model never does.
#include <cstddef>
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
// | time_s              | s    | yes      | strictly increasing          |                     |
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
// Between rows every quantity is linear in time. Outside [first time, last time] at() throws
// InputError unless wrap is set (a round-off of 1e-9 of the span is clamped). With wrap the
// record repeats with period P = last time - first time: t and t + P give the same sample.
// The row at the last time is then the end of the cycle and the first row its start; if they
// differ the series jumps at each first time + k*P (reported by breakpoints()). The shipped
// Ulsan file covers 0 .. 365 d hourly (8761 rows), so P = 365 d.
//
// Errors (all InputError with the file path, the 1-based line and the column): file missing
// or unreadable (line 0); no header; unknown, duplicate or missing column (header line); wrong
// number of fields, empty, non-numeric, NaN or infinite value, value out of range (data line);
// time not increasing (data line, key time_s); fewer than 2 rows.
struct CsvEnvironmentSettings {
  bool wrap = false;  // repeat the record periodically (e.g. one year for a multi-year run)
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
  // Every row time inside (t0, t1) (including its periodic repeats with wrap).
  std::vector<double> breakpoints(double t0, double t1) const override;
  // The first of them after t (a binary search: an integrator asks at every stop).
  double nextBreakpoint(double t) const override;

  const std::string& path() const { return m_path; }
  std::size_t size() const { return m_times.size(); }   // number of data rows
  double startTime() const { return m_times.front(); }  // s
  double endTime() const { return m_times.back(); }     // s
  bool wraps() const { return m_wrap; }
  double period() const { return endTime() - startTime(); }  // s, the wrap period
  const std::vector<double>& times() const { return m_times; }
  const std::vector<EnvironmentSample>& samples() const { return m_samples; }

 private:
  std::string m_path;
  bool m_wrap;
  std::vector<double> m_times;
  std::vector<EnvironmentSample> m_samples;
};

}  // namespace fdtwin::env
