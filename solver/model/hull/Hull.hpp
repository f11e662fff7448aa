#pragma once
// Hull panels: one lumped steel-plate temperature per panel (HullGeometry).
//
//   C_p dT_p/dt = A·[h_o·(T_ext − T_p) + α·G_p − q_rad] + U_in·A·(T_hall − T_p)        [W]
//   C_p = ρ_steel·c_steel·t·A                     (steel 7850 kg/m3, 470 J/kg K)
//   wet panels:  T_ext = sea temperature at the panel's depth, h_o from the current speed
//                (turbulent flat plate or ITTC-1957/Colburn; physics sheet §3.2, §9.2);
//   dry panels:  T_ext = air, h_o from wind over a flat plate; solar gain α·G_p with G_p = G on
//                the deck and 0.3·G on vertical faces (orientation average, an assumption);
//                q_rad = ε·σ·(T_p⁴ − T_env⁴) with T_env⁴ = T_sky⁴ (deck) or ½(T_sky⁴ + T_sea⁴)
//                (vertical faces see half sky, half sea); T_sky from Swinbank (1963);
//   inside:      U_in = 1/(1/h_in + R_in) to the air of the hall the panel bounds; panels that
//                bound no hall (ends, and outside the halls' length) are adiabatic inside.
// Lateral conduction between panels is neglected: k·t/Δx ≈ 50·0.02/7 ≈ 0.14 W/m²K against
// h_o of 10–2000 W/m²K.
// Sign: heat into the plate is positive; Q_sea and Q_air are heat from the hull outward.
#include <vector>

#include "model/hull/HullGeometry.hpp"
#include "network/SparseJacobian.hpp"
#include "network/StateLayout.hpp"

namespace fdtwin::hull {

struct HullBoundary {
  double T_air = 288.15;           // K
  double T_sky = 275.0;            // K
  double T_seaSurface = 288.15;    // K
  double G = 0.0;                  // W/m2 global horizontal
  double hWetLong = 500.0;         // W/m2K, bottom and sides (flow along the hull length)
  double hWetEnd = 500.0;          // W/m2K, ends
  double hDryDeck = 10.0;          // W/m2K
  double hDrySide = 10.0;          // W/m2K
  std::vector<double> T_seaPanel;  // K, sea temperature at each panel's depth (wet panels)
  std::vector<double> hWetPanel;   // W/m2K per panel from CFD; empty: the correlations above
};

struct HullFlows {
  double toSea = 0.0;  // W, hull → sea (convection)
  double toAir = 0.0;  // W, hull → air (convection + radiation)
  double solar = 0.0;  // W, absorbed sunlight
};

class Hull {
 public:
  // panelHall[p]: hall whose air panel p bounds, or −1.
  Hull(const HullGeometry& geometry, std::vector<int> panelHall);
  void declareStates(network::StateLayout& layout, double initialT);
  int count() const { return static_cast<int>(m_geom.panels().size()); }
  const HullGeometry& geometry() const { return m_geom; }
  int stateIndex(int p) const { return m_first + p; }
  double heatCapacity(int p) const { return m_C[static_cast<size_t>(p)]; }
  int panelHall(int p) const { return m_hall[static_cast<size_t>(p)]; }
  // Thermal energy of the plates relative to 0 °C, J.
  double storedEnergy(const double* y) const;
  double innerConductance(int p) const { return m_UinA[static_cast<size_t>(p)]; }  // W/K

  // Writes ydot for the panels; adds U_in·A·(T_p − T_hall) into hallHeat[h].
  void rhs(const double* y, double* ydot, const HullBoundary& b, const std::vector<int>& hallAirIndex,
           std::vector<double>& hallHeat, HullFlows& flows) const;
  // Every panel at its outside temperature (the sea at its depth, or the air) into y.
  void setOutside(double* y, const HullBoundary& b) const;
  void jacobian(network::SparseJacobian& J, const double* y, const HullBoundary& b,
                const std::vector<int>& hallAirIndex) const;

 private:
  double outerH(const Panel& p, const HullBoundary& b) const;
  HullGeometry m_geom;
  std::vector<int> m_hall;
  std::vector<double> m_C, m_UinA;
  int m_first = -1;
};

}  // namespace fdtwin::hull
