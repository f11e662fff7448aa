// Case reader: TOML → flat dotted keys → typed SI values checked against the schema.
//
// Order of work for one file: syntax, unknown keys/sections and value types of this file (in
// line order, so the first error reported is the first in the file), then the `extends` base
// (recursively, same steps), then this file's values on top. After all files: --set
// overrides, defaults, then validate() (required keys, ranges, checks across keys). Ranges are
// checked on the effective case, so a derived case may fix a base's value.
#include "io/Case.hpp"
#include "io/TomlText.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <regex>
#include <sstream>
#include <stdexcept>
#include <toml.hpp>
#include <type_traits>
#include <variant>

#include "core/Error.hpp"
#include "core/Text.hpp"
#include "core/TextFile.hpp"
#include "core/Units.hpp"

namespace fdtwin {
namespace {

namespace fs = std::filesystem;

constexpr const char* kSetFile = "--set";  // the file named in errors from overrides

std::string number(double v) { return io::tomlNumber(v); }

std::string quote(std::string_view s) { return io::tomlString(s); }

std::string describeToml(const toml::value& v) { return io::describeTomlValue(v); }

std::string choiceList(const KeyDef& k) {
  std::string s;
  for (std::size_t i = 0; i < k.choices.size(); ++i) s += (i ? ", " : "") + k.choices[i];
  return s;
}

// What a key expects, for "expected …": `a power in W (e.g. 120e3 or "120 kW")`.
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
  }
  return "";
}

std::string trimmedDescription(const KeyDef& k) {
  std::string d = k.description;
  if (!d.empty() && d.back() == '.') d.pop_back();
  return d;
}

struct Source {
  std::string file;
  int line = 0;
  std::string baseDir;  // directory that relative paths resolve against
};

std::string resolvePath(const std::string& text, const std::string& baseDir) {
  fs::path p(text);
  if (p.is_relative()) p = fs::path(baseDir) / p;
  return fs::absolute(p).lexically_normal().string();
}

// One TOML value → the typed SI value of key `k`. Ranges are checked later (validate()).
CaseEntry convert(const KeyDef& k, const toml::value& v, const Source& src) {
  const auto fail = [&](const std::string& msg) { return InputError(src.file, src.line, k.path, msg); };
  const auto expected = [&](const std::string& extra = "") {
    const char* sep = k.type == ValueType::Choice ? "; got" : ", got";
    return fail(fmt::format("expected {}{} {}{}", expectation(k), sep, describeToml(v), extra));
  };
  CaseEntry e;
  e.file = src.file;
  e.line = src.line;
  switch (k.type) {
    case ValueType::Real:
      if (v.is_floating()) {
        if (!std::isfinite(v.as_floating())) throw expected(" (not a finite number)");
        e.value = v.as_floating();
      } else if (v.is_integer()) {
        e.value = static_cast<double>(v.as_integer());
      } else if (v.is_string()) {
        try {
          e.value = units::toSI(v.as_string().str, k.unit, k.absoluteTemperature);
        } catch (const units::UnitError& err) {
          throw expected(fmt::format(" ({})", err.what()));
        }
      } else {
        throw expected();
      }
      return e;
    case ValueType::Integer:
      if (v.is_integer()) {
        e.value = static_cast<long long>(v.as_integer());
      } else if (v.is_floating() && std::abs(v.as_floating()) < 9e15 &&
                 v.as_floating() == std::floor(v.as_floating())) {
        e.value = static_cast<long long>(v.as_floating());  // 3.0 is a whole number too
      } else {
        throw expected();
      }
      return e;
    case ValueType::Boolean:
      if (!v.is_boolean()) throw expected();
      e.value = v.as_boolean();
      return e;
    case ValueType::String:
      if (!v.is_string()) throw expected();
      e.value = v.as_string().str;
      return e;
    case ValueType::Choice: {
      if (!v.is_string()) throw expected();
      const std::string& s = v.as_string().str;
      if (std::find(k.choices.begin(), k.choices.end(), s) == k.choices.end()) {
        const std::string near = nearestWord(s, k.choices);
        throw expected(near.empty() ? "" : fmt::format(" — did you mean \"{}\"?", near));
      }
      e.value = s;
      return e;
    }
    case ValueType::Path:
      if (!v.is_string() || v.as_string().str.empty()) throw expected();
      e.value = resolvePath(v.as_string().str, src.baseDir);
      return e;
  }
  throw std::logic_error("convert: unhandled value type");
}

