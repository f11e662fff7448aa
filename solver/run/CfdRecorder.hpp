#pragma once
// Writes the /cfd group of a result file (docs/results-format.md, "CFD coupling") from the
// coupler's per-window records, and adds the CFD KPIs to /kpi and to `kpi`.
#include <map>
#include <string>

#include "cfd/CfdCoupler.hpp"
#include "io/ResultWriter.hpp"

namespace fdtwin::io {

// start: the case start (ISO 8601), the epoch of `/cfd/time` as of `/time`.
// complete = false (a run that failed): the windows so far, without the /kpi entries.
void recordCfd(ResultWriter& w, const cfd::CfdCoupler& coupler, const std::string& start,
               std::map<std::string, double>& kpi, bool complete = true);

}  // namespace fdtwin::io
