#pragma once
// Progress of a sweep on stderr: cases done / failed / running and the estimated time left.
// On a terminal one status line is redrawn in place (failures are printed above it); in a log
// file or a batch system each finished case prints one line:
//
//   sweep: case-0003 done in 0.8 s  [5/16 done, 0 failed, 2 running, ETA 6 s]
//   sweep: case-0007 FAILED in 0.1 s: error: …  [6/16 done, 1 failed, 2 running, ETA 5 s]
//
// The ETA is the cases left divided by the throughput seen so far in this run (cases finished
// per wall-clock second), so it accounts for the number of workers and for cases that differ
// in cost on average.
#include <chrono>
#include <cstddef>
#include <cstdio>
#include <string>

#include "sweep/CaseProcess.hpp"

namespace fdtwin::sweep {

class SweepProgress {
 public:
  // `total`: cases in the sweep; `done`, `failed`: already so before this run; `toRun`: cases
  // this run starts.
  SweepProgress(std::FILE* out, bool quiet, std::size_t total, std::size_t done, std::size_t failed,
                std::size_t toRun);

  void started(const std::string& name);
  void finished(const CaseOutcome& o, const std::string& name);
  void tick();                            // redraws the terminal line (ETA)
  void message(const std::string& text);  // a line of its own ("sweep: …")
  void close();                           // ends the terminal line

  std::string counts() const;  // "5/16 done, 1 failed, 2 running, ETA 6 s"
  std::size_t done() const { return m_done; }
  std::size_t failed() const { return m_failed; }
  double elapsed() const;

 private:
  void draw();
  std::FILE* m_out;
  bool m_quiet, m_tty;
  std::size_t m_total, m_done, m_failed, m_toRun, m_running = 0, m_finishedNow = 0;
  std::chrono::steady_clock::time_point m_start;
  bool m_lineOpen = false;
};

// "12 s", "3.5 min", "2.1 h".
std::string humanSeconds(double s);

}  // namespace fdtwin::sweep
