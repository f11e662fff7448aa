#pragma once
// Seawater side: intake at depth, pumps, titanium plate heat exchangers, outfall.
//
// Pumps (hydraulics/Pump, PumpBank): n running pumps (plus standby spares that stand still) at
//   one speed N on the system curve H_sys(Q) = H_s + K·Q² (physics sheet §5.1: the static lift
//   does not scale with speed), K = (h_pipe + Δp_hx,d/(ρ g))/Q_d²: the piping's friction head and
//   the plate bank's seawater-side channel pressure drop (PlateExchanger, Martin 1996) at the
//   design flow Q_d, so that the curve passes through the design point (Q_d, H_d),
//   H_d = H_s + K·Q_d². K is held constant (the plates' Δp grows as Q^1.7-1.9 with Martin's ξ,
//   not Q²: a few per cent of the plate head at 50 % flow). The pump curve passes through the
//   shut-off head r₀·H_d and the design point, which is the best-efficiency point at rated speed.
//   The operating point Q(N) solves the two quadratics (Pump::operatingPoint); below
//   N_min = √(H_s/H0) the pumps deliver nothing. P_shaft (ends as heat in the seawater) from the
//   efficiency curve, P_el with the motors' and drives' part-load losses. ṁ = ρ_ref·Q with
//   ρ_ref the seawater density at 20 °C.
// Lowest speed: the controller's clamp is max(seawater.min_speed, N_25) with N_25 the speed at
//   which the bank delivers 25 % of the design flow on the system curve (the rule of
//   docs/decisions.md: a clamp at or below N_min would stop the flow).
// Plate bank (hx_units identical units in parallel, each carrying 1/units of both flows;
//   PlateExchanger): film coefficients on both sides from the current seawater flow and the
//   (constant) facility flow, the facility side's properties at T_fr and the seawater side's at
//   the ambient intake temperature (not at T_in: so that, within one evaluation, UA does not
//   depend on T_in and Q_hx stays linear in it, which keeps the recirculation closed form),
//   the titanium wall and the facility side's fouling: U_clean. Then 1/U = 1/U_clean + R_f(t),
//   R_f = R_f,∞·(1 − exp(−t_c/τ_f)) with t_c the time since the last cleaning ended
//   (Kern–Seaton). Cleaning k starts at k·interval and takes the bank pack after pack over
//   `cleaningDuration` D: R_f falls linearly from its value at the start to 0 at the end
//   (continuous; D = 0 is an instantaneous reset). The plates are clean at t = 0.
//   Q_hx = ε·C_min·(T_fr − T_in), C_fw = ṁ_fw·c_fw, C_sw = ṁ·c_sw, UA = U·A.
// With the pumps stopped (N ≤ N_min, only reached by a direct call below the clamp): ṁ = 0,
//   Q_hx = 0, no pump power, T_in = T_dis = T_amb.
// Engine central coolers on the main (EngineCooling, mode MainSeawater) add their heat Q_e to
//   the stream after the plate exchangers.
// Recirculation (§5.4): a share r of the intake flow is discharge water,
//   T_in = (1 − r)·T_amb + r·T_dis,  T_dis = T_in + (Q_hx + Q_e + P_shaft)/C_sw
//   ⇒ T_in = T_amb + r/(1 − r)·ΔT, solved in closed form with Q_hx linear in T_in.
// Q_seawater = Q_hx + Q_e + P_shaft is the heat carried away by the seawater flow. The permit is
//   on the rise above the ambient sea, T_dis − T_amb = ΔT/(1 − r) (recirculation included), as
//   discharge permits define it, not on the plant's own rise ΔT = T_dis − T_in.
//
// Pump speed control: two PI controllers (PiController) with a max selector —
//   e₁ = T_fs − T_set  (hold the facility supply temperature),
//   e₂ = ΔT_m − ΔT_max (keep the outfall's rise above ambient sea under the permit; ΔT_m is
//        the measured rise above ambient, a
//        first-order sensor lag of 10 s, which also keeps the loop free of algebraic cycles),
//   N = clamp(max(u₁, u₂), N_min, 1).
// In a cold sea the supply loop alone would throttle the flow and push the rise far past any
// permit; the second loop stops that.
#include "model/PlantParams.hpp"
#include "model/cooling/PlateExchanger.hpp"
#include "model/hydraulics/Pump.hpp"
#include "model/control/PiController.hpp"
#include "network/StateLayout.hpp"

