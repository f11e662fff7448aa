#pragma once
// The jobs of a case (it.jobs): rack ranges, each running one utilization profile.
//
//   it.jobs = "training:0-129; inference:130-153 utilization=0.8 phase=6h; idle:154-159"
//
// Jobs are separated by ";". Each is KIND:FIRST-LAST (KIND one of training, inference, idle,
// csv; FIRST and LAST rack numbers from 0 in the order of /racks/name, hall 1 first, LAST
// included), optionally followed by options separated by spaces: `phase=DURATION` (shifts the
// training pattern, "20min", "3600") and `utilization=FRACTION` (the job's level instead of
// it.utilization). Every rack belongs to exactly one job. Instead of rack ranges, every job may
// give its share of the racks, KIND:N% (in order; each job ends where the running total of the
// shares does, rounded to whole racks; the shares add up to 100 %), so that the jobs scale with
// the plant: "training:81.25%; inference:15%; idle:3.75%". An empty text: one job per hall.
#include <optional>
#include <string>
#include <vector>

#include "io/Case.hpp"

namespace fdtwin::io {

struct JobSpec {
  std::string kind;  // training, inference, idle, csv
  int firstRack = 0, lastRack = 0;
  std::optional<double> phase;        // s
  std::optional<double> utilization;  // 1
};

// Parses `text` for a plant of rackCount racks; a bad job throws
// InputError(file, line, "it.jobs", what is wrong in which job and what was expected).
std::vector<JobSpec> parseJobList(const std::string& text, int rackCount, const std::string& file, int line);

// The case's it.jobs, parsed and checked against its rack count (it.halls × it.rows_per_hall ×
// it.racks_per_row) and it.profile_file (a csv job needs it). Case::validate calls it.
std::vector<JobSpec> caseJobs(const Case& c);

}  // namespace fdtwin::io
