#include "io/ResultCompare.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <set>

#include "io/ResultSchema.hpp"

namespace fdtwin::io {

namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();

// "row 12 (t = 43200 s), rack 45" for the flat index k of a dataset of `shape`, with the time
// of the row from the dataset's time scale when it has one.
std::string locate(const ResultReader& r, const results::Entry& e, const std::vector<std::size_t>& shape,
                   std::size_t k) {
  if (shape.empty()) return "";
  std::size_t inner = 1;
  for (std::size_t d = 1; d < shape.size(); ++d) inner *= shape[d];
  const std::size_t row = k / inner, col = k % inner;
  std::string s;
  const bool timed = !e.dims.empty() && (e.dims.front() == "time" || e.dims.front() == "field_time");
  if (timed) {
    const auto times = r.readNumbers(r.timeScaleOf(e.path));
    s = row < times.size() ? fmt::format("row {} (t = {:.9g} s)", row, times[row]) : fmt::format("row {}", row);
  } else {
    s = fmt::format("{} {}", e.dims.empty() ? "index" : e.dims.front(), row);
  }
  if (shape.size() > 1 && e.dims.size() > 1) {
    s += fmt::format(", {} {}", e.dims[1], col);
    // The element's name, where the schema has a names dataset along that dimension
    // (`/racks/name` for rack, `/power/generator_name` for generator, ...).
    for (const results::Entry* n : results::schema()) {
      if (n->type != results::Type::Text || n->dims != std::vector<std::string>{e.dims[1]} || !r.isDataset(n->path))
        continue;
      const auto list = r.readStrings(n->path);
      if (col < list.size()) s += " (" + list[col] + ")";
      break;
    }
  }
  return s;
}

ItemDifference compareNumbers(const ResultReader& a, const ResultReader& b, const results::Entry& e) {
  ItemDifference d{e.path, false, 0.0, 0.0, 0.0, ""};
  const auto sa = a.shape(e.path), sb = b.shape(e.path);
  if (sa != sb) {
    const auto count = [](const std::vector<std::size_t>& s) {
      std::size_t n = 1;
      for (const std::size_t d : s) n *= d;
      return n;
    };
    d.relative = kInf;
    d.where = fmt::format("shapes differ: {} and {} values", count(sa), count(sb));
    return d;
  }
  const auto va = a.readNumbers(e.path), vb = b.readNumbers(e.path);
  double scale = 0.0, worst = -1.0;
  std::size_t at = 0;
  for (std::size_t k = 0; k < va.size(); ++k) {
    scale = std::max({scale, std::abs(va[k]), std::abs(vb[k])});
    const double diff = va[k] == vb[k] ? 0.0 : std::isnan(va[k]) || std::isnan(vb[k]) ? kInf : std::abs(va[k] - vb[k]);
    if (diff > worst) {
      worst = diff;
      at = k;
    }
  }
  if (va.empty()) return d;
  d.a = va[at];
  d.b = vb[at];
  d.relative = worst == 0.0 ? 0.0 : scale > 0.0 ? worst / scale : kInf;
  if (worst > 0.0) d.where = locate(a, e, sa, at);
  return d;
}

}  // namespace

Comparison compareResults(const ResultReader& a, const ResultReader& b, double rtol) {
  Comparison c;
  // KPIs: the union of both files' (a KPI only one file has is a difference).
  const auto ka = a.kpi(), kb = b.kpi();
  std::set<std::string> names;
  for (const auto& [k, v] : ka) names.insert(k);
  for (const auto& [k, v] : kb) names.insert(k);
  for (const auto& name : names) {
    ItemDifference d{"/kpi/" + name, true, 0.0, 0.0, 0.0, ""};
    const auto ia = ka.find(name), ib = kb.find(name);
    if (ia == ka.end() || ib == kb.end()) {
      d.relative = kInf;
      d.where = ia == ka.end() ? "only in B" : "only in A";
    } else {
      d.a = ia->second;
      d.b = ib->second;
      // A residual is itself relative and near zero: its difference is taken as it is.
      const bool residual = name.size() > 9 && name.compare(name.size() - 9, 9, "_residual") == 0;
      const double scale = residual ? 1.0 : std::max(std::abs(d.a), std::abs(d.b));
      d.relative = d.a == d.b ? 0.0 : scale > 0.0 ? std::abs(d.a - d.b) / scale : kInf;
    }
    c.items.push_back(d);
  }
  // Datasets of the schema, provenance left out (it differs between two runs of one case).
  for (const results::Entry* e : results::schema()) {
    if (e->provenance || e->isAttribute() || e->kind == results::Kind::Kpi) continue;
    const bool inA = a.isDataset(e->path), inB = b.isDataset(e->path);
    if (!inA && !inB) continue;
    if (inA != inB) {
      c.items.push_back({e->path, false, 0.0, 0.0, kInf, inA ? "only in A" : "only in B"});
      continue;
    }
    if (e->type == results::Type::Text) {
      const bool same = a.readStrings(e->path) == b.readStrings(e->path);
      c.items.push_back({e->path, false, 0.0, 0.0, same ? 0.0 : kInf, same ? "" : "the texts differ"});
      continue;
    }
    c.items.push_back(compareNumbers(a, b, *e));
  }
  std::stable_sort(c.items.begin(), c.items.end(),
                   [](const ItemDifference& x, const ItemDifference& y) { return x.relative > y.relative; });
  c.beyond = static_cast<std::size_t>(std::count_if(c.items.begin(), c.items.end(),
                                                    [&](const ItemDifference& d) { return d.relative > rtol; }));
  return c;
}

}  // namespace fdtwin::io
