#include "sweep/SlurmScript.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <filesystem>

namespace fdtwin::sweep {

namespace fs = std::filesystem;

std::size_t chunkCount(const SweepPlan& plan) {
  const auto per = static_cast<std::size_t>(std::max<long long>(1, plan.slurm.casesPerTask));
  return (plan.cases.size() + per - 1) / per;
}

std::vector<std::size_t> chunkCases(const SweepPlan& plan, std::size_t chunk) {
  const auto per = static_cast<std::size_t>(std::max<long long>(1, plan.slurm.casesPerTask));
  std::vector<std::size_t> out;
  for (std::size_t i = chunk * per; i < std::min(plan.cases.size(), (chunk + 1) * per); ++i) out.push_back(i);
  return out;
}

std::string arrayRanges(const std::vector<std::size_t>& sorted) {
  std::string s;
  for (std::size_t a = 0; a < sorted.size();) {
    std::size_t b = a;
    while (b + 1 < sorted.size() && sorted[b + 1] == sorted[b] + 1) ++b;
    if (!s.empty()) s += ',';
    s += a == b ? fmt::format("{}", sorted[a]) : fmt::format("{}-{}", sorted[a], sorted[b]);
    a = b + 1;
  }
  return s;
}

std::string shellQuote(const std::string& word) {
  if (!word.empty() &&
      word.find_first_not_of("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-./:=+,@%") ==
          std::string::npos) {
    return word;
  }
  std::string out = "'";
  for (const char c : word) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

std::string slurmScript(const SweepDir& dir, const std::string& program,
                        const std::vector<std::size_t>& chunks, bool retryFailed) {
  const SweepPlan& plan = dir.plan();
  const SlurmOptions& o = plan.slurm;
  const std::string abs = fs::absolute(dir.path()).lexically_normal().string();
  std::string jobName = plan.name;
  std::replace_if(
      jobName.begin(), jobName.end(), [](char c) { return c == ' ' || c == '\'' || c == '"'; }, '_');
  std::string s;
  s += "#!/bin/bash\n";
  s += fmt::format("# fdtwin sweep \"{}\": {} cases in {} array task(s) of up to {} case(s).\n", plan.name,
                   plan.cases.size(), chunks.size(), o.casesPerTask);
  s += "# Written by `fdtwin sweep … --slurm`; edit the #SBATCH lines as needed, then\n";
  s += fmt::format("#   sbatch {}\n", shellQuote(abs + "/sweep.sbatch"));
  s += "# and once the array has ended (or to look at a partial result):\n";
  s += fmt::format("#   {} sweep collect {}\n", shellQuote(program), shellQuote(abs));
  s += "# Resubmitting this script runs only the cases that are not complete.\n";
  s += fmt::format("#SBATCH --job-name={}\n", jobName);
  s += fmt::format("#SBATCH --array={}{}\n", arrayRanges(chunks),
                   o.maxParallel > 0 ? fmt::format("%{}", o.maxParallel) : std::string());
  s += fmt::format("#SBATCH --output={}/logs/slurm-%A_%a.out\n", abs);
  s += "#SBATCH --open-mode=append\n";  // a requeued task appends to its log instead of replacing it
  // SIGTERM to the task (the batch shell, which `exec`s fdtwin) 120 s before the time limit:
  // its running cases stop at their next row with a checkpoint and the resubmitted script
  // resumes them, where the limit's own SIGTERM would leave 30 s (KillWait) before SIGKILL.
  s += "#SBATCH --signal=B:TERM@120\n";
  s += "#SBATCH --ntasks=1\n";
  s += fmt::format("#SBATCH --cpus-per-task={}\n", o.cpusPerTask);
  s += fmt::format("#SBATCH --time={}\n", o.time);
  if (!o.partition.empty()) s += fmt::format("#SBATCH --partition={}\n", o.partition);
  if (!o.account.empty()) s += fmt::format("#SBATCH --account={}\n", o.account);
  if (!o.mem.empty()) s += fmt::format("#SBATCH --mem={}\n", o.mem);
  for (const auto& e : o.extra) s += fmt::format("#SBATCH {}\n", e);
  s += "set -euo pipefail\n";
  for (const auto& line : o.setup) s += line + "\n";  // slurm.setup
  s += fmt::format(
      "exec {} sweep task {} --chunk \"$SLURM_ARRAY_TASK_ID\" -j \"${{SLURM_CPUS_PER_TASK:-1}}\"{}\n",
      shellQuote(program), shellQuote(abs), retryFailed ? " --retry-failed" : "");
  return s;
}

}  // namespace fdtwin::sweep
