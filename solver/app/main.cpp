// fdtwin — command-line program: run, validate, info, schema, export.
// Exit status: 0 success, 1 run failure (solver, CFD), 2 input error.
#include <unistd.h>

#include <sys/wait.h>

#include <atomic>
#include <cerrno>
#include <csignal>
#include <cstring>
#include <functional>

#include <CLI/CLI.hpp>
#include <cstdio>
#include <iostream>
#include <nlohmann/json.hpp>

#include <fmt/format.h>

#include "app/CfdCommand.hpp"
#include "app/Commands.hpp"
#include "app/SweepCommand.hpp"
#include "core/Error.hpp"

namespace {

// SIGINT and SIGTERM during a run: the run stops before its next step and keeps its rows
// (status "interrupted", exit 128 + signal). A second signal acts as the default (terminates).
std::atomic<int> g_signal{0};
static_assert(std::atomic<int>::is_always_lock_free, "the signal flag must be async-signal-safe");

extern "C" void onInterrupt(int sig) {
  g_signal.store(sig);
  std::signal(sig, SIG_DFL);
}

void catchInterrupts() {
  struct sigaction sa {};
  sa.sa_handler = onInterrupt;
  sigemptyset(&sa.sa_mask);
  sigaction(SIGINT, &sa, nullptr);
  sigaction(SIGTERM, &sa, nullptr);
}

// Runs a command and turns what it throws into the program's one-line message and exit status:
// 2 input error, 128 + signal an interrupted run, 1 a run failure.
int withExitStatus(const std::function<int()>& work) {
  try {
    return work();
  } catch (const fdtwin::InputError& e) {
    std::cerr << "error: " << e.what() << "\n";
    return 2;
  } catch (const fdtwin::RunInterrupted& e) {
    std::cerr << "interrupted: " << e.what() << "\n";
    return 128 + e.signal;
  } catch (const std::exception& e) {  // RunError and anything else the run could not finish by
    std::cerr << "run failed: " << e.what() << "\n";
    return 1;
  }
}

// The commands that read a result file run in a child process: libhdf5 1.10 can crash on
// damaged metadata (H5Aiterate2, H5HG_read; found by tests/fuzz/fuzz_result), and a crash must
// be an input error (exit 2) that names the file, not a core dump of the program.
int readingResults(const std::string& file, const std::function<int()>& work) {
  std::fflush(nullptr);
  const pid_t pid = fork();
  if (pid < 0) return work();  // no process to spare: read here
  if (pid == 0) {
    const int rc = withExitStatus(work);
    std::cout.flush();
    std::cerr.flush();
    std::fflush(nullptr);
    std::_Exit(rc);
  }
  int status = 0;
  while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  if (WIFEXITED(status)) return WEXITSTATUS(status);
  // The reader of its output went away (`fdtwin compare A B | head`): not the file's fault;
  // end the way a shell tool ends on SIGPIPE, quietly.
  if (WIFSIGNALED(status) && WTERMSIG(status) == SIGPIPE) return 128 + SIGPIPE;
  std::cerr << "error: " << file << ": the file is damaged: the HDF5 library failed reading it ("
            << (WIFSIGNALED(status) ? strsignal(WTERMSIG(status)) : "no exit status") << ")\n";
  return 2;
}

int dispatch(int argc, char** argv) {
  std::string commandLine;
  for (int i = 0; i < argc; ++i) commandLine += (i ? " " : "") + std::string(argv[i]);
  CLI::App app{"fdtwin: thermal and power digital twin of a floating AI datacenter"};
  app.require_subcommand(1);
  app.set_version_flag("--version", [] { return fdtwin::app::versionText(); });
  fdtwin::app::Options opt;
  opt.commandLine = commandLine;

  auto* run = app.add_subcommand("run", "Run a case and write an HDF5 result file");
  // Not required here: `--cfd live CASE` leaves CASE in --cfd's second value (resolved below).
  run->add_option("case", opt.casePath, "Case file (TOML), required");
  run->add_option("-o,--output", opt.output, "Result file (default: results/<case name>.h5)");
  run->add_option("--set", opt.overrides, "Override a case key: key.path=value (repeatable)");
  auto* durationOpt =
      run->add_option("--duration", opt.duration, "Simulated duration, e.g. 30d, 12h, 90min, 3600s");
  auto* intervalOpt = run->add_option("--output-interval", opt.outputInterval,
                                      "Interval between output rows, e.g. 1h, 15min");
  run->add_option("--max-rows", opt.maxRows,
                  "Most output rows the run may write: a guard against an interval typed in the wrong unit")
      ->check(CLI::PositiveNumber)
      ->capture_default_str();
  run->add_flag("-q,--quiet", opt.quiet, "No progress output");
  run->add_flag("--json", opt.json, "Print the KPI summary as JSON on stdout");
  run->add_option("--cfd", opt.cfd, "Couple the sea CFD: live (OpenFOAM) or surrogate TABLE.h5 (docs/cfd.md)")
      ->expected(1, 2);
  run->add_option("--checkpoint-interval", opt.checkpointInterval,
                  "Simulated time between checkpoints kept in the result, e.g. 7d (an interrupted run keeps one "
                  "at its last row anyway)");
  run->add_option("--resume", opt.resumeFrom,
                  "Continue an interrupted or checkpointed result from its checkpoint (its stored case; "
                  "--duration may extend it; -o defaults to the same file)");

  auto* validate = app.add_subcommand("validate", "Check a case file against the schema");
  validate->add_option("case", opt.casePath, "Case file (TOML)")->required();
  validate->add_option("--set", opt.overrides, "Override a case key: key.path=value (repeatable)");

  auto* info = app.add_subcommand("info", "Summarise a result file");
  info->add_option("result", opt.resultPath, "Result file (HDF5)")->required();
  info->add_flag("--json", opt.json, "Print the summary as JSON: attributes, rows, KPIs with units");

  auto* schema = app.add_subcommand("schema", "Print the reference of all case keys (Markdown)");
  schema->add_flag("--json", opt.json,
                   "Print as JSON: the case keys (SI defaults, ranges, choices, checks across keys), or with "
                   "--results the result file schema (docs/results-schema.json)");
  schema->add_flag("--results", opt.results, "Print the result file schema instead (docs/results-format.md)");

  fdtwin::app::CfdOptions cfdOpt;
  cfdOpt.commandLine = commandLine;
  auto* cfdTrain = fdtwin::app::addCfdCommand(app, cfdOpt);

  auto* compare = app.add_subcommand("compare", "Compare two result files item by item (exit 1 beyond --rtol)");
  compare->add_option("a", opt.resultPath, "First result file (HDF5)")->required();
  compare->add_option("b", opt.otherResultPath, "Second result file (HDF5)")->required();
  compare->add_option("--rtol", opt.rtol, "Largest relative difference accepted")
      ->check(CLI::NonNegativeNumber)
      ->capture_default_str();
  compare->add_flag("--json", opt.json, "Print every item's difference as JSON");

  auto* report = app.add_subcommand("report", "Write a review page of a result (HTML: KPIs, limit checks, plots)");
  report->add_option("result", opt.resultPath, "Result file (HDF5)")->required();
  report->add_option("-o,--output", opt.reportPath, "The HTML page to write")->required();

  auto* exp = app.add_subcommand("export", "Export a result's time series and KPIs as CSV");
  exp->add_option("result", opt.resultPath, "Result file (HDF5)")->required();
  exp->add_option("--csv", opt.csvDir, "Output folder for the CSV files")->required();

  const fdtwin::app::SweepCommand sweep(app);  // batch sweeps: app/SweepCommand.hpp

  try {
    app.parse(argc, argv);
  } catch (const CLI::Success& e) {  // --help, --version
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    // One line in the program's own error format (exit 2), then where the usage is.
    std::cerr << "error: " << e.what() << " (see fdtwin --help, or fdtwin COMMAND --help)\n";
    return 2;
  }
  return withExitStatus([&] {
    opt.durationGiven = durationOpt->count() > 0;
    opt.outputIntervalGiven = intervalOpt->count() > 0;
    if (run->parsed()) {
      fdtwin::app::placeCasePath(opt);
      catchInterrupts();
      opt.interrupt = &g_signal;
      return fdtwin::app::runCommand(opt);
    }
    if (validate->parsed()) return fdtwin::app::validateCommand(opt);
    if (info->parsed()) return readingResults(opt.resultPath, [&] { return fdtwin::app::infoCommand(opt); });
    if (exp->parsed()) return readingResults(opt.resultPath, [&] { return fdtwin::app::exportCommand(opt); });
    if (compare->parsed())
      return readingResults(opt.resultPath + " or " + opt.otherResultPath, [&] { return fdtwin::app::compareCommand(opt); });
    if (report->parsed()) return readingResults(opt.resultPath, [&] { return fdtwin::app::reportCommand(opt); });
    if (cfdTrain->parsed()) return fdtwin::app::cfdTrainCommand(cfdOpt);
    if (sweep.parsed()) return sweep.run();
    return fdtwin::app::schemaCommand(opt);
  });
}

}  // namespace

int main(int argc, char** argv) {
  // Building the command line can itself throw (out of memory, a CLI11 definition error): no
  // exception leaves main, whose exit status the user relies on.
  try {
    return dispatch(argc, argv);
  } catch (const std::exception& e) {
    std::fprintf(stderr, "run failed: %s\n", e.what());
  } catch (...) {
    std::fprintf(stderr, "run failed: unknown exception\n");
  }
  return 1;
}
