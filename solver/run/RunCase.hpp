#pragma once
// Running a case: build the plant from a Case, integrate it with CVODES, stream results to
// HDF5. This is the one entry point that the CLI, the sweep runners and the viewer call.
#include <atomic>
#include <functional>
#include <map>
#include <stdexcept>
#include <string>

#include "core/Error.hpp"

#include "io/Case.hpp"

namespace fdtwin {

// The most output rows a run writes unless asked for more (`fdtwin run --max-rows`): a
// one-minute run of 3.8 years, ~2 GB before compression.
constexpr long long kDefaultMaxRows = 2000000;

struct RunOptions {
  std::string outputPath;        // final .h5 path; written as <path>.part and renamed at the end
  double duration = -1.0;        // s; < 0: the case's case.duration (within its range)
  double outputInterval = -1.0;  // s; < 0: the case's case.output_interval (within its range)
  long long maxRows = kDefaultMaxRows;  // checked before anything is written
  // Set to a signal number (SIGINT, SIGTERM) by the program's handler: the run stops before its
  // next step and keeps its rows at outputPath, status "interrupted" (RunInterrupted).
  const std::atomic<int>* interrupt = nullptr;
  std::string commandLine;       // stored as provenance
  // Checkpoints (run/Checkpoint): the simulated time between them, s (0: none). The last one
  // is stored in the result; an interrupted run always stores one at its last row.
  double checkpointInterval = 0.0;
  // `fdtwin run --resume`: the result file whose checkpoint this run continues (the case is
  // the one stored in it, with at most a longer case.duration); its rows up to the checkpoint
  // are copied and the run goes on from there. outputPath may be the same file: it is
  // replaced only when the resumed run ends.
  std::string resumeFrom;
  // CFD coupling (solver/cfd, docs/cfd.md): "" none (constant recirculation factor), "live"
  // (OpenFOAM, case folder <outputPath>.cfd/), "surrogate" (cfdTable: `fdtwin cfd train`).
  std::string cfdMode;
  std::string cfdTable;
};

struct RunProgress {
  double simTime = 0.0;      // s
  double endTime = 0.0;      // s
  double wallSeconds = 0.0;  // since the run started
};

struct RunSummary {
  std::string outputPath;
  std::map<std::string, double> kpi;  // the /kpi attributes of the result
  double wallSeconds = 0.0;
  long steps = 0;
};

struct RunCancelled : std::runtime_error {
  RunCancelled() : std::runtime_error("run cancelled") {}
};

// The run stopped on a signal (RunOptions::interrupt); the rows so far are kept at keptPath
// with status "interrupted" and no /kpi. The program exits 128 + signal.
struct RunInterrupted : std::runtime_error {
  RunInterrupted(int sig, const std::string& message, std::string kept)
      : std::runtime_error(message), signal(sig), keptPath(std::move(kept)) {}
  int signal;
  std::string keptPath;
};

// A RunError after which the rows written so far were kept at `keptPath` (status "failed").
struct RunFailedPartWay : RunError {
  RunFailedPartWay(double simTime, std::string where, const std::string& message, std::string kept)
      : RunError(simTime, std::move(where), message), keptPath(std::move(kept)) {}
  std::string keptPath;
};

using ProgressCallback = std::function<void(const RunProgress&)>;

// Runs the case to completion (or from options.resumeFrom's checkpoint). Throws InputError (bad case or unwritable output, before any
// work), RunError (solver failure; when and where) — RunFailedPartWay once output rows exist,
// which are then kept at outputPath marked status "failed" — or RunCancelled when *cancel
// becomes true (checked at every output row; nothing is left at outputPath).
RunSummary runCase(const Case& c, const RunOptions& options, const ProgressCallback& progress = {},
                   const std::atomic<bool>* cancel = nullptr);

}  // namespace fdtwin
