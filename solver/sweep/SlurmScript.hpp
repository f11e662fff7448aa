#pragma once
// The Slurm job-array script of a sweep (`fdtwin sweep SWEEP -o DIR --slurm` writes
// DIR/sweep.sbatch). Cases are cut into chunks of `slurm.cases_per_task` consecutive cases;
// array task k runs chunk k with
//
//     fdtwin sweep task DIR --chunk k -j $SLURM_CPUS_PER_TASK
//
// which skips the chunk's completed cases, so resubmitting the script after a partial run
// (time limit, node failure, scancel) redoes only what is missing. The array lists only the
// chunks that still have work. The #SBATCH lines come from the sweep file's [slurm] table and
// can be edited in the script before `sbatch`. `fdtwin sweep collect DIR` writes the summary
// once the array has ended.
#include <cstddef>
#include <string>
#include <vector>

#include "sweep/SweepDir.hpp"

namespace fdtwin::sweep {

// The number of chunks of a plan, and the cases of chunk k.
std::size_t chunkCount(const SweepPlan& plan);
std::vector<std::size_t> chunkCases(const SweepPlan& plan, std::size_t chunk);

// "0-3,5,8-9" for {0,1,2,3,5,8,9} (Slurm's --array syntax).
std::string arrayRanges(const std::vector<std::size_t>& sorted);

// The script text for the chunks `chunks` (sorted, non-empty). `program` is the absolute path
// of fdtwin; `retryFailed` passes --retry-failed to the tasks.
std::string slurmScript(const SweepDir& dir, const std::string& program,
                        const std::vector<std::size_t>& chunks, bool retryFailed);

// A word quoted for bash ('…' with embedded quotes escaped) when it needs it.
std::string shellQuote(const std::string& word);

}  // namespace fdtwin::sweep