namespace fdtwin::seawater {

struct SeawaterState {
  double speed = 1.0;       // N, 1
  double mdot = 0.0;        // kg/s
  double cp = 4000.0;       // J/kg K at the intake
  double foulingR = 0.0;    // m2K/W
  double ua = 0.0;          // W/K
  double epsCmin = 0.0;     // W/K
  double T_in = 0.0;        // K
  double T_afterPlates = 0.0;  // K, seawater leaving the plate exchangers, T_in + Q_hx/C_sw
                              // (into the heat added after them: engine coolers, chiller condensers)
  double T_dis = 0.0;       // K
  double dT = 0.0;          // K, T_dis − T_in
  double riseAboveAmbient = 0.0;  // K, T_dis − T_amb (the permit's rise)
  double Q_extra = 0.0;     // W, engine central coolers on the main
  double Q_hx = 0.0;        // W
  double Q_seawater = 0.0;  // W
  double P_shaft = 0.0;     // W
  double P_el = 0.0;        // W
  double head = 0.0;        // m, pump head at the operating point
  double pumpEfficiency = 0.0;  // 1, hydraulic
  double dQhx_dTfr = 0.0;   // ∂Q_hx/∂T_fr, W/K
};

// Where the pump controller's states sit in the plant's state vector.
struct ControlStates {
  int integralSupply = -1;     // I₁, 1
  int integralDischarge = -1;  // I₂, 1
  int dischargeRise = -1;      // ΔT_m, measured outfall rise above ambient sea, K
};

class SeawaterSystem {
 public:
  SeawaterSystem(const SeawaterParams& p, const CoolingParams& c);
  void declareStates(network::StateLayout& layout);
  const ControlStates& states() const { return m_states; }
  // Pump speed from the two controller integrals and errors.
  double speed(double tFs, double dTMeasured, double i1, double i2) const;
  // The seawater side for a given speed, facility return temperature, ambient intake
  // temperature, facility capacity rate ṁ_fw·c, fouling resistance R_f (fouling(t)) and the
  // heat of engine central coolers on the main after the plate exchangers [W].
  SeawaterState evaluate(double speed, double tFr, double tAmbient, double facilityC, double foulingR,
                         double extraHeat) const;
  // The same with the intake temperature rise given (from CFD) instead of the recirculation
  // closed form: T_in = T_amb + intakeRise.
  SeawaterState evaluateWithIntakeRise(double speed, double tFr, double tAmbient, double facilityC,
                                       double foulingR, double extraHeat, double intakeRise) const;
  // Steady state with clean plates for a heat load Q [W] from a facility loop of capacity
  // rate facilityC, intake at tAmbient: the pump speed the controllers settle at (the one that
  // holds the supply set point; if that breaks the discharge limit, the one that holds the
  // limit: the max selector) and the facility return temperature that rejects Q, by bisection.
  struct Steady {
    double speed = 1.0;
    double tReturn = 0.0;  // K
  };
  Steady steadyState(double load, double tAmbient, double facilityC, double tSupplySet, double extraHeat) const;
  // Controller states in y that hold the steady speed: ΔT_m = ΔT and I = N − K·e for both loops.
  void setSteadyControllers(double* y, const Steady& steady, double tFs, double tAmbient, double facilityC,
                            double extraHeat) const;
  // Fouling resistance of the plate bank at time t [m2 K/W] (cleaning schedule above).
  double fouling(double t) const;
  // Start and end of the cleaning in progress at t, or of the next one (s).
  double cleaningStart(double t) const;
  double cleaningEnd(double t) const { return cleaningStart(t) + m_p.cleaningDuration; }
  // The next kink of R_f after t (start or end of a cleaning), for the integrator's stop time.
  double nextCleaningEvent(double t) const;
  // True once per cleaning, at the first call at or after its start (the event log);
  // resetCleaningLog() forgets the cleanings logged.
  bool cleaningStarted(double t);
  void resetCleaningLog() { m_lastCleaning = 0.0; }
  // Start of the last cleaning logged, s (a discrete state: Plant::discreteState).
  double lastCleaningLogged() const { return m_lastCleaning; }
  void setLastCleaningLogged(double t) { m_lastCleaning = t; }
  // Pump speed at the controller states in y.
  double speed(double tFs, const double* y) const {
    return speed(tFs, y[m_states.dischargeRise], y[m_states.integralSupply], y[m_states.integralDischarge]);
  }
  // dI₁/dt, dI₂/dt and dΔT_m/dt into ydot; dischargeRise: the outfall's rise above ambient now [K].
  void rhs(const double* y, double* ydot, double tFs, double dischargeRise) const;
  // Controller integral rates (dI₁/dt, dI₂/dt).
  void controllerRates(double tFs, double dTMeasured, double i1, double i2, double* rate1,
                       double* rate2) const;

  const SeawaterParams& params() const { return m_p; }
  // Mass flow [kg/s] the pumps deliver at speed N on the system curve.
  double massFlow(double speed) const;
  // The lowest speed the controller sets (the clamp above) [-] and the hydraulic minimum
  // √(H_s/H0) [-].
  double minimumSpeed() const { return m_minSpeed; }
  double hydraulicMinimumSpeed() const { return m_pump.minimumSpeed(m_system); }
  const hydraulics::Pump& pump() const { return m_pump; }
  const hydraulics::SystemCurve& systemCurve() const { return m_system; }
  const cooling::PlateExchanger& plateExchanger() const { return m_hx; }
  double designHead() const { return m_designHead; }           // H_d [m]
  double plateDesignPressureDrop() const { return m_hxDrop; }  // Δp_hx,d [Pa]
  double referenceDensity() const { return m_rho; }            // ρ_ref [kg/m3]
  // Clean UA [W/K] of the whole bank at a seawater flow [kg/s] and intake temperature [K]
  // with the facility return at tFr [K].
  double cleanUa(double mdotSeawater, double tSeawater, double tFr) const;
  // Minimum flow share that sets the lowest speed (above).
  static constexpr double kMinimumFlowShare = 0.25;
  static constexpr double kSensorLag = 10.0;  // s

 private:
  SeawaterParams m_p;
  CoolingParams m_c;
  control::PiController m_pi;
  ControlStates m_states;
  double m_lastCleaning = 0.0;  // s, start of the last cleaning logged
  double m_rho;                 // kg/m3, seawater at the reference temperature
  cooling::PlateExchanger m_hx; // one unit
  double m_hxDrop;              // Pa, seawater side at the design flow
  hydraulics::SystemCurve m_system;
  double m_designHead;          // m
  hydraulics::Pump m_pump;
  double m_minSpeed;            // the controller's clamp

  SeawaterState evaluateAt(double speed, double tFr, double tAmbient, double tIntakeFree, double facilityC,
                           double foulingR, double extraHeat, double recirculation) const;
};

}  // namespace fdtwin::seawater
