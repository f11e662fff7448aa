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
#include "core/DateTime.hpp"
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

constexpr std::size_t kTimeColumn = 0;         // `time`: offset date-times
constexpr std::size_t kTimeSecondsColumn = 1;  // `time_s`: seconds since the run's start

const std::array<ColumnSpec, 10>& columnSpecs() {
  static const std::array<ColumnSpec, 10> specs{{
      {"time", "", false, -1e300, 1e300, false, nullptr, ""},
      {"time_s", "s", false, -1e300, 1e300, false, nullptr, ""},
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
    if (!c.required && c.member != nullptr) list += " (optional)";
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
  std::string previousTimeText;
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
      if (seen[kTimeColumn] == seen[kTimeSecondsColumn]) {
        throw InputError(path, line, seen[kTimeColumn] ? "time" : "time_s",
                         seen[kTimeColumn] ? "both time and time_s columns; give one time column"
                                           : "missing column: expected a time column, either 'time' "
                                             "(date-times such as 2022-01-01T00:00:00+09:00) or 'time_s' "
                                             "(seconds since case.start)");
      }
      m_calendar = seen[kTimeColumn];
      for (std::size_t i = 0; i < specs.size(); ++i) {
        if (seen[i] || specs[i].member == nullptr) continue;
        if (specs[i].required) {
          throw InputError(path, line, std::string(specs[i].name),
                           "missing column (required: time or time_s, T_sea_surface_K, T_air_K, "
                           "G_solar_W_m2, wind_speed_m_s, current_speed_m_s)");
        }
        checkRange(specs[i], defaults.*specs[i].member, path, 0, "default from the settings: ");
      }
      continue;
    }

    // A data row: exactly one number per header column.
    EnvironmentSample sample = defaults;
    double time = 0.0;
    std::string timeText;
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
      const std::string_view field = trim(fields.substr(0, comma));
      if (fileColumn[k] == kTimeColumn) {
        std::string why;
        const auto instant = parseDateTime(field, &why);
        if (!instant) {
          throw InputError(path, line, "time",
                           fmt::format("'{}': {}; expected a date-time with its UTC offset such as "
                                       "2022-01-01T00:00:00+09:00",
                                       field, why));
        }
        if (m_times.empty()) {
          m_originEpoch = instant->epochSeconds;
          m_offsetSeconds = instant->utcOffsetSeconds;
        }
        time = static_cast<double>(instant->epochSeconds - m_originEpoch);
        timeText = std::string(field);
      } else {
        const double value = parseNumber(field, path, line, c.name);
        if (c.member == nullptr) {
          time = value;
          timeText = fmt::format("{} s", value);
        } else {
          checkRange(c, value, path, line, "");
          sample.*c.member = value;
        }
      }
      if (!lastColumn) fields.remove_prefix(comma + 1);
    }
    if (!m_times.empty() && !(time > m_times.back())) {
      throw InputError(path, line, m_calendar ? "time" : "time_s",
                       fmt::format("time {} is not after the previous row's {} (line {}); times must "
                                   "increase strictly",
                                   timeText, previousTimeText, previousLine));
    }
    previousTimeText = timeText;
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
  if (m_calendar && settings.startEpochSeconds) {
    m_shift = static_cast<double>(*settings.startEpochSeconds - m_originEpoch);
  }
  if (m_wrap == EnvironmentWrap::Years && !m_calendar) {
    throw InputError(path, 0, "environment.wrap",
                     "wrap = \"years\" needs a calendar record (a 'time' column of date-times); this file "
                     "has 'time_s', seconds since case.start, with no calendar to repeat");
  }
}

