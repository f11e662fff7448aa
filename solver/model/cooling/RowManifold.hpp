#pragma once
// The supply and return headers (manifolds) of one rack row of a hall's technology cooling
// system (TCS): how the row's coolant flow Q divides among its n racks (the branches).
//
// A discrete network of quadratic (turbulent) resistances, Idelchik, Handbook of Hydraulic
// Resistance, 4th ed., ch. 7 (distribution and collecting headers); the flow-distribution
// problem is that of Bajura & Jones, "Flow distribution manifolds", J. Fluids Eng. 98 (1976)
// 654–665, here without the momentum (pressure-recovery) terms of the header, which are small
// beside the friction of a long TCS row header at 1–3 m/s (docs/decisions.md, "Rack-row
// manifolds"). Branch 0 is the rack nearest the CDU; the supply enters the header there.
//   branch (rack, its quick disconnects and cold plates):  p_s,k − p_r,k = K_b·q_k|q_k|       [Pa]
//   header segment k → k+1 (supply):  p_s,k − p_s,k+1 = K_h·S_k+1|S_k+1|, S_k+1 = Σ_{j>k} q_j   [Pa]
//   direct return (U-type: the return leaves at the CDU end, first supplied = first returned):
//       p_r,k+1 − p_r,k = K_h·S_k+1|S_k+1|
//   reverse return (Z-type: the return leaves at the far end, first supplied = last returned):
//       p_r,k − p_r,k+1 = K_h·T_k|T_k|,  T_k = Σ_{j≤k} q_j
//   conservation:  Σ q_k = Q
// with K_b = Δp_rack/ṁ_nom² (the rack's pressure drop at its nominal flow) and, for a header
// of inner diameter D, Darcy friction factor f and segment length L (the rack pitch),
// K_h = f·L/(2·ρ·A²·D), A = πD²/4 (Darcy–Weisbach). The loop equations between neighbouring
// branches and the conservation form n equations in the q_k, solved by Newton's method on
// the dense n × n system (n is a row's rack count). In a direct-return row the far racks see
// the least pressure difference and get the least flow; reverse return evens the path lengths
// and the split is near uniform (exactly symmetric about the middle when both headers match).
// "uniform" skips the headers: every rack gets Q/n.
#include <vector>

namespace fdtwin::cooling {

enum class ManifoldKind { DirectReturn, ReverseReturn, Uniform };

// Branch flows q_k [kg/s] (k = 0 nearest the CDU) of a row with n branches and total flow Q
// [kg/s]; branchK = K_b and headerK = K_h in Pa/(kg/s)². Σ q_k = Q to round-off.
std::vector<double> manifoldSplit(ManifoldKind kind, int n, double totalFlow, double branchK, double headerK);

// K_h of a header segment [Pa/(kg/s)²]: length L [m], inner diameter D [m], Darcy friction
// factor f, density ρ [kg/m3].
double headerSegmentResistance(double length, double diameter, double friction, double density);

}  // namespace fdtwin::cooling
