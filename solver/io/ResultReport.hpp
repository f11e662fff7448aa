#pragma once
// A review report of one result file (`fdtwin report RESULT.h5 -o report.html`): one
// self-contained HTML page (inline CSS and SVG, no scripts, nothing fetched) that a reviewer
// reads without fdtwin: the case, the run's status, every KPI with its unit and meaning (from
// the result schema), the limit checks with pass or fail, plots of the key series (powers,
// temperatures, outfall rise against its permit, PUE, battery), and the events.
//
// Limits come from the case stored in the result (`case_toml`): the outfall permits
// (`seawater.discharge_dT_max`, `power.engine_cooling.discharge_dT_max`), the chip limit
// (`it.chip_limit`), the ASHRAE class's allowable envelope and the dew-point alarm margin, as
// the run itself applied them; when that case cannot be read the checks say so.
#include <string>

#include "io/ResultReader.hpp"

namespace fdtwin::io {

struct LimitCheck {
  std::string what;      // "main outfall rise above the ambient sea"
  std::string measured;  // "8.04 K (max)"
  std::string limit;     // "≤ 8 K (seawater.discharge_dT_max)"
  bool pass = false;
};

// The checks a reviewer signs (empty when the result has no KPIs: a failed or interrupted run).
std::vector<LimitCheck> limitChecks(const ResultReader& r);

// The page, with the checks limitChecks(r) gave (computed once by the caller, who also prints them).
std::string reportHtml(const ResultReader& r, const std::vector<LimitCheck>& checks);

}  // namespace fdtwin::io