// "TOML syntax error: …" with toml11's reason and, for two common mistakes, a hint.
InputError syntaxError(const toml::exception& err, const std::string& name) {
  const std::string what = err.what();
  std::istringstream lines(what);
  std::string first;
  std::getline(lines, first);
  first = std::regex_replace(first, std::regex(R"(^\[error\]\s*(toml::\w+:\s*)?)"), "");
  first = trim(first);
  if (!first.empty() && first.back() == '.') first.pop_back();
  // toml11 draws the offending spot as " 3 | text" followed by "   |   ^--- comment" (or
  // "~~~ comment"); keep the last comment and the first line number of the snippet.
  std::string pointer;
  int firstLine = 0;
  const std::regex snippetLine(R"(^\s*(\d+) \|)");
  const std::regex caretLine(R"(^\s*\|\s*(\^-*|~+)\s*(.*)$)");
  for (std::string l; std::getline(lines, l);) {
    std::smatch m;
    if (std::regex_search(l, m, snippetLine) && firstLine == 0) firstLine = std::stoi(m[1].str());
    if (std::regex_search(l, m, caretLine)) pointer = trim(m[2].str());
  }
  if (!pointer.empty() && pointer.back() == '.') pointer.pop_back();
  std::string msg = "TOML syntax error: " + first;
  std::smatch dup;
  if (std::regex_search(first, dup, std::regex(R"re((value|table) \("(.*)"\) already exists)re"))) {
    msg = fmt::format("TOML syntax error: the {} \"{}\" is defined twice (first on line {})", dup[1].str(),
                      dup[2].str(), firstLine);
  } else if (!pointer.empty() && pointer != "here" && first.find(pointer) == std::string::npos) {
    msg += first.empty() ? pointer : ": " + pointer;
  }

  const std::string& text = err.location().line_str();
  std::smatch m;
  if (std::regex_search(
          text, m, std::regex(R"(=\s*([-+]?[0-9][0-9_.eE+-]*)\s*([A-Za-z%][A-Za-z0-9/%()^ ]*)\s*(#.*)?$)"))) {
    msg += fmt::format(" (a value with a unit must be quoted: \"{} {}\")", m[1].str(), trim(m[2].str()));
  } else if (std::regex_search(text, m, std::regex(R"(=\s*([A-Za-z_][A-Za-z0-9_-]*)\s*(#.*)?$)")) &&
             m[1] != "true" && m[1] != "false" && m[1] != "inf" && m[1] != "nan") {
    msg += fmt::format(" (text must be quoted: \"{}\")", m[1].str());
  }
  const int line = err.location().line() > 0 ? static_cast<int>(err.location().line()) : 0;
  return InputError(name, line, "", msg);
}

toml::value parseToml(const std::string& text, const std::string& name) {
  std::istringstream in(text);
  try {
    return toml::parse(in, name);
  } catch (const toml::exception& e) {
    throw syntaxError(e, name);
  } catch (const std::exception& e) {
    throw InputError(name, 0, "", fmt::format("TOML error: {}", e.what()));
  }
}

// A value written as in TOML ("120e3", "\"csv\"", "true"); text that is not a TOML value is
// taken as a bare string ("inference", "120 kW"). Strings, choices and paths always accept
// the raw text ("--set case.name=2024").
toml::value parseValueText(const std::string& text, const KeyDef& k) {
  std::istringstream in("x = " + text + "\n");
  try {
    toml::value root = toml::parse(in, kSetFile);
    if (root.is_table() && root.as_table().size() == 1 && root.contains("x")) {
      toml::value v = root.at("x");
      const bool textual =
          k.type == ValueType::String || k.type == ValueType::Choice || k.type == ValueType::Path;
      if (!textual || v.is_string()) return v;
    }
  } catch (const std::exception&) {
    // not a TOML value: a bare string
  }
  return toml::value(text);
}