std::optional<double> CsvEnvironment::shiftedByYears(double r) const {
  // The same local date and time (in the record's offset) in the nearest year the record covers.
  const double tolerance = 1e-9 * (m_times.back() - m_times.front());
  const double local = static_cast<double>(m_originEpoch + m_offsetSeconds) + r;
  const auto day = static_cast<long long>(std::floor(local / constants::kSecondsPerDay));
  const double secondOfDay = local - static_cast<double>(day) * constants::kSecondsPerDay;
  const CivilDate date = civilFromDays(day);
  const double firstLocal = static_cast<double>(m_originEpoch + m_offsetSeconds);
  const long long firstYear =
      civilFromDays(static_cast<long long>(std::floor(firstLocal / constants::kSecondsPerDay))).year;
  const long long lastYear = civilFromDays(static_cast<long long>(std::floor((firstLocal + m_times.back()) /
                                                                             constants::kSecondsPerDay)))
                                 .year;
  std::optional<double> best;
  long long bestDistance = 0;
  for (long long year = firstYear; year <= lastYear; ++year) {
    CivilDate moved{year, date.month, date.day};
    if (moved.month == 2 && moved.day == 29 && !isLeapYear(year)) moved.day = 28;
    const double candidate = static_cast<double>(daysFromCivil(moved)) * constants::kSecondsPerDay +
                             secondOfDay - static_cast<double>(m_originEpoch + m_offsetSeconds);
    if (candidate < m_times.front() - tolerance || candidate > m_times.back() + tolerance) continue;
    const long long distance = std::abs(year - date.year);
    if (!best || distance < bestDistance) {
      best = std::clamp(candidate, m_times.front(), m_times.back());
      bestDistance = distance;
    }
  }
  return best;
}

std::optional<double> CsvEnvironment::recordTime(double t) const {
  const double r = t + m_shift;
  // Only round-off (e.g. an integrator landing a hair past the end) is clamped.
  const double tolerance = 1e-9 * (m_times.back() - m_times.front());
  if (r >= m_times.front() - tolerance && r <= m_times.back() + tolerance) {
    return std::clamp(r, m_times.front(), m_times.back());
  }
  if (m_wrap == EnvironmentWrap::Years) return shiftedByYears(r);
  return std::nullopt;
}

std::string CsvEnvironment::describeInstant(double r) const {
  if (!m_calendar) return fmt::format("t = {} s", r);
  DateTime instant;
  instant.epochSeconds = m_originEpoch + static_cast<long long>(std::llround(r));
  instant.utcOffsetSeconds = m_offsetSeconds;
  return formatDateTime(instant);
}

