#pragma once
// Liquid-cooled AI racks, each with two states.
//
// Rack i runs job j(i) (it.jobs: rack ranges, each with its own utilization profile u_j(t))
// and draws electrical power
//   P_i = s · θ_i · g_i · [P_idle + (P_peak − P_idle)·u_j(i)(t)]                      [W]
// (θ_i = throttle factor while throttled, else 1; s = share of IT load served, < 1 only when
// the power plant cannot cover demand; g_i = the rack's power factor of the hardware spread).
// A share f (liquid fraction) enters the cold plates, the rest the hall air. States and
// equations (sign: heat into a node is positive):
//   chip / cold plate:  C_c dT_c/dt = f·P_i − (T_c − T_o)/R_i                    [W]
//   coolant (outlet):   C_w dT_o/dt = (T_c − T_o)/R_i − ṁ_i·c·(T_o − T_sup,h)       [W]
// with R_i the rack's chip-to-coolant resistance, ṁ_i its coolant flow (the row manifold's
// split, cooling/RowManifold, of the row's flow: OCP rule 1.5 L/min per kW of peak power for
// every rack of the row), c the coolant specific heat and T_sup,h the hall's CDU supply
// temperature. Steady state: T_o = T_sup + f·P/(ṁ_i c) and T_c = T_o + f·P·R_i.
// Air-cooled racks (f = 0, no cold plates): the chip's heat path is chip → heat sinks → the
// hall's (inlet) air T_air,h through the chip-to-air resistance R_air,i (it.chip_air_resistance):
//   chip:               C_c dT_c/dt = P_i − (T_c − T_air,h)/R_air,i                 [W]
//   coolant (outlet):   C_w dT_o/dt = −ṁ_i·c·(T_o − T_sup,h)  (no liquid heat)
// and the rack gives (T_c − T_air,h)/R_air,i to its hall's air; steady T_c = T_air + P·R_air.
// For 0 < f ≤ 1 the air share (1 − f)·P goes to the hall air at once, as above.
// Hardware spread (manufacturing variation of cold-plate contact and silicon power, seeded,
// the same for the same it.spread_seed on every platform):
//   R_i = R·(1 + σ_R·z_R,i),  g_i = 1 + σ_P·z_P,i,  z ~ N(0, 1) truncated to ±3
// (R_air,i = R_air·(1 + σ_R·z_R,i) with the same draw: the spread of the thermal interface)
// with z drawn rack by rack (z_R then z_P) from std::mt19937_64 (its sequence is fixed by the
// C++ standard) through the Box–Muller transform (Box & Muller, Ann. Math. Stat. 29 (1958) 610),
// not std::normal_distribution, whose output differs between standard libraries.
// Throttling (thermal slowdown, like a GPU's clock reduction): the power cap falls linearly
// from 1 at T_lim − w to θ_min at the chip limit T_lim (w = throttle band):
//   θ(T_c) = 1 − (1 − θ_min)·clamp((T_c − T_lim + w)/w, 0, 1).
// The cap is continuous in T_c, so it acts as a proportional controller and never chatters;
// events report a rack entering the band (T_c ≥ T_lim − w) and leaving it with a hysteresis of
// one more band width (T_c ≤ T_lim − 2w), found by root finding.
#include <random>
#include <string>
#include <vector>

#include "model/PlantParams.hpp"
#include "network/SparseJacobian.hpp"
#include "network/StateLayout.hpp"

namespace fdtwin::it {

struct RackInfo {
  std::string name;
  int hall = 0;
  int row = 0;                       // row in the hall (0-based)
  int slot = 0;                      // position along the row's headers, 0 = nearest the CDU
  int job = 0;                       // index into Racks::jobs()
  double position[3] = {0, 0, 0};    // m, centre
  double size[3] = {0.6, 1.2, 2.3};  // m
};

// The jobs of p: p.jobs, or (none given) one job per hall over all its racks running p.profile,
// hall k shifted by k·hallPhaseShift.
std::vector<JobParams> effectiveJobs(const ItParams& p);

// Standard normal numbers from a seed, the same on every platform (see the header comment).
class PortableNormal {
 public:
  explicit PortableNormal(unsigned long long seed) : m_engine(seed) {}
  double next();

 private:
  std::mt19937_64 m_engine;
  double m_spare = 0.0;
  bool m_hasSpare = false;
};

class Racks {
 public:
  Racks(const ItParams& p, double coolantCp, double coolantDensity);
  // Sets the coolant flow of every rack from the split of one row's flow among its slots
  // (cooling::manifoldSplit, one value per slot, kg/s); every row of every hall splits alike.
  void setRowSplit(const std::vector<double>& slotFlow);
  // ṁ of one rack at the OCP rule (1.5 L/min per kW of peak power), kg/s.
  double nominalFlow() const { return m_mdotNominal; }

  void declareStates(network::StateLayout& layout, double initialT);
  int count() const { return static_cast<int>(m_info.size()); }
  std::vector<RackInfo>& info() { return m_info; }
  const std::vector<RackInfo>& info() const { return m_info; }

