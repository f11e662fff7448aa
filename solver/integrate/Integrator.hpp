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

// ReachedOutput: at the requested output time, interpolated inside the last step (CVODES'
// interpolating polynomial) when the integrator had already passed it; ReachedStop: at the
// stop time (the integrator's own step end); Root: a root event stopped it earlier.
enum class StepResult { ReachedOutput, ReachedStop, Root };

class Integrator {
 public:
  Integrator(network::OdeSystem& system, std::vector<double> scales, double rtol, double maxStep);
  ~Integrator();
  Integrator(const Integrator&) = delete;
  Integrator& operator=(const Integrator&) = delete;

  void initialize(double t0, const std::vector<double>& y0);
  // The same with the quadratures' values at t0 (a run resumed from a checkpoint); `before`:
  // the statistics of the integration up to t0, added to stats().
  void initialize(double t0, const std::vector<double>& y0, const std::vector<double>& q0,
                  const IntegratorStats& before);
  // Re-initialises after a discrete change at t (keeps the quadratures' values).
  void reinitialize(double t, const std::vector<double>& y);
  // Returns the state at tOut (tOut <= tStop) without forcing a step there: the integrator
  // steps on towards tStop as far as its error control lets it, never past tStop (the next
  // discontinuity), and the state at an output time inside the last step comes from
  // interpolation. Returns Root if an event came first; `t` and `y` hold where it returned
  // (t == tOut or t == tStop exactly, or the root's time).
  StepResult advance(double tOut, double tStop, double& t, std::vector<double>& y);
  // Integrates to tStop and stops there (advance(tStop, tStop, t, y)).
  StepResult advance(double tStop, double& t, std::vector<double>& y) { return advance(tStop, tStop, t, y); }
  const std::vector<int>& rootsFound() const { return m_roots; }
  // The quadratures at t, interpolated: t must lie in the last step taken (the time the last
  // advance returned, or any time between it and the step before).
  std::vector<double> quadratures(double t) const;
  IntegratorStats stats() const;

  struct Impl;  // SUNDIALS objects (public so the C callbacks can reach them)

 private:
  void setUpLinearSolver(const std::vector<double>& y0);
  std::unique_ptr<Impl> m;
  std::vector<int> m_roots;
};

}  // namespace fdtwin::integrate
