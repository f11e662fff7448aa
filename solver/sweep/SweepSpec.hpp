#pragma once
// A sweep as the user wrote it: a sweep file (TOML, schema in sweep/SweepSchema.hpp) or a
// quick grid from the command line (`fdtwin sweep CASE --param key=v1,v2`). Reading checks
// the file's own rules (known keys and tables, types, mode, equal list lengths, ranges) and
// names file, line and key on any error, with a "did you mean …?" for a misspelling. Whether
// each value suits its case key is checked when the cases are planned (sweep/SweepPlan.hpp),
// against the base case, with the same messages as `--set`.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace fdtwin::sweep {

enum class Mode { Grid, List, Lhs };
const char* modeName(Mode mode);

// One value as written, as TOML text that `--set key=TEXT` accepts ("20", "\"20 MWh\"", "true").
struct WrittenValue {
  std::string text;
  int line = 0;  // 0 on the command line
};

struct Parameter {
  std::string key;  // case key path
  int line = 0;
  std::vector<WrittenValue> values;  // grid, list
  // lhs: the range in the key's SI unit, as written for messages.
  double min = 0.0, max = 0.0;
  std::string minText, maxText;
};

// A case key fixed for every case ([set]).
struct FixedValue {
  std::string key;
  WrittenValue value;
};

struct SlurmOptions {
  std::string partition, account, mem;  // empty: not written
  std::string time = "01:00:00";
  long long cpusPerTask = 1;
  long long casesPerTask = 1;
  long long maxParallel = 0;  // 0: no %N limit
  std::vector<std::string> extra;
  std::vector<std::string> setup;  // shell lines before the task starts (`module load …`)
};

struct SweepSpec {
  std::string file;       // the sweep file as given; the case file for a command-line grid
  std::string errorFile;  // what errors about parameters name: the sweep file, or "--param"
  std::string name;
  std::string basePath;  // base case file (relative paths resolved against the sweep file)
  Mode mode = Mode::Grid;
  long long samples = 0;  // lhs
  std::uint64_t seed = 1;
  double duration = -1.0;         // s; < 0: each case's case.duration
  double outputInterval = -1.0;   // s; < 0: each case's case.output_interval
  std::vector<std::string> kpis;  // empty: all
  std::vector<FixedValue> fixed;
  std::vector<Parameter> parameters;
  SlurmOptions slurm;

  // Reads a sweep file. Throws InputError (file, line, key, what was expected).
  static SweepSpec load(const std::string& path);
  // A grid over `params` ("key.path=v1,v2,v3", values as for --set) on the case file
  // `casePath`. Throws InputError naming "--param".
  static SweepSpec fromCommandLine(const std::string& casePath, const std::vector<std::string>& params);
};

// Whether the TOML file at `path` is a sweep file (it has a [sweep] or [parameters] table)
// rather than a case file. A file that cannot be read counts as a sweep file, whose reader
// then reports why.
bool isSweepFile(const std::string& path);

// A TOML basic string literal: "text" with quotes and backslashes escaped.
std::string tomlString(std::string_view text);

// Splits "v1,v2,[1,2],\"a,b\"" at the commas that are outside quotes and brackets.
std::vector<std::string> splitValues(const std::string& text);

}  // namespace fdtwin::sweep
