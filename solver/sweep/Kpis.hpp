#pragma once
// The KPIs a sweep can collect: the plant KPIs of the result schema (io/ResultSchema.hpp,
// the datasets of `/kpi` in a result file) with their SI units. A sweep file's
// `kpis = [...]` is checked against this list before any case runs, and the summary carries
// the units even when no case succeeded. tests/sweep/test_sweep_expansion.cpp compares the
// list with the /kpi datasets of a real result, so it cannot drift from the recorder.
#include <string>
#include <string_view>
#include <vector>

namespace fdtwin::sweep {

struct KpiDef {
  std::string name;  // dataset name under /kpi
  std::string unit;  // SI unit ("1" for dimensionless)
};

// Every KPI, in the order of docs/results-format.md.
const std::vector<KpiDef>& kpiTable();

// The KPI with that name, or nullptr.
const KpiDef* findKpi(std::string_view name);

// All KPI names, in table order.
std::vector<std::string> kpiNames();

}  // namespace fdtwin::sweep
