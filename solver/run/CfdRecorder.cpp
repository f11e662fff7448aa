#include "run/CfdRecorder.hpp"

namespace fdtwin::io {

void recordCfd(ResultWriter& w, const cfd::CfdCoupler& coupler, std::map<std::string, double>& kpi, bool complete) {
  const auto& recs = coupler.records();
  const size_t n = recs.size();
  auto column = [&](auto get) {
    std::vector<double> v;
    v.reserve(n);
    for (const auto& r : recs) v.push_back(get(r));
    return v;
  };
  using R = cfd::CouplingRecord;
  w.write("/cfd/time", column([](const R& r) { return r.time; }), {n}, "s");
  w.write("/cfd/current_speed", column([](const R& r) { return r.current; }), {n}, "m/s");
  w.write("/cfd/outfall_flow", column([](const R& r) { return r.mdot; }), {n}, "kg/s");
  w.write("/cfd/outfall_temperature", column([](const R& r) { return r.outfallT; }), {n}, "K");
  w.write("/cfd/intake_rise", column([](const R& r) { return r.intakeRise; }), {n}, "K");
  w.write("/cfd/mixing_zone_rise", column([](const R& r) { return r.mixingZoneRise; }), {n}, "K");
  w.write("/cfd/plume_extent", column([](const R& r) { return r.plumeExtent; }), {n}, "m");
  w.write("/cfd/hull_heat", column([](const R& r) { return r.hullHeat; }), {n}, "W");
  w.write("/cfd/wall_time", column([](const R& r) { return r.wallSeconds; }), {n}, "s");
  w.write("/cfd/energy_imbalance", column([](const R& r) { return r.energyImbalance; }), {n}, "1");
  std::vector<std::string> res;
  for (const auto& r : recs) res.push_back(r.residuals);
  w.writeStrings("/cfd/residuals", res);
  w.groupAttribute("/cfd", "mode", coupler.mode());
  w.groupAttribute("/cfd", "coupling_window", coupler.params().window);
  w.groupAttribute("/cfd", "mixing_zone_radius", coupler.params().mixingZoneRadius);
  w.groupAttribute("/cfd", "permit_dT", coupler.params().permitDT);
  w.groupAttribute("/cfd", "mesh", coupler.params().mesh);
  // Slices (live runs): the same cells at every coupling time.
  for (const char* name : {"slice_horizontal", "slice_vertical"}) {
    const bool h = std::string(name) == "slice_horizontal";
    if (n == 0) break;
    const auto& first = h ? recs.front().horizontal : recs.front().vertical;
    const size_t np = first.points.size();
    if (np == 0) continue;
    // Points in the hull frame of /hull/points (z up from the keel), so viewers overlay them.
    const double draft = coupler.params().hull.draft;
    std::vector<double> pts;
    for (const auto& p : first.points) pts.insert(pts.end(), {p[0], p[1], p[2] + draft});
    std::vector<double> vals;
    bool consistent = true;
    for (const auto& r : recs) {
      const auto& s = h ? r.horizontal : r.vertical;
      consistent = consistent && s.values.size() == np;  // a record without slices: no slice group
      if (consistent) vals.insert(vals.end(), s.values.begin(), s.values.end());
    }
    if (!consistent) continue;
    const std::string g = std::string("/cfd/") + name;
    w.write(g + "/points", pts, {np, 3}, "m");
    w.write(g + "/T", vals, {n, np}, "K");
  }
  if (!complete) return;
  for (const auto& [k, v] : coupler.kpis()) {
    kpi[k] = v;
    w.groupAttribute("/kpi", k, v);
  }
}

}  // namespace fdtwin::io