InputError unknownKey(const std::string& file, int line, const std::string& path, bool section) {
  const std::string near = suggestKey(path);
  std::string msg = section ? fmt::format("unknown section [{}]", path) : std::string("unknown key");
  if (!near.empty())
    msg += isSection(near) && !findKey(near) ? fmt::format("; did you mean [{}]?", near)
                                             : fmt::format("; did you mean '{}'?", near);
  return InputError(file, line, path, msg);
}

struct Item {
  std::string path;
  const toml::value* value = nullptr;
  int line = 0;
  int column = 0;
  bool unknownSection = false;
};

void flatten(const toml::value& table, const std::string& prefix, std::vector<Item>& items) {
  for (const auto& [name, v] : table.as_table()) {
    const std::string path = prefix.empty() ? name : prefix + "." + name;
    Item item{path, &v, static_cast<int>(v.location().line()), static_cast<int>(v.location().column()),
              false};
    if (v.is_table() && !findKey(path)) {
      if (isSection(path)) {
        flatten(v, path, items);
        continue;
      }
      // Name the whole header of an unknown table: [powr.engines], not [powr].
      const toml::value* t = &v;
      while (t->as_table().size() == 1 && t->as_table().begin()->second.is_table()) {
        item.path += "." + t->as_table().begin()->first;
        t = &t->as_table().begin()->second;
      }
      item.unknownSection = true;
    }
    items.push_back(item);
  }
}

std::string parentDir(const std::string& path) {
  const fs::path p = fs::path(path).parent_path();
  return p.empty() ? std::string(".") : p.string();
}

std::string identity(const std::string& path) {
  std::error_code ec;
  const fs::path c = fs::weakly_canonical(path, ec);
  return ec ? fs::absolute(path).lexically_normal().string() : c.string();
}

// Reads case files into `out`, following `extends`.
class Loader {
 public:
  explicit Loader(std::map<std::string, CaseEntry>& out) : m_out(out) {}

  // `id` identifies the file for cycle detection ("" for text that is not a file).
  void read(const std::string& text, const std::string& name, const std::string& baseDir,
            const std::string& id) {
    m_chain.push_back({id, name});
    const toml::value root = parseToml(text, name);
    std::vector<Item> items;
    flatten(root, "", items);
    std::stable_sort(items.begin(), items.end(), [](const Item& a, const Item& b) {
      return a.line != b.line ? a.line < b.line : a.column < b.column;
    });

    std::vector<std::pair<std::string, CaseEntry>> own;
    const Item* extends = nullptr;
    for (const Item& item : items) {
      const KeyDef* k = item.unknownSection ? nullptr : findKey(item.path);
      if (!k && !item.unknownSection && isSection(item.path)) {
        throw InputError(name, item.line, item.path,
                         fmt::format("[{}] is a section: expected a table of keys, got {}", item.path,
                                     describeToml(*item.value)));
      }
      if (!k) throw unknownKey(name, item.line, item.path, item.unknownSection);
      CaseEntry e = convert(*k, *item.value, Source{name, item.line, baseDir});
      if (k->path == "extends") {
        extends = &item;
      } else {
        own.emplace_back(k->path, std::move(e));
      }
    }
    if (extends) readBase(extends->value->as_string().str, name, extends->line, baseDir);
    for (auto& [path, e] : own) m_out[path] = std::move(e);
    m_chain.pop_back();
  }

 private:
  void readBase(const std::string& target, const std::string& name, int line, const std::string& baseDir) {
    const fs::path t(target);
    const std::string display = (t.is_relative() ? fs::path(baseDir) / t : t).lexically_normal().string();
    const std::string id = identity(display);
    for (const auto& [chainId, chainName] : m_chain) {
      if (chainId != id) continue;
      std::string chain;
      for (const auto& link : m_chain) chain += link.second + " → ";
      throw InputError(name, line, "extends", fmt::format("extends cycle: {}{}", chain, display));
    }
    const std::string text = readTextFile(display, name, line, "extends",
                                      fmt::format("cannot read the base case \"{}\" ({})", target, display));
    read(text, display, parentDir(display), id);
  }

