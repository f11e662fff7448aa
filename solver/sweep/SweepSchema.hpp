#pragma once
// The sweep-file schema: every key a sweep file (TOML) may hold, with a description and a
// default. Like the case schema (core/Schema.hpp) it is the one place where keys are
// declared: the reader's "unknown key; did you mean …?" and the reference table in
// docs/sweeps.md (`fdtwin sweep --schema`) both come from it.
//
//   [sweep]       name, base case, mode (grid | list | lhs), samples and seed (lhs), duration,
//                 output interval, the KPIs to collect
//   [set]         case keys fixed for every case (written as in a case file)
//   [parameters]  case keys that vary: an array of values (grid, list) or a range
//                 { min = …, max = … } (lhs)
//   [slurm]       resource lines of the job-array script (`fdtwin sweep … --slurm`)
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace fdtwin::sweep {

enum class SweepKeyType {
  Text,        // quoted text
  Integer,     // a whole number within [min, max]
  Duration,    // "30d", "12h", "15min", "90s" or a number of seconds (units::parseDuration)
  Choice,      // one of `choices`
  Path,        // a file path, relative to the sweep file
  TextList,    // an array of quoted texts
  CaseKeys,    // a table of case keys → values (as in a case file)
  Parameters,  // a table of case keys → arrays of values or { min, max } ranges
};

struct SweepKeyDef {
  std::string path;  // "sweep.mode", "set", "slurm.time"
  SweepKeyType type = SweepKeyType::Text;
  std::string description;  // one sentence
  std::string defaultText;  // as shown in the docs; empty when required or without default
  bool required = false;
  std::optional<long long> min, max;  // Integer range
  std::vector<std::string> choices;   // Choice
};

// All keys, in documentation order.
const std::vector<SweepKeyDef>& sweepSchema();

// The key with that dotted path, or nullptr.
const SweepKeyDef* findSweepKey(std::string_view path);

// The tables a sweep file may hold: "sweep", "set", "parameters", "slurm".
const std::vector<std::string>& sweepTables();

// The reference of sweep files as Markdown (a section of docs/sweeps.md).
std::string sweepSchemaMarkdown();

}  // namespace fdtwin::sweep
