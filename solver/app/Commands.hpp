#pragma once
// The subcommands of the fdtwin program. Each returns the exit status; input errors are
// thrown as InputError (exit 2), run failures as RunError (exit 1) and handled in main().
#include <string>
#include <vector>

#include "run/RunCase.hpp"

namespace fdtwin::app {

// `fdtwin --version`: the program's version and the versions of the libraries and solvers it
// found (SUNDIALS, HDF5, OpenFOAM).
std::string versionText();

struct Options;
// `run` options in any order: `--cfd` takes one or two values (live; surrogate TABLE.h5), so
// `--cfd live CASE.toml` reads the case as its second value; this moves it back and throws an
// InputError when the case file is missing.
void placeCasePath(Options& opt);

struct Options {
  std::string casePath, output, resultPath, csvDir, duration, outputInterval, commandLine;
  std::vector<std::string> overrides;
  std::vector<std::string> cfd;  // --cfd live | --cfd surrogate TABLE (docs/cfd.md)
  bool quiet = false, json = false;
  bool results = false;  // schema --results: the result file schema instead of the case schema
  bool durationGiven = false, outputIntervalGiven = false;  // given on the command line, even if empty
  long long maxRows = kDefaultMaxRows;  // run --max-rows (RunOptions::maxRows)
  std::string otherResultPath;          // compare: the second file
  std::string reportPath;               // report -o
  double rtol = 1e-6;                   // compare --rtol
  const std::atomic<int>* interrupt = nullptr;  // the program's SIGINT/SIGTERM flag (RunOptions::interrupt)
  std::string checkpointInterval;       // run --checkpoint-interval (a duration)
  std::string resumeFrom;               // run --resume RESULT.h5
};

int runCommand(const Options& opt);
int validateCommand(const Options& opt);
int infoCommand(const Options& opt);
// `fdtwin compare A.h5 B.h5 [--rtol R] [--json]`: 0 when every item agrees within R, 1 when not.
int compareCommand(const Options& opt);
// `fdtwin report RESULT.h5 -o REPORT.html`: the review page (io/ResultReport); 0, or 1 when a
// limit check fails (the page is written either way).
int reportCommand(const Options& opt);
int exportCommand(const Options& opt);
int schemaCommand(const Options& opt);  // case keys (Markdown or --json); --results: the result file

}  // namespace fdtwin::app
