#pragma once
// One key's value read from TOML, for every file whose keys the schema machinery declares
// (core/Schema.hpp): case files (io/Case.cpp) and sweep files (sweep/SweepSpec.cpp). The type
// checks, the conversion to SI, the range check and the "expected …, got …" messages are
// written once, here.
#include <string>
#include <utility>
#include <variant>
#include <vector>
#include <toml.hpp>

#include "core/Schema.hpp"

namespace fdtwin {

// A typed value in SI: Real and Duration → double, Integer → long long, Boolean → bool;
// String, Choice, Path (absolute) and DateTime (normalised text) → std::string.
using CaseValue = std::variant<double, long long, bool, std::string>;

namespace io {

// Where a value was written: errors name this file and line; relative paths resolve against
// `baseDir`.
struct ValueSource {
  std::string file;
  int line = 0;
  std::string baseDir;
};

// What a key expects, for "expected …": `a power in W (e.g. 120e3 or "120 kW")`.
std::string expectation(const KeyDef& k);

// One TOML value → the typed SI value of key `k` (any type but TextList and Table). Throws
// InputError(file, line, key, "expected …, got …"). The range is not checked: a case checks
// ranges on the effective case, after `extends` and `--set` (outOfRange).
CaseValue readValue(const KeyDef& k, const toml::value& v, const ValueSource& src);

// The same, and the range checked at once (files without layering, such as a sweep file).
CaseValue readChecked(const KeyDef& k, const toml::value& v, const ValueSource& src);

// A TextList key: every text with the line it is written on.
std::vector<std::pair<std::string, int>> readTextList(const KeyDef& k, const toml::value& v,
                                                      const ValueSource& src);

// Empty when `x` lies in the range of a Real or Integer key, else the message:
// "must be 0 … 1, got 1.5" (with a hint when a fraction was written as a percentage).
std::string outOfRange(const KeyDef& k, double x);

// A value with the key's unit for messages: "300 K (26.85 degC)", "0.9".
std::string valueWithUnit(double x, const KeyDef& k);

}  // namespace io
}  // namespace fdtwin
