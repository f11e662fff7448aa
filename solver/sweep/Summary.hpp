#pragma once
// The summary of a sweep: one row per case, in case order, read from the sweep folder alone
// (so `fdtwin sweep collect DIR` after a Slurm job and the end of a local or MPI run write the
// same files).
//
// DIR/summary.csv — a header row, then one row per case:
//   case, status, <parameter> [unit]…, <kpi> [unit]…, wall_time [s], error
//   status is done, failed or pending; numbers are SI (as in result files, %.9g); a KPI of a
//   case that is not done is empty; error is the failed case's message (quoted as CSV needs).
//
// DIR/summary.h5 — the same columns as datasets of length n (cases):
//   /case/name, /case/status, /case/error, /case/result (file name, "" unless done)  strings
//   /case/wall_time [s]                  simulation wall time of done cases (NaN otherwise)
//   /inputs/<key> [unit]                 swept values: float64 in SI, or strings
//   /kpi/<name> [unit]                   float64, NaN unless done
// Every dataset has a `units` attribute ("-" for text). Group attributes /inputs@keys and
// /kpi@names list the columns in sweep order (";"-separated). Root attributes:
// summary_version (1), sweep_name, mode, base_case, cases, done, failed, pending,
// fdtwin_version, created_utc. Both files are written as .part and renamed.
#include <cstddef>

#include "sweep/SweepDir.hpp"

namespace fdtwin::sweep {

struct SummaryCounts {
  std::size_t done = 0, failed = 0, pending = 0;
};

// Writes DIR/summary.h5 and DIR/summary.csv. Throws std::runtime_error when they cannot be
// written.
SummaryCounts writeSummary(const SweepDir& dir);

}  // namespace fdtwin::sweep
