#pragma once
// One case of a sweep as a child process: this program itself (/proc/self/exe) running
// `fdtwin run` with the case's overrides (SweepPlan::runArguments), its stdout and stderr
// going to DIR/logs/<case>.log. A process per case keeps every case apart: a case that
// fails, runs out of memory or crashes ends only its own process, and the sweep records why.
//
// The child asks the kernel to kill it when its parent dies (PR_SET_PDEATHSIG), so a sweep
// killed with SIGKILL leaves no orphan that would race the next run for the same file.
#include <sys/types.h>

#include <cstddef>
#include <string>

#include "sweep/SweepDir.hpp"

namespace fdtwin::sweep {

struct CaseOutcome {
  std::size_t index = 0;
  bool ok = false;
  bool interrupted = false;  // stopped by the sweep (Ctrl-C, SIGTERM): the case stays pending
  std::string message;       // why it failed: its "error: …" / "run failed: …" line, or the signal
  double wallSeconds = 0.0;  // from start to end of the process
};

class CaseLauncher {
 public:
  // `program`: the fdtwin executable; `who`: added to the run-log lines ("rank 2"), or "".
  CaseLauncher(const SweepDir& dir, std::string program, std::string who = "");

  // Starts case i; returns the child's pid. Throws std::runtime_error when fork fails.
  pid_t start(std::size_t i);
  // Records how case i ended from its waitpid() status: clears or writes its failure record
  // and logs the event. `interrupted`: the sweep itself stopped the case.
  CaseOutcome finish(std::size_t i, int waitStatus, double wallSeconds, bool interrupted = false);

  const SweepDir& dir() const { return m_dir; }

 private:
  const SweepDir& m_dir;
  std::string m_program, m_who;
};

// The path of the running program (readlink /proc/self/exe).
std::string selfProgram();

// The last "error: …" or "run failed: …" line of a case's log ("" when there is none).
std::string errorLineOf(const std::string& logPath);

}  // namespace fdtwin::sweep
