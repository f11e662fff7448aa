// Lumped nodes integrated by the real integrator (CVODES + KLU) against closed forms.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <string>

#include "../support/Validation.hpp"
#include "integrate/Integrator.hpp"
#include "model/hull/Hull.hpp"
#include "run/CaseBindings.hpp"

namespace fdtwin {
namespace {

// A hull whose panels see fixed outside temperatures and no hall: each panel is a single
// lumped node C dT/dt = h·A·(T_ext − T) (no sun, no radiation: emissivity 0).
class HullOnly : public network::OdeSystem {
 public:
  HullOnly(const hull::Hull& h, hull::HullBoundary b) : m_hull(h), m_b(std::move(b)) {}
  int size() const override { return m_hull.count(); }
  void rhs(double, const double* y, double* ydot) override {
    std::vector<double> heat(1, 0.0);
    hull::HullFlows f;
    m_hull.rhs(y, ydot, m_b, {}, heat, f);
  }
  void jacobian(double, const double* y, network::SparseJacobian& J) override { m_hull.jacobian(J, y, m_b, {}); }

 private:
  const hull::Hull& m_hull;
  hull::HullBoundary m_b;
};

// Reference: the step response of a first-order lumped node, T(t) = T_ext + (T0 − T_ext)·exp(−t/τ),
// τ = C/(h·A) (Incropera §5.2, lumped capacitance). Tolerance: 1e-4 of the step at rtol 1e-7.
TEST(LumpedNode, HullPanelStepResponseMatchesExponential) {
  HullParams p = io::defaultPlantParams().hull;
  p.emissivity = 0.0;
  p.solarAbsorptance = 0.0;
  hull::HullGeometry geom(p);
  hull::Hull hull(geom, std::vector<int>(geom.panels().size(), -1));
  network::StateLayout layout;
  hull.declareStates(layout, 300.0);
  hull::HullBoundary b;
  b.T_air = 290.0;
  b.T_seaPanel.assign(geom.panels().size(), 285.0);
  b.hWetLong = 600.0;
  b.hWetEnd = 500.0;
  b.hDryDeck = 12.0;
  b.hDrySide = 10.0;
  HullOnly sys(hull, b);
  std::vector<double> y(static_cast<size_t>(sys.size()), 300.0), scales(y.size(), 300.0);
  integrate::Integrator integ(sys, scales, 1e-7, 0.0);
  integ.initialize(0.0, y);
  const double tau0 = hull.heatCapacity(0) / (b.hWetLong * geom.panels()[0].area);  // bottom panel
  double t = 0.0;
  for (double k : {0.5, 1.0, 3.0}) {
    integ.advance(k * tau0, t, y);
    double worst = 0.0;  // largest |T - exact| over the panels, relative to the panel's step
    for (int i = 0; i < hull.count(); ++i) {
      const auto& pn = geom.panels()[static_cast<size_t>(i)];
      const double h = pn.group == hull::PanelGroup::Bottom || pn.group == hull::PanelGroup::SideWet ? b.hWetLong
                       : pn.group == hull::PanelGroup::EndWet                                         ? b.hWetEnd
                       : pn.group == hull::PanelGroup::Deck                                           ? b.hDryDeck
                                                                                                      : b.hDrySide;
      const double tExt = pn.wet() ? 285.0 : 290.0;
      const double tau = hull.heatCapacity(i) / (h * pn.area);
      const double exact = tExt + (300.0 - tExt) * std::exp(-t / tau);
      EXPECT_NEAR(y[static_cast<size_t>(i)], exact, 1e-4 * std::abs(300.0 - tExt)) << "panel " << i << " t=" << t;
      worst = std::max(worst, std::abs(y[static_cast<size_t>(i)] - exact) / std::abs(300.0 - tExt));
    }
    test::reportCheck("worst panel error / step at t = " + std::to_string(k) + " tau", "lumped capacitance, exp(-t/tau)",
                      0.0, worst, 1e-4, "1", "integration at rtol 1e-7");
  }
}

// Two nodes exchanging heat through a conductance G: the difference decays as exp(−G(1/C1+1/C2)t)
// and both end at the capacity-weighted mean (energy conserved). Tolerance 1e-6 relative.
class TwoNodes : public network::OdeSystem {
 public:
  double C1 = 2.0e6, C2 = 5.0e5, G = 1.0e3;
  int size() const override { return 2; }
  void rhs(double, const double* y, double* ydot) override {
    const double q = G * (y[0] - y[1]);
    ydot[0] = -q / C1;
    ydot[1] = q / C2;
  }
  void jacobian(double, const double*, network::SparseJacobian& J) override {
    J.add(0, 0, -G / C1);
    J.add(0, 1, G / C1);
    J.add(1, 0, G / C2);
    J.add(1, 1, -G / C2);
  }
};

TEST(LumpedNode, TwoNodeExchangeEquilibrates) {
  TwoNodes sys;
  std::vector<double> y = {350.0, 290.0};
  integrate::Integrator integ(sys, {300.0, 300.0}, 1e-8, 0.0);
  integ.initialize(0.0, y);
  const double rate = sys.G * (1.0 / sys.C1 + 1.0 / sys.C2);
  const double mean = (sys.C1 * 350.0 + sys.C2 * 290.0) / (sys.C1 + sys.C2);
  double t = 0.0;
  for (double tEnd : {0.5 / rate, 2.0 / rate, 20.0 / rate}) {
    integ.advance(tEnd, t, y);
    const double diff = 60.0 * std::exp(-rate * t);
    test::reportCheck("temperature difference at t = " + std::to_string(rate * t) + "/rate",
                      "closed form 60 K exp(-G (1/C1 + 1/C2) t)", diff, y[0] - y[1], 1e-6 * 60.0, "K",
                      "1e-6 of the initial difference at rtol 1e-8");
    EXPECT_NEAR(y[0] - y[1], diff, 1e-6 * 60.0);
    EXPECT_NEAR((sys.C1 * y[0] + sys.C2 * y[1]) / (sys.C1 + sys.C2), mean, 1e-6 * mean);
  }
  EXPECT_NEAR(y[0], mean, 1e-4);
}

}  // namespace
}  // namespace fdtwin
