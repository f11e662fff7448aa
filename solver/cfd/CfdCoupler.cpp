#include "cfd/CfdCoupler.hpp"

#include <cmath>
#include <cstdio>

#include <fmt/format.h>

#include "core/Error.hpp"
#include "model/Plant.hpp"
#include "model/environment/Environment.hpp"
#include "model/properties/Seawater.hpp"

namespace fdtwin::cfd {

CfdCoupler::CfdCoupler(const CfdParams& p, Plant& plant, const std::string& mode, const std::string& table,
                       const std::string& workDir)
    : m_p(p), m_plant(plant), m_mode(mode) {
  if (mode == "surrogate") {
    if (table.empty()) throw InputError("", 0, "--cfd", "`--cfd surrogate` needs a table: --cfd surrogate TABLE.h5");
    m_surrogate = std::make_unique<Surrogate>(table, p);
    const Surrogate* s = m_surrogate.get();
    m_plant.setIntakeRiseModel([s](double c, double m, double r) { return s->intakeRise(c, m, std::max(r, 1e-3)); });
    m_plant.setHullSeaModel([s](double c) { return s->hullH(c); });
  } else if (mode == "live") {
    m_case = std::make_unique<SeaCase>(p, workDir);
    m_plant.setIntakeRiseModel([this](double, double, double) { return m_rise; });
    m_plant.setHullSeaModel([this](double) { return m_h; });
  } else {
    throw InputError("", 0, "--cfd", "unknown CFD mode '" + mode + "' (live, surrogate)");
  }
}

CfdCoupler::~CfdCoupler() = default;

double CfdCoupler::nextExchange(double t) const {
  return m_next > t ? m_next : std::numeric_limits<double>::infinity();
}

bool CfdCoupler::due(double t) const { return std::abs(t - m_next) <= 1e-9 * std::max(1.0, m_next); }

void CfdCoupler::exchange(double t, const double* y) {
  PlantSignals s;
  m_plant.evaluate(t, y, nullptr, s);
  CouplingRecord rec;
  rec.time = t;
  // Every outfall's water and heat leaves through the CFD's one overboard opening.
  const auto plume = m_plant.overboard(s);
  rec.current = s.env.currentSpeed;
  rec.mdot = plume.mdot;
  rec.outfallT = plume.T;
  rec.dischargeRise = plume.riseAboveAmbient;
  rec.heat = plume.heat;
  if (m_surrogate) {
    // The surrogate's rise is the plume's above the ambient sea, as the plant's measured rise.
    const double r = std::max(plume.riseAboveAmbient, 1e-3);
    rec.intakeRise = m_surrogate->intakeRise(rec.current, rec.mdot, r);
    rec.mixingZoneRise = m_surrogate->mixingZoneRise(rec.current, rec.mdot, r);
    rec.plumeExtent = m_surrogate->plumeExtent(rec.current, rec.mdot, r);
  } else {
    WindowInput in;
    const env::EnvironmentSample e = s.env;
    in.ambient = [e](double depth) { return env::seaTemperatureAtDepth(e, depth); };
    in.current = rec.current;
    in.outfallFlow = rec.mdot / props::seawater(rec.outfallT, m_p.salinity).rho;
    in.outfallT = rec.outfallT;
    const auto& hull = m_plant.hull();
    in.hullPanelT.resize(static_cast<size_t>(hull.count()));
    for (int p = 0; p < hull.count(); ++p) in.hullPanelT[static_cast<size_t>(p)] = y[hull.stateIndex(p)];
    const int iterations = m_records.empty() ? m_p.initialIterations : m_p.iterations;
    WindowOutput o;
    try {
      o = m_case->runWindow(in, t, iterations);
    } catch (const RunError& err) {
      throw RunError(t, fmt::format("CFD coupling window {} (t = {:.0f} s)", m_records.size(), t), err.what());
    }
    m_rise = o.intakeRise;
    // Panels without a value (dry) stay at 0; a wet panel the CFD left at 0 keeps its last h.
    if (m_h.size() != o.hPanel.size()) m_h.assign(o.hPanel.size(), 0.0);
    for (size_t p = 0; p < o.hPanel.size(); ++p)
      if (o.hPanel[p] > 0.0) m_h[p] = o.hPanel[p];
    rec.intakeRise = o.intakeRise;
    rec.mixingZoneRise = o.mixingZoneMaxRise;
    rec.plumeExtent = o.plumeExtent;
    rec.hullHeat = o.hullHeat;
    rec.wallSeconds = o.wallSeconds;
    rec.energyImbalance = o.balance.relativeImbalance();
    rec.residuals = o.residuals.summary();
    rec.horizontal = std::move(o.horizontal);
    rec.vertical = std::move(o.vertical);
    std::fprintf(stderr, "cfd: window %zu at t = %.0f s: %.2f s OpenFOAM, intake rise %.3f K, mixing-zone rise %.3f K, residuals %s\n",
                 m_records.size(), t, rec.wallSeconds, rec.intakeRise, rec.mixingZoneRise, rec.residuals.c_str());
  }
  m_records.push_back(std::move(rec));
  m_next = t + m_p.window;
}

double CfdCoupler::cfdWallSeconds() const {
  double w = 0.0;
  for (const auto& r : m_records) w += r.wallSeconds;
  return w + (m_case ? m_case->meshSeconds() : 0.0);
}

std::map<std::string, double> CfdCoupler::kpis() const {
  double mz = 0.0, plume = 0.0;
  for (const auto& r : m_records) {
    mz = std::max(mz, r.mixingZoneRise);
    plume = std::max(plume, r.plumeExtent);
  }
  return {{"mixing_zone_dT_max", mz},
          {"permit_dT", m_p.permitDT},
          {"permit_breach", mz > m_p.permitDT ? 1.0 : 0.0},
          {"plume_extent_max", plume},
          {"cfd_windows", static_cast<double>(m_records.size())},
          {"cfd_wall_time", cfdWallSeconds()}};
}

}  // namespace fdtwin::cfd
