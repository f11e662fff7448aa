#include "app/SweepMpi.hpp"

// The C API only: without these, a C++ file that includes mpi.h pulls in the removed MPI C++
// bindings, which MPI::MPI_C does not link.
#define OMPI_SKIP_MPICXX 1
#define MPICH_SKIP_MPICXX 1
#include <mpi.h>
#include <sys/wait.h>
#include <unistd.h>

#include <fmt/format.h>

#include <cerrno>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <deque>
#include <iostream>
#include <map>
#include <memory>
#include <numeric>
#include <optional>

#include "app/SweepCommand.hpp"
#include "core/ChildProcess.hpp"
#include "core/Error.hpp"
#include "sweep/CaseProcess.hpp"
#include "sweep/SweepProgress.hpp"

namespace fdtwin::app {

using namespace fdtwin::sweep;

namespace {

constexpr int kTagRequest = 1;  // worker → rank 0: {index of the case just finished or -1, ok, wall s}
constexpr int kTagAssign = 2;   // rank 0 → worker: index of the next case, or -1: no more work

using Clock = std::chrono::steady_clock;

void nap(long microseconds) {
  const struct timespec ts = {0, microseconds * 1000};
  ::nanosleep(&ts, nullptr);
}

// MPI_Wait without the busy polling that MPI implementations use while they wait: a rank
// that waits for work would otherwise keep a core at 100 % that a case could use.
void waitQuietly(MPI_Request& request) {
  int done = 0;
  MPI_Test(&request, &done, MPI_STATUS_IGNORE);
  while (!done) {
    nap(1000);
    MPI_Test(&request, &done, MPI_STATUS_IGNORE);
  }
}

void barrierQuietly() {
  MPI_Request r;
  MPI_Ibarrier(MPI_COMM_WORLD, &r);
  waitQuietly(r);
}

void worker(const SweepDir& dir, int rank) {
  CaseLauncher launcher(dir, selfProgram(), fmt::format("rank {}", rank));
  double report[3] = {-1.0, 0.0, 0.0};
  while (true) {
    MPI_Send(report, 3, MPI_DOUBLE, 0, kTagRequest, MPI_COMM_WORLD);
    long long next = -1;
    MPI_Request r;
    MPI_Irecv(&next, 1, MPI_LONG_LONG, 0, kTagAssign, MPI_COMM_WORLD, &r);
    waitQuietly(r);
    if (next < 0) return;
    const auto i = static_cast<std::size_t>(next);
    const auto t0 = Clock::now();
    const pid_t pid = launcher.start(i);
    const int status = waitChild(pid);
    const CaseOutcome o =
        launcher.finish(i, status, std::chrono::duration<double>(Clock::now() - t0).count());
    report[0] = static_cast<double>(i);
    report[1] = o.ok ? 1.0 : 0.0;
    report[2] = o.wallSeconds;
  }
}

int coordinator(const SweepDir& dir, int ranks, const MpiSweepOptions& options) {
  std::vector<std::size_t> all(dir.size());
  std::iota(all.begin(), all.end(), std::size_t{0});
  const Selection sel = selectCases(dir, all, options.retryFailed);
  if (!options.quiet) {
    std::fprintf(
        stderr,
        "sweep \"%s\": %zu cases, %zu done before, %zu failed before%s; %zu to run on %d MPI rank(s) -> %s\n",
        dir.plan().name.c_str(), dir.size(), sel.done, sel.failed,
        sel.failed ? " (not rerun: --retry-failed)" : "", sel.toRun.size(), ranks, dir.path().c_str());
  }
  dir.log(fmt::format("sweep start (MPI, {} ranks): {} to run, {} done, {} failed", ranks, sel.toRun.size(),
                      sel.done, sel.failed));
  std::deque<std::size_t> queue(sel.toRun.begin(), sel.toRun.end());
  CaseLauncher launcher(dir, selfProgram(), "rank 0");
  SweepProgress progress(stderr, options.quiet, dir.size(), sel.done, sel.failed, sel.toRun.size());
  const auto& cases = dir.plan().cases;

  pid_t own = -1;
  std::size_t ownCase = 0;
  Clock::time_point ownStart;
  int active = ranks - 1;  // workers not yet told to stop
  auto lastTick = Clock::now();
  while (true) {
    bool busy = false;
    // Rank 0 runs cases too, one at a time, between answering the others.
    if (own < 0 && !queue.empty()) {
      ownCase = queue.front();
      queue.pop_front();
      ownStart = Clock::now();
      own = launcher.start(ownCase);
      progress.started(cases[ownCase].name);
      busy = true;
    }
    int flag = 0;
    MPI_Status st;
    MPI_Iprobe(MPI_ANY_SOURCE, kTagRequest, MPI_COMM_WORLD, &flag, &st);
    if (flag) {
      double report[3];
      MPI_Recv(report, 3, MPI_DOUBLE, st.MPI_SOURCE, kTagRequest, MPI_COMM_WORLD, MPI_STATUS_IGNORE);
      if (report[0] >= 0) {
        CaseOutcome o;
        o.index = static_cast<std::size_t>(report[0]);
        o.ok = report[1] != 0.0;
        o.wallSeconds = report[2];
        if (!o.ok) o.message = dir.status(o.index).message;  // the worker wrote the failure record
        progress.finished(o, cases[o.index].name);
      }
      long long next = -1;
      if (!queue.empty()) {
        next = static_cast<long long>(queue.front());
        queue.pop_front();
        progress.started(cases[static_cast<std::size_t>(next)].name);
      } else {
        --active;
      }
      MPI_Send(&next, 1, MPI_LONG_LONG, st.MPI_SOURCE, kTagAssign, MPI_COMM_WORLD);
      busy = true;
    }
    if (own >= 0) {
      int status = 0;
      if (::waitpid(own, &status, WNOHANG) == own) {
        const double wall = std::chrono::duration<double>(Clock::now() - ownStart).count();
        progress.finished(launcher.finish(ownCase, status, wall), cases[ownCase].name);
        own = -1;
        busy = true;
      }
    }
    if (own < 0 && queue.empty() && active == 0) break;
    if (!busy) {
      nap(2000);
      if (Clock::now() - lastTick > std::chrono::milliseconds(250)) {
        progress.tick();
        lastTick = Clock::now();
      }
    }
  }
  progress.close();
  return finishSweep(dir, progress, 0, fmt::format("{} MPI rank{}", ranks, ranks == 1 ? "" : "s"));
}

}  // namespace

int runSweepMpi(const std::function<SweepDir()>& prepare, const MpiSweepOptions& options) {
  MPI_Init(nullptr, nullptr);
  int rank = 0, ranks = 1;
  MPI_Comm_rank(MPI_COMM_WORLD, &rank);
  MPI_Comm_size(MPI_COMM_WORLD, &ranks);

  // Rank 0 plans; the others learn the folder and read the plan from it.
  std::optional<SweepDir> dir;
  std::unique_ptr<SweepLock> lock;
  int code = 0;
  std::string path;
  if (rank == 0) {
    try {
      dir = prepare();
      lock = std::make_unique<SweepLock>(dir->path());
      path = dir->path();
    } catch (const InputError& e) {
      std::cerr << "error: " << e.what() << "\n";
      code = 2;
    } catch (const std::exception& e) {
      std::cerr << "run failed: " << e.what() << "\n";
      code = 1;
    }
  }
  MPI_Bcast(&code, 1, MPI_INT, 0, MPI_COMM_WORLD);
  if (code == 0) {
    int length = static_cast<int>(path.size());
    MPI_Bcast(&length, 1, MPI_INT, 0, MPI_COMM_WORLD);
    path.resize(static_cast<std::size_t>(length));
    MPI_Bcast(path.data(), length, MPI_CHAR, 0, MPI_COMM_WORLD);
    if (rank != 0) {
      try {
        dir = SweepDir::open(path);
      } catch (const std::exception& e) {
        std::cerr << fmt::format(
            "error: rank {}: {} (is the sweep folder on a file system all ranks share?)\n", rank, e.what());
        MPI_Abort(MPI_COMM_WORLD, 2);
      }
    }
    code = rank == 0 ? coordinator(*dir, ranks, options) : (worker(*dir, rank), 0);
  }
  barrierQuietly();
  MPI_Finalize();
  return code;
}

}  // namespace fdtwin::app
