#pragma once
// Centrifugal pumps: n identical pumps in parallel on one system curve, with variable speed.
//
// Units: volume flow Q [m^3/s], head H [m of the pumped fluid], power [W], relative speed
// N = n_shaft/n_rated [-], density rho [kg/m^3], g = 9.80665 m/s^2 (core/Constants).
//
// Pump curve at rated speed, per pump (flow q = Q/n_pumps):
//   H_1(q) = H0 + a1 q + a2 q^2        (a "fitted 3-coefficient" curve; a2 < 0, a1 <= 0)
// or, through the shut-off head H0 and the design point (Q_d, H_d) with a1 = 0:
//   a2 = -(H0 - H_d)/Q_d^2             (quadraticThroughDesignPoint).
// Affinity laws (Gulich, Centrifugal Pumps, 3rd ed. 2014, sec. 3.4; Karassik et al., Pump
// Handbook, 4th ed., sec. 2.1): at speed N, q scales with N and H with N^2 at similar
// operating points, so
//   H_N(q) = H0 N^2 + a1 N q + a2 q^2.
// Hydraulic (pump) efficiency, a parabola through 0 at shut-off and eta_BEP at the best
// efficiency point q_BEP (at rated speed), constant along affinity parabolas:
//   eta(q, N) = eta_BEP (2 r - r^2),  r = q/(N q_BEP)  (floored at 0.01 eta_BEP so that power
//   stays finite far out on the curve, r -> 0 or r -> 2, where no pump is run).
// System curve: H_sys(Q) = H_static + K Q^2 (K [m/(m^3/s)^2]; physics sheet section 5.1: the
//   static lift does not scale with speed).
// Operating point at speed N: H_N(Q/n) = H_sys(Q), a quadratic in Q,
//   A Q^2 + B Q + C = 0,  A = K - a2/n^2,  B = -a1 N/n,  C = H_static - H0 N^2,
//   Q = -2C / (B + sqrt(B^2 - 4AC))    (the positive root, free of cancellation).
//   For C >= 0 (N <= N_min) the pumps deliver nothing against the static head: Q = 0, and the
//   pumps are taken as stopped (all powers 0).
// Minimum speed: H0 N_min^2 = H_static, N_min = sqrt(H_static/H0).
// Speed for a target total flow Q: H0 N^2 + a1 q N + a2 q^2 - H_sys(Q) = 0, solved for N > 0.
// Power, per pump: P_hyd = rho g q H; P_shaft = P_hyd/eta; motor input
//   P_m = P_shaft + loss_motor(P_shaft), drive input P_el = P_m + loss_drive(P_m), both from
//   part-load curves (power/PartLoadCurve.hpp) of load fraction P_shaft/P_motor,rated and
//   P_m/P_drive,rated. The motor's losses are taken as a function of its load alone (not of
//   speed and torque separately, as IEC 61800-9-2 would): a simplification stated here.
// All pump shaft power ends as heat in the pumped fluid; motor and drive losses heat the room
// they stand in.
#include <vector>

#include "model/power/PartLoadCurve.hpp"

namespace fdtwin::hydraulics {

// H_1(q) = shutoffHead + linear q + quadratic q^2, per pump at rated speed.
struct PumpCurveCoefficients {
  double shutoffHead;  // H0 [m]
  double linear;       // a1 [m/(m^3/s)], <= 0
  double quadratic;    // a2 [m/(m^3/s)^2], < 0
};

struct PumpParams {
  PumpCurveCoefficients curve;                          // per pump, rated speed
  double bepFlow;                                       // q_BEP per pump at rated speed [m^3/s]
  double bepEfficiency;                                 // eta_BEP [-]
  int count;                                            // identical pumps in parallel [-]
  double motorRatedPower;                               // motor rated shaft output [W]
  std::vector<power::EfficiencyPoint> motorEfficiency;  // vs P_shaft/motorRatedPower
  double driveRatedPower;                               // drive (VFD) rated output [W]
  std::vector<power::EfficiencyPoint> driveEfficiency;  // vs P_motor,in/driveRatedPower
};

// H = staticHead + resistance Q^2, Q the total flow.
struct SystemCurve {
  double staticHead;  // H_static [m]
  double resistance;  // K [m/(m^3/s)^2]
};

struct PumpOperatingPoint {
  double speed = 0.0;           // N [-]
  double flow = 0.0;            // total Q [m^3/s]
  double flowPerPump = 0.0;     // q [m^3/s]
  double head = 0.0;            // H [m]
  double efficiency = 0.0;      // hydraulic efficiency eta [-]
  double hydraulicPower = 0.0;  // rho g Q H, all pumps [W]
  double shaftPower = 0.0;      // all pumps [W]
  double motorLoss = 0.0;       // all motors [W]
  double driveLoss = 0.0;       // all drives [W]
  double electricPower = 0.0;   // drive input, all pumps [W]
};

// Curve through the shut-off head H0 [m] and the design point (designFlow [m^3/s] per pump,
// designHead [m]) with a1 = 0.
PumpCurveCoefficients quadraticThroughDesignPoint(double shutoffHead, double designFlow, double designHead);

class Pump {
 public:
  // Throws std::invalid_argument for a non-physical curve or efficiency data.
  explicit Pump(PumpParams params);

  // Head [m] of one pump at flow q [m^3/s] and speed N [-].
  double head(double flowPerPump, double speed) const;
  // Hydraulic efficiency [-] at flow q [m^3/s] per pump and speed N [-].
  double hydraulicEfficiency(double flowPerPump, double speed) const;
  // Operating point of the bank at speed N [-] on the system curve, pumping a fluid of
  // density rho [kg/m^3].
  PumpOperatingPoint operatingPoint(double speed, const SystemCurve& system, double density) const;
  // The speed below which the bank delivers nothing: sqrt(H_static/H0) [-].
  double minimumSpeed(const SystemCurve& system) const;
  // The speed [-] at which the bank delivers the total flow Q [m^3/s] >= 0 on the system curve.
  double speedForFlow(double totalFlow, const SystemCurve& system) const;

  const PumpParams& params() const { return m_p; }

 private:
  PumpParams m_p;
  power::PartLoadCurve m_motor;
  power::PartLoadCurve m_drive;
};

}  // namespace fdtwin::hydraulics
