#pragma once
// Couples the plant network to the sea: explicit and staggered, one window at a time.
//
// At each window boundary t_k = k·cfd.coupling_window the coupler takes the plant's outfall
// flow and temperature, hull panel temperatures and the environment at t_k, and
//   live:       runs one OpenFOAM window (SeaCase) with them and hands the intake rise and the
//               hull panel h back to the plant, held constant until t_{k+1};
//   surrogate:  the plant's hooks interpolate the table continuously (no process runs); at t_k
//               the coupler only records the table's mixing-zone rise and plume extent.
// Each window is logged (wall time, residuals) and kept for the /cfd group of the results and
// the mixing-zone KPI against the permit.
#include <limits>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "cfd/CfdParams.hpp"
#include "cfd/SeaCase.hpp"
#include "cfd/Surrogate.hpp"

namespace fdtwin {
class Plant;
}  // namespace fdtwin

namespace fdtwin::cfd {

struct CouplingRecord {
  double time = 0.0;             // s, plant time of the exchange
  // The overboard plume (Plant::overboard: every outfall mixed at the CFD's outfall opening):
  // current [m/s], flow [kg/s], temperature [K], rise above ambient sea [K], heat [W].
  double current = 0, mdot = 0, outfallT = 0, dischargeRise = 0, heat = 0;
  double intakeRise = 0;         // K handed to the plant
  double mixingZoneRise = 0;     // K
  double plumeExtent = 0;        // m
  double hullHeat = 0;           // W (live)
  double wallSeconds = 0;        // s in OpenFOAM processes (live)
  double energyImbalance = 0;    // relative (live)
  std::string residuals;         // live
  Slice horizontal, vertical;    // live
};

class CfdCoupler {
 public:
  // mode "live" or "surrogate" (table required). workDir: the OpenFOAM case folder (live).
  // Throws InputError for a bad mode, table or layout, before any CFD runs.
  CfdCoupler(const CfdParams& p, Plant& plant, const std::string& mode, const std::string& table,
             const std::string& workDir);
  ~CfdCoupler();
  double window() const { return m_p.window; }
  // Next exchange time after t (inf when none is pending before the end).
  double nextExchange(double t) const;
  bool due(double t) const;
  // Whether an exchange changes the plant's CFD inputs stepwise (live: the intake rise and hull
  // h of the new window), so the integrator must restart there. The surrogate's hooks are
  // continuous functions of the plant's state: an exchange only records.
  bool changesPlant() const { return !m_surrogate; }
  // Exchange at plant time t with state y (t = 0: the cold start).
  void exchange(double t, const double* y);
  // KPIs of the coupling: mixing_zone_dT_max, permit_dT, permit_breach (0/1), plume_extent_max,
  // cfd_windows, cfd_wall_time. (run/CfdRecorder writes them with the /cfd group.)
  std::map<std::string, double> kpis() const;
  const CfdParams& params() const { return m_p; }
  const std::string& mode() const { return m_mode; }
  const std::vector<CouplingRecord>& records() const { return m_records; }
  double cfdWallSeconds() const;

 private:
  CfdParams m_p;
  Plant& m_plant;
  std::string m_mode;
  std::unique_ptr<SeaCase> m_case;
  std::unique_ptr<Surrogate> m_surrogate;
  double m_rise = 0.0;
  std::vector<double> m_h;
  double m_next = 0.0;
  std::vector<CouplingRecord> m_records;
};

}  // namespace fdtwin::cfd
