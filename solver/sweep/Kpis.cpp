#include "sweep/Kpis.hpp"

namespace fdtwin::sweep {

const std::vector<KpiDef>& kpiTable() {
  static const std::vector<KpiDef> table = {
      {"PUE", "1"},
      {"fuel_to_it_efficiency", "1"},
      {"T_chip_max", "K"},
      {"discharge_dT_max", "K"},
      {"fuel_total", "kg"},
      {"CO2_total", "kg"},
      {"E_it", "J"},
      {"E_facility", "J"},
      {"E_unserved", "J"},
      {"heat_to_sea", "J"},
      {"throttle_events", "1"},
      {"energy_balance_residual", "1"},
  };
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
