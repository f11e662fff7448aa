#pragma once
// Comparing two result files item by item (`fdtwin compare A.h5 B.h5`): every KPI, every numeric
// dataset and every text dataset of the result schema (io/ResultSchema.hpp) that is not
// provenance, so two runs of one case compare equal, and a change shows where and when it is
// largest. For reviews ("what did this design change do?") and for the regression tier.
//
// A numeric item's difference is max|a − b| over its values, relative to the largest |a| or
// |b| of the item (so a series near zero is judged against its own scale, not per value); a
// KPI's is |a − b| / max(|a|, |b|) (a residual's, itself relative, |a − b|). Items whose shapes differ, or that only one file has,
// count as beyond any tolerance.
#include <cstddef>
#include <string>
#include <vector>

#include "io/ResultReader.hpp"

namespace fdtwin::io {

struct ItemDifference {
  std::string path;            // "/kpi/PUE", "/racks/T_chip"
  bool kpi = false;
  double a = 0.0, b = 0.0;     // KPIs: the two values; series: the values where they differ most
  double relative = 0.0;       // as above; +inf for a shape mismatch or a missing item
  std::string where;           // "row 12 (t = 43200 s), rack 45" or why it cannot be compared
};

struct Comparison {
  std::vector<ItemDifference> items;  // every compared item, the largest difference first
  std::size_t beyond = 0;             // items whose difference exceeds the tolerance
};

Comparison compareResults(const ResultReader& a, const ResultReader& b, double rtol);

}  // namespace fdtwin::io
