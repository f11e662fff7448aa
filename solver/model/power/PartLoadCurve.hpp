#pragma once
// Part-load efficiency of a power-conversion stage (motor, drive, UPS, power supply) from the
// efficiency points of its datasheet or of the standard it is certified to.
//
// Load fraction x = P_out / P_rated [-] (output power over rated output power, the basis of
// 80 PLUS, IEC 62040-3 UPS and IEC 60034-2-1 motor ratings).
// Loss fraction  l(x) = P_loss / P_rated = x (1/eta(x) - 1) [-].
// A stage's loss splits into a constant part (no-load: core, control, fans), a part
// proportional to the load (switching, diode drops) and a square-law part (I^2 R):
//   l(x) = l0 + l1 x + l2 x^2
// (Rasmussen, "Electrical Efficiency Modeling for Data Centers", APC White Paper 113, 2007).
// With three points (x_i, eta_i) l is that quadratic through them, exactly. With more points,
// between points i and i+1 l is the quadratic through points i, i+1, i+2 (the last three at the
// top end): every published point is reproduced exactly, l is continuous, and each stretch keeps
// the square-law shape. Two points give a straight line. Beyond the data the end quadratics are
// extended (so the no-load loss is where the first one meets x = 0), clamped at l >= 0.
// Then P_in = P_out + P_rated l(P_out/P_rated) and eta = x / (x + l(x)).
#include <vector>

namespace fdtwin::power {

struct EfficiencyPoint {
  double load;        // load fraction P_out/P_rated [-]
  double efficiency;  // P_out/P_in at that load [-]
};

class PartLoadCurve {
 public:
  // At least two points, loads strictly increasing and > 0, efficiencies in (0, 1].
  // Throws std::invalid_argument otherwise.
  explicit PartLoadCurve(std::vector<EfficiencyPoint> points);

  // Loss fraction l(x) = P_loss/P_rated [-] at load fraction x >= 0.
  double lossFraction(double load) const;
  // Efficiency P_out/P_in [-] at load fraction x > 0 (0 at x <= 0).
  double efficiency(double load) const;
  // Loss [W] of a stage of rated output pRated [W] delivering pOut [W] >= 0.
  double loss(double pOut, double pRated) const { return pRated * lossFraction(pOut / pRated); }
  // Input power [W] of that stage: pOut + loss.
  double inputPower(double pOut, double pRated) const { return pOut + loss(pOut, pRated); }

  const std::vector<EfficiencyPoint>& points() const { return m_points; }

 private:
  std::vector<EfficiencyPoint> m_points;
  std::vector<double> m_loss;  // l at each point [-]
};

}  // namespace fdtwin::power
