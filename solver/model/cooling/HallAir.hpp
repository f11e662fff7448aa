#pragma once
// The air side of one data hall beyond its single mixed air node (cooling/HallCooling): the
// server inlet air of each rack row, and the hall's humidity with its dew point.
//
// Rows (no states; air holds no heat worth a state between coil and servers). The coils cool
// the hall's mixed return air T_air to the coil-leaving (cold-aisle) air
//   T_cl = T_air − ε_coil·(T_air − T_fs)                                          [K]
// Each row r takes an equal share of the coil air, C_r = ρ_a·V̇·c_a/N_rows [W/K]. Its servers
// draw that air plus a share b (air.recirculation) of their own exhaust that wraps round the
// row ends and over the racks; per unit of server flow, mixing and the row's energy balance give
//   T_in,r = (1 − b)·T_cl + b·T_ex,r,    (1 − b)·(T_ex,r − T_cl)·C_r/(1 − b) = Q_r
//   ⇒ T_ex,r = T_cl + Q_r/C_r,  T_in,r = T_cl + b·Q_r/C_r                          [K]
// (the net exhaust the hall air receives is C_r, so Σ_r C_r·T_ex,r/ΣC_r = T_cl + Q/(ρV̇c): the
// hall node is unchanged). Q_r is the row's heat to air [W]: (1 − f)·P_i of its racks, or for
// air-cooled racks Σ g_i·(T_c,i − T_in,r) with g_i = 1/R_air,i, which is linear in T_in,r:
//   T_in,r = (T_cl + k·(Σ g_i·T_c,i + Q_o,r))/(1 + k·G_r),  k = b/C_r, G_r = Σ g_i     [K]
// The distribution losses and the fan heat stay on the hall node (cooling/HallCooling).
//
// Humidity (state W, kg water/kg dry air, per hall of dry-air mass m_a = ρ_a·V_hall):
//   m_a dW/dt = ṁ_inf·(W_out − W) + N_occ·ṁ_occ − ṁ_cond                          [kg/s]
//   ṁ_inf  = ρ_a·n_ach·V_hall/3600  (air.infiltration_ach: marine air leaking in)
//   W_out  = W(T_air,out, rh_out, p)  (Psychrometrics), rh_out(t) = rh_m + rh_a·cos(2π(d(t) − d_pk)/365.25)
//            clamped to [0.01, 1], d(t) = d_0 + t/86400 the day of the year (air.outside_*)
//   ṁ_cond = ε_coil·ρ_a·V̇·max(0, W − W_s(T_fs))  (bypass-factor coil model: the contact
//            factor ε_coil = 1 − BF of the air reaches the saturated state at the apparatus dew
//            point, taken as the coil surface ≈ its entering water T_fs; ASHRAE Handbook -
//            Fundamentals ch. 1, "Moist air cooling and dehumidification")
// Steady state without condensation W_ss = W_out + N_occ·ṁ_occ/ṁ_inf; with it, the linear
//   W_ss = (ṁ_inf·W_out + N_occ·ṁ_occ + K·W_s)/(ṁ_inf + K),  K = ε_coil·ρ_a·V̇.
// A sealed hall (n_ach = 0) starts at the dew point of its fill gas (air.fill_dew_point).
// Energy: the infiltrated air brings ṁ_inf·c_a·(T_air,out − T_air) [W] of sensible heat to the
// hall air node; the water vapour's latent heat is not a stored term of the ledger: it enters the
// thermal network only where vapour condenses, Q_lat = ṁ_cond·h_fg(T_fs), h_fg = 2.501e6 −
// 2370·t [J/kg] (t in degC; ASHRAE Fundamentals ch. 1), released into the coil water (facility
// return). Both are sources of the plant's energy ledger.
// Dew-point margin: ΔT_dp = min(T_sup, T_fs) − T_dew(W) [K], the coldest liquid surface of the
// hall (CDU supply to the cold plates, facility supply to the coils) over the room dew point.
#include <vector>

#include "model/PlantParams.hpp"
#include "network/StateLayout.hpp"

namespace fdtwin::cooling {

class HallAir {
 public:
  // hallVolume [m3]: the hall's free air volume; rows: rack rows of the hall.
  HallAir(const AirParams& air, const CoolingParams& cooling, int rows, double hallVolume);

  void declareStates(network::StateLayout& layout, int hall, double initialW);
  int humidityState() const { return m_w; }

  // Coil-leaving air T_cl [K] and its partial derivatives.
  double coilLeaving(double tAir, double tFs) const { return tAir - m_eps * (tAir - tFs); }
  double coilEffectiveness() const { return m_eps; }
  // Server inlet of a row (header): sumGTc = Σ g_i T_c,i [W], g = G_r [W/K], qOther = Q_o,r [W].
  double rowInlet(double tCl, double sumGTc, double g, double qOther) const {
    return (tCl + m_k * (sumGTc + qOther)) / (1.0 + m_k * g);
  }
  double rowFactor() const { return m_k; }       // k = b/C_r, K/W
  double rowCapacity() const { return m_rowC; }  // C_r, W/K
  double rowExhaust(double tCl, double qRow) const { return tCl + qRow / m_rowC; }

  double dryAirMass() const { return m_mass; }               // kg
  double infiltrationMass() const { return m_inf; }          // kg/s
  double occupantMoisture() const { return m_occ; }          // kg/s of the hall
  double condensationConductance() const { return m_cond; }  // K = ε·ρ·V̇, kg/s
  double infiltrationHeat(double tOut, double tAir) const { return m_inf * m_cp * (tOut - tAir); }
  double outsideHumidity(double tOut, double t) const;  // W_out at time t [s], kg/kg
  double outsideRelativeHumidity(double t) const;       // rh_out(t), 1
  double saturationHumidity(double tSurface) const;     // W_s, kg/kg
  double condensation(double W, double tFs) const;      // ṁ_cond, kg/s
  static double latentHeat(double T);                   // h_fg, J/kg
  double latentHeatRate(double W, double tFs) const { return condensation(W, tFs) * latentHeat(tFs); }
  // dW/dt, 1/s.
  double humidityRate(double W, double wOut, double tFs) const {
    return (m_inf * (wOut - W) + m_occ - condensation(W, tFs)) / m_mass;
  }
  // ∂ṁ_cond/∂W [kg/s], ∂ṁ_cond/∂T_fs [kg/(s K)] and ∂Q_lat/∂T_fs [W/K] (local differences).
  double condensationFromHumidity(double W, double tFs) const;
  double condensationFromSupply(double W, double tFs) const;
  double latentFromSupply(double W, double tFs) const;
  // Steady W (header); the fill-gas humidity for a sealed hall.
  double steadyHumidity(double wOut, double tFs) const;
  double relativeHumidity(double T, double W) const;
  double dewPoint(double W) const;

 private:
  AirParams m_p;
  int m_w = -1;
  double m_eps, m_rowC, m_k, m_mass, m_inf, m_occ, m_cond, m_cp;
};

}  // namespace fdtwin::cooling
