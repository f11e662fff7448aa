#include "io/JobList.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>

#include <fmt/format.h>

#include "core/Error.hpp"
#include "core/Units.hpp"

namespace fdtwin::io {

namespace {

constexpr const char* kKinds[] = {"training", "inference", "idle", "csv"};
constexpr const char* kExample = "e.g. \"training:0-59; inference:60-79\"";

std::string trim(const std::string& s) {
  const auto b = s.find_first_not_of(" \t\n\r");
  if (b == std::string::npos) return "";
  return s.substr(b, s.find_last_not_of(" \t\n\r") - b + 1);
}

std::vector<std::string> split(const std::string& s, char sep) {
  std::vector<std::string> out;
  size_t start = 0;
  for (;;) {
    const auto at = s.find(sep, start);
    out.push_back(s.substr(start, at == std::string::npos ? std::string::npos : at - start));
    if (at == std::string::npos) return out;
    start = at + 1;
  }
}

bool wholeNumber(const std::string& s, int& out) {
  const char* b = s.data();
  const auto r = std::from_chars(b, b + s.size(), out);
  return !s.empty() && r.ec == std::errc() && r.ptr == b + s.size();
}

}  // namespace

std::vector<JobSpec> parseJobList(const std::string& text, int rackCount, const std::string& file, int line) {
  std::vector<JobSpec> jobs;
  std::vector<int> owner(static_cast<size_t>(std::max(rackCount, 0)), -1);
  int number = 0;
  bool byShare = false;
  double cumulative = 0.0;  // % of the racks given to the jobs so far (shares)
  for (const std::string& raw : split(text, ';')) {
    const std::string job = trim(raw);
    if (job.empty()) continue;
    ++number;
    const auto fail = [&](const std::string& what) {
      return InputError(file, line, "it.jobs", fmt::format("job {} \"{}\": {}", number, job, what));
    };
    std::vector<std::string> words;
    for (const auto& w : split(job, ' '))
      if (!trim(w).empty()) words.push_back(trim(w));
    const std::string& head = words.front();
    const auto colon = head.find(':');
    if (colon == std::string::npos) throw fail(fmt::format("expected KIND:FIRST-LAST, {}", kExample));
    JobSpec spec;
    spec.kind = head.substr(0, colon);
    if (std::find(std::begin(kKinds), std::end(kKinds), spec.kind) == std::end(kKinds))
      throw fail(fmt::format("unknown kind \"{}\"; expected training, inference, idle or csv", spec.kind));
    const std::string range = head.substr(colon + 1);
    const bool share = !range.empty() && range.back() == '%';
    if (number > 1 && share != byShare)
      throw fail("expected every job as a rack range FIRST-LAST or every job as a share N%, not both");
    byShare = share;
    if (share) {
      // A share of the racks, in order: the job ends where the running total of the shares
      // does (rounded to whole racks), so the jobs scale with the plant (sweeps over it.halls).
      double pct = 0.0;
      const auto r = std::from_chars(range.data(), range.data() + range.size() - 1, pct);
      if (r.ec != std::errc() || r.ptr != range.data() + range.size() - 1 || !(pct > 0.0 && pct <= 100.0))
        throw fail(
            fmt::format("expected a share N% with 0 < N <= 100 after \"{}:\", got \"{}\"", spec.kind, range));
      spec.firstRack = static_cast<int>(std::lround(cumulative / 100.0 * rackCount));
      cumulative += pct;
      spec.lastRack = static_cast<int>(std::lround(std::min(cumulative, 100.0) / 100.0 * rackCount)) - 1;
    } else {
      const auto dash = range.find('-');
      if (dash == std::string::npos || !wholeNumber(range.substr(0, dash), spec.firstRack) ||
          !wholeNumber(range.substr(dash + 1), spec.lastRack))
        throw fail(
            fmt::format("expected a rack range FIRST-LAST of whole numbers or a share N% after \"{}:\", {}",
                        spec.kind, kExample));
      if (spec.firstRack < 0 || spec.firstRack > spec.lastRack || spec.lastRack >= rackCount)
        throw fail(
            fmt::format("expected 0 <= FIRST <= LAST <= {} (the plant has {} racks, numbered from 0), got {}",
                        rackCount - 1, rackCount, range));
    }
    for (size_t w = 1; w < words.size(); ++w) {
      const auto eq = words[w].find('=');
      const std::string key = words[w].substr(0, eq);
      const std::string value = eq == std::string::npos ? "" : words[w].substr(eq + 1);
      if (key == "phase" && !value.empty()) {
        try {
          spec.phase = units::parseDuration(value, "it.jobs");
        } catch (const InputError& e) {
          throw fail("phase: " + e.detail());
        }
      } else if (key == "utilization" && !value.empty()) {
        double u = 0.0;
        const auto r = std::from_chars(value.data(), value.data() + value.size(), u);
        if (r.ec != std::errc() || r.ptr != value.data() + value.size() || !(u >= 0.0 && u <= 1.0))
          throw fail(fmt::format("expected utilization=FRACTION within 0 … 1, got \"{}\"", words[w]));
        spec.utilization = u;
      } else {
        throw fail(
            fmt::format("expected an option phase=DURATION or utilization=FRACTION, got \"{}\"", words[w]));
      }
    }
    for (int i = spec.firstRack; i <= spec.lastRack; ++i) {
      int& o = owner[static_cast<size_t>(i)];
      if (o >= 0)
        throw fail(fmt::format("rack {} is already in job {}; every rack belongs to one job", i, o + 1));
      o = static_cast<int>(jobs.size());
    }
    jobs.push_back(spec);
  }
  if (jobs.empty()) return jobs;
  if (byShare && std::abs(cumulative - 100.0) > 1e-6)
    throw InputError(file, line, "it.jobs",
                     fmt::format("the shares add up to {} %; expected 100 %", cumulative));
  const auto gap = std::find(owner.begin(), owner.end(), -1);
  if (gap != owner.end()) {
    const int first = static_cast<int>(gap - owner.begin());
    const int last =
        static_cast<int>(std::find_if(gap, owner.end(), [](int o) { return o >= 0; }) - owner.begin()) - 1;
    throw InputError(
        file, line, "it.jobs",
        fmt::format("racks {}-{} belong to no job; every one of the {} racks (0-{}) must be in one", first,
                    last, rackCount, rackCount - 1));
  }
  return jobs;
}

std::vector<JobSpec> caseJobs(const Case& c) {
  const CaseEntry& e = c.entry("it.jobs");
  const long long racks =
      c.integer("it.halls") * c.integer("it.rows_per_hall") * c.integer("it.racks_per_row");
  const std::string file = e.file.empty() ? c.sourcePath() : e.file;
  auto jobs = parseJobList(c.string("it.jobs"), static_cast<int>(racks), file, e.line);
  for (const auto& j : jobs) {
    if (j.kind == "csv" && !c.has("it.profile_file"))
      throw InputError(
          file, e.line, "it.jobs",
          "a csv job needs a utilization CSV; add profile_file = \"utilization.csv\" under [it]");
  }
  return jobs;
}

}  // namespace fdtwin::io
