#include "sweep/LocalRunner.hpp"

#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <fmt/format.h>

#include <cerrno>
#include <chrono>
#include <map>

namespace fdtwin::sweep {

namespace {
struct Running {
  std::size_t index = 0;
  std::chrono::steady_clock::time_point start;
};
}  // namespace

LocalRunResult runLocal(CaseLauncher& launcher, const std::vector<std::size_t>& cases, int jobs,
                        SweepProgress& progress) {
  using Clock = std::chrono::steady_clock;
  const auto& plan = launcher.dir().plan();
  // The signals are blocked and taken synchronously with sigtimedwait: no handler, no race
  // between "a child ended" and "wait for the next event".
  sigset_t events, old;
  sigemptyset(&events);
  for (const int s : {SIGCHLD, SIGINT, SIGTERM, SIGHUP}) sigaddset(&events, s);
  pthread_sigmask(SIG_BLOCK, &events, &old);

  LocalRunResult result;
  std::map<pid_t, Running> running;
  std::size_t next = 0;
  const std::size_t slots = static_cast<std::size_t>(jobs > 0 ? jobs : 1);
  while (true) {
    while (result.signal == 0 && running.size() < slots && next < cases.size()) {
      const std::size_t i = cases[next++];
      const pid_t pid = launcher.start(i);
      running[pid] = {i, Clock::now()};
      progress.started(plan.cases[i].name);
    }
    if (running.empty()) break;

    bool reaped = false;
    int status = 0;
    pid_t pid;
    while ((pid = ::waitpid(-1, &status, WNOHANG)) > 0) {
      const auto it = running.find(pid);
      if (it == running.end()) continue;
      const double wall = std::chrono::duration<double>(Clock::now() - it->second.start).count();
      const CaseOutcome o = launcher.finish(it->second.index, status, wall, result.signal != 0);
      progress.finished(o, plan.cases[it->second.index].name);
      running.erase(it);
      reaped = true;
    }
    if (reaped) continue;

    const struct timespec wait = {0, 250000000};  // redraw the ETA four times a second
    const int sig = ::sigtimedwait(&events, nullptr, &wait);
    if (sig == SIGINT || sig == SIGTERM || sig == SIGHUP) {
      const bool again = result.signal != 0;
      if (!again) {
        result.signal = sig;
        progress.message(
            fmt::format("sweep: {} received: stopping {} running case(s); run the same command "
                        "again to resume",
                        sig == SIGINT    ? "interrupt"
                        : sig == SIGTERM ? "SIGTERM"
                                         : "SIGHUP",
                        running.size()));
      }
      for (const auto& [p, r] : running) ::kill(p, again ? SIGKILL : SIGTERM);
    } else if (sig < 0) {
      progress.tick();
    }
  }
  pthread_sigmask(SIG_SETMASK, &old, nullptr);
  return result;
}

}  // namespace fdtwin::sweep
