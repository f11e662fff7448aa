#pragma once
// Effectiveness-NTU relations for two-stream heat exchangers, LMTD, overall U, fouling.
//
// Definitions (Incropera & DeWitt, Fundamentals of Heat and Mass Transfer, sec. 11.4 and
// Tables 11.3/11.4; Kays & London, Compact Heat Exchangers):
//   C = mdot cp [W/K];  Cr = Cmin/Cmax in [0, 1];  NTU = UA/Cmin [-];
//   q = eps Cmin (T_h,in - T_c,in) [W], positive from the hot to the cold stream.
// effectiveness(NTU, Cr, arrangement):
//   Counterflow        eps = (1 - exp(-NTU(1-Cr))) / (1 - Cr exp(-NTU(1-Cr)))
//                      Cr -> 1: eps = NTU/(1+NTU) + (1-Cr) NTU^2/(2 (1+NTU)^2) + O((1-Cr)^2 NTU^2),
//                      used when (1-Cr)(1+NTU) < 1e-6 (this covers |1-Cr| < 1e-6).
//   Parallel           eps = (1 - exp(-NTU(1+Cr))) / (1+Cr)
//   CrossflowUnmixed   eps = 1 - exp[(NTU^0.22/Cr) (exp(-Cr NTU^0.78) - 1)]  (approximation,
//                      Incropera eq. 11.32; exact for Cr = 0)
//   ShellAndTube1Pass  eps = 2 {1 + Cr + sqrt(1+Cr^2) (1+exp(-NTU sqrt(1+Cr^2)))
//                                            / (1-exp(-NTU sqrt(1+Cr^2)))}^-1
//                      (one shell pass, 2, 4, ... tube passes)
//   Cr = 0, any arrangement: eps = 1 - exp(-NTU).
//   A plate heat exchanger with many plates in one pass is modelled as Counterflow
//   (physics sheet section 2.1).
// ntuCounterflow(eps, Cr) = ln[(eps-1)/(eps Cr - 1)]/(Cr - 1);  Cr = 1: eps/(1-eps).
// lmtd(dT1, dT2) = (dT1 - dT2)/ln(dT1/dT2)  [K], end temperature differences.
// overallU: 1/U = 1/h_hot + t_w/k_w + 1/h_cold + R_f,hot + R_f,cold  [W/(m^2 K)],
//   all resistances per unit of the same (plane-wall) area.
// foulingResistance (Kern & Seaton 1959, asymptotic): R_f(t) = R_f,inf (1 - exp(-t/tau))
//   [m^2 K/W], t and tau in the same unit (s in the model).

namespace fdtwin::cooling {

enum class FlowArrangement { Counterflow, Parallel, CrossflowUnmixed, ShellAndTube1Pass };

// Effectiveness [-]. Cr is clamped to [0, 1]; NTU <= 0 gives 0; NTU = +inf gives the
// arrangement's limit.
double effectiveness(double ntu, double cr, FlowArrangement arrangement);

// Inverse of the counterflow relation: NTU for effectiveness eps at capacity ratio Cr
// (clamped to [0, 1]). eps <= 0 gives 0; eps >= 1 gives +infinity (unreachable).
double ntuCounterflow(double eps, double cr);

// Log-mean temperature difference [K] of end differences dT1, dT2 [K] (same sign).
// Exact limit dT1 as dT1 -> dT2 (series, no cancellation); 0 if either is 0;
// NaN when they have opposite signs (temperature cross: no LMTD exists).
double lmtd(double dT1, double dT2);

// Overall heat transfer coefficient [W/(m^2 K)] of a plane wall between two fluids.
// h [W/(m^2 K)], wall thickness [m], wall conductivity [W/(m K)], fouling [m^2 K/W].
// A zero film coefficient (no heat transfer on that side) gives U = 0.
// Throws std::invalid_argument for negative inputs or a zero conductivity with t > 0.
double overallU(double hHot, double hCold, double wallThickness, double wallConductivity, double foulingHot,
                double foulingCold);

struct HxResult {
  double q = 0.0;         // heat flow from hot to cold stream [W]
  double eps = 0.0;       // effectiveness [-]
  double ntu = 0.0;       // UA/Cmin [-]
  double cMin = 0.0;      // smaller capacity rate [W/K]
  double cMax = 0.0;      // larger capacity rate [W/K]
  double tHotOut = 0.0;   // hot stream outlet temperature [K]
  double tColdOut = 0.0;  // cold stream outlet temperature [K]
};

// Rates a heat exchanger: capacity rates cHot, cCold [W/K] (>= 0), inlet temperatures [K],
// conductance UA [W/K] (>= 0). If tHotIn < tColdIn, q is negative and the relations still
// hold. A stream with zero capacity rate (no flow) carries no heat: q = 0; with UA > 0 it
// leaves at the other stream's inlet temperature (eps = 1, ntu = +inf), with UA = 0 at its own.
HxResult solveHx(double cHot, double tHotIn, double cCold, double tColdIn, double ua,
                 FlowArrangement arrangement);

// Kern-Seaton asymptotic fouling resistance [m^2 K/W] after tSinceCleaning (same time unit
// as tau); t <= 0 gives 0, tau <= 0 gives rInf.
double foulingResistance(double tSinceCleaning, double rInf, double tau);

}  // namespace fdtwin::cooling
