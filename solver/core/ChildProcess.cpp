#include "core/ChildProcess.hpp"

#include <fcntl.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <fmt/format.h>

#include <cerrno>
#include <chrono>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <stdexcept>

extern char** environ;  // POSIX: the process environment

namespace fdtwin {

namespace fs = std::filesystem;

namespace {

// The parent's environment with the spec's changes, as NAME=value strings.
std::vector<std::string> childEnvironment(const std::vector<EnvSetting>& changes) {
  std::vector<std::string> env;
  for (char** e = environ; e && *e; ++e) env.emplace_back(*e);
  for (const auto& c : changes) {
    const std::string prefix = c.name + "=";
    bool present = false;
    for (auto& entry : env) {
      if (entry.compare(0, prefix.size(), prefix) != 0) continue;
      present = true;
      if (c.overwrite) entry = prefix + c.value;
    }
    if (!present) env.push_back(prefix + c.value);
  }
  return env;
}

std::vector<char*> pointers(std::vector<std::string>& strings) {
  std::vector<char*> p;
  p.reserve(strings.size() + 1);
  for (auto& s : strings) p.push_back(s.data());
  p.push_back(nullptr);
  return p;
}

}  // namespace

std::string findProgram(const std::string& program) {
  if (program.empty()) return {};
  if (program.find('/') != std::string::npos) return ::access(program.c_str(), X_OK) == 0 ? program : "";
  const char* path = std::getenv("PATH");
  const std::string dirs = path ? path : "/usr/bin:/bin";
  std::size_t pos = 0;
  while (pos <= dirs.size()) {
    const std::size_t colon = dirs.find(':', pos);
    const std::size_t end = colon == std::string::npos ? dirs.size() : colon;
    const fs::path candidate = fs::path(dirs.substr(pos, end - pos)) / program;
    if (::access(candidate.c_str(), X_OK) == 0) return candidate.string();
    pos = end + 1;
  }
  return {};
}

pid_t startChild(const ChildSpec& spec) {
  if (spec.argv.empty()) throw std::invalid_argument("startChild: no program");
  std::vector<std::string> args = spec.argv;
  std::string program = args[0];
  if (spec.searchPath) {
    const std::string found = findProgram(program);
    if (!found.empty()) program = found;  // else execve fails and the child exits 127
  }
  std::vector<EnvSetting> changes = spec.env;
  std::string workDir;
  if (!spec.workDir.empty()) {
    // The physical path, as getcwd() would give in the child (OpenFOAM warns when PWD differs).
    std::error_code ec;
    fs::path dir = fs::canonical(spec.workDir, ec);
    if (ec) dir = fs::absolute(spec.workDir, ec);
    workDir = dir.string();
    changes.push_back({"PWD", workDir, true});
  }
  std::vector<std::string> env = childEnvironment(changes);
  std::vector<char*> argv = pointers(args);
  std::vector<char*> envp = pointers(env);
  const std::string log = spec.logPath.empty() ? std::string("/dev/null") : spec.logPath;
  const pid_t parent = ::getpid();
  sigset_t none;
  sigemptyset(&none);
  struct sigaction dfl {};
  dfl.sa_handler = SIG_DFL;

  const pid_t pid = ::fork();
  if (pid < 0) throw std::runtime_error(fmt::format("cannot start a process: {}", std::strerror(errno)));
  if (pid == 0) {
    // Child: async-signal-safe calls only, up to execve.
    if (spec.dieWithParent) {
      ::prctl(PR_SET_PDEATHSIG, SIGKILL);
      if (::getppid() != parent) ::_exit(127);  // the parent died before the line above
    }
    const int out = ::open(log.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    const int in = ::open("/dev/null", O_RDONLY);
    if (out < 0 || in < 0) ::_exit(126);
    ::dup2(in, 0);
    ::dup2(out, 1);
    ::dup2(out, 2);
    if (out > 2) ::close(out);
    if (in > 2) ::close(in);
    if (!workDir.empty() && ::chdir(workDir.c_str()) != 0) ::_exit(126);
    if (spec.defaultSignals) {
      for (const int s : {SIGINT, SIGTERM, SIGHUP, SIGPIPE, SIGCHLD}) ::sigaction(s, &dfl, nullptr);
      ::sigprocmask(SIG_SETMASK, &none, nullptr);
    }
    ::execve(program.c_str(), argv.data(), envp.data());
    ::_exit(127);
  }
  return pid;
}

int waitChild(pid_t pid) {
  int status = 0;
  while (::waitpid(pid, &status, 0) < 0) {
    if (errno != EINTR) break;
  }
  return status;
}

ChildExit runChild(const ChildSpec& spec) {
  const auto t0 = std::chrono::steady_clock::now();
  const pid_t pid = startChild(spec);
  ChildExit e;
  e.waitStatus = waitChild(pid);
  e.wallSeconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  return e;
}

}  // namespace fdtwin
