#include "io/KeyValue.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <filesystem>
#include <sstream>
#include <stdexcept>

#include "core/Constants.hpp"
#include "core/DateTime.hpp"
#include "core/Error.hpp"
#include "core/Text.hpp"
#include "core/Units.hpp"
#include "io/TomlText.hpp"

namespace fdtwin::io {
namespace {

namespace fs = std::filesystem;

std::string choiceList(const KeyDef& k) {
  std::string s;
  for (std::size_t i = 0; i < k.choices.size(); ++i) s += (i ? ", " : "") + k.choices[i];
  return s;
}

std::string resolvePath(const std::string& text, const std::string& baseDir) {
  fs::path p(text);
  if (p.is_relative()) p = fs::path(baseDir) / p;
  return fs::absolute(p).lexically_normal().string();
}

}  // namespace

std::string expectation(const KeyDef& k) {
  switch (k.type) {
    case ValueType::Real: {
      std::string s = units::quantityName(k.unit, k.absoluteTemperature);
      if (k.unit != "1") s += " in " + k.unit;
      if (!k.defaultValue.empty()) {
        const double def = units::splitNumber(k.defaultValue).number;
        const std::string h = units::humanize(def, k.unit, k.absoluteTemperature);
        s += h.empty() ? fmt::format(" (e.g. {})", k.defaultValue)
                       : fmt::format(" (e.g. {} or \"{}\")", k.defaultValue, h);
      }
      return s;
    }
    case ValueType::Integer:
      return "a whole number";
    case ValueType::Boolean:
      return "true or false";
    case ValueType::String:
      return "a quoted text string";
    case ValueType::Path:
      return "a quoted file path";
    case ValueType::Choice:
      return "one of: " + choiceList(k);
    case ValueType::DateTime:
      return "a date and time with UTC offset (e.g. 2022-01-01T00:00:00+09:00)";
    case ValueType::Duration:
      return "a duration such as \"30d\", \"12h\", \"15min\" or a number of seconds";
    case ValueType::TextList:
      return "an array of quoted texts, e.g. [\"a\", \"b\"]";
    case ValueType::Table:
      return "a table";
  }
  return "";
}

CaseValue readValue(const KeyDef& k, const toml::value& v, const ValueSource& src) {
  const auto fail = [&](const std::string& msg) { return InputError(src.file, src.line, k.path, msg); };
  const auto expected = [&](const std::string& extra = "") {
    const char* sep = k.type == ValueType::Choice ? "; got" : ", got";
    return fail(fmt::format("expected {}{} {}{}", expectation(k), sep, describeTomlValue(v), extra));
  };
  switch (k.type) {
    case ValueType::Real:
      if (v.is_floating()) {
        if (!std::isfinite(v.as_floating())) throw expected(" (not a finite number)");
        // toml11 reads a number beyond the range of a double (1e309) as the largest double.
        if (std::abs(v.as_floating()) == std::numeric_limits<double>::max())
          throw expected(" (beyond the range of a double)");
        return v.as_floating();
      }
      if (v.is_integer()) return static_cast<double>(v.as_integer());
      if (v.is_string()) {
        double si = 0.0;
        try {
          si = units::toSI(v.as_string().str, k.unit, k.absoluteTemperature);
        } catch (const units::UnitError& err) {
          throw expected(fmt::format(" ({})", err.what()));
        }
        if (!std::isfinite(si) || std::abs(si) == std::numeric_limits<double>::max())
          throw expected(" (not a finite number in SI units)");
        return si;
      }
      throw expected();
    case ValueType::Integer:
      if (v.is_integer()) return static_cast<long long>(v.as_integer());
      if (v.is_floating() && std::abs(v.as_floating()) < 9e15 && v.as_floating() == std::floor(v.as_floating()))
        return static_cast<long long>(v.as_floating());  // 3.0 is a whole number too
      throw expected();
    case ValueType::Boolean:
      if (!v.is_boolean()) throw expected();
      return v.as_boolean();
    case ValueType::String: {
      if (!v.is_string()) throw expected();
      const std::string& s = v.as_string().str;
      if (s.size() > k.maxLength)
        throw fail(fmt::format("expected at most {} bytes of text, got {}", k.maxLength, s.size()));
      if (k.fileName) {
        if (const std::string why = fileNameProblem(s); !why.empty())
          throw fail(fmt::format("expected a name that can be a result file's name, got {} ({}; it names "
                                 "results/<name>.h5)",
                                 describeTomlValue(v), why));
      }
      return s;
    }
    case ValueType::Choice: {
      if (!v.is_string()) throw expected();
      const std::string& s = v.as_string().str;
      if (std::find(k.choices.begin(), k.choices.end(), s) == k.choices.end()) {
        const std::string near = nearestWord(s, k.choices);
        throw expected(near.empty() ? "" : fmt::format(" — did you mean \"{}\"?", near));
      }
      return s;
    }
    case ValueType::Path:
      if (!v.is_string() || v.as_string().str.empty()) throw expected();
      return resolvePath(v.as_string().str, src.baseDir);
    case ValueType::DateTime: {
      std::string text;
      if (v.is_offset_datetime()) {
        std::ostringstream os;
        os << v.as_offset_datetime();
        text = os.str();
      } else if (v.is_string()) {
        text = v.as_string().str;
      } else if (v.is_local_datetime()) {
        throw expected(" (the UTC offset is missing: add Z or ±hh:mm)");
      } else {
        throw expected();
      }
      std::string why;
      const auto t = parseDateTime(text, &why);
      if (!t) throw expected(fmt::format(" ({})", why));
      return formatDateTime(*t);
    }
    case ValueType::Duration: {
      if (!v.is_string() && !v.is_integer() && !v.is_floating()) throw expected();
      try {
        return units::parseDuration(v.is_string() ? v.as_string().str : describeTomlValue(v), k.path);
      } catch (const InputError& e) {
        throw fail(e.detail());
      }
    }
    case ValueType::TextList:
    case ValueType::Table:
      break;
  }
  throw std::logic_error("readValue: " + k.path + " is not a single value");
}

CaseValue readChecked(const KeyDef& k, const toml::value& v, const ValueSource& src) {
  CaseValue value = readValue(k, v, src);
  const auto* real = std::get_if<double>(&value);
  const auto* whole = std::get_if<long long>(&value);
  if (real || whole) {
    const std::string why = outOfRange(k, real ? *real : static_cast<double>(*whole));
    if (!why.empty()) throw InputError(src.file, src.line, k.path, why);
  }
  return value;
}

std::vector<std::pair<std::string, int>> readTextList(const KeyDef& k, const toml::value& v,
                                                      const ValueSource& src) {
  const auto expected = [&](const toml::value& got, int line, const char* extra) {
    return InputError(src.file, line, k.path,
                      fmt::format("expected {}, got {}{}", expectation(k), describeTomlValue(got), extra));
  };
  if (!v.is_array()) throw expected(v, src.line, "");
  std::vector<std::pair<std::string, int>> out;
  for (const auto& e : v.as_array()) {
    const int line = e.location().line() > 0 ? static_cast<int>(e.location().line()) : src.line;
    if (!e.is_string()) throw expected(e, line, " in the array");
    out.emplace_back(e.as_string().str, line);
  }
  return out;
}

std::string valueWithUnit(double x, const KeyDef& k) {
  std::string s = tomlNumber(x);
  if (k.unit != "1" && !k.unit.empty()) s += " " + k.unit;
  if (k.absoluteTemperature) s += fmt::format(" ({} degC)", tomlNumber(x - constants::kZeroCelsius));
  return s;
}

std::string outOfRange(const KeyDef& k, double x) {
  const bool ok = (!k.min || (k.minExclusive ? x > *k.min : x >= *k.min)) &&
                  (!k.max || (k.maxExclusive ? x < *k.max : x <= *k.max));
  if (ok) return "";
  std::string hint;
  if (k.unit == "1" && x >= 2.0 && x <= 100.0 && k.max && *k.max <= 1.0)
    hint = fmt::format(" (a percentage is written \"{} %\")", tomlNumber(x));
  return fmt::format("must be {}, got {}{}", describeRange(k, k.unit), valueWithUnit(x, k), hint);
}

}  // namespace fdtwin::io
