#pragma once
// Running another program as a child process (OpenFOAM's tools, one sweep case per process).
//
// Everything the child needs (argv, envp, the resolved program path, the absolute working
// folder) is built before fork(); between fork() and execve() the child makes only
// async-signal-safe calls (open, dup2, chdir, prctl, sigaction, sigprocmask, execve, _exit),
// so a multi-threaded parent (MPI, the GUI's worker threads) cannot deadlock the child on a
// lock that another thread held at the fork (POSIX fork(): "only async-signal-safe
// operations" until exec).
//
// The child's stdin is /dev/null and its stdout and stderr go to one log file. When it cannot
// start, it exits with the shell's codes: 126 (the log file or the working folder cannot be
// opened), 127 (the program cannot be executed).
#include <sys/types.h>

#include <string>
#include <vector>

namespace fdtwin {

// One environment variable for the child: set to `value`, or only when the parent's
// environment lacks it (overwrite false).
struct EnvSetting {
  std::string name, value;
  bool overwrite = true;
};

struct ChildSpec {
  std::vector<std::string> argv;  // argv[0]: the program (a path; a bare name with searchPath)
  bool searchPath = false;        // look a bare argv[0] up on the parent's PATH, as execvp
  std::string workDir;            // run there ("" = the parent's folder); PWD is set to it
  std::string logPath;            // stdout and stderr, truncated; relative to the parent's folder
  std::vector<EnvSetting> env;    // changes to the parent's environment
  // The kernel kills the child (SIGKILL) when the parent dies (PR_SET_PDEATHSIG), so a parent
  // killed with SIGKILL leaves no orphan behind.
  bool dieWithParent = false;
  // SIGINT, SIGTERM, SIGHUP, SIGPIPE and SIGCHLD back to their default action and no signal
  // blocked, whatever the parent blocks or ignores for itself.
  bool defaultSignals = false;
};

// Starts the child and returns its pid. Throws std::runtime_error("cannot start a process: …")
// when fork() fails.
pid_t startChild(const ChildSpec& spec);

// Waits for the child `pid` to end (retrying on EINTR) and returns its waitpid() status.
int waitChild(pid_t pid);

// startChild + waitChild, with the wall time from start to end.
struct ChildExit {
  int waitStatus = 0;
  double wallSeconds = 0.0;
};
ChildExit runChild(const ChildSpec& spec);

// The executable `program` on PATH (or `program` itself when it contains a '/' and is
// executable); empty when there is none.
std::string findProgram(const std::string& program);

}  // namespace fdtwin
