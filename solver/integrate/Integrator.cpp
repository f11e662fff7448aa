#include "integrate/Integrator.hpp"

#include <cvodes/cvodes.h>
#include <nvector/nvector_serial.h>
#include <sunlinsol/sunlinsol_klu.h>
#include <sunmatrix/sunmatrix_sparse.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <stdexcept>

#include <fmt/format.h>

#include "core/Error.hpp"
#include "integrate/SerialKernels.hpp"

namespace fdtwin::integrate {

namespace {
constexpr double kQuadratureAbsTol = 1e3;  // J (or kg): negligible next to any integral of a plant
}

struct Integrator::Impl {
  network::OdeSystem* system = nullptr;
  SUNContext ctx = nullptr;
  void* cvode = nullptr;
  N_Vector y = nullptr, atol = nullptr, q = nullptr;
  SUNMatrix A = nullptr;
  SUNLinearSolver LS = nullptr;
  network::SparseJacobian jac{0};
  std::string callbackError;
  std::string solverMessage;  // CVODES' own last message (kept instead of printed to stderr)
  int n = 0, nq = 0, nroots = 0;
  double rtol = 1e-5;
  std::vector<double> scales;
  IntegratorStats before;  // counters of earlier segments (CVodeReInit resets them)
  std::vector<double> qStart;  // quadratures at the last (re)initialisation
  double rhsSeconds = 0.0, jacSeconds = 0.0, quadSeconds = 0.0, rootSeconds = 0.0;
  // Since the last (re)initialisation: whether a step was taken, and the time up to which the
  // last step's interpolating polynomial answers with no event before it (its end, or a root).
  bool stepped = false;
  double tChecked = 0.0;
  // A root found at tRoot in a step whose earlier output times are still owed: returned when
  // the caller asks for a time at or after it.
  bool rootPending = false;
  double tRoot = 0.0;
  std::vector<double> yRoot;
  std::vector<int> rootsAtTRoot;

  ~Impl() {
    if (cvode) CVodeFree(&cvode);
    if (LS) SUNLinSolFree(LS);
    if (A) SUNMatDestroy(A);
    if (y) N_VDestroy(y);
    if (atol) N_VDestroy(atol);
    if (q) N_VDestroy(q);
    if (ctx) SUNContext_Free(&ctx);
  }
};

namespace {
constexpr long kMaxStepsPerAdvance = 200000;  // steps towards one output or stop time before giving up

Integrator::Impl* impl(void* user) { return static_cast<Integrator::Impl*>(user); }

// Adds the wall time of a scope to a counter.
class ScopeTimer {
 public:
  explicit ScopeTimer(double& sink) : m_sink(sink), m_t0(std::chrono::steady_clock::now()) {}
  ~ScopeTimer() { m_sink += std::chrono::duration<double>(std::chrono::steady_clock::now() - m_t0).count(); }
  ScopeTimer(const ScopeTimer&) = delete;
  ScopeTimer& operator=(const ScopeTimer&) = delete;

