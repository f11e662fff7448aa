// Look-ups over the key table (SchemaTable.cpp), "did you mean …?" and the Markdown reference.
#include "core/Schema.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <map>
#include <set>

#include "core/Constants.hpp"
#include "core/Text.hpp"
#include "core/Units.hpp"

namespace fdtwin {
namespace {

std::string sectionOf(std::string_view path) {
  const auto dot = path.rfind('.');
  return dot == std::string_view::npos ? std::string() : std::string(path.substr(0, dot));
}
std::string leafOf(std::string_view path) {
  const auto dot = path.rfind('.');
  return std::string(dot == std::string_view::npos ? path : path.substr(dot + 1));
}

// Every table that holds keys, directly or below: "power", "power.engines", ...
const std::set<std::string>& allTables() {
  static const std::set<std::string> tables = [] {
    std::set<std::string> t;
    for (const auto& k : caseSchema())
      for (auto dot = k.path.find('.'); dot != std::string::npos; dot = k.path.find('.', dot + 1))
        t.insert(k.path.substr(0, dot));
    return t;
  }();
  return tables;
}

// Numbers in messages and docs: whole numbers exactly, others to 6 significant digits.
std::string number(double v) {
  if (std::abs(v) < 1e15 && v == std::floor(v)) return fmt::format("{:.0f}", v);
  return fmt::format("{:.6g}", v);
}

std::string rangeText(const KeyDef& key, std::string_view unit) {
  if (key.type == ValueType::Choice) {
    std::string s = "one of: ";
    for (std::size_t i = 0; i < key.choices.size(); ++i) s += (i ? ", " : "") + key.choices[i];
    return s;
  }
  if (key.type == ValueType::Boolean) return "true or false";
  if (key.type != ValueType::Real && key.type != ValueType::Integer) return "";
  // (fmt rather than " " + std::string: GCC 12 -O3 reports a false -Wrestrict on the latter.)
  const std::string u = unit.empty() || unit == "1" ? std::string() : fmt::format(" {}", unit);
  std::string s;
  if (key.min && key.max && !key.minExclusive && !key.maxExclusive) {
    s = number(*key.min) + " … " + number(*key.max) + u;
  } else {
    if (key.min) s = (key.minExclusive ? "> " : "≥ ") + number(*key.min) + u;
    if (key.max)
      s += (s.empty() ? "" : " and ") + std::string(key.maxExclusive ? "< " : "≤ ") + number(*key.max) + u;
  }
  if (key.absoluteTemperature && key.min && key.max)
    s += fmt::format(" ({} … {} degC)", number(*key.min - constants::kZeroCelsius),
                     number(*key.max - constants::kZeroCelsius));
  return s;
}

// One line per section for the reference; a section missing here is documented without one.
const std::map<std::string, std::string>& sectionTitles() {
  static const std::map<std::string, std::string> titles{
      {"", "Top level"},
      {"case", "Name, start, duration and output interval of the run"},
      {"environment", "Weather and sea: synthetic cycles or a CSV time series"},
      {"it", "IT load: halls, racks, utilization profile, chip thermal model and throttling"},
      {"cooling", "Liquid (cold-plate) and air cooling inside the hull"},
      {"chiller", "Trim (electric, water-cooled) chiller bank on the facility water supply"},
      {"air", "Hall air side: rack rows' server inlet air (ASHRAE class), hall humidity and dew point"},
      {"seawater", "Seawater intake, plate heat exchangers, pumps, fouling and discharge"},
      {"hull", "Hull geometry and its thermal panels"},
      {"power", "Electrical plant: hotel load"},
      {"power.engines", "Gas engines (Willans line, ramp limits, commitment)"},
      {"power.fuel", "Fuel properties"},
      {"power.battery", "Battery energy storage"},
      {"power.solar", "Deck solar panels"},
      {"power.shore", "Shore connection"},
      {"solver", "Integrator settings (CVODES)"},
  };
  return titles;
}

std::string markdownCell(const std::string& s) {
  std::string out;
  for (char c : s) out += c == '|' ? std::string("\\|") : std::string(1, c);
  return out;
}

std::string defaultCell(const KeyDef& k) {
  if (k.required) return "**required**";
  if (k.defaultValue.empty()) return "—";
  std::string s = "`" + k.defaultValue + "`";
  if (k.type == ValueType::Real) {
    const std::string h =
        units::humanize(units::splitNumber(k.defaultValue).number, k.unit, k.absoluteTemperature);
    if (!h.empty() && h != k.defaultValue + " " + k.unit) s += " (" + h + ")";
  }
  return s;
}

}  // namespace

const char* typeName(ValueType t) {
  switch (t) {
    case ValueType::Real:
      return "real";
    case ValueType::Integer:
      return "integer";
    case ValueType::Boolean:
      return "boolean";
    case ValueType::String:
      return "string";
    case ValueType::Choice:
      return "choice";
    case ValueType::Path:
      return "path";
    case ValueType::DateTime:
      return "datetime";
    case ValueType::Duration:
      return "duration";
    case ValueType::TextList:
      return "array of texts";
    case ValueType::Table:
      return "table";
  }
  return "";
}

std::string describeRule(const CrossRule& r) {
  switch (r.kind) {
    case CrossRule::Kind::Less:
      return fmt::format("`{}` < `{}`", r.low, r.high);
    case CrossRule::Kind::LessOrEqual:
      return fmt::format("`{}` ≤ `{}`", r.low, r.high);
    case CrossRule::Kind::SumLess: {
      std::string s;
      for (const auto& [c, key] : r.terms) {
        if (!s.empty()) s += " + ";
        s += c == 1.0 ? fmt::format("`{}`", key) : fmt::format("{} · `{}`", number(c), key);
      }
      return fmt::format("{} < `{}`", s, r.high);
    }
    case CrossRule::Kind::RequiredWhen:
      return fmt::format("`{}` is required when `{}` = \"{}\"", r.low, r.high, r.value);
  }
  return "";
}

const KeyDef* findKey(std::string_view path) {
  static const std::map<std::string, const KeyDef*, std::less<>> index = [] {
    std::map<std::string, const KeyDef*, std::less<>> m;
    for (const auto& k : caseSchema()) m.emplace(k.path, &k);
    return m;
  }();
  const auto it = index.find(path);
  return it == index.end() ? nullptr : it->second;
}

std::vector<std::string> schemaSections() {
  std::vector<std::string> sections;
  for (const auto& k : caseSchema()) {
    const std::string s = sectionOf(k.path);
    if (!s.empty() && std::find(sections.begin(), sections.end(), s) == sections.end()) sections.push_back(s);
  }
  return sections;
}

bool isSection(std::string_view path) { return allTables().count(std::string(path)) > 0; }

std::string suggestKey(std::string_view path) {
  // 1. The whole dotted path against every key and table (catches a misspelt section too).
  std::vector<std::string> all(allTables().begin(), allTables().end());
  for (const auto& k : caseSchema()) all.push_back(k.path);
  NearWord best = nearestCandidate(path, all);

  // 2. The last component against the keys and subtables of the same (known) section.
  const std::string section = sectionOf(path);
  const std::string leaf = leafOf(path);
  if (section.empty() || isSection(section)) {
    std::vector<std::string> leaves;
    for (const auto& k : caseSchema())
      if (sectionOf(k.path) == section) leaves.push_back(leafOf(k.path));
    for (const auto& t : allTables())
      if (sectionOf(t) == section) leaves.push_back(leafOf(t));
    const NearWord n = nearestCandidate(leaf, leaves);
    if (!n.word.empty() && n.dist <= best.dist)
      best = {section.empty() ? n.word : section + "." + n.word, n.dist};
  }
  if (!best.word.empty()) return best.word;

  // 3. A key of that exact name in another section ("it.salinity" → "environment.salinity").
  std::string only;
  for (const auto& k : caseSchema()) {
    if (leafOf(k.path) != leaf) continue;
    if (!only.empty()) return "";  // ambiguous
    only = k.path;
  }
  return only;
}

std::string describeRange(const KeyDef& key) { return rangeText(key, ""); }

std::string describeRange(const KeyDef& key, std::string_view unit) { return rangeText(key, unit); }

std::string schemaMarkdown() {
  std::string md;
  md += "# Case file reference\n\n";
  md +=
      "<!-- Generated from the schema in solver/core/SchemaTable.cpp by `fdtwin schema`; do not edit.\n"
      "     Regenerate: build/bin/fdtwin schema > docs/case-format.md -->\n\n";
  md +=
      "A case is a TOML file. Keys live in tables: `rated_power = 16.7e6` under `[power.engines]` is the key\n"
      "`power.engines.rated_power`, which is also how `--set` and error messages name it. Every key not\n"
      "given takes its default; a key marked **required** must be given. `fdtwin validate CASE` checks a\n"
      "case without running it. Keys and sections that are not listed here are errors (with a\n"
      "\"did you mean …?\" for a misspelling).\n\n";
  md += "## Values\n\n";
  md +=
      "- **real**: a number in the SI unit of the key (`120e3`, `5`), or a string with a unit that is\n"
      "  converted once, when the case is read: `\"120 kW\"`, `\"20 MWh\"`, `\"30 d\"`, `\"15 min\"`,\n"
      "  `\"1.5 L/min/kW\"`, `\"85 %\"`. A unit of the wrong kind (`\"12 m\"` for a power) is an error.\n"
      "  Units combine with `/`, a space or `*`, and take integer exponents (`m3`, `m^3`, `W/(m2 K)`).\n"
      "- **Temperatures**: keys that are absolute temperatures (their allowed range is also shown in\n"
      "  degC) accept `\"27 degC\"` (= 300.15 K). For temperature *differences*\n"
      "  (`it.throttle_hysteresis`, `seawater.discharge_dT_max`) and inside compound units a degree\n"
      "  Celsius is the size of a kelvin: `\"5 degC\"` of hysteresis is 5 K.\n"
      "- **integer**: a whole number. **boolean**: `true` or `false`. **string**: quoted text.\n"
      "- **choice**: one of the quoted words listed under *Allowed*.\n"
      "- **datetime**: an offset date-time, as a TOML value or a string: `2022-01-01T00:00:00+09:00`\n"
      "  (`Z` for UTC). The UTC offset is required; the case stores it normalised to\n"
      "  `YYYY-MM-DDThh:mm:ss±hh:mm`.\n"
      "- **path**: a quoted file path, relative to the directory of the file that sets it (for `--set`:\n"
      "  the working directory). Whether the file exists is checked by the model that reads it.\n\n";
  md += "Units understood in strings:\n\n| Quantity | Units |\n| --- | --- |\n";
  for (const auto& [group, names] : units::knownUnits()) md += fmt::format("| {} | {} |\n", group, names);
  md +=
      "\nThey combine: `m3`, `m/s`, `kg/s`, `L/min`, `W/(m2 K)`, `%/s`. `°C` and `kn` are accepted for "
      "`degC` and\n"
      "`knot`. Unit names are case-sensitive (`kW`, not `kw`).\n\n";
  md += "## Extending a case and overriding keys\n\n";
  md +=
      "- `extends = \"base.toml\"` (top level, relative to this file) reads the base case first; this "
      "file's\n"
      "  keys override it. Chains are allowed; a cycle is an error that shows the chain.\n"
      "- `--set key.path=value` (repeatable) overrides any key after the files. The value is written as in\n"
      "  TOML (`--set it.halls=4`, `--set 'it.rack_power_peak=\"130 kW\"'`); text that is not a TOML value\n"
      "  is taken as a string (`--set it.profile=inference`, `--set it.rack_power_peak=130kW`).\n"
      "- The effective case (after `extends`, `--set` and defaults, without `extends`) is stored in every\n"
      "  result file as the `case_toml` attribute.\n\n";
  md += "## Checks across keys\n\n";
  for (const auto& r : crossRules()) md += "- " + describeRule(r) + ".\n";
  md += "\n";
  md += "## Keys\n";
  const auto& titles = sectionTitles();
  std::vector<std::string> order{""};
  for (const auto& s : schemaSections()) order.push_back(s);
  for (const auto& section : order) {
    std::vector<const KeyDef*> keys;
    for (const auto& k : caseSchema())
      if (sectionOf(k.path) == section) keys.push_back(&k);
    if (keys.empty()) continue;
    const auto t = titles.find(section);
    md += section.empty() ? "\n### Top level" : fmt::format("\n### [{}]", section);
    if (t != titles.end() && !section.empty()) md += " — " + t->second;
    md +=
        "\n\n| Key | Type | Unit | Default | Allowed | Description |\n| --- | --- | --- | --- | --- | --- "
        "|\n";
    for (const KeyDef* k : keys) {
      md += fmt::format("| `{}` | {} | {} | {} | {} | {} |\n", k->path, typeName(k->type),
                        markdownCell(k->unit), markdownCell(defaultCell(*k)), markdownCell(describeRange(*k)),
                        markdownCell(k->description));
    }
  }
  return md;
}

}  // namespace fdtwin
