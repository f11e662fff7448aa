#pragma once
// The MPI runner of `fdtwin sweep … --mpi` (started by `mpirun -np N fdtwin sweep …`).
//
// Rank 0 plans the sweep and prepares its folder, then hands out case indices one at a time
// to whichever rank asks (dynamic load balancing: cases differ in cost, and a rank that drew
// short cases simply asks more often). Every rank, rank 0 included, runs its cases as child
// processes exactly like the local runner (sweep/CaseProcess.hpp), so a crashing case ends
// only its process, and writes the results, failure records and run log into the shared
// sweep folder; rank 0 writes the summary at the end from that folder, the same way
// `fdtwin sweep collect` does. Waiting ranks sleep instead of spinning in MPI calls, so that
// a rank waiting for work leaves its core to the cases.
//
// MPI is initialised here and only here: `fdtwin run` and a local sweep never touch it.
#include <functional>

#include "sweep/SweepDir.hpp"

namespace fdtwin::app {

struct MpiSweepOptions {
  bool retryFailed = false;
  bool quiet = false;
};

// Called on every rank. `prepare` runs on rank 0 only: it plans the sweep and prepares its
// folder. An InputError from it ends every rank with status 2 (the message printed once).
int runSweepMpi(const std::function<sweep::SweepDir()>& prepare, const MpiSweepOptions& options);

}  // namespace fdtwin::app
