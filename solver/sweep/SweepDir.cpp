#include "sweep/SweepDir.hpp"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <fmt/format.h>

#include <cerrno>
#include <chrono>
#include <cstring>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <nlohmann/json.hpp>

#include "core/Error.hpp"
#include "core/UtcTime.hpp"
#include "io/ResultReader.hpp"
#include "io/XdmfWriter.hpp"

namespace fdtwin::sweep {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

constexpr int kPlanFormat = 1;
constexpr const char* kPlanFile = "sweep.json";

json toJson(const CaseValue& v) {
  return std::visit([](const auto& x) { return json(x); }, v);
}

CaseValue fromJson(const json& j) {
  if (j.is_boolean()) return j.get<bool>();
  if (j.is_number_integer()) return j.get<long long>();
  if (j.is_number()) return j.get<double>();
  return j.get<std::string>();
}

json planToJson(const SweepPlan& p) {
  json j;
  j["format"] = kPlanFormat;
  j["name"] = p.name;
  j["mode"] = modeName(p.mode);
  j["sweep_file"] = p.sweepFile;
  j["base"] = p.basePath;
  j["base_toml"] = p.baseToml;
  j["overrides"] = p.overrides;
  j["duration"] = p.duration;
  j["output_interval"] = p.outputInterval;
  j["seed"] = p.seed;
  j["kpis"] = p.kpis;
  json params = json::array();
  for (const auto& q : p.parameters) params.push_back({{"key", q.key}, {"unit", q.unit}});
  j["parameters"] = params;
  j["slurm"] = {{"partition", p.slurm.partition},
                {"account", p.slurm.account},
                {"mem", p.slurm.mem},
                {"time", p.slurm.time},
                {"cpus_per_task", p.slurm.cpusPerTask},
                {"cases_per_task", p.slurm.casesPerTask},
                {"max_parallel", p.slurm.maxParallel},
                {"extra", p.slurm.extra}};
  json cases = json::array();
  for (const auto& c : p.cases) {
    json values = json::array();
    for (const auto& v : c.values) values.push_back(toJson(v));
    cases.push_back({{"name", c.name}, {"set", c.set}, {"values", values}});
  }
  j["cases"] = cases;
  return j;
}

SweepPlan planFromJson(const json& j) {
  SweepPlan p;
  p.name = j.at("name").get<std::string>();
  const std::string mode = j.at("mode").get<std::string>();
  p.mode = mode == "list" ? Mode::List : mode == "lhs" ? Mode::Lhs : Mode::Grid;
  p.sweepFile = j.at("sweep_file").get<std::string>();
  p.basePath = j.at("base").get<std::string>();
  p.baseToml = j.at("base_toml").get<std::string>();
  p.overrides = j.at("overrides").get<std::vector<std::string>>();
  p.duration = j.at("duration").get<double>();
  p.outputInterval = j.at("output_interval").get<double>();
  p.seed = j.at("seed").get<std::uint64_t>();
  p.kpis = j.at("kpis").get<std::vector<std::string>>();
  for (const auto& q : j.at("parameters")) p.parameters.push_back({q.at("key"), q.at("unit")});
  const json& s = j.at("slurm");
  p.slurm.partition = s.at("partition");
  p.slurm.account = s.at("account");
  p.slurm.mem = s.at("mem");
  p.slurm.time = s.at("time");
  p.slurm.cpusPerTask = s.at("cpus_per_task");
  p.slurm.casesPerTask = s.at("cases_per_task");
  p.slurm.maxParallel = s.at("max_parallel");
  p.slurm.extra = s.at("extra").get<std::vector<std::string>>();
  for (const auto& c : j.at("cases")) {
    PlannedCase pc;
    pc.name = c.at("name");
    pc.set = c.at("set").get<std::vector<std::string>>();
    for (const auto& v : c.at("values")) pc.values.push_back(fromJson(v));
    p.cases.push_back(std::move(pc));
  }
  return p;
}

// What makes two plans run different cases; "" when they run the same.
std::string difference(const SweepPlan& a, const SweepPlan& b) {
  if (a.basePath != b.basePath) return fmt::format("base case {} instead of {}", b.basePath, a.basePath);
  if (a.baseToml != b.baseToml) return fmt::format("the base case {} has changed since", a.basePath);
  if (a.overrides != b.overrides) return "other fixed keys ([set] or --set)";
  if (a.duration != b.duration) return "another duration";
  if (a.outputInterval != b.outputInterval) return "another output interval";
  if (a.cases.size() != b.cases.size())
    return fmt::format("{} cases instead of {}", b.cases.size(), a.cases.size());
  for (std::size_t i = 0; i < a.cases.size(); ++i) {
    if (a.cases[i].name != b.cases[i].name || a.cases[i].set != b.cases[i].set) {
      return fmt::format("other values for {}", a.cases[i].name);
    }
  }
  return "";
}

void writeAtomically(const std::string& path, const std::string& text) {
  const std::string part = path + ".part";
  {
    std::ofstream out(part, std::ios::binary | std::ios::trunc);
    out << text;
    out.flush();
    if (!out) throw std::runtime_error(fmt::format("cannot write {}", part));
  }
  std::error_code ec;
  fs::rename(part, path, ec);
  if (ec) throw std::runtime_error(fmt::format("cannot rename {} to {}: {}", part, path, ec.message()));
}

std::string readAll(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

}  // namespace

const char* stateName(CaseState s) {
  switch (s) {
    case CaseState::Done:
      return "done";
    case CaseState::Failed:
      return "failed";
    case CaseState::Pending:
      return "pending";
  }
  return "pending";
}

SweepDir SweepDir::prepare(const std::string& dir, const SweepPlan& plan) {
  std::error_code ec;
  if (fs::exists(dir, ec) && !fs::is_directory(dir, ec)) {
    throw InputError(dir, 0, "--output", "exists and is not a folder");
  }
  const fs::path planPath = fs::path(dir) / kPlanFile;
  if (fs::exists(planPath, ec)) {
    const SweepDir old = open(dir);
    const std::string diff = difference(old.plan(), plan);
    if (!diff.empty()) {
      throw InputError(dir, 0, "--output",
                       fmt::format("holds the results of a different sweep ({}); choose another folder or "
                                   "delete this one",
                                   diff));
    }
  } else if (fs::is_directory(dir, ec) && !fs::is_empty(dir, ec)) {
    throw InputError(
        dir, 0, "--output",
        fmt::format("is not empty and holds no sweep ({} is missing); choose a new or empty folder",
                    kPlanFile));
  }
  fs::create_directories(fs::path(dir) / "logs", ec);
  if (ec) throw InputError(dir, 0, "--output", "cannot create the sweep folder: " + ec.message());
  SweepDir d;
  d.m_path = dir;
  d.m_plan = plan;
  try {
    writeAtomically(planPath.string(), planToJson(plan).dump(1) + "\n");
  } catch (const std::exception& e) {
    throw InputError(dir, 0, "--output", e.what());
  }
  return d;
}

SweepDir SweepDir::open(const std::string& dir) {
  const fs::path planPath = fs::path(dir) / kPlanFile;
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) throw InputError(dir, 0, "", "no such sweep folder");
  if (!fs::exists(planPath, ec)) {
    throw InputError(dir, 0, "", fmt::format("not a sweep folder ({} is missing)", kPlanFile));
  }
  SweepDir d;
  d.m_path = dir;
  try {
    const json j = json::parse(readAll(planPath.string()));
    if (j.at("format").get<int>() != kPlanFormat) {
      throw InputError(planPath.string(), 0, "format",
                       fmt::format("sweep folder format {} is not supported (this program reads {})",
                                   j.at("format").get<int>(), kPlanFormat));
    }
    d.m_plan = planFromJson(j);
  } catch (const InputError&) {
    throw;
  } catch (const std::exception& e) {
    throw InputError(planPath.string(), 0, "", fmt::format("unreadable sweep plan: {}", e.what()));
  }
  return d;
}