 private:
  double& m_sink;
  std::chrono::steady_clock::time_point m_t0;
};

// A model callback threw: keep its message for the RunError and stop CVODES (unrecoverable).
// A model's RunError does not know the solver's time; the integrator's error will carry it.
int callbackFailed(Integrator::Impl* m, const std::exception& e) {
  const auto* run = dynamic_cast<const RunError*>(&e);
  m->callbackError = run ? run->where() + ": " + run->message() : std::string(e.what());
  return -1;
}

int rhsFn(sunrealtype t, N_Vector y, N_Vector ydot, void* user) {
  auto* m = impl(user);
  ScopeTimer timer(m->rhsSeconds);
  try {
    m->system->rhs(t, N_VGetArrayPointer(y), N_VGetArrayPointer(ydot));
    const double* yd = N_VGetArrayPointer(ydot);
    for (int i = 0; i < m->n; ++i) {
      if (!std::isfinite(yd[i])) return 1;  // recoverable: CVODES retries with a smaller step
    }
    return 0;
  } catch (const std::exception& e) {
    return callbackFailed(m, e);
  }
}

int jacFn(sunrealtype t, N_Vector y, N_Vector /*fy*/, SUNMatrix J, void* user, N_Vector, N_Vector, N_Vector) {
  auto* m = impl(user);
  ScopeTimer timer(m->jacSeconds);
  try {
    m->jac.begin();
    m->system->jacobian(t, N_VGetArrayPointer(y), m->jac);
    m->jac.finish();
    const auto nnz = static_cast<sunindextype>(m->jac.nonZeros());
    if (SUNSparseMatrix_NNZ(J) < nnz) {
      if (SUNSparseMatrix_Reallocate(J, nnz) != 0) throw std::runtime_error("cannot grow the Jacobian");
    }
    sunindextype* rp = SUNSparseMatrix_IndexPointers(J);
    sunindextype* ci = SUNSparseMatrix_IndexValues(J);
    sunrealtype* v = SUNSparseMatrix_Data(J);
    const auto& R = m->jac.rowPointers();
    const auto& C = m->jac.columnIndices();
    const auto& V = m->jac.csrValues();
    for (size_t i = 0; i < R.size(); ++i) rp[i] = static_cast<sunindextype>(R[i]);
    for (size_t k = 0; k < C.size(); ++k) {
      ci[k] = static_cast<sunindextype>(C[k]);
      v[k] = V[k];
    }
    return 0;
  } catch (const std::exception& e) {
    return callbackFailed(m, e);
  }
}

int rootFn(sunrealtype t, N_Vector y, sunrealtype* g, void* user) {
  auto* m = impl(user);
  ScopeTimer timer(m->rootSeconds);
  try {
    m->system->roots(t, N_VGetArrayPointer(y), g);
    return 0;
  } catch (const std::exception& e) {
    return callbackFailed(m, e);
  }
}

int quadFn(sunrealtype t, N_Vector y, N_Vector qdot, void* user) {
  auto* m = impl(user);
  ScopeTimer timer(m->quadSeconds);
  try {
    m->system->quadratures(t, N_VGetArrayPointer(y), N_VGetArrayPointer(qdot));
    return 0;
  } catch (const std::exception& e) {
    return callbackFailed(m, e);
  }
}

// CVODES reports errors through this handler instead of printing them: the message becomes
// part of the RunError (one clear line on stderr from the program, not two voices).
void errorHandler(int /*code*/, const char* module, const char* function, char* msg, void* user) {
  impl(user)->solverMessage = fmt::format("{} in {}: {}", module ? module : "CVODES", function ? function : "?",
                                          msg ? msg : "");
}

void check(int flag, const char* what) {
  if (flag < 0) throw std::runtime_error(fmt::format("SUNDIALS {} failed (flag {})", what, flag));
}
}  // namespace

Integrator::Integrator(network::OdeSystem& system, std::vector<double> scales, double rtol, double maxStep)
    : m(std::make_unique<Impl>()) {
  m->system = &system;
  m->n = system.size();
  m->nq = system.quadratureCount();
  m->nroots = system.rootCount();
  m->scales = std::move(scales);
  m->rtol = rtol;
  m->jac = network::SparseJacobian(m->n);
  check(SUNContext_Create(nullptr, &m->ctx), "SUNContext_Create");
  m->y = N_VNew_Serial(m->n, m->ctx);
  m->atol = N_VNew_Serial(m->n, m->ctx);
  // Debian's SUNDIALS is built without optimisation: compiled kernels (SerialKernels.hpp).
  installSerialKernels(m->y);
  installSerialKernels(m->atol);
  double* a = N_VGetArrayPointer(m->atol);
  for (int i = 0; i < m->n; ++i) a[i] = rtol * std::max(1e-12, m->scales[static_cast<size_t>(i)]);
  m->cvode = CVodeCreate(CV_BDF, m->ctx);
  if (!m->cvode) throw std::runtime_error("CVodeCreate failed");
  check(CVodeInit(m->cvode, rhsFn, 0.0, m->y), "CVodeInit");
  check(CVodeSetUserData(m->cvode, m.get()), "CVodeSetUserData");
  check(CVodeSetErrHandlerFn(m->cvode, errorHandler, m.get()), "CVodeSetErrHandlerFn");
  check(CVodeSVtolerances(m->cvode, rtol, m->atol), "CVodeSVtolerances");
  check(CVodeSetMaxNumSteps(m->cvode, kMaxStepsPerAdvance), "CVodeSetMaxNumSteps");
  if (maxStep > 0) check(CVodeSetMaxStep(m->cvode, maxStep), "CVodeSetMaxStep");
  if (m->nroots > 0) check(CVodeRootInit(m->cvode, m->nroots, rootFn), "CVodeRootInit");
  if (m->nq > 0) {
    m->q = N_VNew_Serial(m->nq, m->ctx);
    installSerialKernels(m->q);
    N_VConst(0.0, m->q);
    check(CVodeQuadInit(m->cvode, quadFn, m->q), "CVodeQuadInit");
    // The energy integrals take part in the error test: without it, a large step across a
    // kink of an integrand (a controller switching, a clamp) can misplace a few percent of
    // one window's energy while the states stay accurate (seen: 8e-5 of a week's balance).
    check(CVodeSetQuadErrCon(m->cvode, SUNTRUE), "CVodeSetQuadErrCon");
    check(CVodeQuadSStolerances(m->cvode, rtol, kQuadratureAbsTol), "CVodeQuadSStolerances");
  }
  m_roots.assign(static_cast<size_t>(m->nroots), 0);
}

// The sparse matrix and KLU are set up at the first initialisation: the first Jacobian
// evaluation fixes the sparsity pattern, and it must see a real state (a model may refuse
// values far from it, e.g. a CFD surrogate outside its table).
void Integrator::setUpLinearSolver(const std::vector<double>& y0) {
  if (m->LS) return;
  m->jac.begin();
  m->system->jacobian(0.0, y0.data(), m->jac);
  m->jac.finish();
  m->A = SUNSparseMatrix(m->n, m->n, std::max(1, m->jac.nonZeros()), CSR_MAT, m->ctx);
  if (!m->A) throw std::runtime_error("cannot create the sparse Jacobian matrix");
  installSparseKernels(m->A);
  m->LS = SUNLinSol_KLU(m->y, m->A, m->ctx);
  if (!m->LS) throw std::runtime_error("cannot create the KLU sparse solver");
  check(CVodeSetLinearSolver(m->cvode, m->LS, m->A), "CVodeSetLinearSolver");
  check(CVodeSetJacFn(m->cvode, jacFn), "CVodeSetJacFn");
  // AMD ordering keeps the LU of the star-shaped network (racks around their hall header)
  // free of fill-in; measured 1.6x faster per step than KLU's default COLAMD (docs/performance.md).
  SUNLinSol_KLUSetOrdering(m->LS, 0);
  // A tighter Newton test than CVODES' default 0.1: the energy balance closes only as well as
  // the nonlinear iteration converges (BDF keeps the linear energy invariant up to the Newton
  // error, which scales with rtol x this coefficient). Holding the product at 1e-9 keeps a
  // 7-day run of the default case at ~1e-8 of the energy in at rtol 1e-4 and 1e-5 alike
  // (measured: rtol 1e-4 with 1e-3 here: 2.2e-6; with 1e-5: 2.4e-8, for 26 % more CPU).
  check(CVodeSetNonlinConvCoef(m->cvode, std::clamp(1e-9 / m->rtol, 1e-6, 0.1)), "CVodeSetNonlinConvCoef");
  // That tight test needs a fourth or fifth Newton iteration on smooth stretches; with CVODES'
  // default of 3 each miss re-evaluated the Jacobian (a linear setup nearly every step):
  // 5 cut a year of the default case by ~20 % (docs/performance.md).
  check(CVodeSetMaxNonlinIters(m->cvode, 5), "CVodeSetMaxNonlinIters");
}

Integrator::~Integrator() = default;

void Integrator::initialize(double t0, const std::vector<double>& y0) {
  setUpLinearSolver(y0);
  m->before = {};
  std::memcpy(N_VGetArrayPointer(m->y), y0.data(), sizeof(double) * static_cast<size_t>(m->n));
  check(CVodeReInit(m->cvode, t0, m->y), "CVodeReInit");
  m->stepped = m->rootPending = false;
  if (m->nq > 0) {
    N_VConst(0.0, m->q);
    check(CVodeQuadReInit(m->cvode, m->q), "CVodeQuadReInit");
    m->qStart.assign(static_cast<size_t>(m->nq), 0.0);
  }
}

void Integrator::initialize(double t0, const std::vector<double>& y0, const std::vector<double>& q0,
                            const IntegratorStats& before) {
  if (q0.size() != static_cast<size_t>(m->nq))
    throw std::invalid_argument("initialize: " + std::to_string(q0.size()) + " quadratures for " +
                                std::to_string(m->nq));
  initialize(t0, y0);
  m->before = before;
  m->rhsSeconds = before.rhsSeconds;
  m->jacSeconds = before.jacSeconds;
  m->quadSeconds = before.quadSeconds;
  m->rootSeconds = before.rootSeconds;
  if (m->nq > 0) {
    std::memcpy(N_VGetArrayPointer(m->q), q0.data(), sizeof(double) * q0.size());
    check(CVodeQuadReInit(m->cvode, m->q), "CVodeQuadReInit");
    m->qStart = q0;
  }
}

void Integrator::reinitialize(double t, const std::vector<double>& y) {
  m->before = stats();
  std::vector<double> q;
  if (m->nq > 0) q = quadratures(t);
  std::memcpy(N_VGetArrayPointer(m->y), y.data(), sizeof(double) * static_cast<size_t>(m->n));
  check(CVodeReInit(m->cvode, t, m->y), "CVodeReInit");
  m->stepped = m->rootPending = false;
  if (m->nq > 0) {
    std::memcpy(N_VGetArrayPointer(m->q), q.data(), sizeof(double) * q.size());
    check(CVodeQuadReInit(m->cvode, m->q), "CVodeQuadReInit");
    m->qStart = q;
  }
}

std::vector<double> Integrator::quadratures(double t) const {
  std::vector<double> out(static_cast<size_t>(m->nq), 0.0);
  if (m->nq == 0) return out;
  // Before the first step after a (re)initialisation CVodeGetQuad has no step to interpolate
  // on (it would divide by a zero step size): the integrals are where they were set.
  long steps = 0;
  CVodeGetNumSteps(m->cvode, &steps);
  if (steps == 0) return m->qStart;
  // The interpolating polynomial of the last step (valid on [t_n - h_last, t_n]), not
  // CVodeGetQuad, which answers only at the time CVode last returned.
  N_Vector tmp = N_VNew_Serial(m->nq, m->ctx);
  const int flag = CVodeGetQuadDky(m->cvode, t, 0, tmp);
  if (flag >= 0) std::memcpy(out.data(), N_VGetArrayPointer(tmp), sizeof(double) * out.size());
  N_VDestroy(tmp);
  if (flag < 0)
    throw std::runtime_error(fmt::format("CVodeGetQuadDky at t = {:.9g} s failed (flag {})", t, flag));
  return out;
}

StepResult Integrator::advance(double tOut, double tStop, double& t, std::vector<double>& y) {
  // CVODES in CV_ONE_STEP mode with the stop time on the next discontinuity: each step is as
  // long as its error control allows (never shortened for an output time) and its root check
  // covers the whole step, so the output times inside it come from the step's interpolating
  // polynomial (CVodeGetDky) with no further root evaluations: the output interval sets
  // neither the steps nor the root-function calls. Only tStop shortens a step. Returns exactly
  // tOut or tStop, so callers may compare times with ==.
  const auto n = static_cast<size_t>(m->n);
  auto interpolate = [&](double at) {
    check(CVodeGetDky(m->cvode, at, 0, m->y), "CVodeGetDky");
    t = at;
    std::memcpy(y.data(), N_VGetArrayPointer(m->y), sizeof(double) * n);
    return at == tStop ? StepResult::ReachedStop : StepResult::ReachedOutput;
  };
  if (m->rootPending && tOut >= m->tRoot) {  // the event, once the output times before it are out
    m->rootPending = false;
    t = m->tRoot;
    y = m->yRoot;
    m_roots = m->rootsAtTRoot;
    return StepResult::Root;
  }
  if (m->stepped && m->tChecked > tStop) reinitialize(t, y);  // a discontinuity moved into the last step
  if (m->stepped && tOut <= m->tChecked) return interpolate(tOut);
  check(CVodeSetStopTime(m->cvode, tStop), "CVodeSetStopTime");
  int flag = CV_SUCCESS;
  sunrealtype tret = t;
  for (long steps = 0;; ++steps) {
    if (steps == kMaxStepsPerAdvance) {  // CVODES counts this only within one CV_NORMAL call
      flag = CV_TOO_MUCH_WORK;
      break;
    }
    flag = CVode(m->cvode, tOut, m->y, &tret, CV_ONE_STEP);
    if (flag == CV_TOO_CLOSE) {
      // tOut within a few roundoffs of a fresh (re)initialisation (an output time right after an
      // event): the state there is the initial state to within roundoff.
      t = tOut;
      std::memcpy(y.data(), N_VGetArrayPointer(m->y), sizeof(double) * n);
      return tOut == tStop ? StepResult::ReachedStop : StepResult::ReachedOutput;
    }
    if (flag < 0) break;
    m->stepped = true;
    m->tChecked = tret;
    if (flag == CV_ROOT_RETURN) {
      CVodeGetRootInfo(m->cvode, m_roots.data());
      if (tOut < tret) {  // rows before the event first
        m->rootPending = true;
        m->tRoot = tret;
        m->yRoot.assign(N_VGetArrayPointer(m->y), N_VGetArrayPointer(m->y) + n);
        m->rootsAtTRoot = m_roots;
        return interpolate(tOut);
      }
      t = tret;
      std::memcpy(y.data(), N_VGetArrayPointer(m->y), sizeof(double) * n);
      return StepResult::Root;
    }
    if (tret >= tOut) return interpolate(tOut);
  }
  t = tret;
  std::memcpy(y.data(), N_VGetArrayPointer(m->y), sizeof(double) * n);

  // Failure: say when, where (the model callback that failed, else the state with the largest
  // weighted local error) and what.
  std::string where = "the plant network";
  N_Vector ele = N_VNew_Serial(m->n, m->ctx), ewt = N_VNew_Serial(m->n, m->ctx);
  if (!m->callbackError.empty()) {
    where = "the plant model";
  } else if (CVodeGetEstLocalErrors(m->cvode, ele) >= 0 && CVodeGetErrWeights(m->cvode, ewt) >= 0) {
    const double* e = N_VGetArrayPointer(ele);
    const double* w = N_VGetArrayPointer(ewt);
    int worst = -1;
    double big = -1.0;
    for (int i = 0; i < m->n; ++i) {
      const double v = std::abs(e[i] * w[i]);
      if (std::isfinite(v) && v > big) {
        big = v;
        worst = i;
      }
    }
    if (worst >= 0) where = fmt::format("state '{}' (value {:.6g})", m->system->stateName(worst), N_VGetArrayPointer(m->y)[worst]);
  }
  N_VDestroy(ele);
  N_VDestroy(ewt);
  sunrealtype h = 0.0;
  CVodeGetLastStep(m->cvode, &h);
  long nsteps = 0, netf = 0, ncf = 0;
  CVodeGetNumSteps(m->cvode, &nsteps);
  CVodeGetNumErrTestFails(m->cvode, &netf);
  CVodeGetNumNonlinSolvConvFails(m->cvode, &ncf);
  char* flagName = CVodeGetReturnFlagName(flag);  // malloc'ed by SUNDIALS: the caller frees it
  std::string what = flagName ? flagName : "an unknown flag";
  std::free(flagName);
  if (!m->solverMessage.empty()) what += " [" + m->solverMessage + "]";
  if (!m->callbackError.empty()) {
    throw RunError(t, where, fmt::format("{} (CVODES stopped with {} after {} steps)", m->callbackError, what, nsteps));
  }
  throw RunError(t, where,
                 fmt::format("CVODES stopped with {}; it tried {} steps, last step {:.3g} s, {} error-test failures, "
                             "{} nonlinear convergence failures",
                             what, nsteps, h, netf, ncf));
}

IntegratorStats Integrator::stats() const {
  IntegratorStats s;
  CVodeGetNumSteps(m->cvode, &s.steps);
  CVodeGetNumRhsEvals(m->cvode, &s.rhsEvals);
  CVodeGetNumJacEvals(m->cvode, &s.jacEvals);
  CVodeGetNumLinSolvSetups(m->cvode, &s.linearSetups);
  CVodeGetNumNonlinSolvIters(m->cvode, &s.nonlinearIterations);
  CVodeGetNumErrTestFails(m->cvode, &s.errorTestFailures);
  CVodeGetNumNonlinSolvConvFails(m->cvode, &s.nonlinearFailures);
  CVodeGetNumGEvals(m->cvode, &s.rootEvals);
  CVodeGetLastStep(m->cvode, &s.lastStep);
  const auto& b = m->before;
  s.steps += b.steps;
  s.rhsEvals += b.rhsEvals;
  s.jacEvals += b.jacEvals;
  s.linearSetups += b.linearSetups;
  s.nonlinearIterations += b.nonlinearIterations;
  s.errorTestFailures += b.errorTestFailures;
  s.nonlinearFailures += b.nonlinearFailures;
  s.rootEvals += b.rootEvals;
  s.rhsSeconds = m->rhsSeconds;
  s.jacSeconds = m->jacSeconds;
  s.quadSeconds = m->quadSeconds;
  s.rootSeconds = m->rootSeconds;
  return s;
}

}  // namespace fdtwin::integrate
