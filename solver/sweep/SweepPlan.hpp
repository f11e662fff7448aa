#pragma once
// The cases of a sweep: the expansion of its parameters (grid, zipped list or Latin
// hypercube) into one override set per case, each checked against the base case before any
// case runs. A plan is what a sweep folder records (sweep/SweepDir.hpp) and what every runner
// (local processes, MPI ranks, Slurm array tasks) executes: case i is
//
//     fdtwin run BASE --set FIXED… --set PARAM_i… -o DIR/case-i.h5 [--duration D] [--output-interval I]
//
// with every value written canonically (SI numbers, absolute paths), so that a case reruns
// the same anywhere and its result file's command line reproduces it.
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "io/Case.hpp"
#include "sweep/SweepSpec.hpp"

namespace fdtwin::sweep {

struct PlannedCase {
  std::string name;               // "case-0003"
  std::vector<std::string> set;   // "key=value" per parameter, canonical TOML text
  std::vector<CaseValue> values;  // per parameter, the SI value the case holds
};

struct ParameterInfo {
  std::string key;
  std::string unit;  // SI unit of a number ("1" dimensionless or a count), "-" for text and booleans
};

struct SweepPlan {
  std::string name;
  Mode mode = Mode::Grid;
  std::string sweepFile;               // absolute; the case file for a command-line grid
  std::string basePath;                // absolute
  std::string baseToml;                // effective base case with the fixed keys (change detection)
  std::vector<std::string> overrides;  // fixed "key=value" of every case ([set], then --set)
  double duration = -1.0;              // s; < 0: each case's own
  double outputInterval = -1.0;        // s; < 0: each case's own
  std::vector<ParameterInfo> parameters;
  std::vector<std::string> kpis;  // never empty: the list the summary collects
  std::uint64_t seed = 0;         // lhs
  SlurmOptions slurm;
  std::vector<PlannedCase> cases;

  // The arguments after the program name that run case i into `resultPath`.
  std::vector<std::string> runArguments(std::size_t i, const std::string& resultPath) const;
};

// What the command line adds to every case (`fdtwin sweep --set --duration --output-interval`).
struct PlanOptions {
  std::vector<std::string> overrides;  // "key=value", applied after [set]
  std::string duration, outputInterval;
  bool durationGiven = false, outputIntervalGiven = false;
};

// Expands and checks every case. Throws InputError naming the sweep file (or --param / --set),
// the line and the key of the value at fault; a combination that breaks a check across keys
// names the case and its values.
SweepPlan planSweep(const SweepSpec& spec, const PlanOptions& options = {});

// --- the expansions, on their own --------------------------------------------------------
// Index tuples of a full grid over parameters with `sizes` values each, the first parameter
// varying slowest (the order of nested loops written in file order).
std::vector<std::vector<std::size_t>> gridIndices(const std::vector<std::size_t>& sizes);

// A Latin hypercube of `samples` points in [0, 1)^dims: for every dimension, each of the
// `samples` equal bins [k/n, (k+1)/n) holds exactly one point (McKay, Beckman & Conover 1979).
// The bins are paired by independent random permutations, the position inside a bin is
// uniform. Reproducible for a seed on every platform (std::mt19937_64 bits, no
// implementation-defined distributions). Returns [sample][dimension].
std::vector<std::vector<double>> latinHypercube(std::size_t samples, std::size_t dims, std::uint64_t seed);

// The name of case i of n: "case-0003" (at least four digits, more for larger sweeps).
std::string caseName(std::size_t i, std::size_t n);

// A case value as TOML text ("3.6e+10", "4", "true", "\"inference\"").
std::string valueText(const CaseValue& v);

}  // namespace fdtwin::sweep
