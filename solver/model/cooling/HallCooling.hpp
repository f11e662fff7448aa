#pragma once
// One data hall's cooling: the technology cooling system (TCS) return header, the coolant
// distribution unit (CDU) plate exchanger to the facility water, the hall air and its
// rear-door / CRAH coils. States per hall: T_ret (TCS return header) and T_air.
//
//   CDU (counterflow ε-NTU, Incropera Table 11.3): C_tcs = Σ ṁ_rack·c, C_fw = ṁ_fw,hall·c,
//       Q_cdu = ε·C_min·(T_ret − T_fs),  T_sup = T_ret − Q_cdu/C_tcs            [W, K]
//       UA from the CDU's chevron plate pack (cooling/PlateExchanger, Martin 1996) at the TCS and
//       facility flows, computed once at construction (both flows are constant): the facility
//       side's properties at T_fs,set + 2 K, the TCS side's at T_fs,set + 8 K (assumed mean
//       bulk temperatures, ~±3 K off in operation: μ moves ~7 %, UA ~1 %); stainless plates
//       0.5 mm, k = 16 W/(m K), Φ = 1.17, fouling 3.5e-5 m²K/W each side (treated closed-loop
//       water, TEMA 1.76e-4 over 5 for plates, physics sheet §2.2): assumptions.
//   TCS header:  C_h dT_ret/dt = Σ_racks ṁ_i·c·(T_o,i − T_ret) + P_shaft,tcs     [W]
//       (ṁ_i: each rack's flow, the rows' manifold split, cooling/RowManifold; Σ ṁ_i = ṁ_tcs)
//   hall air:    C_a dT_air/dt = Q_it,air + P_fans + Q_hull − Q_coil             [W]
//   coils:       Q_coil = ε_coil·ρ_a·V̇·c_a·(T_air − T_fs) (air is the C_min side)
//   fans:        P_fans = V̇·Δp/η_fan (all fan power ends as heat in the hall air)
//   TCS pumps:   cooling.tcs_pump_count per hall (plus cooling.tcs_pump_spares standing by) on the
//       loop curve H = K·Q² through (ṁ_tcs/ρ, H_tcs), at the fixed speed that delivers ṁ_tcs
//       (hydraulics/PumpBank, closedLoopDuty): P_shaft = ρ g Q H/η(q, N) enters the coolant;
//       the motors' and drives' losses P_el − P_shaft heat the hall air (the CDUs stand in it)
// T_fs is the facility supply temperature (FacilityLoop). Heat into a node is positive.
// A hall of air-cooled racks (it.liquid_fraction = 0) has no liquid loop: no TCS pump
// (P_shaft = P_el = 0) and no CDU exchange (Q_cdu = 0, T_sup = T_ret); its TCS states only hold
// their start temperature. The facility loop still serves the air coils, and the racks' chips
// give (T_c − T_air)/R_air to the air (it/Racks), the chip terms of the air row here.
#include <vector>

#include "model/PlantParams.hpp"
#include "network/SparseJacobian.hpp"
#include "network/StateLayout.hpp"

namespace fdtwin::cooling {

// Where a hall's states sit in the plant's state vector.
struct HallStates {
  int tcsReturn = -1;  // T_ret, K
  int air = -1;        // T_air, K
};

// A hull panel that bounds the hall air: its temperature state and U_in·A [W/K] (hull/Hull).
struct WallLink {
  int state = -1;
  double conductance = 0.0;
};

// CDU plate pack constants (assumptions, header comment above).
constexpr double kCduEnlargement = 1.17;
constexpr double kCduPlateThickness = 5e-4;     // m
constexpr double kCduPlateConductivity = 16.0;  // W/(m K), stainless steel AISI 316
constexpr double kCduFouling = 3.5e-5;          // m2K/W each side
constexpr double kCduColdOffset = 2.0;          // K over the supply set point
constexpr double kCduHotOffset = 6.0;           // K over the facility side's property temperature

// UA [W/K] of one hall's CDU plate pack at the TCS flow and the facility flow per hall [kg/s].
double cduConductance(const CoolingParams& p, double tcsFlow, double facilityFlowPerHall);

class HallCooling {
 public:
  // tcsCapacity: Σ ṁ·c of the hall's racks (W/K); coolant cp and density of the loops;
  // liquidLoop: false for a hall of air-cooled racks (no TCS pump, no CDU).
  HallCooling(const CoolingParams& p, int halls, double tcsCapacity, double tcsFlow, double coolantCp,
              double coolantDensity, bool liquidLoop = true);

