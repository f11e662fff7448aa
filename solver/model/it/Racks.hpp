#pragma once
// Liquid-cooled AI racks, each with two states.
//
// Rack i in hall h draws electrical power
//   P_i = s · θ_i · [P_idle + (P_peak − P_idle)·u_h(t)]                           [W]
// (θ_i = throttle factor while throttled, else 1; s = share of IT load served, < 1 only when
// the power plant cannot cover demand). A share f (liquid fraction) enters the cold plates,
// the rest the hall air. States and equations (sign: heat into a node is positive):
//   chip / cold plate:  C_c dT_c/dt = f·P_i − (T_c − T_o)/R                      [W]
//   coolant (outlet):   C_w dT_o/dt = (T_c − T_o)/R − ṁ·c·(T_o − T_sup,h)           [W]
// with R the chip-to-coolant resistance, ṁ the rack coolant flow (OCP rule 1.5 L/min per kW of
// peak power), c the coolant specific heat and T_sup,h the hall's CDU supply temperature.
// Steady state: T_o = T_sup + f·P/(ṁ c) and T_c = T_o + f·P·R.
// Throttling (thermal slowdown, like a GPU's clock reduction): the power cap falls linearly
// from 1 at T_lim − w to θ_min at the chip limit T_lim (w = throttle band):
//   θ(T_c) = 1 − (1 − θ_min)·clamp((T_c − T_lim + w)/w, 0, 1).
// The cap is continuous in T_c, so it acts as a proportional controller and never chatters;
// events report a rack entering the band (T_c ≥ T_lim − w) and leaving it with a hysteresis of
// one more band width (T_c ≤ T_lim − 2w), found by root finding.
#include <string>
#include <vector>

#include "model/PlantParams.hpp"
#include "network/SparseJacobian.hpp"
#include "network/StateLayout.hpp"

namespace fdtwin::it {

struct RackInfo {
  std::string name;
  int hall = 0;
  double position[3] = {0, 0, 0};    // m, centre
  double size[3] = {0.6, 1.2, 2.3};  // m
};

class Racks {
 public:
  Racks(const ItParams& p, double coolantCp, double coolantDensity);

  void declareStates(network::StateLayout& layout, double initialT);
  int count() const { return static_cast<int>(m_info.size()); }
  std::vector<RackInfo>& info() { return m_info; }
  const std::vector<RackInfo>& info() const { return m_info; }

  // Demand of rack i at utilization u and chip temperature tChip (before shedding), W.
  double demand(int i, double u, double tChip) const;
  double throttleShare(double tChip) const;
  double throttleSlope(double tChip) const;  // dθ/dT_c, 1/K
  // Total demand of all racks given per-hall utilization and the state, W.
  double totalDemand(const std::vector<double>& uHall, const double* y) const;

  // Writes ydot for the rack states. tSupply[h]: CDU supply temperature of hall h.
  // served: share s of demand served. Adds the air share per hall to airHeat[h] and the
  // served electrical power to *pServed.
  void rhs(const double* y, double* ydot, const std::vector<double>& uHall,
           const std::vector<double>& tSupply, double served, std::vector<double>& airHeat,
           double* pServed) const;
  // Steady T_o and T_c of rack i into y at utilization u and CDU supply tSupply (the
  // steady state in the header), with its demand at the chip temperature now in y.
  void setSteady(int i, double* y, double u, double tSupply) const;
  // Jacobian entries. supplyFromReturn[h] = ∂T_sup,h/∂T_ret,h, supplyFromFacility[h] = ∂T_sup,h/∂T_fs.
  void jacobian(network::SparseJacobian& J, const double* y, const std::vector<double>& uHall, double served,
                const std::vector<int>& hallReturnIndex, int facilitySupplyIndex,
                const std::vector<double>& supplyFromReturn,
                const std::vector<double>& supplyFromFacility) const;

  int chipIndex(int i) const { return m_chip0 + i; }
  int outletIndex(int i) const { return m_out0 + i; }
  double flowCapacity() const { return m_mdot * m_cp; }  // ṁ·c of one rack, W/K
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
  std::vector<char> m_throttled;
  double m_cp, m_mdot, m_cw;
  int m_chip0 = -1, m_out0 = -1;
};

}  // namespace fdtwin::it
