#include "sweep/CaseProcess.hpp"

#include <fcntl.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <fmt/format.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <stdexcept>
#include <vector>

namespace fdtwin::sweep {

namespace fs = std::filesystem;

std::string selfProgram() {
  std::error_code ec;
  const fs::path p = fs::read_symlink("/proc/self/exe", ec);
  if (ec) throw std::runtime_error("cannot find this program's path (/proc/self/exe): " + ec.message());
  return p.string();
}

std::string errorLineOf(const std::string& logPath) {
  std::ifstream in(logPath, std::ios::binary);
  if (!in) return "";
  // The error is the last thing a failed run prints: its tail is enough.
  in.seekg(0, std::ios::end);
  const std::streamoff size = in.tellg();
  const std::streamoff from = size > 16384 ? size - 16384 : 0;
  in.seekg(from);
  std::string found;
  for (std::string line; std::getline(in, line);) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.rfind("error: ", 0) == 0 || line.rfind("run failed: ", 0) == 0) found = line;
  }
  return found;
}

CaseLauncher::CaseLauncher(const SweepDir& dir, std::string program, std::string who)
    : m_dir(dir), m_program(std::move(program)), m_who(std::move(who)) {}

pid_t CaseLauncher::start(std::size_t i) {
  // Everything the child needs is prepared before fork(): after it, only async-signal-safe
  // calls (the parent may be multi-threaded, e.g. under MPI).
  std::vector<std::string> args = m_dir.plan().runArguments(i, m_dir.resultPath(i));
  args.insert(args.begin(), m_program);
  std::vector<char*> argv;
  for (auto& a : args) argv.push_back(a.data());
  argv.push_back(nullptr);
  const std::string log = m_dir.logPath(i);
  const pid_t parent = ::getpid();
  sigset_t none;
  sigemptyset(&none);

  const pid_t pid = ::fork();
  if (pid < 0) throw std::runtime_error(fmt::format("cannot start a process: {}", std::strerror(errno)));
  if (pid == 0) {
    ::prctl(PR_SET_PDEATHSIG, SIGKILL);
    if (::getppid() != parent) ::_exit(127);  // the sweep died before the line above
    const int out = ::open(log.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    const int in = ::open("/dev/null", O_RDONLY);
    if (out < 0 || in < 0) ::_exit(126);
    ::dup2(in, 0);
    ::dup2(out, 1);
    ::dup2(out, 2);
    if (out > 2) ::close(out);
    if (in > 2) ::close(in);
    struct sigaction dfl {};
    dfl.sa_handler = SIG_DFL;
    for (const int s : {SIGINT, SIGTERM, SIGHUP, SIGPIPE, SIGCHLD}) ::sigaction(s, &dfl, nullptr);
    ::sigprocmask(SIG_SETMASK, &none, nullptr);
    ::execv(argv[0], argv.data());
    ::_exit(127);
  }
  m_dir.log(
      fmt::format("start {} pid {}{}", m_dir.plan().cases.at(i).name, pid, m_who.empty() ? "" : " " + m_who));
  return pid;
}

CaseOutcome CaseLauncher::finish(std::size_t i, int waitStatus, double wallSeconds, bool interrupted) {
  CaseOutcome o;
  o.index = i;
  o.wallSeconds = wallSeconds;
  const std::string& name = m_dir.plan().cases.at(i).name;
  const std::string who = m_who.empty() ? "" : " " + m_who;
  std::error_code ec;
  CaseStatus f;
  f.state = CaseState::Failed;
  f.wallSeconds = wallSeconds;
  if (WIFEXITED(waitStatus)) {
    f.exitStatus = WEXITSTATUS(waitStatus);
    if (f.exitStatus == 0 && fs::exists(m_dir.resultPath(i), ec)) {
      o.ok = true;
      m_dir.clearFailure(i);
      m_dir.log(fmt::format("done {} {:.3f} s{}", name, wallSeconds, who));
      return o;
    }
    f.message = errorLineOf(m_dir.logPath(i));
    if (f.message.empty()) {
      f.message = f.exitStatus == 0 ? std::string("exited with status 0 but wrote no result file")
                  : f.exitStatus == 127
                      ? fmt::format("could not start {} (exit status 127)", m_program)
                      : fmt::format("exited with status {} (see logs/{}.log)", f.exitStatus, name);
    }
  } else if (WIFSIGNALED(waitStatus)) {
    f.signal = WTERMSIG(waitStatus);
    const char* what = ::strsignal(f.signal);
    f.message =
        fmt::format("{} by signal {} ({})", f.signal == SIGKILL || f.signal == SIGTERM ? "killed" : "crashed",
                    f.signal, what ? what : "?");
    if (f.signal == SIGKILL) f.message += "; out of memory?";
  } else {
    f.message = "ended abnormally";
  }
  o.message = f.message;
  if (interrupted) {
    o.interrupted = true;
    m_dir.log(fmt::format("interrupted {}{}", name, who));
    return o;
  }
  m_dir.recordFailure(i, f);
  m_dir.log(fmt::format("failed {} {:.3f} s{}: {}", name, wallSeconds, who, f.message));
  return o;
}

}  // namespace fdtwin::sweep
