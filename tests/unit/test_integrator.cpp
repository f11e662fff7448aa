// The CVODES wrapper: failures say when and where; exceptions never cross a SUNDIALS callback.
#include <gtest/gtest.h>

#include <cmath>
#include <stdexcept>

#include "core/Error.hpp"
#include "integrate/Integrator.hpp"

namespace fdtwin {
namespace {

// y' = y² blows up at t = 1/y0: CVODES must give up, and the report must name the time and
// the state that failed.
class BlowUp : public network::OdeSystem {
 public:
  int size() const override { return 2; }
  void rhs(double, const double* y, double* ydot) override {
    ydot[0] = -y[0];
    ydot[1] = y[1] * y[1];
  }
  void jacobian(double, const double* y, network::SparseJacobian& J) override {
    J.add(0, 0, -1.0);
    J.add(1, 1, 2.0 * y[1]);
  }
  std::string stateName(int i) const override { return i == 0 ? "calm node" : "runaway node"; }
};

TEST(Integrator, FailureReportsTimeAndWorstStateByName) {
  BlowUp sys;
  std::vector<double> y = {1.0, 1.0};
  integrate::Integrator integ(sys, {1.0, 1.0}, 1e-6, 0.0);
  integ.initialize(0.0, y);
  double t = 0.0;
  try {
    integ.advance(2.0, t, y);
    FAIL() << "the blow-up at t = 1 should stop the integrator";
  } catch (const RunError& e) {
    EXPECT_NEAR(e.simTime(), 1.0, 0.05);
    EXPECT_NE(std::string(e.where()).find("runaway node"), std::string::npos) << e.what();
    EXPECT_NE(std::string(e.what()).find("steps"), std::string::npos) << e.what();
  }
}

// A model callback that throws is turned into a return code and then a RunError carrying
// the model's message.
class Throws : public network::OdeSystem {
 public:
  int size() const override { return 1; }
  void rhs(double t, const double*, double* ydot) override {
    if (t > 0.5) throw std::runtime_error("property table out of range");
    ydot[0] = 1.0;
  }
  void jacobian(double, const double*, network::SparseJacobian& J) override { J.add(0, 0, 0.0); }
};

TEST(Integrator, ExceptionInCallbackBecomesRunError) {
  Throws sys;
  std::vector<double> y = {0.0};
  integrate::Integrator integ(sys, {1.0}, 1e-6, 0.0);
  integ.initialize(0.0, y);
  double t = 0.0;
  try {
    integ.advance(1.0, t, y);
    FAIL() << "expected a RunError";
  } catch (const RunError& e) {
    EXPECT_NE(std::string(e.what()).find("property table out of range"), std::string::npos) << e.what();
    // CVODES' own words come with it (through the error handler, not printed separately).
    EXPECT_NE(std::string(e.what()).find("right-hand side routine failed"), std::string::npos) << e.what();
    EXPECT_LE(e.simTime(), 0.5 + 1e-9);
  }
}

// Quadratures are zero before the first step and integrate exactly a constant integrand.
class Constant : public network::OdeSystem {
 public:
  int size() const override { return 1; }
  void rhs(double, const double*, double* ydot) override { ydot[0] = 0.0; }
  void jacobian(double, const double*, network::SparseJacobian& J) override { J.add(0, 0, 0.0); }
  int quadratureCount() const override { return 1; }
  void quadratures(double, const double*, double* q) override { q[0] = 5.0; }
};

TEST(Integrator, QuadraturesStartAtZeroAndIntegrate) {
  Constant sys;
  std::vector<double> y = {1.0};
  integrate::Integrator integ(sys, {1.0}, 1e-8, 0.0);
  integ.initialize(0.0, y);
  EXPECT_EQ(integ.quadratures(0.0).at(0), 0.0);
  double t = 0.0;
  integ.advance(10.0, t, y);
  EXPECT_NEAR(integ.quadratures(t).at(0), 50.0, 1e-9);
  integ.reinitialize(t, y);
  EXPECT_NEAR(integ.quadratures(t).at(0), 50.0, 1e-9);  // kept across a re-initialisation
}

// y' = −y, q' = y: y = exp(−t), q = 1 − exp(−t). Output times inside a step come from the
// interpolant: exactly at the time asked, within the tolerance of the closed form, and without
// steps of their own (the step count is that of one call to the end, up to the first step,
// which CVODES sizes from the distance to the first output time).
class Decay : public network::OdeSystem {
 public:
  int size() const override { return 1; }
  void rhs(double, const double* y, double* ydot) override { ydot[0] = -y[0]; }
  void jacobian(double, const double*, network::SparseJacobian& J) override { J.add(0, 0, -1.0); }
  int quadratureCount() const override { return 1; }
  void quadratures(double, const double* y, double* q) override { q[0] = y[0]; }
};

TEST(Integrator, OutputTimesAreInterpolatedWithoutSteps) {
  Decay sys;
  const double rtol = 1e-6, tEnd = 10.0;
  long oneCall = 0;
  {
    std::vector<double> y = {1.0};
    integrate::Integrator integ(sys, {1.0}, rtol, 0.0);
    integ.initialize(0.0, y);
    double t = 0.0;
    EXPECT_EQ(integ.advance(tEnd, t, y), integrate::StepResult::ReachedStop);
    EXPECT_EQ(t, tEnd);
    oneCall = integ.stats().steps;
  }
  std::vector<double> y = {1.0};
  integrate::Integrator integ(sys, {1.0}, rtol, 0.0);
  integ.initialize(0.0, y);
  double t = 0.0;
  for (int k = 1; k <= 1000; ++k) {
    const double tOut = 0.01 * k;
    const auto r = integ.advance(tOut, tEnd, t, y);
    ASSERT_EQ(t, tOut);
    EXPECT_EQ(r, k == 1000 ? integrate::StepResult::ReachedStop : integrate::StepResult::ReachedOutput);
    EXPECT_NEAR(y[0], std::exp(-t), 20 * rtol) << "t = " << t;
    EXPECT_NEAR(integ.quadratures(t).at(0), 1.0 - std::exp(-t), 20 * rtol) << "t = " << t;
  }
  EXPECT_LE(integ.stats().steps, oneCall + 10) << "1,000 output times, one call: " << oneCall << " steps";
}

}  // namespace
}  // namespace fdtwin

namespace fdtwin {
namespace {

// A model that refuses states far from its range (like a CFD surrogate table): the sparsity
// pattern must be taken at the real initial state, not at placeholder values.
class RangeLimited : public network::OdeSystem {
 public:
  int size() const override { return 1; }
  void rhs(double, const double* y, double* ydot) override {
    check(y[0]);
    ydot[0] = -y[0];
  }
  void jacobian(double, const double* y, network::SparseJacobian& J) override {
    check(y[0]);
    J.add(0, 0, -1.0);
  }

 private:
  static void check(double v) {
    if (v > 10.0) throw std::runtime_error("outside the table");
  }
};

TEST(Integrator, SparsityPatternIsTakenAtTheInitialState) {
  RangeLimited sys;
  std::vector<double> y = {2.0};
  integrate::Integrator integ(sys, {1.0}, 1e-8, 0.0);
  integ.initialize(0.0, y);
  double t = 0.0;
  integ.advance(1.0, t, y);
  EXPECT_NEAR(y[0], 2.0 * std::exp(-1.0), 1e-6);
}

}  // namespace
}  // namespace fdtwin