  // Reserves T_ret and T_air of hall number `hall` (1-based, for the names).
  void declareStates(network::StateLayout& layout, int hall, double initialT);
  const HallStates& states() const { return m_states; }
  // Thermal energy of the header and the hall air relative to 0 °C, J.
  double storedEnergy(const double* y) const;

  // dT_ret/dt and dT_air/dt into ydot. rackOutlets: the coolant outlet states T_o,i of the
  // hall's racks, rack k with ṁ_k·c = rackFlowCapacity[k] [W/K]; airHeat: Q_it,air + Q_hull
  // [W]; coilHeat: Q_coil [W] (coilHeat()).
  void rhs(const double* y, double* ydot, const std::vector<int>& rackOutlets,
           const std::vector<double>& rackFlowCapacity, double airHeat, double coilHeat) const;
  // Steady T_ret and T_air into y for the racks' liquid heat qLiquid and air heat qAir [W]
  // at facility supply tFs; returns the CDU supply temperature T_sup.
  double setSteady(double* y, double tFs, double qLiquid, double qAir) const;
  // The rows of T_ret and T_air: rack outlets, the bounding hull panels (walls), T_fs, and the
  // chips of air-cooled racks (rackChips[k] with chip-to-air conductance rackAirConductance[k],
  // W/K; both empty for liquid-cooled racks).
  void jacobian(network::SparseJacobian& J, const std::vector<int>& rackOutlets,
                const std::vector<double>& rackFlowCapacity, const std::vector<WallLink>& walls,
                int facilitySupply, const std::vector<int>& rackChips = {},
                const std::vector<double>& rackAirConductance = {}) const;

  double cduEffectivenessCmin() const { return m_epsCmin; }  // ε·C_min of the CDU, W/K
  // ∂T_sup/∂T_ret and ∂T_sup/∂T_fs.
  double supplyFromReturn() const { return 1.0 - m_epsCmin / m_tcsC; }
  double supplyFromFacility() const { return m_epsCmin / m_tcsC; }
  double supplyTemperature(double tRet, double tFs) const { return tRet - m_epsCmin * (tRet - tFs) / m_tcsC; }
  double cduHeat(double tRet, double tFs) const { return m_epsCmin * (tRet - tFs); }
  double coilConductance() const { return m_coilG; }  // ε_coil·ρ·V̇·c, W/K
  double coilHeat(double tAir, double tFs) const { return m_coilG * (tAir - tFs); }

  double headerCapacity() const { return m_headerC; }  // J/K
  double airCapacity() const { return m_p.hallHeatCapacity; }
  double tcsCapacity() const { return m_tcsC; }
  double fanPower() const { return m_fanPower; }         // W electrical (all heat into hall air)
  double pumpShaftPower() const { return m_pumpShaft; }  // W into the coolant
  double pumpElectricPower() const { return m_pumpElectric; }
  double cduUa() const { return m_cduUa; }  // W/K (0 without a liquid loop)
  double pumpLossToAir() const { return m_pumpElectric - m_pumpShaft; }  // W, motors and drives

 private:
  CoolingParams m_p;
  HallStates m_states;
  double m_tcsC, m_epsCmin, m_coilG, m_headerC, m_fanPower, m_pumpShaft, m_pumpElectric = 0.0, m_cduUa = 0.0;
};

}  // namespace fdtwin::cooling
