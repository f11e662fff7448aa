#pragma once
// Trim (electric, water-cooled) chiller bank on the facility water supply, in series after the
// seawater plate exchangers: it cools the facility supply down to its own set point when the
// plate bank cannot reach it (a warm sea), and rejects its condenser heat into the seawater
// main after the plate exchangers (as the engines' central coolers on the main do), so that
// heat leaves through the main outfall and counts against its permit.
//
// Capacity control (quasi-steady: a chiller's own leaving-water control acts in a minute or two,
// below the plant's output resolution). Chiller set point T_ch = T_set + δ, δ the deadband over
// the seawater pumps' set point T_set, so the pumps' controller (error T_fs − T_set ≥ δ > 0)
// is at full speed whenever the chiller carries load: free cooling first, the chiller trims.
//   plate leaving water   T_po = T_fr − Q_hx/C_fw                         [K]
//   request               Q_req = C_fw·(T_po − T_ch)                      [W]
//   evaporator duty       Q_e = clamp(Q_req, 0, n·Q_stage)               [W]
// with n the stages running (a discrete state) and Q_stage the capacity of one stage.
// The supply header then sees C_s dT_fs/dt = C_fw·(T_fr − T_fs) − Q_hx − Q_e.
//
// Staging (discrete events, chiller_stage_on / chiller_stage_off, by root functions):
//   on  (n < N): Q_req crosses n·Q_stage upward (n = 0: T_po rises above T_ch; n ≥ 1: the
//                running stages are at full load and the supply leaves T_ch);
//   off (n ≥ 1): n = 1: T_po falls below T_set + δ/2 (the sea alone holds the supply);
//                n ≥ 2: Q_req falls below (n − 1)·Q_stage·(1 − h), h the staging hysteresis.
// A stage that came on runs at least t_run (chiller.min_run_time: anti-recycle timer) before any
// stage may stop, and a stage stops only when its stop condition still holds t_off after it
// was met (chiller.stage_off_delay; staging conditions held 15 min as in ASHRAE Guideline 36),
// so a checkpoint dip of the IT load does not cycle the compressors.
//
// Efficiency: a Carnot fraction on the refrigerant saturation temperatures (Gordon & Ng, "Cool
// Thermodynamics", 2000, ch. 3: real chillers reach a roughly constant share of the reversible
// COP over their operating range; ASHRAE Handbook—Fundamentals 2017 ch. 2 for the reversed-Carnot
// COP), each stage at part-load ratio PLR = Q_e/(n·Q_stage) (stages share the load equally):
//   T_evap = T_chw,l − a_e·PLR         (T_chw,l = T_po − Q_e/C_fw, leaving chilled water)
//   T_cond = T_cd,in + (r_cd + a_c)·PLR (T_cd,in: seawater leaving the plates; r_cd the condenser
//            water rise at full load, AHRI 550/590: 3 gpm/ton ≈ 5.6 K; a_e, a_c the evaporator
//            and condenser approaches at full load; both shrink with the duty)
//   COP = min(η_II·T_evap/(T_cond − T_evap), COP_max)   (COP_max for lifts near zero)
//   W = Q_e/COP  (electrical, compressor with its motor and drive: the cooling power),
//   Q_cond = Q_e + W (a hermetic motor: all of W ends in the refrigerant and the condenser).
// η_II = 0.70 gives COP 6.2 (0.565 kW/ton) at the AHRI 550/590 full-load rating (6.7 °C leaving
// chilled water, 29.4 °C entering condenser water), the full-load level of ASHRAE 90.1-2010
// Table 6.8.1C for water-cooled centrifugal chillers ≥ 300 tons (0.576 kW/ton, Path A).
#include "model/PlantParams.hpp"

namespace fdtwin::cooling {

struct ChillerState {
  int stages = 0;                     // stages running
  double Q_request = 0.0;             // W, C_fw·(T_po − T_ch) (negative: the sea alone is enough)
  double Q_evap = 0.0;                // W, heat taken from the facility supply
  double P_el = 0.0;                  // W, electrical power
  double Q_cond = 0.0;                // W, heat into the seawater main (Q_evap + P_el)
  double cop = 0.0;                   // 1, Q_evap/P_el (0 while no stage carries load)
  double plr = 0.0;                   // 1, part-load ratio of each running stage
  double T_plateOut = 0.0;            // K, facility water leaving the plate exchangers
  double T_leaving = 0.0;             // K, chilled water leaving the chiller (into the supply header)
  double T_condenserIn = 0.0;         // K, seawater entering the condensers
  double T_evap = 0.0, T_cond = 0.0;  // K, refrigerant saturation temperatures
};

class TrimChiller {
 public:
  TrimChiller(const ChillerParams& p, double supplySetpoint);
  bool present() const { return m_p.stages > 0; }
  int stageCount() const { return m_p.stages; }
  double setpoint() const { return m_set + m_p.deadband; }  // T_ch, K
  const ChillerParams& params() const { return m_p; }

  // The bank with `stages` running, facility water leaving the plates at tPlateOut, seawater
  // into the condensers at tCondenserIn, facility capacity rate facilityC = ṁ_fw·c [W/K].
  ChillerState evaluate(int stages, double tPlateOut, double tCondenserIn, double facilityC) const;
  // COP at leaving chilled water tLeaving [K], entering condenser water tCondenserIn [K] and
  // part-load ratio plr of each running stage (the curve above).
  double cop(double tLeaving, double tCondenserIn, double plr) const;

  // Staging roots at the request qRequest [W] with `stages` running: a stage comes on when
  // stageOnRoot crosses 0 upward, one goes off when stageOffRoot crosses 0 downward (each
  // returns 1 where it cannot act). facilityC as above.
  double stageOnRoot(int stages, double qRequest) const;
  double stageOffRoot(int stages, double qRequest, double facilityC) const;

 private:
  ChillerParams m_p;
  double m_set;  // K, the seawater pumps' facility supply set point T_set
};

}  // namespace fdtwin::cooling
