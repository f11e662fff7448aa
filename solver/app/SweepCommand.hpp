#pragma once
// `fdtwin sweep`: batch parameter sweeps (docs/sweeps.md).
//
//   fdtwin sweep SWEEP.toml [-o DIR] [-j N] [--set k=v]… [--duration D] [--output-interval D]
//                [--retry-failed] [--list] [--mpi | --slurm] [-q]
//   fdtwin sweep CASE.toml --param key=v1,v2,… [--param …]     a quick grid on a case
//   fdtwin sweep collect DIR                                    write DIR/summary.{h5,csv}
//   fdtwin sweep task DIR --chunk K [-j N] [--retry-failed]     one Slurm array task
//   fdtwin sweep --schema                                       the sweep-file reference
//
// Exit status: 0 every case done; 1 a case failed (or is pending after `collect`);
// 2 input error (nothing runs); 128 + signal when stopped by SIGINT/SIGTERM/SIGHUP.
#include <memory>
#include <string>

namespace CLI {
class App;
}

namespace fdtwin::sweep {
class SweepDir;
class SweepProgress;
}  // namespace fdtwin::sweep

namespace fdtwin::app {

class SweepCommand {
 public:
  // Registers the `sweep` subcommand (with `collect` and `task`) on `app`.
  explicit SweepCommand(CLI::App& app);
  ~SweepCommand();
  SweepCommand(const SweepCommand&) = delete;
  SweepCommand& operator=(const SweepCommand&) = delete;

  bool parsed() const;
  // Runs what the command line asked for; returns the exit status. Throws InputError.
  int run() const;

 private:
  struct State;
  std::unique_ptr<State> m;
};

// The end of a run (local or MPI rank 0): writes the summary, prints the counts, the summary
// paths and the failures on stdout, logs the end; returns the exit status.
int finishSweep(const sweep::SweepDir& dir, const sweep::SweepProgress& progress, int signal,
                const std::string& how);

}  // namespace fdtwin::app
