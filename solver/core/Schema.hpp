#pragma once
// The case-file schema: every key a case may hold, with its description, SI unit, default,
// allowed range and whether it is required. This table is the one place where keys are
// declared; `fdtwin validate`, `fdtwin schema` (docs/case-format.md), the reader's error
// messages and the viewer's parameter editor all come from it.
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace fdtwin {

enum class ValueType {
  Real,      // a number in SI `unit`; the file may also give a string with a unit: "120 kW", "18 degC"
  Integer,   // a whole number
  Boolean,   // true / false
  String,    // free text
  Choice,    // one of `choices`
  Path,      // a file path, relative to the case file that sets it
  DateTime,  // an offset date-time, TOML `2022-01-01T00:00:00+09:00` or the same as a string
             // (core/DateTime.hpp)
  Duration,  // a time span in s: "30d", "12h", "15min", "90s" or a number of seconds
             // (units::parseDuration)
  TextList,  // an array of quoted texts
  Table,     // a table of further keys, read by the reader that owns it (a sweep's [set])
};

struct KeyDef {
  std::string path;         // dotted key path, e.g. "it.rack_power_peak"
  ValueType type = ValueType::Real;
  std::string unit;         // SI unit of a Real ("W", "K", "s", "1", ...); empty otherwise
  std::string description;  // one sentence, shown in docs and the viewer
  std::string defaultValue; // TOML literal of the default; empty when required or optional-without-default
  bool required = false;
  std::optional<double> min;  // allowed range (Real, Integer)
  std::optional<double> max;
  bool minExclusive = false;
  bool maxExclusive = false;
  std::vector<std::string> choices;  // allowed values of a Choice
  // A Real in K that is an absolute temperature (not a difference): "18 degC" converts with
  // the 273.15 K offset only for these keys (core/Units.hpp).
  bool absoluteTemperature = false;
  // Strings: the longest text accepted (what the result file can store), and whether the text
  // names a file inside a results folder (`case.name`, `sweep.name`: core/Text fileNameProblem).
  std::size_t maxLength = 4096;
  bool fileName = false;
  // The default in words, for the reference only, where it is not one literal ("the sweep
  // file's name without .toml", "all KPIs"); `defaultValue` stays empty then.
  std::string defaultNote;
};

// All keys, in documentation order.
const std::vector<KeyDef>& caseSchema();

// A check across keys, declared beside the keys (SchemaTable.cpp): the case reader enforces
// every rule (io/Case.cpp) and the reference lists every rule (schemaMarkdown, schemaJson).
struct CrossRule {
  enum class Kind {
    Less,          // `low` < `high`
    LessOrEqual,   // `low` ≤ `high`
    SumLess,       // Σ coefficient·key over `terms` < `high`
    RequiredWhen,  // `low` must be set when the choice `high` = `value`
  };
  Kind kind = Kind::Less;
  std::string low;   // the smaller key (Less, LessOrEqual); the key required (RequiredWhen)
  std::string high;  // the larger key (Less, LessOrEqual, SumLess); the choice key (RequiredWhen)
  // Less, LessOrEqual: the key an error names when both or neither were set by the user (a
  // default is never the user's mistake, so the explicitly set key is named otherwise).
  bool blameHigh = false;
  std::vector<std::pair<double, std::string>> terms;  // SumLess
  std::string value;                                  // RequiredWhen: the choice value
  std::string example;                                // RequiredWhen: an example value for the message
};

// All checks across keys, in documentation order.
const std::vector<CrossRule>& crossRules();

// One rule as text: "`hull.draft` < `hull.depth`".
std::string describeRule(const CrossRule& rule);

// The key with that dotted path, or nullptr.
const KeyDef* findKey(std::string_view path);

// The section names ("case", "it", "power.engines", ...) that keys live in.
std::vector<std::string> schemaSections();

// The nearest known key path (or section) to a misspelt one, for "did you mean …?";
// empty when nothing is close.
std::string suggestKey(std::string_view path);

// Whether `path` names a table that holds keys, directly or below ("power", "power.engines").
bool isSection(std::string_view path);

// Human-readable range of a key, e.g. "> 0", "0 … 1", "one of: training, inference".
std::string describeRange(const KeyDef& key);
// The same with `unit` after the numbers, for messages: "> 0 W", "0 … 45 g/kg",
// "271 … 373.15 K (-2.15 … 100 degC)". A unit "1" is left out.
std::string describeRange(const KeyDef& key, std::string_view unit);

// The whole schema as Markdown (docs/case-format.md is this text).
std::string schemaMarkdown();

// The whole schema as JSON (`fdtwin schema --json`): {"keys": [{key, type, unit, default,
// default_si, required, min, max, min_exclusive, max_exclusive, choices, doc, absolute_temperature}],
// "rules": [{kind, keys, text}]}.
std::string schemaJson();

// The name of a type as written in the reference ("real", "choice", "datetime", ...).
const char* typeName(ValueType type);

}  // namespace fdtwin
