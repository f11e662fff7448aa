#include "sweep/CaseProcess.hpp"

#include <signal.h>
#include <sys/wait.h>

#include <fmt/format.h>

#include <cstring>
#include <filesystem>
#include <fstream>
#include <stdexcept>

#include "core/ChildProcess.hpp"

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
  ChildSpec child;
  // A case interrupted with a checkpoint (the sweep was stopped) goes on from it.
  const double from = m_dir.resumableFrom(i);
  if (from >= 0.0) {
    child.argv = {m_program, "run", "--resume", m_dir.resultPath(i), "-o", m_dir.resultPath(i)};
  } else {
    child.argv = m_dir.plan().runArguments(i, m_dir.resultPath(i));
    child.argv.insert(child.argv.begin(), m_program);
  }
  child.logPath = m_dir.logPath(i);
  child.dieWithParent = true;   // no orphan racing the next run for the same file
  child.defaultSignals = true;  // the sweep blocks SIGCHLD, SIGINT, SIGTERM, SIGHUP for itself
  const pid_t pid = startChild(child);
  m_dir.log(fmt::format("start {} pid {}{}{}", m_dir.plan().cases.at(i).name, pid, m_who.empty() ? "" : " " + m_who,
                        from >= 0.0 ? fmt::format(" resumed at t = {:.9g} s", from) : ""));
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
