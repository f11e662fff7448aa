// CsvEnvironment: reading, checking and interpolating an environment table (file format and
// column table in CsvEnvironment.hpp).
#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <limits>
#include <optional>
#include <string_view>
#include <system_error>

#include "core/Constants.hpp"
#include "core/Error.hpp"
#include "core/Text.hpp"
#include "core/TextFile.hpp"
#include "io/CsvEnvironment.hpp"

namespace fdtwin::env {
namespace {

// One column of the file: name, unit, whether it must be present, the accepted closed range
// (lower bound exclusive when loOpen) and the sample member it fills (nullptr for time_s).
struct ColumnSpec {
  std::string_view name;
  std::string_view unit;
  bool required;
  double lo;
  double hi;
  bool loOpen;
  double EnvironmentSample::*member;
  std::string_view hint;  // appended to the range error
};

constexpr std::string_view kKelvinHint =
    "; the column is in kelvin and seawater of 35 g/kg freezes at about 271.2 K (a value in degC?)";

const std::array<ColumnSpec, 9>& columnSpecs() {
  static const std::array<ColumnSpec, 9> specs{{
      {"time_s", "s", true, -1e300, 1e300, false, nullptr, ""},
      {"T_sea_surface_K", "K", true, 271.0, 320.0, false, &EnvironmentSample::T_seaSurface, kKelvinHint},
      {"T_air_K", "K", true, 180.0, 340.0, false, &EnvironmentSample::T_air, "; the column is in kelvin"},
      {"G_solar_W_m2", "W/m2", true, 0.0, 1500.0, false, &EnvironmentSample::G_solar,
       "; global horizontal irradiance cannot be negative or exceed ~1500 W/m2"},
      {"wind_speed_m_s", "m/s", true, 0.0, 100.0, false, &EnvironmentSample::windSpeed, ""},
      {"current_speed_m_s", "m/s", true, 0.0, 10.0, false, &EnvironmentSample::currentSpeed,
       "; a speed is a magnitude (>= 0)"},
      {"mld_m", "m", false, 0.0, 2000.0, false, &EnvironmentSample::mixedLayerDepth, ""},
      {"T_deep_K", "K", false, 271.0, 320.0, false, &EnvironmentSample::T_deep, kKelvinHint},
      {"thermocline_scale_m", "m", false, 0.0, 5000.0, true, &EnvironmentSample::thermoclineScale,
       "; the decay height must be positive"},
  }};
  return specs;
}

std::string validColumnList() {
  std::string list;
  for (const auto& c : columnSpecs()) {
    if (!list.empty()) list += ", ";
    list += c.name;
    if (!c.required) list += " (optional)";
  }
  return list;
}

std::string suggestion(std::string_view name) {
  const ColumnSpec* best = nullptr;
  std::size_t bestDistance = 0;
  for (const auto& c : columnSpecs()) {
    const std::size_t d = editDistance(name, c.name);
    if (best == nullptr || d < bestDistance) {
      best = &c;
      bestDistance = d;
    }
  }
  if (best != nullptr && bestDistance <= std::max<std::size_t>(3, best->name.size() / 3)) {
    return fmt::format("did you mean '{}'?", best->name);
  }
  return "expected one of: " + validColumnList();
}

// Parses one field as a finite double; throws InputError naming file, line and column.
double parseNumber(std::string_view field, const std::string& path, int line, std::string_view column) {
  if (field.empty()) throw InputError(path, line, std::string(column), "empty value, expected a number");
  const char* first = field.data();
  const char* last = field.data() + field.size();
  if (*first == '+') ++first;
  double value = 0.0;
  const auto [ptr, ec] = std::from_chars(first, last, value);
  if (ec == std::errc::result_out_of_range) {
    throw InputError(path, line, std::string(column),
                     fmt::format("'{}' is out of the range of a double", field));
  }
  if (ec != std::errc() || ptr != last || first == last) {
    throw InputError(path, line, std::string(column), fmt::format("expected a number, got '{}'", field));
  }
  if (!std::isfinite(value)) {
    throw InputError(path, line, std::string(column), fmt::format("'{}' is not a finite number", field));
  }
  return value;
}

void checkRange(const ColumnSpec& c, double value, const std::string& path, int line,
                std::string_view origin) {
  const bool tooLow = c.loOpen ? !(value > c.lo) : !(value >= c.lo);
  if (tooLow || !(value <= c.hi)) {
    throw InputError(path, line, std::string(c.name),
                     fmt::format("{}{} {} is outside the physical range {}{} .. {} {}{}", origin, value,
                                 c.unit, c.loOpen ? "> " : "", c.lo, c.hi, c.unit, c.hint));
  }
}

std::string readWholeFile(const std::string& path) {
  std::error_code ec;
  const auto status = std::filesystem::status(path, ec);
  if (ec || !std::filesystem::exists(status)) {
    throw InputError(path, 0, "", "environment file not found");
  }
  if (!std::filesystem::is_regular_file(status)) {
    throw InputError(path, 0, "", "environment file is not a regular file");
  }
  return readTextFile(path, "cannot read the environment file");
}

EnvironmentSample lerp(const EnvironmentSample& a, const EnvironmentSample& b, double w) {
  // (1-w) a + w b is exact at both ends (w = 0 and w = 1).
  const double v = 1.0 - w;
  return {v * a.T_seaSurface + w * b.T_seaSurface,
          v * a.T_air + w * b.T_air,
          v * a.G_solar + w * b.G_solar,
          v * a.windSpeed + w * b.windSpeed,
          v * a.currentSpeed + w * b.currentSpeed,
          v * a.mixedLayerDepth + w * b.mixedLayerDepth,
          v * a.T_deep + w * b.T_deep,
          v * a.thermoclineScale + w * b.thermoclineScale};
}

}  // namespace

CsvEnvironment::CsvEnvironment(const std::string& path, const CsvEnvironmentSettings& settings)
    : m_path(path), m_wrap(settings.wrap) {
  const auto& specs = columnSpecs();
  std::string text = readWholeFile(path);
  std::string_view rest(text);
  if (rest.substr(0, 3) == "\xEF\xBB\xBF") rest.remove_prefix(3);  // UTF-8 byte-order mark

  // Defaults for absent optional columns, checked like file values.
  EnvironmentSample defaults;
  defaults.mixedLayerDepth = settings.mixedLayerDepth;
  defaults.T_deep = settings.T_deep;
  defaults.thermoclineScale = settings.thermoclineScale;

  // fileColumn[k] = index into specs of the k-th column of the file.
  std::vector<std::size_t> fileColumn;
  int headerLine = 0;
  int previousLine = 0;
  int line = 0;
  while (!rest.empty()) {
    const std::size_t eol = rest.find('\n');
    const std::string_view raw = rest.substr(0, eol);
    rest.remove_prefix(eol == std::string_view::npos ? rest.size() : eol + 1);
    ++line;
    const std::string_view content = trim(raw);
    if (content.empty() || content.front() == '#') continue;

    if (headerLine == 0) {  // the header
      headerLine = line;
      std::vector<bool> seen(specs.size(), false);
      std::string_view fields = content;
      while (true) {
        const std::size_t comma = fields.find(',');
        const std::string_view name = trim(fields.substr(0, comma));
        const auto it =
            std::find_if(specs.begin(), specs.end(), [&](const ColumnSpec& c) { return c.name == name; });
        if (name.empty()) {
          throw InputError(path, line, "",
                           fmt::format("empty column name in the header (column {})", fileColumn.size() + 1));
        }
        if (it == specs.end()) {
          throw InputError(path, line, std::string(name), "unknown column; " + suggestion(name));
        }
        const auto index = static_cast<std::size_t>(it - specs.begin());
        if (seen[index]) throw InputError(path, line, std::string(name), "duplicate column");
        seen[index] = true;
        fileColumn.push_back(index);
        if (comma == std::string_view::npos) break;
        fields.remove_prefix(comma + 1);
      }
      for (std::size_t i = 0; i < specs.size(); ++i) {
        if (seen[i]) continue;
        if (specs[i].required) {
          throw InputError(path, line, std::string(specs[i].name),
                           "missing column (required: time_s, T_sea_surface_K, T_air_K, G_solar_W_m2, "
                           "wind_speed_m_s, current_speed_m_s)");
        }
        checkRange(specs[i], defaults.*specs[i].member, path, 0, "default from the settings: ");
      }
      continue;
    }

    // A data row: exactly one number per header column.
    EnvironmentSample sample = defaults;
    double time = 0.0;
    std::string_view fields = content;
    for (std::size_t k = 0; k < fileColumn.size(); ++k) {
      const ColumnSpec& c = specs[fileColumn[k]];
      const std::size_t comma = fields.find(',');
      const bool lastColumn = k + 1 == fileColumn.size();
      if (comma == std::string_view::npos && !lastColumn) {
        throw InputError(path, line, std::string(specs[fileColumn[k + 1]].name),
                         fmt::format("row has {} fields, the header has {}", k + 1, fileColumn.size()));
      }
      if (comma != std::string_view::npos && lastColumn) {
        const auto extra = static_cast<std::size_t>(std::count(fields.begin(), fields.end(), ','));
        throw InputError(path, line, "",
                         fmt::format("row has {} fields, the header has {}", fileColumn.size() + extra,
                                     fileColumn.size()));
      }
      const double value = parseNumber(trim(fields.substr(0, comma)), path, line, c.name);
      if (c.member == nullptr) {
        time = value;
      } else {
        checkRange(c, value, path, line, "");
        sample.*c.member = value;
      }
      if (!lastColumn) fields.remove_prefix(comma + 1);
    }
    if (!m_times.empty() && !(time > m_times.back())) {
      throw InputError(path, line, "time_s",
                       fmt::format("time {} s is not after the previous row's {} s (line {}); times must "
                                   "increase strictly",
                                   time, m_times.back(), previousLine));
    }
    m_times.push_back(time);
    m_samples.push_back(sample);
    previousLine = line;
  }

  if (headerLine == 0) {
    throw InputError(path, 0, "", "no header line; expected column names: " + validColumnList());
  }
  if (m_times.size() < 2) {
    throw InputError(path, headerLine, "",
                     fmt::format("needs at least 2 data rows to interpolate, found {}", m_times.size()));
  }
}

EnvironmentSample CsvEnvironment::at(double t) const {
  const double t0 = m_times.front();
  const double t1 = m_times.back();
  double tt = t;
  if (!std::isfinite(t))
    throw InputError(m_path, 0, "time_s", fmt::format("requested time {} is not finite", t));
  if (m_wrap) {
    const double p = t1 - t0;
    double u = t - t0;
    u -= p * std::floor(u / p);
    if (!(u >= 0.0) || u >= p) u = 0.0;  // round-off at the cycle boundary
    // A cycle boundary belongs to the cycle it ends (left-continuous): a one-year run's last
    // instant sees the record's last row, not the first row of a record that need not be
    // periodic (Ulsan: 16.8 °C at the end of 2022 against 15.7 °C at its start).
    if (u == 0.0 && t > t0) u = p;
    tt = t0 + u;
  } else {
    // Only round-off (e.g. an integrator landing a hair past the end) is clamped.
    const double tolerance = 1e-9 * (t1 - t0);
    if (t < t0 - tolerance || t > t1 + tolerance) {
      throw InputError(m_path, 0, "time_s",
                       fmt::format("time {} s ({:.6g} d) is outside the covered range {} .. {} s; extend the "
                                   "file, shorten the run, or enable wrap to repeat the record",
                                   t, t / constants::kSecondsPerDay, t0, t1));
    }
    tt = std::clamp(t, t0, t1);
  }
  // Interval [i-1, i] with times[i-1] <= tt <= times[i].
  const auto it = std::upper_bound(m_times.begin(), m_times.end(), tt);
  auto i = static_cast<std::size_t>(it - m_times.begin());
  i = std::clamp<std::size_t>(i, 1, m_times.size() - 1);
  const double w = (tt - m_times[i - 1]) / (m_times[i] - m_times[i - 1]);
  return lerp(m_samples[i - 1], m_samples[i], std::clamp(w, 0.0, 1.0));
}

std::vector<double> CsvEnvironment::breakpoints(double t0, double t1) const {
  std::vector<double> out;
  if (!(t1 > t0)) return out;
  if (!m_wrap) {
    for (const double t : m_times) {
      if (t > t0 && t < t1) out.push_back(t);
    }
    return out;
  }
  const double start = m_times.front();
  const double p = period();
  const auto kFirst = static_cast<long long>(std::floor((t0 - start) / p));
  const auto kLast = static_cast<long long>(std::ceil((t1 - start) / p));
  for (long long k = kFirst; k <= kLast; ++k) {
    // The last row is the first row of the next cycle, so each cycle contributes rows 0 .. n-2.
    for (std::size_t i = 0; i + 1 < m_times.size(); ++i) {
      const double t = m_times[i] + static_cast<double>(k) * p;
      if (t > t0 && t < t1) out.push_back(t);
    }
  }
  return out;
}

double CsvEnvironment::nextBreakpoint(double t) const {
  const auto first = m_times.begin();
  if (!m_wrap) {
    const auto it = std::upper_bound(first, m_times.end(), t);
    return it == m_times.end() ? std::numeric_limits<double>::infinity() : *it;
  }
  if (!std::isfinite(t)) return std::numeric_limits<double>::infinity();
  // Cycle k holds rows 0 .. n-2 shifted by k*P (the last row is the next cycle's first), exactly
  // as breakpoints() reports them. Start one row early and walk on: round-off in t - k*P must not
  // skip a breakpoint.
  const double p = period();
  const std::size_t last = m_times.size() - 1;
  auto k = static_cast<long long>(std::floor((t - m_times.front()) / p));
  auto i = static_cast<std::size_t>(
      std::upper_bound(first, first + static_cast<std::ptrdiff_t>(last), t - static_cast<double>(k) * p) -
      first);
  i = i > 0 ? i - 1 : 0;
  for (;;) {
    if (i >= last) {
      i = 0;
      ++k;
    }
    const double b = m_times[i] + static_cast<double>(k) * p;
    if (b > t) return b;
    ++i;
  }
}

}  // namespace fdtwin::env