EnvironmentSample CsvEnvironment::at(double t) const {
  if (!std::isfinite(t))
    throw InputError(m_path, 0, "time_s", fmt::format("requested time {} is not finite", t));
  const std::optional<double> r = recordTime(t);
  if (!r) {
    throw InputError(m_path, 0, m_calendar ? "time" : "time_s",
                     fmt::format("t = {} s ({:.6g} d, {}) is outside the record {} .. {}; extend the file, "
                                 "shorten the run, or set environment.wrap = \"years\"",
                                 t, t / constants::kSecondsPerDay, describeInstant(t + m_shift),
                                 describeInstant(m_times.front()), describeInstant(m_times.back())));
  }
  const double tt = *r;
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
  // Model time -> record time is t + shift with a shift that is constant between cuts.
  std::vector<double> cuts{t0, t1};
  if (m_wrap == EnvironmentWrap::Years) {
    // The shift can change only where the calendar date and time of t equal those of the
    // record's first or last row, or at the start of 29 February or 1 March.
    const auto localDay = [&](double t) {
      const double local = static_cast<double>(m_originEpoch + m_offsetSeconds) + m_shift + t;
      return static_cast<long long>(std::floor(local / constants::kSecondsPerDay));
    };
    const auto modelTime = [&](const CivilDate& date, double secondOfDay) {
      return static_cast<double>(daysFromCivil(date)) * constants::kSecondsPerDay + secondOfDay -
             static_cast<double>(m_originEpoch + m_offsetSeconds) - m_shift;
    };
    std::vector<std::pair<CivilDate, double>> marks;
    for (const double r : {m_times.front(), m_times.back()}) {
      const double local = static_cast<double>(m_originEpoch + m_offsetSeconds) + r;
      const auto day = static_cast<long long>(std::floor(local / constants::kSecondsPerDay));
      marks.emplace_back(civilFromDays(day), local - static_cast<double>(day) * constants::kSecondsPerDay);
    }
    const long long y0 = civilFromDays(localDay(t0)).year;
    const long long y1 = civilFromDays(localDay(t1)).year;
    for (long long year = y0; year <= y1; ++year) {
      for (const auto& [date, secondOfDay] : marks) {
        CivilDate moved{year, date.month, date.day};
        if (moved.month == 2 && moved.day == 29 && !isLeapYear(year)) moved.day = 28;
        cuts.push_back(modelTime(moved, secondOfDay));
      }
      if (isLeapYear(year)) cuts.push_back(modelTime({year, 2, 29}, 0.0));
      cuts.push_back(modelTime({year, 3, 1}, 0.0));
    }
    cuts.erase(std::remove_if(cuts.begin(), cuts.end(), [&](double c) { return c < t0 || c > t1; }),
               cuts.end());
    std::sort(cuts.begin(), cuts.end());
    cuts.erase(std::unique(cuts.begin(), cuts.end()), cuts.end());
  }
  std::optional<double> previousShift;
  for (std::size_t k = 0; k + 1 < cuts.size(); ++k) {
    const double a = cuts[k];
    const double b = cuts[k + 1];
    const double mid = 0.5 * (a + b);
    const std::optional<double> r = recordTime(mid);
    if (!r) {
      previousShift.reset();
      continue;
    }
    const double shift = *r - mid;
    if (previousShift && std::abs(*previousShift - shift) > 1e-6) out.push_back(a);
    previousShift = shift;
    auto row = std::upper_bound(m_times.begin(), m_times.end(), a + shift);
    for (; row != m_times.end() && *row - shift < b; ++row) out.push_back(*row - shift);
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

void CsvEnvironment::requireCoverage(double duration) const {
  const std::string run = fmt::format("the run {} .. {} ({} s)", describeInstant(m_shift),
                                      describeInstant(m_shift + duration), duration);
  const std::string record = fmt::format("the record covers {} .. {}", describeInstant(m_times.front()),
                                         describeInstant(m_times.back()));
  if (m_wrap == EnvironmentWrap::Years) {
    // Every date and time of a year must map into the record: it spans a whole year.
    const double firstLocal = static_cast<double>(m_originEpoch + m_offsetSeconds);
    const auto day = static_cast<long long>(std::floor(firstLocal / constants::kSecondsPerDay));
    const CivilDate first = civilFromDays(day);
    CivilDate next{first.year + 1, first.month, first.day};
    if (next.month == 2 && next.day == 29) next.day = 28;
    const double oneYear = static_cast<double>(daysFromCivil(next) - day) * constants::kSecondsPerDay;
    const bool inside = m_shift >= m_times.front() && m_shift + duration <= m_times.back();
    if (!inside && m_times.back() - m_times.front() < oneYear) {
      throw InputError(
          m_path, 0, "environment.wrap",
          fmt::format("wrap = \"years\" needs a record of at least one whole year ({} .. {}); {}",
                      describeInstant(m_times.front()), describeInstant(m_times.front() + oneYear), record));
    }
    return;
  }
  const double tolerance = 1e-9 * (m_times.back() - m_times.front());
  if (m_shift < m_times.front() - tolerance || m_shift > m_times.back() + tolerance) {
    throw InputError(m_path, 0, "case.start",
                     fmt::format("{} starts outside the record: {}; expected case.start within the "
                                 "record (or environment.wrap = \"years\")",
                                 run, record));
  }
  if (m_shift + duration > m_times.back() + tolerance) {
    throw InputError(m_path, 0, "case.duration",
                     fmt::format("{} ends after the record: {}; expected case.start + case.duration at or "
                                 "before the record's last instant (or environment.wrap = \"years\")",
                                 run, record));
  }
}

double CsvEnvironment::nextBreakpoint(double t) const {
  if (!std::isfinite(t)) return std::numeric_limits<double>::infinity();
  if (m_wrap != EnvironmentWrap::Years) {
    // Model time of a row is its record time − shift; compare in model time, so that a stop
    // exactly on a row does not find that row again through round-off.
    const auto it = std::upper_bound(m_times.begin(), m_times.end(), t,
                                     [&](double x, double row) { return x < row - m_shift; });
    return it == m_times.end() ? std::numeric_limits<double>::infinity() : *it - m_shift;
  }
  // With the year mapping: the first of breakpoints() after t, in a window that grows until it
  // holds one (rows are hours or days apart; the mapping's cuts at least once a year).
  for (double window = 2.0 * constants::kSecondsPerDay; window < 800.0 * constants::kSecondsPerDay;
       window *= 2.0) {
    for (const double b : breakpoints(t, t + window)) {
      if (b > t) return b;
    }
  }
  return std::numeric_limits<double>::infinity();
}

}  // namespace fdtwin::env
