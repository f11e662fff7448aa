#pragma once
// What the integrator needs from a network: y' = f(t, y) with a sparse Jacobian, root
// functions for discrete events and quadratures (integrals of algebraic outputs such as the
// terms of the energy balance). Callbacks may throw; the integrator catches at the SUNDIALS
// boundary and turns exceptions into return codes.
#include <string>

#include "network/SparseJacobian.hpp"

namespace fdtwin::network {

class OdeSystem {
 public:
  virtual ~OdeSystem() = default;
  virtual int size() const = 0;
  virtual void rhs(double t, const double* y, double* ydot) = 0;
  virtual void jacobian(double t, const double* y, SparseJacobian& J) = 0;
  virtual int rootCount() const { return 0; }
  virtual void roots(double /*t*/, const double* /*y*/, double* /*g*/) {}
  virtual int quadratureCount() const { return 0; }
  virtual void quadratures(double /*t*/, const double* /*y*/, double* /*qdot*/) {}
  virtual std::string stateName(int i) const { return "state " + std::to_string(i); }
};

}  // namespace fdtwin::network
