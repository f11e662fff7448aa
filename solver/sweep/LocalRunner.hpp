#pragma once
// The local runner: the cases of a sweep in at most N child processes at once on this
// machine (`fdtwin sweep … -j N`, and each Slurm array task). A new case starts the moment one
// ends. A failed or crashed case is recorded and the others go on.
//
// SIGINT (Ctrl-C), SIGTERM (scancel, kill) and SIGHUP stop the sweep cleanly: no new case
// starts, the running ones are sent SIGTERM and waited for, and they stay pending (not
// failed), so the next run starts them again. A second signal kills them at once. SIGKILL
// cannot be caught: then the children die with their parent (CaseProcess.hpp) and the next
// run redoes only the cases that had not completed.
#include <cstddef>
#include <vector>

#include "sweep/CaseProcess.hpp"
#include "sweep/SweepProgress.hpp"

namespace fdtwin::sweep {

struct LocalRunResult {
  int signal = 0;  // the signal that stopped the sweep, or 0 when every case ran
};

LocalRunResult runLocal(CaseLauncher& launcher, const std::vector<std::size_t>& cases, int jobs,
                        SweepProgress& progress);

}  // namespace fdtwin::sweep
