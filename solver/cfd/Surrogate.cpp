#include "cfd/Surrogate.hpp"

#include <algorithm>
#include <cmath>
#include <ctime>

#include <fmt/format.h>

#include "cfd/SeaMesh.hpp"
#include "core/Error.hpp"
#include "core/UtcTime.hpp"
#include "fdtwin/Version.hpp"
#include "io/ResultReader.hpp"
#include "io/ResultWriter.hpp"

namespace fdtwin::cfd {

std::map<std::string, std::string> layoutProvenance(const CfdParams& p) {
  auto num = [](double v) { return fmt::format("{:.6g}", v); };
  auto chest = [&](const SeaChest& c) {
    return fmt::format("{} x={} y={} depth={} size={}", hullFaceName(c.face), num(c.x), num(c.y),
                       num(c.depth), num(c.size));
  };
  return {
      {"hull", fmt::format("L={} B={} draft={}", num(p.hull.length), num(p.hull.beam), num(p.hull.draft))},
      {"panels", fmt::format("{}x{} wet {} dry {}", p.hull.panelsLength, p.hull.panelsBeam,
                             p.hull.panelsWetHeight, p.hull.panelsDryHeight)},
      {"outfall", chest(p.outfall)},
      {"intake", chest(p.intake)},
      {"mesh", p.mesh},
      {"sea_depth", num(p.seaDepth)},
      {"mixing_zone_radius", num(p.mixingZoneRadius)},
      {"salinity", num(p.salinity)}};
}

void saveSurrogate(const std::string& path, const SurrogateTable& t, const std::string& commandLine) {
  io::ResultWriter w(path);
  w.rootAttribute("schema_version", 1LL);
  w.rootAttribute("kind", std::string("fdtwin-cfd-surrogate"));
  w.rootAttribute("fdtwin_version", std::string(kVersion));
  w.rootAttribute("command_line", commandLine);
  w.rootAttribute("created_utc", utcTimestamp());
  for (const auto& [k, v] : t.provenance) w.rootAttribute("layout." + k, v);
  w.write("/axes/current_speed", t.current, {t.current.size()}, "m/s");
  w.write("/axes/mdot", t.mdot, {t.mdot.size()}, "kg/s");
  w.write("/axes/discharge_rise", t.rise, {t.rise.size()}, "K");
  const size_t n = t.intakeRise.size();
  w.write("/response/intake_rise", t.intakeRise, {n}, "K");
  w.write("/response/intake_rise_once", t.intakeRiseOnce, {n}, "K");
  w.write("/response/mixing_zone_rise", t.mixingZoneRise, {n}, "K");
  w.write("/response/plume_extent", t.plumeExtent, {n}, "m");
  const size_t np = t.hullH.empty() ? 0 : t.hullH[0].size();
  std::vector<double> flat;
  for (const auto& row : t.hullH) flat.insert(flat.end(), row.begin(), row.end());
  w.write("/response/hull_h", flat, {n, np}, "W/(m2 K)");
  w.commit();
}

Surrogate::Surrogate(const std::string& path, const CfdParams& p) {
  const ResultReader r(path);
  if (!r.hasAttribute("/", "kind") || r.stringAttribute("/", "kind") != "fdtwin-cfd-surrogate") {
    throw InputError(path, 0, "--cfd", "not an fdtwin CFD surrogate table (made by `fdtwin cfd train`)");
  }
  for (const auto& [k, v] : layoutProvenance(p)) {
    const std::string a = "layout." + k;
    const std::string stored = r.hasAttribute("/", a) ? r.stringAttribute("/", a) : std::string("(missing)");
    if (stored != v) {
      throw InputError(
          path, 0, "--cfd",
          fmt::format("the surrogate table was trained for another layout: {} is \"{}\" in the table but "
                      "\"{}\" in the case; train a table for this case with `fdtwin cfd train`",
                      k, stored, v));
    }
    m_t.provenance[k] = v;
  }
  m_t.current = r.readNumbers("/axes/current_speed");
  m_t.mdot = r.readNumbers("/axes/mdot");
  m_t.rise = r.readNumbers("/axes/discharge_rise");
  m_t.intakeRise = r.readNumbers("/response/intake_rise");
  m_t.intakeRiseOnce = r.readNumbers("/response/intake_rise_once");
  m_t.mixingZoneRise = r.readNumbers("/response/mixing_zone_rise");
  m_t.plumeExtent = r.readNumbers("/response/plume_extent");
  const auto shape = r.shape("/response/hull_h");
  const auto flat = r.readNumbers("/response/hull_h");
  const size_t n = m_t.current.size() * m_t.mdot.size() * m_t.rise.size();
  if (m_t.intakeRise.size() != n || shape.size() != 2 || shape[0] != n) {
    throw InputError(path, 0, "--cfd", "the surrogate table's responses do not match its axes");
  }
  for (size_t i = 0; i < n; ++i)
    m_t.hullH.emplace_back(flat.begin() + static_cast<long>(i * shape[1]),
                           flat.begin() + static_cast<long>((i + 1) * shape[1]));
}

namespace {
// Bracket and weight of x on an increasing axis; throws when far outside.
void locate(const std::vector<double>& a, double x, const char* what, const char* unit, size_t& i0,
            double& w) {
  if (a.size() == 1) {
    i0 = 0;
    w = 0.0;
    return;
  }
  const double span = a.back() - a.front();
  if (x < a.front() - 0.1 * span || x > a.back() + 0.1 * span) {
    throw RunError(
        0.0, "CFD surrogate",
        fmt::format("{} {:.4g} {} lies outside the table ({:.4g} … {:.4g} {}); extend the training grid",
                    what, x, unit, a.front(), a.back(), unit));
  }
  x = std::clamp(x, a.front(), a.back());
  i0 = static_cast<size_t>(std::upper_bound(a.begin(), a.end(), x) - a.begin());
  i0 = std::min(std::max<size_t>(i0, 1), a.size() - 1) - 1;
  w = (x - a[i0]) / (a[i0 + 1] - a[i0]);
}
}  // namespace

double Surrogate::interpolate(const std::vector<double>& v, double c, double m, double r) const {
  size_t i, j, k;
  double wi, wj, wk;
  locate(m_t.current, c, "current speed", "m/s", i, wi);
  locate(m_t.mdot, m, "seawater flow", "kg/s", j, wj);
  locate(m_t.rise, r, "outfall rise", "K", k, wk);
  double s = 0.0;
  for (int a = 0; a < 2; ++a)
    for (int b = 0; b < 2; ++b)
      for (int d = 0; d < 2; ++d) {
        const double wt = (a ? wi : 1 - wi) * (b ? wj : 1 - wj) * (d ? wk : 1 - wk);
        if (wt == 0.0) continue;
        s += wt *
             v[m_t.index(i + static_cast<size_t>(a), j + static_cast<size_t>(b), k + static_cast<size_t>(d))];
      }
  return s;
}

double Surrogate::intakeRise(double c, double m, double r) const {
  return interpolate(m_t.intakeRise, c, m, r);
}
double Surrogate::mixingZoneRise(double c, double m, double r) const {
  return interpolate(m_t.mixingZoneRise, c, m, r);
}
double Surrogate::plumeExtent(double c, double m, double r) const {
  return interpolate(m_t.plumeExtent, c, m, r);
}

std::vector<double> Surrogate::hullH(double current) const {
  size_t i;
  double w;
  locate(m_t.current, current, "current speed", "m/s", i, w);
  const size_t np = m_t.hullH.empty() ? 0 : m_t.hullH[0].size();
  std::vector<double> h(np, 0.0);
  const double n = static_cast<double>(m_t.mdot.size() * m_t.rise.size());
  for (int a = 0; a < 2; ++a) {
    const double wt = a ? w : 1 - w;
    if (wt == 0.0) continue;
    for (size_t j = 0; j < m_t.mdot.size(); ++j)
      for (size_t k = 0; k < m_t.rise.size(); ++k) {
        const auto& row = m_t.hullH[m_t.index(i + static_cast<size_t>(a), j, k)];
        for (size_t p = 0; p < np; ++p) h[p] += wt * row[p] / n;
      }
  }
  return h;
}

}  // namespace fdtwin::cfd