  std::map<std::string, CaseEntry>& m_out;
  std::vector<std::pair<std::string, std::string>> m_chain;  // (identity, name as shown)
};

// Sets one key from text as a user would write it, checked like a file value.
void setFromText(std::map<std::string, CaseEntry>& entries, const std::string& key, const std::string& text,
                 const Source& src) {
  const KeyDef* k = findKey(key);
  if (!k) throw unknownKey(src.file, src.line, key, false);
  if (k->path == "extends")
    throw InputError(src.file, src.line, key, "extends can only be given at the top of a case file");
  entries[k->path] = convert(*k, parseValueText(text, *k), src);
}

void applyOverride(std::map<std::string, CaseEntry>& entries, const std::string& text) {
  const auto eq = text.find('=');
  const std::string key = std::string(trim(text.substr(0, eq)));
  if (eq == std::string::npos || key.empty())
    throw InputError(kSetFile, 0, key, fmt::format("expected key.path=value, got \"{}\"", text));
  setFromText(entries, key, std::string(trim(text.substr(eq + 1))), Source{kSetFile, 0, fs::current_path().string()});
}

void fillDefaults(std::map<std::string, CaseEntry>& entries) {
  for (const auto& k : caseSchema()) {
    if (k.defaultValue.empty() || k.path == "extends" || entries.count(k.path)) continue;
    entries[k.path] = convert(k, parseValueText(k.defaultValue, k), Source{"", 0, ""});
  }
}

double asReal(const CaseValue& v) {
  if (const auto* d = std::get_if<double>(&v)) return *d;
  if (const auto* i = std::get_if<long long>(&v)) return static_cast<double>(*i);
  throw std::logic_error("not a number");
}

std::string valueToToml(const CaseValue& v) {
  return std::visit(
      [](const auto& x) -> std::string {
        using T = std::decay_t<decltype(x)>;
        if constexpr (std::is_same_v<T, double>) {
          return fmt::format("{}", x);  // shortest text that reads back to the same double
        } else if constexpr (std::is_same_v<T, long long>) {
          return fmt::format("{}", x);
        } else if constexpr (std::is_same_v<T, bool>) {
          return x ? "true" : "false";
        } else {
          return quote(x);
        }
      },
      v);
}

}  // namespace

Case Case::load(const std::string& path, const std::vector<std::string>& overrides) {
  Case c;
  c.m_sourcePath = path;
  const std::string text = readTextFile(path, "cannot read case file");
  Loader(c.m_entries).read(text, path, parentDir(path), identity(path));
  for (const auto& o : overrides) applyOverride(c.m_entries, o);
  fillDefaults(c.m_entries);
  c.validate();
  return c;
}

Case Case::parse(const std::string& text, const std::string& name, const std::string& baseDir,
                 const std::vector<std::string>& overrides) {
  Case c;
  c.m_sourcePath = name;
  Loader(c.m_entries).read(text, name, baseDir.empty() ? "." : baseDir, "");
  for (const auto& o : overrides) applyOverride(c.m_entries, o);
  fillDefaults(c.m_entries);
  c.validate();
  return c;
}

const CaseEntry& Case::entry(const std::string& key) const {
  const auto it = m_entries.find(key);
  if (it != m_entries.end()) return it->second;
  if (!findKey(key)) throw std::out_of_range(fmt::format("Case: unknown key \"{}\"", key));
  throw std::out_of_range(fmt::format("Case: key \"{}\" is not set (check has() first)", key));
}

bool Case::has(const std::string& key) const { return m_entries.count(key) > 0; }

double Case::real(const std::string& key) const {
  const CaseEntry& e = entry(key);
  if (std::holds_alternative<double>(e.value) || std::holds_alternative<long long>(e.value))
    return asReal(e.value);
  throw std::logic_error(fmt::format("Case::real: key \"{}\" is not a number", key));
}

