#include "sweep/Kpis.hpp"

#include "io/ResultSchema.hpp"

namespace fdtwin::sweep {

const std::vector<KpiDef>& kpiTable() {
  // The plant KPIs of the result schema, in its order; the CFD KPIs exist only in CFD runs.
  static const std::vector<KpiDef> table = [] {
    std::vector<KpiDef> t;
    for (const results::Entry* e : results::kpis())
      if (!e->optional) t.push_back({e->name(), e->units});
    return t;
  }();
  return table;
}

const KpiDef* findKpi(std::string_view name) {
  for (const auto& k : kpiTable()) {
    if (k.name == name) return &k;
  }
  return nullptr;
}

std::vector<std::string> kpiNames() {
  std::vector<std::string> names;
  for (const auto& k : kpiTable()) names.push_back(k.name);
  return names;
}

}  // namespace fdtwin::sweep
