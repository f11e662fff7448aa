#pragma once
// A bank of identical centrifugal pumps sized from its design duty: the Pump model
// (hydraulics/Pump.hpp) with its curve, motor and drive built from the design flow and head,
// and the pumps as a count of running units plus standby spares.
//
// Curve (per pump, rated speed): through the shut-off head H0 = r_0·H_d and the design point
//   (q_d = Q_d/n, H_d), a1 = 0 (quadraticThroughDesignPoint); the design point is the best
//   efficiency point, eta(q_d, 1) = eta_BEP. r_0 = H0/H_d: radial pumps of low and medium
//   specific speed have r_0 ≈ 1.1-1.3 (Gulich, Centrifugal Pumps, 3rd ed. 2014, sec. 3.4:
//   the head coefficient at shut-off over that at the BEP); a case key or
//   kClosedLoopShutoffRatio = 1.2 for the closed loops (assumption).
// Motor: rated output P_m,r = m·P_shaft,d per pump with the sizing margin m of API 610 (11th
//   ed. 2010, 6.1.5): 1.25 below 22 kW, 1.15 for 22-55 kW, 1.10 above 55 kW of rated pump power.
//   Part-load efficiency points at 50/75/100 % load: eta_fl − 0.004, eta_fl + 0.001, eta_fl
//   with eta_fl the full-load efficiency (the case's cooling.motor_efficiency; IE3 4-pole 50 Hz
//   minima of IEC 60034-30-1:2014 Table 3 are 94.6 % at 55 kW, 95.0 % at 75 kW, 96.0 % at
//   200-1000 kW); the part-load shape (flat, peak near 75 %) is that of the US DOE fact sheet
//   "Determining Electric Motor Load and Efficiency" (DOE/GO-10097-517, Fig. 1), the offsets are
//   an assumption (the same as tests/validation/test_pump.cpp).
// Drive (VFD): rated output = the motor's rated input P_m,r/eta_fl. Efficiency at 25/50/100 %
//   load: eta_d − 0.028, eta_d − 0.008, eta_d with eta_d the full-load drive efficiency
//   (cooling.vfd_efficiency; physics sheet 5.1: 0.97-0.98); the shape is an assumption (the
//   IE2 drive of IEC 61800-9-2 is defined by its losses at eight load points, not reproduced).
// Closed loops (facility water, TCS): no static head, the system curve H = K·Q² through the
//   loop's design point (Q_d, H_loop); the pumps are selected for (Q_d/n, (1 + margin)·H_loop)
//   at rated speed and run at the fixed speed N = speedForFlow(Q_d) that delivers the design
//   flow, where the efficiency is eta(q_d, N) = eta_BEP (2r − r²), r = 1/N > 1.
// Spares: standby pumps (N+1 etc.) that stand still in normal operation: they carry no flow
//   and no power, and are only counted (contingencies that trip a pump use them).
#include "model/hydraulics/Pump.hpp"

namespace fdtwin::hydraulics {

// Shut-off over design head for the closed-loop (facility, TCS) pumps [-] (assumption, above).
constexpr double kClosedLoopShutoffRatio = 1.2;
// Head margin of a closed-loop pump selection over the loop's design head [-]: the pump delivers
// the design flow at (1 + margin) times the system head at full speed, and its drive trims the
// speed down to the design flow (assumption: a common 10 % selection margin).
constexpr double kClosedLoopHeadMargin = 0.10;

struct PumpBankDesign {
  int running;             // pumps in service [-], >= 1
  int spares;              // standby pumps [-], >= 0
  double designFlow;       // total flow at the design point [m^3/s]
  double designHead;       // head at the design flow and rated speed [m]
  double shutoffRatio;     // H0/H_d [-], > 1
  double bepEfficiency;    // eta_BEP [-]
  double motorEfficiency;  // full-load motor efficiency [-]
  double driveEfficiency;  // full-load drive efficiency [-]
  double density;          // pumped fluid at the design point [kg/m^3]
};

// The operating point of a closed loop's bank (above) at the speed that delivers its design
// flow Q_d [m^3/s] against the loop head H_loop [m] at that flow.
PumpOperatingPoint closedLoopDuty(int running, double designFlow, double loopHead, double bepEfficiency,
                                  double motorEfficiency, double driveEfficiency, double density);

// API 610 motor sizing margin for a rated pump shaft power [W].
double motorSizingMargin(double pumpShaftPower);
// The Pump parameters of a bank (curve, BEP, motor and drive curves) from its design duty.
PumpParams pumpBankParams(const PumpBankDesign& d);

// The full-load efficiencies every pump bank of the plant shares (cooling.pump_efficiency,
// cooling.motor_efficiency, cooling.vfd_efficiency).
struct PumpEfficiencies {
  double bep, motor, drive;
};
// pumpBankParams of an open seawater bank: `running` duty pumps (+ `spares`) for a design
// mass flow [kg/s] of seawater of density rho [kg/m^3] against `designHead` [m].
PumpParams seawaterPumpBank(int running, int spares, double designMassFlow, double designHead, double shutoffRatio,
                            const PumpEfficiencies& e, double rho);

}  // namespace fdtwin::hydraulics