long long Case::integer(const std::string& key) const {
  const CaseEntry& e = entry(key);
  if (const auto* i = std::get_if<long long>(&e.value)) return *i;
  throw std::logic_error(fmt::format("Case::integer: key \"{}\" is not an integer", key));
}

bool Case::boolean(const std::string& key) const {
  const CaseEntry& e = entry(key);
  if (const auto* b = std::get_if<bool>(&e.value)) return *b;
  throw std::logic_error(fmt::format("Case::boolean: key \"{}\" is not a boolean", key));
}

const std::string& Case::string(const std::string& key) const {
  const CaseEntry& e = entry(key);
  if (const auto* s = std::get_if<std::string>(&e.value)) return *s;
  throw std::logic_error(fmt::format("Case::string: key \"{}\" is not text", key));
}

void Case::set(const std::string& key, const std::string& valueText) {
  Case next = *this;  // strong guarantee: a rejected value leaves the case as it was
  setFromText(next.m_entries, std::string(trim(key)), std::string(trim(valueText)), Source{kSetFile, 0, fs::current_path().string()});
  next.validate();
  *this = std::move(next);
}

std::string Case::toToml() const {
  std::string out = "# Effective fdtwin case (after extends, --set and defaults). Values in SI units.\n";
  std::vector<std::string> sections{""};
  for (const auto& s : schemaSections()) sections.push_back(s);
  for (const auto& section : sections) {
    std::string body;
    for (const auto& k : caseSchema()) {
      const auto dot = k.path.rfind('.');
      const std::string keySection = dot == std::string::npos ? "" : k.path.substr(0, dot);
      if (keySection != section || !has(k.path) || k.path == "extends") continue;
      body += fmt::format("{} = {}", k.path.substr(dot == std::string::npos ? 0 : dot + 1),
                          valueToToml(entry(k.path).value));
      if (k.type == ValueType::Real && k.unit != "1") body += "  # " + k.unit;
      body += "\n";
    }
    if (body.empty()) continue;
    out += section.empty() ? "\n" + body : fmt::format("\n[{}]\n{}", section, body);
  }
  return out;
}

