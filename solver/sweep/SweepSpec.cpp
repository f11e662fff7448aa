// Sweep-file reader: TOML → SweepSpec, checked against sweep/SweepSchema.hpp.
//
// Order of work: TOML syntax (reported exactly as the case reader reports it), then every
// table and key in line order (unknown ones with a suggestion), then the rules across keys
// (mode and samples, list lengths, a key both fixed and swept).
#include "sweep/SweepSpec.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <limits>
#include <regex>
#include <sstream>
#include <toml.hpp>

#include "core/Error.hpp"
#include "core/Schema.hpp"
#include "core/Text.hpp"
#include "core/TextFile.hpp"
#include "core/Units.hpp"
#include "io/KeyValue.hpp"
#include "io/TomlText.hpp"
#include "sweep/Kpis.hpp"
#include "sweep/SweepSchema.hpp"

namespace fdtwin::sweep {
namespace {

// Why an sbatch option in slurm.extra may not be there ("" when it may): the options the job
// script writes from other keys, in their long and short forms. An --array given there would
// replace the sweep's own array (whose indices are the chunks), an --output its log layout.
std::string scriptOwnedOption(const std::string& opt) {
  static const std::vector<std::array<const char*, 3>> owned = {
      {"--array", "-a", "the array's indices are the sweep's chunks (slurm.cases_per_task, slurm.max_parallel)"},
      {"--output", "-o", "each task's log is DIR/logs/slurm-<job>_<task>.out"},
      {"--open-mode", "", "logs are appended, so a requeued task keeps its first log"},
      {"--signal", "", "each task gets SIGTERM 120 s before slurm.time, so its cases keep a checkpoint"},
      {"--job-name", "-J", "the job is named after sweep.name"},
      {"--ntasks", "-n", "each array task is one task"},
      {"--cpus-per-task", "-c", "use slurm.cpus_per_task"},
      {"--time", "-t", "use slurm.time"},
      {"--partition", "-p", "use slurm.partition"},
      {"--account", "-A", "use slurm.account"},
      {"--mem", "", "use slurm.mem"},
  };
  for (const auto& [longName, shortName, why] : owned) {
    const std::string l = longName;
    if (opt == l || opt.rfind(l + "=", 0) == 0 || opt.rfind(l + " ", 0) == 0) return why;
    const std::string sh = shortName;  // "-a", "-a0-9", "-a 0-9" (a long option starts with "--")
    if (!sh.empty() && opt.rfind(sh, 0) == 0) return why;
  }
  return "";
}

namespace fs = std::filesystem;

int lineOf(const toml::value& v) { return static_cast<int>(v.location().line()); }

std::string quote(std::string_view s) { return tomlString(s); }

}  // namespace

std::string tomlString(std::string_view s) { return io::tomlString(s); }

namespace {

std::string describe(const toml::value& v) { return io::describeTomlValue(v); }

// A scalar TOML value as TOML text that `--set key=TEXT` reads back to the same value.
std::string literal(const toml::value& v) {
  switch (v.type()) {
    case toml::value_t::boolean:
    case toml::value_t::integer:
    case toml::value_t::floating:
    case toml::value_t::string:
      return describe(v);
    default:
      return "";
  }
}

std::vector<std::string> allSweepPaths() {
  std::vector<std::string> paths;
  for (const auto& k : sweepSchema()) paths.push_back(k.path);
  return paths;
}

InputError unknownSweepKey(const std::string& file, int line, const std::string& path) {
  // A right key in the wrong table ("seed" under [slurm], "base" at the top) first, then the
  // nearest spelling.
  std::string near;
  const auto leafOf = [](const std::string& p) {
    return p.substr(p.rfind('.') == std::string::npos ? 0 : p.rfind('.') + 1);
  };
  for (const auto& k : sweepSchema()) {
    if (leafOf(k.path) == leafOf(path)) near = k.path;
  }
  if (near.empty()) near = nearestWord(path, allSweepPaths());
  std::string msg = "unknown key";
  if (!near.empty()) msg += fmt::format("; did you mean '{}'?", near);
  return InputError(file, line, path, msg);
}

struct CaseItem {
  std::string path;
  const toml::value* value = nullptr;
  int line = 0;
};

// The case keys of a [set] or [parameters] table: dotted keys ("it.halls = …"), quoted keys
// ("\"it.halls\" = …") and sub-tables ("[set.it]") all give the path "it.halls".
void flattenCaseKeys(const toml::value& table, const std::string& prefix, const std::string& table0,
                     const std::string& file, std::vector<CaseItem>& items) {
  for (const auto& [name, v] : table.as_table()) {
    const std::string path = prefix.empty() ? name : std::string(prefix).append(".").append(name);
    if (findKey(path)) {
      items.push_back({path, &v, lineOf(v)});
      continue;
    }
    if (isSection(path)) {
      if (!v.is_table()) {
        throw InputError(file, lineOf(v), path,
                         fmt::format("[{}] is a section of the case, not a key: got {}", path, describe(v)));
      }
      flattenCaseKeys(v, path, table0, file, items);
      continue;
    }
    const std::string near = suggestKey(path);
    std::string msg = fmt::format("unknown case key in [{}]", table0);
    if (!near.empty()) msg += fmt::format("; did you mean '{}'?", near);
    throw InputError(file, lineOf(v), path, msg);
  }
}

std::vector<CaseItem> caseItems(const toml::value& table, const std::string& table0,
                                const std::string& file) {
  std::vector<CaseItem> items;
  flattenCaseKeys(table, "", table0, file, items);
  std::stable_sort(items.begin(), items.end(),
                   [](const CaseItem& a, const CaseItem& b) { return a.line < b.line; });
  return items;
}

std::string parentDir(const std::string& path) {
  const fs::path p = fs::path(path).parent_path();
  return p.empty() ? std::string(".") : p.string();
}

// The range of an lhs parameter: { min = …, max = … } in the key's unit.
void readRange(Parameter& p, const KeyDef& k, const toml::value& v, const std::string& file) {
  if (k.type != ValueType::Real && k.type != ValueType::Integer) {
    throw InputError(file, p.line, p.key,
                     "a Latin hypercube samples numbers: this key is not a number (sweep it with mode = "
                     "\"grid\" or \"list\")");
  }
  if (!v.is_table()) {
    throw InputError(
        file, p.line, p.key,
        fmt::format("mode = \"lhs\" samples a range: expected {{ min = …, max = … }}, got {}{}", describe(v),
                    v.is_array() ? " (arrays of values are for grid and list sweeps)" : ""));
  }
  bool haveMin = false, haveMax = false;
  for (const auto& [name, x] : v.as_table()) {
    if (name != "min" && name != "max") {
      const std::string near = nearestWord(name, {"min", "max"});
      throw InputError(file, lineOf(x) > 0 ? lineOf(x) : p.line, p.key,
                       fmt::format("unknown range key '{}'{}; a range is {{ min = …, max = … }}", name,
                                   near.empty() ? "" : fmt::format(" (did you mean '{}'?)", near)));
    }
    double si = 0.0;
    const std::string unit = k.type == ValueType::Real ? k.unit : "1";
    if (x.is_integer() || x.is_floating()) {
      si = x.is_integer() ? static_cast<double>(x.as_integer()) : x.as_floating();
    } else if (x.is_string() && k.type == ValueType::Real) {
      try {
        si = units::toSI(x.as_string().str, k.unit, k.absoluteTemperature);
      } catch (const units::UnitError& e) {
        throw InputError(
            file, p.line, p.key,
            fmt::format("{}: expected {} in {}, got {} ({})", name,
                        units::quantityName(k.unit, k.absoluteTemperature), unit, describe(x), e.what()));
      }
    } else {
      throw InputError(
          file, p.line, p.key,
          fmt::format("{}: expected {}, got {}", name,
                      k.type == ValueType::Integer ? "a whole number"
                                                   : units::quantityName(k.unit, k.absoluteTemperature),
                      describe(x)));
    }
    if (!std::isfinite(si))
      throw InputError(file, p.line, p.key, fmt::format("{}: not a finite number", name));
    if (k.type == ValueType::Integer && si != std::floor(si)) {
      throw InputError(file, p.line, p.key,
                       fmt::format("{}: expected a whole number, got {}", name, describe(x)));
    }
    (name == "min" ? p.min : p.max) = si;
    (name == "min" ? p.minText : p.maxText) = literal(x);
    (name == "min" ? haveMin : haveMax) = true;
  }
  if (!haveMin || !haveMax) {
    throw InputError(
        file, p.line, p.key,
        fmt::format("the range has no {}: write {{ min = …, max = … }}", haveMin ? "max" : "min"));
  }
  if (!(p.min < p.max)) {
    throw InputError(file, p.line, p.key,
                     fmt::format("min must be less than max, got min = {}, max = {}", p.minText, p.maxText));
  }
}

void readValues(Parameter& p, const toml::value& v, const std::string& file) {
  if (!v.is_array()) {
    throw InputError(file, p.line, p.key,
                     fmt::format("expected an array of values, e.g. [1, 2, 3], got {}{}", describe(v),
                                 v.is_table() ? " (a { min, max } range is for mode = \"lhs\")" : ""));
  }
  if (v.as_array().empty()) throw InputError(file, p.line, p.key, "the array of values is empty");
  for (const auto& e : v.as_array()) {
    const std::string text = literal(e);
    const int line = lineOf(e) > 0 ? lineOf(e) : p.line;
    if (text.empty()) {
      throw InputError(file, line, p.key,
                       fmt::format("expected a value as in a case file, got {}", describe(e)));
    }
    p.values.push_back({text, line});
  }
}

}  // namespace

const char* modeName(Mode mode) {
  switch (mode) {
    case Mode::Grid:
      return "grid";
    case Mode::List:
      return "list";
    case Mode::Lhs:
      return "lhs";
  }
  return "grid";
}

SweepSpec SweepSpec::load(const std::string& path) {
  const std::string text = readTextFile(path, "cannot read sweep file");
  const toml::value root = io::parseToml(text, path);  // syntax errors exactly as for case files
  SweepSpec s;
  s.file = path;
  s.errorFile = path;
  s.name = fs::path(path).stem().string();
  const auto& root0 = root.as_table();

  // Top level: only the four tables.
  std::vector<std::pair<int, std::string>> order;
  for (const auto& [name, v] : root0) {
    const auto& tables = sweepTables();
    if (std::find(tables.begin(), tables.end(), name) == tables.end()) {
      if (!v.is_table()) throw unknownSweepKey(path, lineOf(v), name);
      const std::string near = nearestWord(name, tables);
      throw InputError(
          path, lineOf(v), name,
          fmt::format("unknown table [{}]{}", name,
                      near.empty() ? "; a sweep file holds [sweep], [set], [parameters] and [slurm]"
                                   : fmt::format("; did you mean [{}]?", near)));
    }
    if (!v.is_table()) {
      throw InputError(path, lineOf(v), name, fmt::format("[{}] must be a table, got {}", name, describe(v)));
    }
  }

  // [sweep] and [slurm]: plain keys.
  const toml::value* modeValue = nullptr;
  const toml::value* samplesValue = nullptr;
  bool haveBase = false;
  for (const char* tableName : {"sweep", "slurm"}) {
    if (!root.contains(tableName)) continue;
    std::vector<std::pair<std::string, const toml::value*>> keys;
    for (const auto& [name, v] : root.at(tableName).as_table()) keys.emplace_back(name, &v);
    std::stable_sort(keys.begin(), keys.end(),
                     [](const auto& a, const auto& b) { return lineOf(*a.second) < lineOf(*b.second); });
    for (const auto& [name, vp] : keys) {
      const toml::value& v = *vp;
      const std::string key = std::string(tableName) + "." + name;
      const KeyDef* k = findSweepKey(key);
      if (!k) throw unknownSweepKey(path, lineOf(v), key);
      const io::ValueSource src{path, lineOf(v), parentDir(path)};
      const auto text = [&] { return std::get<std::string>(io::readChecked(*k, v, src)); };
      const auto integer = [&] { return std::get<long long>(io::readChecked(*k, v, src)); };
      const auto seconds = [&] { return std::get<double>(io::readChecked(*k, v, src)); };
      if (key == "sweep.name") s.name = text();
      if (key == "sweep.base") {
        s.basePath = text();
        haveBase = true;
      }
      if (key == "sweep.mode") {
        const std::string m = text();
        s.mode = m == "grid" ? Mode::Grid : m == "list" ? Mode::List : Mode::Lhs;
        modeValue = &v;
      }
      if (key == "sweep.samples") {
        s.samples = integer();
        samplesValue = &v;
      }
      if (key == "sweep.seed") s.seed = static_cast<std::uint64_t>(integer());
      if (key == "sweep.duration") s.duration = seconds();
      if (key == "sweep.output_interval") s.outputInterval = seconds();
      if (key == "sweep.kpis") {
        for (const auto& [kpi, line] : io::readTextList(*k, v, src)) {
          if (!findKpi(kpi)) {
            const std::string near = nearestWord(kpi, kpiNames());
            std::string all;
            for (const auto& n : kpiNames()) all += (all.empty() ? "" : ", ") + n;
            throw InputError(path, line, key,
                             near.empty()
                                 ? fmt::format("unknown KPI \"{}\"; the KPIs are: {}", kpi, all)
                                 : fmt::format("unknown KPI \"{}\"; did you mean \"{}\"?", kpi, near));
          }
          if (std::find(s.kpis.begin(), s.kpis.end(), kpi) != s.kpis.end()) {
            throw InputError(path, line, key, fmt::format("KPI \"{}\" is listed twice", kpi));
          }
          s.kpis.push_back(kpi);
        }
      }
      if (key == "slurm.partition") s.slurm.partition = text();
      if (key == "slurm.account") s.slurm.account = text();
      if (key == "slurm.mem") s.slurm.mem = text();
      if (key == "slurm.time") {
        s.slurm.time = text();
        if (!std::regex_match(s.slurm.time, std::regex(R"((\d+-)?\d+(:\d+){0,2})"))) {
          throw InputError(path, lineOf(v), key,
                           fmt::format("expected a Slurm time limit such as \"30\" (minutes), \"02:00:00\" or "
                                       "\"1-12:00:00\", got {}",
                                       describe(v)));
        }
      }
      if (key == "slurm.cpus_per_task") s.slurm.cpusPerTask = integer();
      if (key == "slurm.cases_per_task") s.slurm.casesPerTask = integer();
      if (key == "slurm.max_parallel") s.slurm.maxParallel = integer();
      if (key == "slurm.extra") {
        for (const auto& [opt, line] : io::readTextList(*k, v, src)) {
          if (opt.rfind('-', 0) != 0 || opt.find('\n') != std::string::npos) {
            throw InputError(
                path, line, key,
                fmt::format("expected a whole sbatch option such as \"--qos=short\", got {}", quote(opt)));
          }
          if (const std::string why = scriptOwnedOption(opt); !why.empty())
            throw InputError(path, line, key, fmt::format("{} is written by fdtwin: {}", quote(opt), why));
          s.slurm.extra.push_back(opt);
        }
      }
      if (key == "slurm.setup") {
        for (const auto& [cmd, line] : io::readTextList(*k, v, src)) {
          if (cmd.find_first_of("\n\r") != std::string::npos)
            throw InputError(path, line, key, "expected one shell line per item, got a line break");
          s.slurm.setup.push_back(cmd);
        }
      }
    }
  }
  if (!haveBase) {
    throw InputError(path, 0, "sweep.base",
                     "missing required key (the base case file); add base = \"case.toml\" under [sweep]");
  }
  if (s.mode == Mode::Lhs && !samplesValue) {
    throw InputError(path, modeValue ? lineOf(*modeValue) : 0, "sweep.samples",
                     "missing: mode = \"lhs\" needs the number of cases; add samples = … under [sweep]");
  }
  if (s.mode != Mode::Lhs && samplesValue) {
    throw InputError(
        path, lineOf(*samplesValue), "sweep.samples",
        fmt::format("samples is only for mode = \"lhs\" (this sweep is mode = \"{}\")", modeName(s.mode)));
  }

  // [set]: fixed case keys. A relative path is relative to the sweep file, as in a case file.
  const std::string baseDir = parentDir(path);
  const auto resolveText = [&](const std::string& key, const std::string& text) {
    const KeyDef* k = findKey(key);
    if (!k || k->type != ValueType::Path || text.size() < 2 || text.front() != '"') return text;
    std::istringstream in("x = " + text + "\n");
    const toml::value v = toml::parse(in, "value");
    fs::path p(v.at("x").as_string().str);
    if (p.is_relative() && !p.empty()) p = fs::absolute(fs::path(baseDir) / p).lexically_normal();
    return quote(p.string());
  };
  if (root.contains("set")) {
    for (const auto& item : caseItems(root.at("set"), "set", path)) {
      const std::string t = literal(*item.value);
      if (t.empty()) {
        throw InputError(path, item.line, item.path,
                         fmt::format("expected a value as in a case file, got {}", describe(*item.value)));
      }
      s.fixed.push_back({item.path, {resolveText(item.path, t), item.line}});
    }
  }

  // [parameters]: the swept keys.
  if (!root.contains("parameters") || root.at("parameters").as_table().empty()) {
    throw InputError(
        path, 0, "parameters",
        "missing: a sweep needs at least one parameter; add [parameters] with key.path = [v1, v2, …]");
  }
  for (const auto& item : caseItems(root.at("parameters"), "parameters", path)) {
    Parameter p;
    p.key = item.path;
    p.line = item.line;
    if (s.mode == Mode::Lhs) {
      readRange(p, *findKey(item.path), *item.value, path);
    } else {
      readValues(p, *item.value, path);
      for (auto& v : p.values) v.text = resolveText(p.key, v.text);
    }
    for (const auto& f : s.fixed) {
      if (f.key == p.key) {
        throw InputError(
            path, p.line, p.key,
            fmt::format("is both swept here and fixed in [set] (line {}); remove one", f.value.line));
      }
    }
    s.parameters.push_back(std::move(p));
  }
  if (s.mode == Mode::List) {
    const Parameter& first = s.parameters.front();
    for (const auto& p : s.parameters) {
      if (p.values.size() == first.values.size()) continue;
      throw InputError(
          path, p.line, p.key,
          fmt::format("has {} values but '{}' (line {}) has {}: a list sweep pairs the i-th values "
                      "of all parameters, so each needs the same number",
                      p.values.size(), first.key, first.line, first.values.size()));
    }
  }
  return s;
}

SweepSpec SweepSpec::fromCommandLine(const std::string& casePath, const std::vector<std::string>& params) {
  SweepSpec s;
  s.file = casePath;
  s.errorFile = "--param";
  s.basePath = casePath;
  s.name = fs::path(casePath).stem().string() + "-sweep";
  s.mode = Mode::Grid;
  if (params.empty()) {
    throw InputError(
        casePath, 0, "",
        "this is a case file, not a sweep file: give the values to sweep with --param key.path=v1,v2,… "
        "(or write a sweep file, docs/sweeps.md)");
  }
  for (const auto& text : params) {
    const auto eq = text.find('=');
    std::string key = eq == std::string::npos ? text : text.substr(0, eq);
    key.erase(0, key.find_first_not_of(" \t"));
    key.erase(key.find_last_not_of(" \t") + 1);
    if (eq == std::string::npos || key.empty()) {
      throw InputError("--param", 0, key, fmt::format("expected key.path=v1,v2,…, got \"{}\"", text));
    }
    if (!findKey(key)) {
      const std::string near = suggestKey(key);
      throw InputError(
          "--param", 0, key,
          near.empty() ? std::string("unknown key") : fmt::format("unknown key; did you mean '{}'?", near));
    }
    for (const auto& p : s.parameters) {
      if (p.key == key)
        throw InputError("--param", 0, key, "is given twice; list all its values in one --param");
    }
    Parameter p;
    p.key = key;
    for (const auto& v : splitValues(text.substr(eq + 1))) {
      if (v.empty()) throw InputError("--param", 0, key, fmt::format("empty value in \"{}\"", text));
      p.values.push_back({v, 0});
    }
    s.parameters.push_back(std::move(p));
  }
  return s;
}

bool isSweepFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return true;
  // A case file never has these tables; a misspelt one ("[sweeps]") still marks a sweep file,
  // so that its reader names the mistake.
  const std::regex table(R"(^\s*\[\s*(sweep|parameter|slurm|set\b))");
  for (std::string line; std::getline(in, line);) {
    if (std::regex_search(line, table)) return true;
  }
  return false;
}

std::vector<std::string> splitValues(const std::string& text) {
  std::vector<std::string> out;
  std::string cur;
  int depth = 0;
  char quoteChar = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (quoteChar) {
      if (c == '\\' && quoteChar == '"' && i + 1 < text.size()) {
        cur += c;
        cur += text[++i];
        continue;
      }
      if (c == quoteChar) quoteChar = 0;
    } else if (c == '"' || c == '\'') {
      quoteChar = c;
    } else if (c == '[' || c == '{') {
      ++depth;
    } else if ((c == ']' || c == '}') && depth > 0) {
      --depth;
    } else if (c == ',' && depth == 0) {
      out.push_back(cur);
      cur.clear();
      continue;
    }
    cur += c;
  }
  out.push_back(cur);
  for (auto& v : out) {
    v.erase(0, v.find_first_not_of(" \t"));
    v.erase(v.find_last_not_of(" \t") + 1);
  }
  return out;
}

}  // namespace fdtwin::sweep
