#pragma once
// SUNDIALS CVODES wrapper: BDF, Newton iteration with the sparse KLU direct solver, the
// Jacobian assembled by the network (network::SparseJacobian, CSR), root finding for events,
// quadratures for the energy integrals that take part in the error test (CVodeSetQuadErrCon,
// relative tolerance rtol, absolute 1e3 J or kg), and per-state absolute tolerances
// atol_i = rtol·scale_i.
//
// Exceptions never cross a SUNDIALS callback: each callback catches, stores the message and
// returns −1 (unrecoverable); the wrapper then throws RunError with the simulated time, the
// state with the largest weighted local error (by name) and what CVODES tried.
#include <memory>
#include <string>
#include <vector>

#include "network/OdeSystem.hpp"

namespace fdtwin::integrate {

struct IntegratorStats {
  long steps = 0, rhsEvals = 0, jacEvals = 0, linearSetups = 0, nonlinearIterations = 0, errorTestFailures = 0,
       nonlinearFailures = 0, rootEvals = 0;
  double lastStep = 0.0;
  // Wall time spent inside the model's callbacks (the rest of a run is solver overhead and I/O).
  double rhsSeconds = 0.0, jacSeconds = 0.0, quadSeconds = 0.0, rootSeconds = 0.0;
};

enum class StepResult { ReachedStop, Root };

class Integrator {
 public:
  Integrator(network::OdeSystem& system, std::vector<double> scales, double rtol, double maxStep);
  ~Integrator();
  Integrator(const Integrator&) = delete;
  Integrator& operator=(const Integrator&) = delete;

  void initialize(double t0, const std::vector<double>& y0);
  // Re-initialises after a discrete change at t (keeps the quadratures' values).
  void reinitialize(double t, const std::vector<double>& y);
  // Integrates towards tStop (never past it). Returns Root if an event stopped it earlier;
  // `t` and `y` hold where it stopped.
  StepResult advance(double tStop, double& t, std::vector<double>& y);
  const std::vector<int>& rootsFound() const { return m_roots; }
  std::vector<double> quadratures(double t) const;
  IntegratorStats stats() const;

  struct Impl;  // SUNDIALS objects (public so the C callbacks can reach them)

 private:
  void setUpLinearSolver(const std::vector<double>& y0);
  std::unique_ptr<Impl> m;
  std::vector<int> m_roots;
};

}  // namespace fdtwin::integrate
