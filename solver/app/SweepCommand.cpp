#include "app/SweepCommand.hpp"

#include <unistd.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <numeric>
#include <set>
#include <thread>

#include <fmt/format.h>

#include "app/SweepMpi.hpp"
#include "core/Error.hpp"
#include "sweep/CaseProcess.hpp"
#include "sweep/LocalRunner.hpp"
#include "sweep/SlurmScript.hpp"
#include "sweep/Summary.hpp"
#include "sweep/SweepDir.hpp"
#include "sweep/SweepPlan.hpp"
#include "sweep/SweepProgress.hpp"
#include "sweep/SweepSchema.hpp"
#include "sweep/SweepSpec.hpp"

namespace fdtwin::app {

namespace fs = std::filesystem;
using namespace fdtwin::sweep;

struct SweepCommand::State {
  CLI::App* cmd = nullptr;
  CLI::App* collect = nullptr;
  CLI::App* task = nullptr;
  CLI::Option* durationOpt = nullptr;
  CLI::Option* intervalOpt = nullptr;
  CLI::Option* jobsOpt = nullptr;
  CLI::Option* taskJobsOpt = nullptr;
  std::string input, output, duration, outputInterval, dir;
  std::vector<std::string> params, overrides;
  int jobs = 1;
  long long chunk = 0;
  bool retryFailed = false, mpi = false, slurm = false, list = false, quiet = false, schema = false;
};

namespace {

std::vector<std::size_t> allCases(const SweepDir& dir) {
  std::vector<std::size_t> v(dir.size());
  std::iota(v.begin(), v.end(), std::size_t{0});
  return v;
}

std::string plural(std::size_t n, const char* word) {
  return fmt::format("{} {}{}", n, word, n == 1 ? "" : "s");
}

void printFailures(const SweepDir& dir) {
  std::size_t shown = 0, failed = 0;
  for (std::size_t i = 0; i < dir.size(); ++i) {
    const CaseStatus s = dir.status(i);
    if (s.state != CaseState::Failed) continue;
    if (++failed <= 10) {
      std::printf("  %s: %s\n", dir.plan().cases[i].name.c_str(), s.message.c_str());
      ++shown;
    }
  }
  if (failed > shown) std::printf("  … and %zu more (summary.csv)\n", failed - shown);
}

}  // namespace

int finishSweep(const SweepDir& dir, const SweepProgress& progress, int signal, const std::string& what) {
  const SummaryCounts c = writeSummary(dir);
  std::printf("sweep \"%s\": %zu done, %zu failed, %zu pending (%s, %s)\n", dir.plan().name.c_str(), c.done,
              c.failed, c.pending, what.c_str(), humanSeconds(progress.elapsed()).c_str());
  std::printf("summary: %s, %s\n", dir.file("summary.h5").c_str(), dir.file("summary.csv").c_str());
  if (c.failed > 0) printFailures(dir);
  dir.log(fmt::format("sweep end: {} done, {} failed, {} pending{}", c.done, c.failed, c.pending,
                      signal ? fmt::format(" (stopped by signal {})", signal) : std::string()));
  if (signal) return 128 + signal;
  return c.failed > 0 || c.pending > 0 ? 1 : 0;
}

namespace {

void printList(const SweepPlan& plan) {
  std::vector<std::string> head = {"case"};
  for (const auto& p : plan.parameters) head.push_back(p.key + (p.unit == "-" ? "" : " [" + p.unit + "]"));
  std::vector<std::vector<std::string>> rows;
  for (const auto& c : plan.cases) {
    std::vector<std::string> r = {c.name};
    for (const auto& v : c.values) {
      r.push_back(std::visit(
          [](const auto& x) -> std::string {
            using T = std::decay_t<decltype(x)>;
            if constexpr (std::is_same_v<T, std::string>) {
              return x;
            } else if constexpr (std::is_same_v<T, bool>) {
              return x ? "true" : "false";
            } else {
              return fmt::format("{:.6g}", static_cast<double>(x));
            }
          },
          v));
    }
    rows.push_back(std::move(r));
  }
  std::vector<std::size_t> width(head.size());
  for (std::size_t k = 0; k < head.size(); ++k) {
    width[k] = head[k].size();
    for (const auto& r : rows) width[k] = std::max(width[k], r[k].size());
  }
  // The base as a user would type it: relative to the current folder when it lies below it.
  std::error_code ec;
  std::string base = fs::path(plan.basePath).lexically_relative(fs::current_path(ec)).string();
  if (ec || base.empty() || base.rfind("..", 0) == 0) base = plan.basePath;
  std::printf("sweep \"%s\": %s (%s) on %s\n", plan.name.c_str(), plural(plan.cases.size(), "case").c_str(),
              modeName(plan.mode), base.c_str());
  const auto line = [&](const std::vector<std::string>& r) {
    std::string s;
    for (std::size_t k = 0; k < r.size(); ++k) s += fmt::format("{:<{}}  ", r[k], width[k]);
    while (!s.empty() && s.back() == ' ') s.pop_back();
    std::printf("%s\n", s.c_str());
  };
  line(head);
  for (const auto& r : rows) line(r);
}

}  // namespace

SweepCommand::SweepCommand(CLI::App& app) : m(std::make_unique<State>()) {
  State& s = *m;
  s.cmd = app.add_subcommand("sweep", "Run a batch of cases: a grid, list or Latin hypercube over case keys");
  s.cmd->add_option("sweep", s.input, "Sweep file (TOML), or a case file with --param");
  s.cmd->add_option("-o,--output", s.output,
                    "Sweep folder for results and summary (default: results/<sweep name>)");
  s.cmd->add_option("-j,--jobs", s.jobs, "Cases run at once (default: the number of CPUs)")
      ->check(CLI::Range(1, 4096));
  s.jobsOpt = s.cmd->get_option("--jobs");
  s.cmd
      ->add_option("--param", s.params,
                   "A swept key for a quick grid on a case file: key.path=v1,v2,... (repeatable)")
      ->allow_extra_args(false);
  s.cmd->add_option("--set", s.overrides, "Override a case key in every case: key.path=value (repeatable)")
      ->allow_extra_args(false);
  s.durationOpt = s.cmd->add_option("--duration", s.duration, "Simulated duration of every case, e.g. 7d");
  s.intervalOpt =
      s.cmd->add_option("--output-interval", s.outputInterval, "Interval between output rows, e.g. 1h");
  s.cmd->add_flag("--retry-failed", s.retryFailed,
                  "Run failed cases again (completed cases are always skipped)");
  s.cmd->add_flag("--mpi", s.mpi, "Distribute the cases over MPI ranks (start with mpirun -np N)");
  s.cmd->add_flag("--slurm", s.slurm, "Write a Slurm job-array script DIR/sweep.sbatch instead of running");
  s.cmd->add_flag("--list", s.list, "Print the cases and their values; run nothing");
  s.cmd->add_flag("-q,--quiet", s.quiet, "No progress output");
  s.cmd->add_flag("--schema", s.schema, "Print the reference of sweep-file keys (Markdown)");

  s.collect =
      s.cmd->add_subcommand("collect", "Write DIR/summary.h5 and DIR/summary.csv from a sweep folder");
  s.collect->add_option("dir", s.dir, "Sweep folder")->required();

  s.task = s.cmd->add_subcommand("task", "Run one chunk of a sweep folder's cases (a Slurm array task)");
  s.task->add_option("dir", s.dir, "Sweep folder")->required();
  s.task->add_option("--chunk", s.chunk, "Chunk index (SLURM_ARRAY_TASK_ID)")
      ->required()
      ->check(CLI::NonNegativeNumber);
  s.taskJobsOpt = s.task->add_option("-j,--jobs", s.jobs, "Cases run at once (default: slurm.cpus_per_task)")
                      ->check(CLI::Range(1, 4096));
  s.task->add_flag("--retry-failed", s.retryFailed, "Run failed cases again");
  s.task->add_flag("-q,--quiet", s.quiet, "No progress output");
}

SweepCommand::~SweepCommand() = default;

bool SweepCommand::parsed() const { return m->cmd->parsed(); }

int SweepCommand::run() const {
  const State& s = *m;
  if (s.collect->parsed()) {
    const SweepDir dir = SweepDir::open(s.dir);
    const SummaryCounts c = writeSummary(dir);
    std::printf("sweep \"%s\": %s: %zu done, %zu failed, %zu pending\n", dir.plan().name.c_str(),
                plural(dir.size(), "case").c_str(), c.done, c.failed, c.pending);
    std::printf("summary: %s, %s\n", dir.file("summary.h5").c_str(), dir.file("summary.csv").c_str());
    if (c.failed > 0) printFailures(dir);
    return c.failed > 0 || c.pending > 0 ? 1 : 0;
  }

  if (s.task->parsed()) {
    const SweepDir dir = SweepDir::open(s.dir);
    const std::size_t chunks = chunkCount(dir.plan());
    if (static_cast<std::size_t>(s.chunk) >= chunks) {
      throw InputError("--chunk", 0, "",
                       fmt::format("must be 0 … {} for {}, got {}", chunks - 1, s.dir, s.chunk));
    }
    const auto chunk = static_cast<std::size_t>(s.chunk);
    const Selection sel = selectCases(dir, chunkCases(dir.plan(), chunk), s.retryFailed);
    const int jobs = s.taskJobsOpt->count() > 0 ? s.jobs : static_cast<int>(dir.plan().slurm.cpusPerTask);
    const char* job = std::getenv("SLURM_ARRAY_JOB_ID");
    const std::string who =
        fmt::format("chunk {}{}", chunk, job ? fmt::format(" job {}_{}", job, chunk) : "");
    dir.log(fmt::format("task start: {}, {} to run, {} done, {} failed", who, sel.toRun.size(), sel.done,
                        sel.failed));
    if (!s.quiet) {
      std::fprintf(stderr, "sweep \"%s\" %s: %s (%zu done before), %d at a time\n", dir.plan().name.c_str(),
                   who.c_str(), plural(sel.toRun.size(), "case").c_str(), sel.done, jobs);
    }
    CaseLauncher launcher(dir, selfProgram(), who);
    SweepProgress progress(stderr, s.quiet, sel.done + sel.failed + sel.toRun.size(), sel.done, sel.failed,
                           sel.toRun.size());
    const LocalRunResult r = runLocal(launcher, sel.toRun, jobs, progress);
    progress.close();
    dir.log(fmt::format("task end: {}: {} done, {} failed", who, progress.done(), progress.failed()));
    if (r.signal) return 128 + r.signal;
    return progress.failed() > 0 ? 1 : 0;
  }

  if (s.schema) {
    std::fputs(sweepSchemaMarkdown().c_str(), stdout);
    return 0;
  }
  if (s.input.empty()) {
    throw InputError("", 0, "",
                     "fdtwin sweep: give a sweep file (fdtwin sweep SWEEP.toml -o DIR) or a case file with "
                     "--param key=v1,v2 (see fdtwin sweep --help)");
  }
  if (s.mpi && s.slurm) throw InputError("", 0, "--mpi", "--mpi and --slurm exclude each other");
  if ((s.mpi || s.slurm) && s.jobsOpt->count() > 0) {
    throw InputError("", 0, "--jobs",
                     s.mpi ? "with --mpi each rank runs one case at a time: start more ranks (mpirun -np N)"
                           : "with --slurm set [slurm] cpus_per_task in the sweep file");
  }
  if (s.list && (s.mpi || s.slurm))
    throw InputError("", 0, "--list", "--list runs nothing: drop --mpi/--slurm");

  const auto makePlan = [&s] {
    SweepSpec spec;
    if (isSweepFile(s.input)) {
      if (!s.params.empty()) {
        throw InputError("--param", 0, "",
                         fmt::format("{} is a sweep file: put the swept keys under its [parameters] table "
                                     "(--param makes a grid on a case file)",
                                     s.input));
      }
      spec = SweepSpec::load(s.input);
    } else {
      spec = SweepSpec::fromCommandLine(s.input, s.params);
    }
    PlanOptions po;
    po.overrides = s.overrides;
    po.duration = s.duration;
    po.outputInterval = s.outputInterval;
    po.durationGiven = s.durationOpt->count() > 0;
    po.outputIntervalGiven = s.intervalOpt->count() > 0;
    return planSweep(spec, po);
  };
  const auto outputFor = [&s](const SweepPlan& plan) {
    if (!s.output.empty()) return s.output;
    fs::create_directories("results");
    return "results/" + plan.name;
  };

  if (s.mpi) {
    MpiSweepOptions mo;
    mo.retryFailed = s.retryFailed;
    mo.quiet = s.quiet;
    return runSweepMpi(
        [&] {
          const SweepPlan plan = makePlan();
          return SweepDir::prepare(outputFor(plan), plan);
        },
        mo);
  }

  const SweepPlan plan = makePlan();
  if (s.list) {
    printList(plan);
    return 0;
  }
  const SweepDir dir = SweepDir::prepare(outputFor(plan), plan);

  if (s.slurm) {
    const SweepLock lock(dir.path());
    const Selection sel = selectCases(dir, allCases(dir), s.retryFailed);
    const std::set<std::size_t> todo(sel.toRun.begin(), sel.toRun.end());
    std::vector<std::size_t> chunks;
    for (std::size_t k = 0; k < chunkCount(plan); ++k) {
      for (const std::size_t i : chunkCases(plan, k)) {
        if (todo.count(i)) {
          chunks.push_back(k);
          break;
        }
      }
    }
    if (chunks.empty()) {
      const SummaryCounts c = writeSummary(dir);
      std::printf("sweep \"%s\": nothing to run: %zu done, %zu failed%s\n", plan.name.c_str(), c.done,
                  c.failed, c.failed ? " (--retry-failed runs them again)" : "");
      std::printf("summary: %s, %s\n", dir.file("summary.h5").c_str(), dir.file("summary.csv").c_str());
      return c.failed > 0 ? 1 : 0;
    }
    const std::string script = dir.file("sweep.sbatch");
    {
      std::ofstream out(script, std::ios::binary | std::ios::trunc);
      out << slurmScript(dir, selfProgram(), chunks, s.retryFailed);
      if (!out) throw InputError(script, 0, "--slurm", "cannot write the job script");
    }
    fs::permissions(script, fs::perms::owner_exec | fs::perms::group_exec | fs::perms::others_exec,
                    fs::perm_options::add);
    std::printf("wrote %s: %s in %s (%zu done before)\n", script.c_str(),
                plural(sel.toRun.size(), "case").c_str(), plural(chunks.size(), "array task").c_str(),
                sel.done);
    std::printf("submit:  sbatch %s\n", shellQuote(script).c_str());
    std::printf("then:    %s sweep collect %s\n", shellQuote(selfProgram()).c_str(),
                shellQuote(dir.path()).c_str());
    return 0;
  }

  const SweepLock lock(dir.path());
  const Selection sel = selectCases(dir, allCases(dir), s.retryFailed);
  const int jobs =
      s.jobsOpt->count() > 0 ? s.jobs : static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  if (!s.quiet) {
    std::fprintf(
        stderr, "sweep \"%s\": %s, %zu done before, %zu failed before%s; %zu to run, %d at a time -> %s\n",
        plan.name.c_str(), plural(dir.size(), "case").c_str(), sel.done, sel.failed,
        sel.failed ? " (not rerun: --retry-failed)" : "", sel.toRun.size(), jobs, dir.path().c_str());
  }
  dir.log(fmt::format("sweep start: {} to run, {} done, {} failed, {} at a time (pid {})", sel.toRun.size(),
                      sel.done, sel.failed, jobs, ::getpid()));
  CaseLauncher launcher(dir, selfProgram());
  SweepProgress progress(stderr, s.quiet, dir.size(), sel.done, sel.failed, sel.toRun.size());
  const LocalRunResult r = runLocal(launcher, sel.toRun, jobs, progress);
  progress.close();
  return finishSweep(dir, progress, r.signal, fmt::format("{} at a time", jobs));
}

}  // namespace fdtwin::app