void Case::validate() const {
  // Where an entry came from, for errors: defaults are blamed on the top-level case file.
  const auto fileOf = [&](const CaseEntry& e) { return e.file.empty() ? m_sourcePath : e.file; };
  const auto origin = [](const CaseEntry& e) {
    if (e.file.empty()) return std::string("default");
    return e.line > 0 ? fmt::format("set at {}:{}", e.file, e.line) : fmt::format("set by {}", e.file);
  };
  const auto withUnit = [](double v, const KeyDef& k) {
    std::string s = number(v);
    if (k.unit != "1" && !k.unit.empty()) s += " " + k.unit;
    if (k.absoluteTemperature) s += fmt::format(" ({} degC)", number(v - 273.15));
    return s;
  };

  // 1. Required keys.
  for (const auto& k : caseSchema()) {
    if (k.required && !has(k.path)) {
      const auto dot = k.path.rfind('.');
      const std::string where =
          dot == std::string::npos ? "at the top" : "under [" + k.path.substr(0, dot) + "]";
      throw InputError(m_sourcePath, 0, k.path,
                       fmt::format("missing required key ({}); add {} = … {}", trimmedDescription(k),
                                   k.path.substr(dot == std::string::npos ? 0 : dot + 1), where));
    }
  }

  // 2. Ranges, in schema order.
  for (const auto& k : caseSchema()) {
    if ((k.type != ValueType::Real && k.type != ValueType::Integer) || !has(k.path)) continue;
    const CaseEntry& e = entry(k.path);
    const double x = asReal(e.value);
    const bool ok = (!k.min || (k.minExclusive ? x > *k.min : x >= *k.min)) &&
                    (!k.max || (k.maxExclusive ? x < *k.max : x <= *k.max));
    if (ok) continue;
    std::string hint;
    if (k.unit == "1" && x >= 2.0 && x <= 100.0 && k.max && *k.max <= 1.0)
      hint = fmt::format(" (a percentage is written \"{} %\")", number(x));
    throw InputError(fileOf(e), e.line, k.path,
                     fmt::format("must be {}, got {}{}", describeRange(k, k.unit), withUnit(x, k), hint));
  }

  // 3. Checks across keys (listed for users in schemaMarkdown(), Schema.cpp: keep in step).
  // `low` must be below (strict) or not above `high`. The key blamed is `preferred` unless
  // only the other one was set explicitly (a default is never the user's mistake).
  const auto order = [&](const std::string& low, const std::string& high, bool strict, bool blameHigh) {
    const double lo = real(low);
    const double hi = real(high);
    if (strict ? lo < hi : lo <= hi) return;
    const CaseEntry& eLo = entry(low);
    const CaseEntry& eHi = entry(high);
    if (eLo.file.empty() && !eHi.file.empty()) blameHigh = true;
    if (eHi.file.empty() && !eLo.file.empty()) blameHigh = false;
    const KeyDef& k = *findKey(low);
    if (!blameHigh) {
      throw InputError(fileOf(eLo), eLo.line, low,
                       fmt::format("must be {} {} ({}, {}), got {}", strict ? "less than" : "at most", high,
                                   withUnit(hi, k), origin(eHi), withUnit(lo, k)));
    }
    throw InputError(fileOf(eHi), eHi.line, high,
                     fmt::format("must be {} {} ({}, {}), got {}", strict ? "greater than" : "at least", low,
                                 withUnit(lo, k), origin(eLo), withUnit(hi, k)));
  };
  order("power.battery.soc_min", "power.battery.soc_max", true, false);
  order("power.battery.soc_min", "power.battery.soc_initial", false, true);
  order("power.battery.soc_initial", "power.battery.soc_max", false, false);
  order("power.battery.soc_min", "power.battery.soc_target", false, true);
  order("power.battery.soc_target", "power.battery.soc_max", false, false);
  order("it.rack_power_idle", "it.rack_power_peak", false, false);
  order("hull.draft", "hull.depth", true, false);
  order("hull.double_bottom", "hull.depth", true, false);
  order("case.output_interval", "case.duration", false, false);
  order("seawater.cleaning_duration", "seawater.cleaning_interval", true, false);

  {
    const double dip = real("it.training_dip_duration");
    const double ramp = real("it.training_ramp");
    const double period = real("it.training_period");
    if (!(dip + 2.0 * ramp < period)) {
      const CaseEntry& eDip = entry("it.training_dip_duration");
      const CaseEntry& eRamp = entry("it.training_ramp");
      const CaseEntry& ePeriod = entry("it.training_period");
      const std::string sum =
          fmt::format("it.training_dip_duration + 2 · it.training_ramp = {} s", number(dip + 2 * ramp));
      if (eDip.file.empty() && eRamp.file.empty() && !ePeriod.file.empty()) {
        throw InputError(fileOf(ePeriod), ePeriod.line, "it.training_period",
                         fmt::format("must be greater than {} ({}), got {} s", sum,
                                     origin(eDip.file.empty() ? eRamp : eDip), number(period)));
      }
      const bool blameDip = !eDip.file.empty() || eRamp.file.empty();
      const CaseEntry& e = blameDip ? eDip : eRamp;
      throw InputError(fileOf(e), e.line, blameDip ? "it.training_dip_duration" : "it.training_ramp",
                       fmt::format("{} must be less than it.training_period ({} s, {})", sum, number(period),
                                   origin(ePeriod)));
    }
  }

  const auto fileWhen = [&](const std::string& choiceKey, const std::string& fileKey,
                            const std::string& example) {
    if (string(choiceKey) != "csv" || has(fileKey)) return;
    const CaseEntry& e = entry(choiceKey);
    const auto dot = fileKey.rfind('.');
    throw InputError(
        fileOf(e), e.line, fileKey,
        fmt::format("missing: required when {} = \"csv\" ({}); add {} = \"{}\" under [{}]", choiceKey,
                    origin(e), fileKey.substr(dot + 1), example, fileKey.substr(0, dot)));
  };
  fileWhen("environment.source", "environment.file", "environment.csv");
  fileWhen("it.profile", "it.profile_file", "utilization.csv");
}

}  // namespace fdtwin