  const std::vector<JobParams>& jobs() const { return m_jobs; }
  int job(int i) const { return m_info[static_cast<size_t>(i)].job; }

  // Demand of rack i at utilization u and chip temperature tChip (before shedding), W.
  double demand(int i, double u, double tChip) const;
  double throttleShare(double tChip) const;
  double throttleSlope(double tChip) const;  // dθ/dT_c, 1/K
  // Total demand of all racks given per-job utilization and the state, W.
  double totalDemand(const std::vector<double>& uJob, const double* y) const;

  // Writes ydot for the rack states. uJob[j]: utilization of job j; tSupply[h]: CDU supply
  // temperature of hall h; hallAirIndex[h]: the state of hall h's air. served: share s of demand
  // served. Adds the heat to the air per hall to airHeat[h] and the served electrical power to
  // *pServed.
  void rhs(const double* y, double* ydot, const std::vector<double>& uJob, const std::vector<double>& tSupply,
           const std::vector<int>& hallAirIndex, double served, std::vector<double>& airHeat,
           double* pServed, const std::vector<double>* rowInlet = nullptr,
           std::vector<double>* rowAirHeat = nullptr) const;
  // rowInlet (if given): the server inlet air of each rack row (global row hall·rows + row, K),
  // which air-cooled racks' chips then see instead of the hall air; rowAirHeat (if given): each
  // row's heat to air is added to it (W; cooling/HallAir).
  int globalRow(int i) const {
    const auto& r = m_info[static_cast<size_t>(i)];
    return r.hall * m_p.rowsPerHall + r.row;
  }
  // Steady T_o and T_c of rack i into y at utilization u, CDU supply tSupply and hall air tAir
  // (the steady state in the header), with its demand at the chip temperature now in y.
  void setSteady(int i, double* y, double u, double tSupply, double tAir) const;
  // Jacobian entries of the rack rows. supplyFromReturn[h] = ∂T_sup,h/∂T_ret,h,
  // supplyFromFacility[h] = ∂T_sup,h/∂T_fs. The hall-air rows' chip terms are HallCooling's
  // (airConductance()).
  void jacobian(network::SparseJacobian& J, const double* y, const std::vector<double>& uJob, double served,
                const std::vector<int>& hallReturnIndex, const std::vector<int>& hallAirIndex,
                int facilitySupplyIndex, const std::vector<double>& supplyFromReturn,
                const std::vector<double>& supplyFromFacility, bool rowInlets = false) const;
  // (rowInlets: the air-cooled chips' coupling to their row's inlet air is the plant's, HallAir.)

  // Fully air-cooled racks (it.liquid_fraction = 0): no cold plates, no liquid loop.
  bool airCooled() const { return m_p.liquidFraction <= 0.0; }

  int chipIndex(int i) const { return m_chip0 + i; }
  int outletIndex(int i) const { return m_out0 + i; }
  double flowCapacity(int i) const { return m_mdot[static_cast<size_t>(i)] * m_cp; }  // ṁ_i·c, W/K
  double coolantFlow(int i) const { return m_mdot[static_cast<size_t>(i)]; }          // ṁ_i, kg/s
  double chipResistance(int i) const { return m_R[static_cast<size_t>(i)]; }          // R_i, K/W
  double chipAirResistance(int i) const { return m_Rair[static_cast<size_t>(i)]; }    // R_air,i, K/W
  // Chip-to-air conductance 1/R_air,i of an air-cooled rack, 0 for a liquid-cooled one, W/K.
  double airConductance(int i) const { return airCooled() ? 1.0 / chipAirResistance(i) : 0.0; }
  double powerFactor(int i) const { return m_g[static_cast<size_t>(i)]; }             // g_i, 1
  double chipCapacity() const { return m_p.chipHeatCapacity; }
  double coolantCapacity() const { return m_cw; }
  // Thermal energy of the chips and the rack coolant relative to 0 °C, J.
  double storedEnergy(const double* y) const;

  // Throttle reporting state (changed only by events; the dynamics do not depend on it).
  bool throttled(int i) const { return m_throttled[static_cast<size_t>(i)] != 0; }
  void setThrottled(int i, bool on) { m_throttled[static_cast<size_t>(i)] = on ? 1 : 0; }
  // Updates the reported throttle state of rack i from its chip temperature in y; returns
  // "throttle_on" or "throttle_off" when it changed, nullptr otherwise.
  const char* updateThrottleReport(int i, const double* y);
  // Root function of rack i: crosses zero when the reported throttle state changes.
  double throttleRoot(int i, const double* y) const;

 private:
  ItParams m_p;
  std::vector<RackInfo> m_info;
  std::vector<JobParams> m_jobs;
  std::vector<char> m_throttled;
  std::vector<double> m_mdot, m_R, m_Rair, m_g;  // per rack: kg/s, K/W, K/W, 1
  double m_cp, m_mdotNominal, m_cw;
  int m_chip0 = -1, m_out0 = -1;
};

}  // namespace fdtwin::it
