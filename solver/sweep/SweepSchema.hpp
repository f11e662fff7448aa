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
#include <string>
#include <string_view>
#include <vector>

#include "core/Schema.hpp"

namespace fdtwin::sweep {

// Keys are core KeyDefs (the same types, ranges and readers as case keys, io/KeyValue.hpp):
// [set] and [parameters] are Table keys that the sweep reader reads as case keys. All keys, in documentation order.
const std::vector<KeyDef>& sweepSchema();

// The key with that dotted path, or nullptr.
const KeyDef* findSweepKey(std::string_view path);

// The tables a sweep file may hold: "sweep", "set", "parameters", "slurm".
const std::vector<std::string>& sweepTables();

// The reference of sweep files as Markdown (a section of docs/sweeps.md).
std::string sweepSchemaMarkdown();

}  // namespace fdtwin::sweep
