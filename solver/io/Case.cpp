// Case reader: TOML → flat dotted keys → typed SI values checked against the schema.
//
// Order of work for one file: syntax, unknown keys/sections and value types of this file (in
// line order, so the first error reported is the first in the file), then the `extends` base
// (recursively, same steps), then this file's values on top. After all files: --set
// overrides, defaults, then validate() (required keys, ranges, checks across keys). Ranges are
// checked on the effective case, so a derived case may fix a base's value.
#include "io/Case.hpp"


#include <fmt/format.h>

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <optional>
#include <regex>
#include <sstream>
#include <stdexcept>
#include <toml.hpp>
#include <type_traits>
#include <variant>

#include "core/Constants.hpp"
#include "core/DateTime.hpp"
#include "core/Error.hpp"
#include "core/Text.hpp"
#include "core/TextFile.hpp"
#include "core/Units.hpp"
#include "io/JobList.hpp"
#include "io/KeyValue.hpp"
#include "io/TomlText.hpp"

namespace fdtwin {
namespace {

namespace fs = std::filesystem;

constexpr const char* kSetFile = "--set";  // the file named in errors from overrides

std::string number(double v) { return io::tomlNumber(v); }

std::string quote(std::string_view s) { return io::tomlString(s); }

std::string describeToml(const toml::value& v) { return io::describeTomlValue(v); }

std::string trimmedDescription(const KeyDef& k) {
  std::string d = k.description;
  if (!d.empty() && d.back() == '.') d.pop_back();
  return d;
}

using Source = io::ValueSource;

// One TOML value → the typed SI value of key `k`, where it was written (io/KeyValue.hpp).
// Ranges are checked later (validate()).
CaseEntry convert(const KeyDef& k, const toml::value& v, const Source& src) {
  return CaseEntry{io::readValue(k, v, src), src.file, src.line};
}

// A value written as in TOML ("120e3", "\"csv\"", "true"); text that is not a TOML value is
// taken as a bare string ("inference", "120 kW"). Strings, choices and paths always accept
// the raw text ("--set case.name=2024").
toml::value parseValueText(const std::string& text, const KeyDef& k) {
  std::istringstream in("x = " + text + "\n");
  try {
    io::checkTomlText(text, kSetFile);  // else a bare string (below)
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
    const std::string path = prefix.empty() ? name : std::string(prefix).append(".").append(name);
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
    const toml::value root = io::parseToml(text, name);
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
    const std::string text =
        readTextFile(display, name, line, "extends",
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
  setFromText(entries, key, std::string(trim(text.substr(eq + 1))),
              Source{kSetFile, 0, fs::current_path().string()});
}

void fillDefaults(std::map<std::string, CaseEntry>& entries) {
  for (const auto& k : caseSchema()) {
    if (k.defaultValue.empty() || k.path == "extends" || entries.count(k.path)) continue;
    entries[k.path] = CaseEntry{defaultValue(k), "", 0};
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
        // (a double as the shortest text that reads back to the same double)
        if constexpr (std::is_same_v<T, double> || std::is_same_v<T, long long>) {
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

CaseValue defaultValue(const KeyDef& key) {
  if (key.defaultValue.empty())
    throw std::logic_error(fmt::format("defaultValue: key \"{}\" has no default", key.path));
  return convert(key, parseValueText(key.defaultValue, key), Source{"", 0, ""}).value;
}

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

DateTime Case::dateTime(const std::string& key) const {
  const auto t = parseDateTime(string(key));
  if (!t) throw std::logic_error(fmt::format("Case::dateTime: key \"{}\" is not a date-time", key));
  return *t;
}

const std::string& Case::string(const std::string& key) const {
  const CaseEntry& e = entry(key);
  if (const auto* s = std::get_if<std::string>(&e.value)) return *s;
  throw std::logic_error(fmt::format("Case::string: key \"{}\" is not text", key));
}

void Case::set(const std::string& key, const std::string& valueText) {
  Case next = *this;  // strong guarantee: a rejected value leaves the case as it was
  setFromText(next.m_entries, std::string(trim(key)), std::string(trim(valueText)),
              Source{kSetFile, 0, fs::current_path().string()});
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
  const auto withUnit = [](double v, const KeyDef& k) { return io::valueWithUnit(v, k); };

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
    const std::string why = io::outOfRange(k, asReal(e.value));
    if (!why.empty()) throw InputError(fileOf(e), e.line, k.path, why);
  }

  // 3. Checks across keys, as declared beside the keys (core/SchemaTable.cpp).
  // `low` must be below (strict) or not above `high`. The key blamed is the rule's choice unless
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
  // Σ c·key < high. The key blamed is the first term set explicitly; the bound when only it was.
  const auto sumBelow = [&](const CrossRule& r) {
    double sum = 0.0;
    std::string text;
    const CaseEntry* blamed = nullptr;
    std::string blamedKey;
    for (const auto& [coefficient, key] : r.terms) {
      sum += coefficient * real(key);
      text += (text.empty() ? "" : " + ") +
              (coefficient == 1.0 ? key : fmt::format("{} · {}", number(coefficient), key));
      const CaseEntry& e = entry(key);
      if (!blamed || (blamed->file.empty() && !e.file.empty())) {
        blamed = &e;
        blamedKey = key;
      }
    }
    const double bound = real(r.high);
    if (sum < bound) return;
    const KeyDef& k = *findKey(r.high);
    const std::string total = fmt::format("{} = {}", text, withUnit(sum, k));
    const CaseEntry& eHigh = entry(r.high);
    if (blamed->file.empty() && !eHigh.file.empty()) {
      throw InputError(
          fileOf(eHigh), eHigh.line, r.high,
          fmt::format("must be greater than {} ({}), got {}", total, origin(*blamed), withUnit(bound, k)));
    }
    throw InputError(
        fileOf(*blamed), blamed->line, blamedKey,
        fmt::format("{} must be less than {} ({}, {})", total, r.high, withUnit(bound, k), origin(eHigh)));
  };
  const auto fileWhen = [&](const CrossRule& r) {
    if (string(r.high) != r.value || has(r.low)) return;
    const CaseEntry& e = entry(r.high);
    const auto dot = r.low.rfind('.');
    throw InputError(
        fileOf(e), e.line, r.low,
        fmt::format("missing: required when {} = \"{}\" ({}); add {} = \"{}\" under [{}]", r.high, r.value,
                    origin(e), r.low.substr(dot + 1), r.example, r.low.substr(0, dot)));
  };
  for (const CrossRule& r : crossRules()) {
    switch (r.kind) {
      case CrossRule::Kind::Less:
        order(r.low, r.high, true, r.blameHigh);
        break;
      case CrossRule::Kind::LessOrEqual:
        order(r.low, r.high, false, r.blameHigh);
        break;
      case CrossRule::Kind::SumLess:
        sumBelow(r);
        break;
      case CrossRule::Kind::RequiredWhen:
        fileWhen(r);
        break;
    }
  }

  // 4. The jobs' rack ranges against the rack count (io/JobList).
  (void)io::caseJobs(*this);
}

}  // namespace fdtwin
