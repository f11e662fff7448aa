#pragma once
// Writes the /cfd group of a result file (docs/results-format.md, "CFD coupling") from the
// coupler's per-window records, and adds the CFD KPIs to /kpi and to `kpi`.
#include <map>
#include <string>

#include "cfd/CfdCoupler.hpp"
#include "io/ResultWriter.hpp"

namespace fdtwin::io {

void recordCfd(ResultWriter& w, const cfd::CfdCoupler& coupler, std::map<std::string, double>& kpi);

}  // namespace fdtwin::io
