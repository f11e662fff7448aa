#pragma once
// A sweep folder: everything a sweep writes, and the state it resumes from.
//
//   DIR/sweep.json        the plan (sweep/SweepPlan.hpp): base case, fixed keys, every case's
//                         overrides; written when the sweep starts, read by resume, `sweep task`
//                         (Slurm array tasks) and `sweep collect`
//   DIR/case-0003.h5      the result of case 3 (+ .xdmf); exists only when the case completed,
//                         since `fdtwin run` writes .h5.part and renames it at the end
//   DIR/case-0003.failed  the failure of case 3 (JSON: exit status, signal, error message)
//   DIR/logs/case-0003.log  what case 3 printed (progress, KPI table, error)
//   DIR/sweep.log         one line per event (start, done, failed, skip) with UTC time, pid, rank
//   DIR/summary.h5, DIR/summary.csv   one row per case (sweep/Summary.hpp)
//   DIR/sweep.sbatch      the Slurm job-array script (`--slurm`)
//
// The state of a case is read from the files alone: done when its result opens with
// ResultReader (complete, fdtwin, this schema), failed when it has a failure record, pending
// otherwise (never started, or killed: a stale .h5.part is overwritten by the next run).
#include <cstddef>
#include <string>
#include <vector>

#include "sweep/SweepPlan.hpp"

namespace fdtwin::sweep {

enum class CaseState { Pending, Done, Failed };
const char* stateName(CaseState s);  // "pending", "done", "failed"

struct CaseStatus {
  CaseState state = CaseState::Pending;
  std::string message;  // failed: the error line of the case, or how it died
  int exitStatus = 0;   // failed: the exit status of `fdtwin run` (0 when killed by a signal)
  int signal = 0;       // failed: the signal that ended it, or 0
  double wallSeconds = 0.0;
};

class SweepDir {
 public:
  // Creates DIR (and DIR/logs) for `plan` and records the plan, or reopens DIR when it
  // already holds the same sweep (same base case, fixed keys, duration and cases; the KPI
  // list, name and Slurm options may change). Throws InputError when DIR holds a different
  // sweep, or files that are not a sweep's, or cannot be created.
  static SweepDir prepare(const std::string& dir, const SweepPlan& plan);
  // Opens a folder written by prepare(). Throws InputError when DIR/sweep.json is missing or
  // unreadable.
  static SweepDir open(const std::string& dir);

  const std::string& path() const { return m_path; }
  const SweepPlan& plan() const { return m_plan; }
  std::size_t size() const { return m_plan.cases.size(); }

  std::string resultPath(std::size_t i) const;      // DIR/case-0003.h5
  std::string failurePath(std::size_t i) const;     // DIR/case-0003.failed
  std::string logPath(std::size_t i) const;         // DIR/logs/case-0003.log
  std::string file(const std::string& name) const;  // DIR/name

  CaseStatus status(std::size_t i) const;
  // The checkpoint time of case i's result when it was interrupted with one (it then resumes
  // from there: `fdtwin run --resume`), else a negative number.
  double resumableFrom(std::size_t i) const;
  void recordFailure(std::size_t i, const CaseStatus& failure) const;  // written atomically
  void clearFailure(std::size_t i) const;
  // Appends "2026-01-02T03:04:05.678Z <event>" to DIR/sweep.log (one write, safe from several
  // processes at once).
  void log(const std::string& event) const;

 private:
  std::string m_path;
  SweepPlan m_plan;
};

// Holds an exclusive lock on DIR/.lock while a sweep runs in DIR, so that a second sweep
// into the same folder is refused instead of running the same cases twice. Released when
// the process ends, however it ends.
class SweepLock {
 public:
  explicit SweepLock(const std::string& dir);  // throws InputError when DIR is locked
  ~SweepLock();
  SweepLock(const SweepLock&) = delete;
  SweepLock& operator=(const SweepLock&) = delete;

 private:
  int m_fd = -1;
};

// The cases among `candidates` that a run has to start: pending ones, and failed ones when
// `retryFailed`. Completed cases are skipped (their missing .xdmf is rewritten).
struct Selection {
  std::vector<std::size_t> toRun;
  std::size_t done = 0;    // complete, skipped
  std::size_t failed = 0;  // failed before, not retried
};
Selection selectCases(const SweepDir& dir, const std::vector<std::size_t>& candidates, bool retryFailed);

}  // namespace fdtwin::sweep
