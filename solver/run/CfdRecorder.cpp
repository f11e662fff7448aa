#include "run/CfdRecorder.hpp"

#include <stdexcept>

#include "io/ResultSchema.hpp"

namespace fdtwin::io {

void recordCfd(ResultWriter& w, const cfd::CfdCoupler& coupler, const std::string& start,
               std::map<std::string, double>& kpi, bool complete) {
  const auto& recs = coupler.records();
  const size_t n = recs.size();
  auto column = [&](auto get) {
    std::vector<double> v;
    v.reserve(n);
    for (const auto& r : recs) v.push_back(get(r));
    return v;
  };
  namespace rs = ::fdtwin::results;
  using R = cfd::CouplingRecord;
  // `/time@units`: the same epoch as the plant's time axis.
  const std::string timeUnits = rs::timeUnits(start);
  w.writeIndex(rs::windowIndex, n);
  w.write(rs::cfdTime, column([](const R& r) { return r.time; }), {n}, timeUnits);
  w.write(rs::cfdCurrentSpeed, column([](const R& r) { return r.current; }), {n});
  w.write(rs::cfdOutfallFlow, column([](const R& r) { return r.mdot; }), {n});
  w.write(rs::cfdOutfallTemperature, column([](const R& r) { return r.outfallT; }), {n});
  w.write(rs::cfdOutfallHeat, column([](const R& r) { return r.heat; }), {n});
  w.write(rs::cfdIntakeRise, column([](const R& r) { return r.intakeRise; }), {n});
  w.write(rs::cfdMixingZoneRise, column([](const R& r) { return r.mixingZoneRise; }), {n});
  w.write(rs::cfdPlumeExtent, column([](const R& r) { return r.plumeExtent; }), {n});
  w.write(rs::cfdHullHeat, column([](const R& r) { return r.hullHeat; }), {n});
  w.write(rs::cfdWallTime, column([](const R& r) { return r.wallSeconds; }), {n});
  w.write(rs::cfdEnergyImbalance, column([](const R& r) { return r.energyImbalance; }), {n});
  std::vector<std::string> res;
  res.reserve(recs.size());
  for (const auto& r : recs) res.push_back(r.residuals);
  w.writeStrings(rs::cfdResiduals, res);
  w.attribute(rs::cfdMode, coupler.mode());
  w.attribute(rs::cfdCouplingWindow, coupler.params().window);
  w.attribute(rs::cfdMixingZoneRadius, coupler.params().mixingZoneRadius);
  w.attribute(rs::cfdPermitDT, coupler.params().permitDT);
  w.attribute(rs::cfdMesh, coupler.params().mesh);
  // Slices (live runs): the same cells at every coupling time.
  struct Slice {
    bool horizontal;
    const rs::Entry &index, &points, &T;
  };
  for (const Slice& slice :
       {Slice{true, rs::sliceHorizontalPoint, rs::sliceHorizontalPoints, rs::sliceHorizontalT},
        Slice{false, rs::sliceVerticalPoint, rs::sliceVerticalPoints, rs::sliceVerticalT}}) {
    const bool h = slice.horizontal;
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
    w.writeIndex(slice.index, np);
    w.write(slice.points, pts, {np, 3});
    w.write(slice.T, vals, {n, np});
  }
  if (!complete) return;
  for (const auto& [k, v] : coupler.kpis()) {
    kpi[k] = v;
    const rs::Entry* e = rs::findKpi(k);
    if (!e) throw std::logic_error("CFD KPI " + k + " is not declared in io/ResultSchema.cpp");
    w.writeKpi(*e, v);
  }
}

}  // namespace fdtwin::io
