#include "cfd/FoamProcess.hpp"

#include <sys/wait.h>

#include <cmath>
#include <csignal>
#include <cstdlib>
#include <deque>
#include <filesystem>
#include <fstream>

#include <fmt/format.h>

#include "core/ChildProcess.hpp"
#include "core/Error.hpp"
#include "core/Text.hpp"

namespace fdtwin::cfd {

namespace fs = std::filesystem;

namespace {

std::string projectDir() {
  const char* d = std::getenv("WM_PROJECT_DIR");
  return d && *d ? d : "/usr/share/openfoam";
}

}  // namespace

bool openFoamAvailable() {
  return !findProgram("blockMesh").empty() && !findProgram("buoyantBoussinesqSimpleFoam").empty() &&
         fs::exists(projectDir() + "/etc/controlDict");
}

std::string openFoamDescription() {
  if (!openFoamAvailable()) return "OpenFOAM not found (--cfd live needs the Debian package openfoam)";
  std::ifstream in(projectDir() + "/etc/bashrc");
  std::string line, version = "(version unknown)";
  const std::string key = "export WM_PROJECT_VERSION=";
  while (std::getline(in, line)) {
    if (line.rfind(key, 0) == 0) {
      version = trim(line.substr(key.size()));
      break;
    }
  }
  return "OpenFOAM " + version + " (" + projectDir() + ")";
}

void requireOpenFoam(const std::vector<std::string>& programs) {
  std::vector<std::string> missing;
  for (const auto& p : programs)
    if (findProgram(p).empty()) missing.push_back(p);
  if (!missing.empty()) {
    const std::string list = join(missing, ", ");
    throw InputError("", 0, "--cfd",
                     "OpenFOAM is not installed or not on PATH (missing: " + list +
                         "); install the Debian package `openfoam` (scripts/install-deps)");
  }
  if (!fs::exists(projectDir() + "/etc/controlDict")) {
    throw InputError("", 0, "--cfd",
                     "OpenFOAM is unusable: no " + projectDir() +
                         "/etc/controlDict (set WM_PROJECT_DIR to the OpenFOAM installation, "
                         "/usr/share/openfoam for the Debian package)");
  }
}

std::string logExcerpt(const std::string& logPath, int lines) {
  std::ifstream in(logPath);
  if (!in) return "(no log " + logPath + ")";
  std::deque<std::string> tail;
  std::string line, fatal, trace;
  bool inFatal = false;
  int fatalLines = 0;
  while (std::getline(in, line)) {
    // A floating-point exception (a diverging solution) ends the log with a stack trace: keep
    // the lines before it (the residuals that blew up), not the trace.
    if (line.find("sigFpe") != std::string::npos || line.find("printStack") != std::string::npos) {
      trace = line;
      break;
    }
    if (line.find("FOAM FATAL") != std::string::npos ||
        line.find("FOAM parallel run exiting") != std::string::npos) {
      inFatal = true;
      fatalLines = 0;
      fatal.clear();
    }
    if (inFatal && fatalLines < 20) {
      fatal += "  | " + line + "\n";
      ++fatalLines;
    }
    tail.push_back(line);
    if (static_cast<int>(tail.size()) > lines) tail.pop_front();
  }
  std::string out = "--- " + logPath + " (last " + std::to_string(tail.size()) + " lines" +
                    (trace.empty() ? "" : " before the floating-point exception") + ") ---\n";
  for (const auto& l : tail) out += "  | " + l + "\n";
  if (!trace.empty()) out += "  | " + trace + "  (stack trace follows in the log)\n";
  if (!fatal.empty() && out.find(fatal) == std::string::npos) out = "--- error block ---\n" + fatal + out;
  return out;
}

FoamRun runFoam(const std::string& caseDir, const std::string& program, const std::vector<std::string>& args,
                const std::string& logName, double simTime, int ranks) {
  const std::string log = caseDir + "/log." + logName;
  std::vector<std::string> argv;
  if (ranks > 1) {
    argv = {"mpirun", "--allow-run-as-root", "--oversubscribe", "-np", std::to_string(ranks), program};
  } else {
    argv = {program};
  }
  argv.insert(argv.end(), args.begin(), args.end());
  if (ranks > 1) argv.push_back("-parallel");
  ChildSpec child;
  child.argv = std::move(argv);
  child.searchPath = true;
  child.workDir = caseDir;  // PWD follows, else OpenFOAM warns "PWD is not the cwd()"
  child.logPath = log;
  child.env = {{"WM_PROJECT_DIR", projectDir(), false},
               {"OMPI_MCA_btl_vader_single_copy_mechanism", "none", false}};  // containers without CMA
  ChildExit ended;
  try {
    ended = runChild(child);
  } catch (const std::runtime_error& e) {
    throw RunError(simTime, "CFD " + program, e.what());
  }
  const int status = ended.waitStatus;
  FoamRun r;
  r.log = log;
  r.wallSeconds = ended.wallSeconds;
  std::string why;
  if (WIFEXITED(status) && WEXITSTATUS(status) == 127) {
    why = "could not execute " + child.argv[0] + " (not installed?)";
  } else if (WIFSIGNALED(status) && WTERMSIG(status) == SIGFPE) {
    why = fmt::format("the CFD diverged: {} stopped on a floating-point exception (signal {})", program,
                      SIGFPE);
  } else if (WIFSIGNALED(status)) {
    why = fmt::format("{} was killed by signal {}", program, WTERMSIG(status));
  } else if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
    why = fmt::format("{} exited with status {}", program, WEXITSTATUS(status));
  } else {
    std::ifstream in(log);
    std::string line;
    while (std::getline(in, line)) {
      if (line.find("FOAM FATAL") != std::string::npos) {
        why = program + " reported a fatal error";
        break;
      }
    }
  }
  if (!why.empty())
    throw RunError(simTime, "CFD " + program + " in " + caseDir, why + "\n" + logExcerpt(log));
  return r;
}

std::string Residuals::summary() const {
  std::string s;
  for (const auto& [f, r] : last) s += fmt::format("{}{} {:.2e}", s.empty() ? "" : ", ", f, r);
  return s;
}

Residuals parseResiduals(const std::string& logPath) {
  Residuals res;
  std::ifstream in(logPath);
  std::string line;
  while (std::getline(in, line)) {
    if (line.rfind("Time = ", 0) == 0) ++res.iterations;
    const size_t p = line.find("Solving for ");
    const size_t q = line.find("Initial residual = ");
    if (p == std::string::npos || q == std::string::npos) continue;
    const size_t f0 = p + 12, f1 = line.find(',', f0);
    const std::string field = line.substr(f0, f1 - f0);
    const std::string num = line.substr(q + 19, line.find(',', q) - (q + 19));
    double v = std::strtod(num.c_str(), nullptr);
    if (num.find("nan") != std::string::npos || num.find("inf") != std::string::npos || !std::isfinite(v)) {
      res.nonFinite = true;
      v = NAN;
    }
    bool found = false;
    for (auto& [n, r] : res.last)
      if (n == field) {
        r = v;
        found = true;
      }
    if (!found) res.last.emplace_back(field, v);
  }
  return res;
}

}  // namespace fdtwin::cfd