std::string SweepDir::file(const std::string& name) const { return (fs::path(m_path) / name).string(); }
std::string SweepDir::resultPath(std::size_t i) const { return file(m_plan.cases.at(i).name + ".h5"); }
std::string SweepDir::failurePath(std::size_t i) const { return file(m_plan.cases.at(i).name + ".failed"); }
std::string SweepDir::logPath(std::size_t i) const {
  return (fs::path(m_path) / "logs" / (m_plan.cases.at(i).name + ".log")).string();
}

CaseStatus SweepDir::status(std::size_t i) const {
  CaseStatus s;
  std::error_code ec;
  if (fs::exists(resultPath(i), ec)) {
    try {
      const ResultReader r(resultPath(i));
      if (!r.kpi().empty()) {
        s.state = CaseState::Done;
        return s;
      }
    } catch (const std::exception&) {
      // not a complete result: the case runs again
    }
  }
  if (fs::exists(failurePath(i), ec)) {
    s.state = CaseState::Failed;
    try {
      const json j = json::parse(readAll(failurePath(i)));
      s.message = j.value("message", "");
      s.exitStatus = j.value("exit_status", 0);
      s.signal = j.value("signal", 0);
      s.wallSeconds = j.value("wall_time", 0.0);
    } catch (const std::exception&) {
      s.message = "failed (unreadable failure record)";
    }
  }
  return s;
}

