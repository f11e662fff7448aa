#pragma once
// Gasketed chevron-plate heat exchanger: film coefficients and pressure drop on each side from
// the flow, and the overall conductance UA that follows, so that UA changes with the flows and
// the temperatures (the epsilon-NTU relations that use UA are in EpsilonNtu.hpp).
//
// Geometry (Martin 1996; VDI Heat Atlas, 2nd ed. 2010, chapter N6 "Pressure drop and heat
// transfer in plate heat exchangers", H. Martin): plate flow width w, port-to-port length L,
// corrugation (pressing) depth b = mean channel gap, area enlargement factor Phi (developed over
// projected area), chevron angle phi between the corrugation and the main flow direction
// (phi -> 0: straight channels along the flow; phi -> 90 deg: corrugations across it).
//   hydraulic diameter  d_h = 2 b / Phi                                               [m]
//   channel velocity    u = mdot / (rho n_ch w b), n_ch channels per side in parallel  [m/s]
//   Re = rho u d_h / mu;  Pr = cp mu / k (bulk properties)
//   heat transfer area  A = (2 n_ch - 1) Phi w L  (the plates between the 2 n_ch channels) [m^2]
// Friction factor (Martin 1996 eq. 18; VDI N6 eq. 18-20):
//   1/sqrt(xi) = cos(phi) / sqrt(0.18 tan(phi) + 0.36 sin(phi) + xi0/cos(phi))
//                + (1 - cos(phi)) / sqrt(3.8 xi1)
//   Re <  2000: xi0 = 64/Re,                     xi1 = 597/Re + 3.85
//   Re >= 2000: xi0 = (1.8 log10(Re) - 1.5)^-2,  xi1 = 39/Re^0.289
//   channel pressure drop  dp = xi (L/d_h) rho u^2/2 (ports and manifolds not included)  [Pa]
// Heat transfer (Martin 1996 eq. 30, the generalised Leveque analogy; VDI N6 eq. 22):
//   Nu = h d_h / k = 0.122 Pr^(1/3) (mu/mu_w)^(1/6) [xi Re^2 sin(2 phi)]^0.374
//   fitted by Martin to data for Re ~ 10..1e4 and 10 deg < phi < 80 deg. The xi0, xi1 switch at
//   Re = 2000 is as published and makes xi, and with it Nu, jump there (a few per cent).
// Overall (physics sheet section 2.1; plane wall):
//   1/U = 1/h_hot + R_f,hot + t_w/k_w + R_f,cold + 1/h_cold,   UA = U A          [W/K]
//   Titanium grade 1/2: k_w = 21.9 W/(m K) (physics sheet section 2.3).
//   Fouling R_f [m^2 K/W], TEMA Standards 9th ed. (2007) Table RGP-T-2.4 (physics sheet 2.2):
//   sea water below 50 degC 0.000088 (0.0005 h ft^2 F/Btu), river water 0.00035-0.00053,
//   treated closed-loop (cooling tower / engine jacket) water 0.000176; tubular values, on the
//   safe side for plates (PHE vendors use 1/2 to 1/5 of them, sheet section 2.2).
// Properties: props::seawater(T, S) with S = 0 for fresh water (Seawater.hpp), at each stream's
// mean bulk temperature. The wall temperature for mu_w is the film-weighted mean
// T_w = (h_hot T_hot + h_cold T_cold)/(h_hot + h_cold), from a first pass with mu_w = mu
// (one fixed-point pass; the (mu/mu_w)^(1/6) factor moves Nu by ~1 % per 10 K of difference).
#include "model/properties/FluidProperties.hpp"

namespace fdtwin::cooling {

struct PlateExchangerParams {
  int channelsPerSide;       // n_ch, channels each stream flows through in parallel (one pass) [-]
  double plateWidth;         // w, channel flow width [m]
  double plateLength;        // L, port-to-port flow length [m]
  double corrugationDepth;   // b, mean channel gap [m]
  double enlargementFactor;  // Phi, developed over projected area [-]
  double chevronAngle;       // phi, corrugation to main flow direction [rad], in (0, pi/2)
  double plateThickness;     // t_w [m]
  double plateConductivity;  // k_w [W/(m K)]
  double foulingHot;         // R_f on the hot side [m^2 K/W]
  double foulingCold;        // R_f on the cold side [m^2 K/W]
  double salinityHot;        // hot stream absolute salinity [g/kg], 0 = fresh water
  double salinityCold;       // cold stream absolute salinity [g/kg]
};

// One side of the exchanger at one flow.
struct PlateSide {
  double velocity = 0.0;        // u [m/s]
  double reynolds = 0.0;        // Re [-]
  double prandtl = 0.0;         // Pr [-]
  double frictionFactor = 0.0;  // xi [-]
  double nusselt = 0.0;         // Nu [-]
  double h = 0.0;               // film coefficient [W/(m^2 K)]
  double pressureDrop = 0.0;    // channel dp [Pa]
};

struct PlateExchangerState {
  PlateSide hot;
  PlateSide cold;
  double wallTemperature = 0.0;  // T_w used for mu_w [K]
  double u = 0.0;                // overall U [W/(m^2 K)]
  double ua = 0.0;               // U A [W/K]
};

// Martin's friction factor xi [-] at Re > 0 and chevron angle phi [rad].
double martinFrictionFactor(double reynolds, double chevronAngle);
// Martin's Nusselt number [-]; viscosityRatio = mu_bulk/mu_wall.
double martinNusselt(double reynolds, double prandtl, double chevronAngle, double viscosityRatio);

class PlateExchanger {
 public:
  // Throws std::invalid_argument for a non-physical geometry.
  explicit PlateExchanger(const PlateExchangerParams& params);

  double hydraulicDiameter() const;  // d_h [m]
  double area() const;               // A [m^2]

  // One side with mass flow mdot [kg/s] >= 0 (the whole stream), bulk properties and the
  // fluid's viscosity at the wall temperature [Pa s]. mdot = 0 gives h = 0, dp = 0.
  PlateSide side(double mdot, const props::FluidProperties& bulk, double muWall) const;

  // Both sides and UA for stream mass flows [kg/s] at mean bulk temperatures [K].
  PlateExchangerState evaluate(double mdotHot, double tHot, double mdotCold, double tCold) const;

  const PlateExchangerParams& params() const { return m_p; }

 private:
  PlateExchangerParams m_p;
};

}  // namespace fdtwin::cooling
