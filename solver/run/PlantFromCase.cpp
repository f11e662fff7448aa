#include "run/PlantFromCase.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <fstream>
#include <sstream>

#include "core/Error.hpp"
#include "io/JobList.hpp"
#include "run/CaseBindings.hpp"

namespace fdtwin::io {

namespace {
std::vector<std::pair<double, double>> readProfileCsv(const std::string& path) {
  std::ifstream in(path);
  if (!in) throw InputError(path, 0, "it.profile_file", "cannot read the utilization CSV");
  std::vector<std::pair<double, double>> rows;
  std::string line;
  int lineNo = 0;
  bool header = false;
  while (std::getline(in, line)) {
    ++lineNo;
    if (line.empty() || line[0] == '#') continue;
    if (!header) {
      if (line.rfind("time_s,utilization", 0) != 0) {
        throw InputError(path, lineNo, "header", "expected the header 'time_s,utilization'");
      }
      header = true;
      continue;
    }
    const auto comma = line.find(',');
    double t = 0, u = 0;
    const char* b = line.data();
    const auto r1 = std::from_chars(b, b + (comma == std::string::npos ? line.size() : comma), t);
    const auto r2 = comma == std::string::npos ? std::from_chars_result{nullptr, std::errc::invalid_argument}
                                               : std::from_chars(b + comma + 1, b + line.size(), u);
    if (r1.ec != std::errc() || r2.ec != std::errc() || !std::isfinite(t) || !std::isfinite(u)) {
      throw InputError(path, lineNo,
                       comma == std::string::npos || r1.ec != std::errc() ? "time_s" : "utilization",
                       "expected two numbers 'time_s,utilization'");
    }
    if (u < 0.0 || u > 1.0) throw InputError(path, lineNo, "utilization", "must be within 0 … 1");
    if (!rows.empty() && t <= rows.back().first)
      throw InputError(path, lineNo, "time_s", "time must increase");
    rows.emplace_back(t, u);
  }
  if (rows.size() < 2) throw InputError(path, lineNo, "", "a utilization CSV needs at least two rows");
  return rows;
}
}  // namespace

double startSecondOfDay(const Case& c) {
  const DateTime t = c.dateTime("case.start");
  const long long local = (t.epochSeconds + t.utcOffsetSeconds) % 86400;
  return static_cast<double>(local < 0 ? local + 86400 : local);
}

PlantParams plantParams(const Case& c) {
  PlantParams p{};
  applyBindings(plantBindings(), c, p);
  auto& pr = p.it.profile;
  pr.startHourOfDay = startSecondOfDay(c) / 3600.0;
  const DateTime start = c.dateTime("case.start");
  p.air.startDayOfYear = localDayOfYear(start.epochSeconds, start.utcOffsetSeconds);
  const auto jobs = caseJobs(c);
  const bool csvJob = std::any_of(jobs.begin(), jobs.end(), [](const JobSpec& j) { return j.kind == "csv"; });
  if (pr.kind == it::ProfileKind::Csv || csvJob) {
    for (const auto& [t, u] : readProfileCsv(c.string("it.profile_file"))) {
      pr.csvTime.push_back(t);
      pr.csvValue.push_back(u);
    }
  }
  // Each job runs the case's profile with its own kind, level and phase.
  const std::pair<const char*, it::ProfileKind> kinds[] = {{"training", it::ProfileKind::Training},
                                                           {"inference", it::ProfileKind::Inference},
                                                           {"idle", it::ProfileKind::Idle},
                                                           {"csv", it::ProfileKind::Csv}};
  for (const auto& j : jobs) {
    it::JobParams job{pr, j.firstRack, j.lastRack};
    for (const auto& [word, kind] : kinds)
      if (j.kind == word) job.profile.kind = kind;
    if (j.phase) job.profile.phase = *j.phase;
    if (j.utilization) job.profile.level = *j.utilization;
    p.it.jobs.push_back(job);
  }
  return p;
}

}  // namespace fdtwin::io

namespace fdtwin::io {

std::shared_ptr<const env::Environment> makeEnvironment(const Case& c) {
  return makeEnvironment(c, c.real("case.duration"));
}

std::shared_ptr<const env::Environment> makeEnvironment(const Case& c, double duration) {
  const DateTime start = c.dateTime("case.start");
  if (c.string("environment.source") == "csv") {
    env::CsvEnvironmentSettings settings;
    settings.wrap =
        c.string("environment.wrap") == "years" ? env::EnvironmentWrap::Years : env::EnvironmentWrap::None;
    settings.startEpochSeconds = start.epochSeconds;
    auto environment = std::make_shared<env::CsvEnvironment>(c.string("environment.file"), settings);
    environment->requireCoverage(duration);
    return environment;
  }
  env::SyntheticEnvironmentParameters p;
  applyBindings(environmentBindings(), c, p);
  p.startEpoch_s = static_cast<double>(start.epochSeconds);
  // The tide and the thermocline swing no further than their means (speed and depth stay >= 0).
  p.currentM2Amplitude = std::min(p.currentM2Amplitude, p.currentMean);
  p.mldAnnualAmplitude = std::min(p.mldAnnualAmplitude, p.mldMean);
  return std::make_shared<env::SyntheticEnvironment>(p);
}

}  // namespace fdtwin::io