double SweepDir::resumableFrom(std::size_t i) const {
  std::error_code ec;
  if (!fs::exists(resultPath(i), ec)) return -1.0;
  try {
    const ResultReader r(resultPath(i));
    const bool interrupted = r.hasAttribute("/", "status") && r.stringAttribute("/", "status") == "interrupted";
    if (interrupted && r.isGroup("/checkpoint") && r.hasAttribute("/checkpoint", "time"))
      return r.numberAttribute("/checkpoint", "time");
  } catch (const std::exception&) {
    // not a readable result: the case runs from the start
  }
  return -1.0;
}

void SweepDir::recordFailure(std::size_t i, const CaseStatus& f) const {
  const json j = {{"case", m_plan.cases.at(i).name}, {"message", f.message},
                  {"exit_status", f.exitStatus},     {"signal", f.signal},
                  {"wall_time", f.wallSeconds},      {"log", "logs/" + m_plan.cases.at(i).name + ".log"}};
  writeAtomically(failurePath(i), j.dump(1) + "\n");
}

void SweepDir::clearFailure(std::size_t i) const {
  std::error_code ec;
  fs::remove(failurePath(i), ec);
}

void SweepDir::log(const std::string& event) const {
  const std::string line = utcTimestamp(true) + " " + event + "\n";
  const int fd = ::open(file("sweep.log").c_str(), O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0644);
  if (fd < 0) return;  // the run log is a record, not a reason to stop a sweep
  [[maybe_unused]] const ssize_t n = ::write(fd, line.data(), line.size());
  ::close(fd);
}

SweepLock::SweepLock(const std::string& dir) {
  const std::string path = (fs::path(dir) / ".lock").string();
  m_fd = ::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
  if (m_fd < 0)
    throw InputError(path, 0, "", fmt::format("cannot create the lock file: {}", std::strerror(errno)));
  if (::flock(m_fd, LOCK_EX | LOCK_NB) != 0) {
    char buf[32] = {};
    [[maybe_unused]] const ssize_t n = ::pread(m_fd, buf, sizeof buf - 1, 0);
    ::close(m_fd);
    m_fd = -1;
    throw InputError(
        dir, 0, "--output",
        fmt::format("another fdtwin sweep is running in this folder (pid {}); wait for it or stop it",
                    std::string(buf).substr(0, std::string(buf).find('\n'))));
  }
  const std::string pid = fmt::format("{}\n", ::getpid());
  if (::ftruncate(m_fd, 0) == 0) {
    [[maybe_unused]] const ssize_t n = ::pwrite(m_fd, pid.data(), pid.size(), 0);
  }
}

SweepLock::~SweepLock() {
  if (m_fd >= 0) ::close(m_fd);
}

Selection selectCases(const SweepDir& dir, const std::vector<std::size_t>& candidates, bool retryFailed) {
  Selection sel;
  std::error_code ec;
  for (const std::size_t i : candidates) {
    const CaseStatus s = dir.status(i);
    if (s.state == CaseState::Done) {
      ++sel.done;
      // Killed between the rename of the .h5 and the XDMF: the result is whole, add its companion.
      if (!fs::exists(io::xdmfPathFor(dir.resultPath(i)), ec)) {
        try {
          io::writeXdmf(dir.resultPath(i));
        } catch (const std::exception&) {
          // the .h5 is the result; the XDMF is a convenience
        }
      }
    } else if (s.state == CaseState::Failed && !retryFailed) {
      ++sel.failed;
    } else {
      sel.toRun.push_back(i);
    }
  }
  return sel;
}

}  // namespace fdtwin::sweep
