#pragma once
// Running OpenFOAM's programs as separate processes (OpenFOAM is GPL: never linked).
//
// The Debian package (v1912) needs WM_PROJECT_DIR=/usr/share/openfoam and nothing else;
// fdtwin sets it for the child when the caller's environment does not. Every program runs
// in the case folder with its output in log.<name>; a non-zero exit status or a "FOAM FATAL"
// line becomes a RunError whose message carries an excerpt of that log. Parallel runs use
// `mpirun --allow-run-as-root -np N <program> -parallel` (CI runs as root).
#include <string>
#include <vector>

namespace fdtwin::cfd {

// Throws InputError (exit status 2) when OpenFOAM's programs or its etc folder are missing,
// naming what is missing and how to install it. `programs`: the ones the caller will run.
void requireOpenFoam(const std::vector<std::string>& programs);
bool openFoamAvailable();
// "OpenFOAM v1912 (/usr/share/openfoam)" when it is usable (its WM_PROJECT_VERSION from
// etc/bashrc), else what is missing; for `fdtwin --version`.
std::string openFoamDescription();

struct FoamRun {
  std::string log;      // path of the log file
  double wallSeconds = 0.0;
};

// Runs `program args…` in caseDir (serially, or with mpirun on `ranks` > 1 ranks), output to
// caseDir/log.<logName>. Throws RunError(simTime, "CFD <program>", message + log excerpt).
FoamRun runFoam(const std::string& caseDir, const std::string& program, const std::vector<std::string>& args,
                const std::string& logName, double simTime, int ranks = 1);

// The last `lines` lines of a log, plus any "FOAM FATAL" block, for error messages.
std::string logExcerpt(const std::string& logPath, int lines = 25);

// Residual summary of a solver log: the last initial residual of each solved field and
// whether any residual was not finite (divergence).
struct Residuals {
  std::vector<std::pair<std::string, double>> last;  // field → last initial residual
  bool nonFinite = false;
  int iterations = 0;  // "Time = " lines
  std::string summary() const;
};
Residuals parseResiduals(const std::string& logPath);

}  // namespace fdtwin::cfd
