#pragma once
// The case-file schema: every key a case may hold, with its description, SI unit, default,
// allowed range and whether it is required. This table is the one place where keys are
// declared; `fdtwin validate`, `fdtwin schema` (docs/case-format.md), the reader's error
// messages and the viewer's parameter editor all come from it.
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace fdtwin {

enum class ValueType {
  Real,     // a number in SI `unit`; the file may also give a string with a unit: "120 kW", "18 degC"
  Integer,  // a whole number
  Boolean,  // true / false
  String,   // free text
  Choice,   // one of `choices`
  Path,     // a file path, relative to the case file that sets it
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
};

// All keys, in documentation order.
const std::vector<KeyDef>& caseSchema();

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

}  // namespace fdtwin
