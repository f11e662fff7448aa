#include "integrate/SerialKernels.hpp"

#include <algorithm>
#include <cmath>
#include <cstring>

namespace fdtwin::integrate {

namespace {

// --- vector operations (same arithmetic and order as nvector_serial.c) -----------------------

inline sunindextype len(N_Vector v) { return NV_LENGTH_S(v); }
inline sunrealtype* dat(N_Vector v) { return NV_DATA_S(v); }

// z = a x + b y. The library's special cases differ from the general formula only for a = b
// (z = a (x + y)) and a = −b (z = a (x − y)); every other special case (a or b = ±1, z
// aliasing x or y) gives the same bits as a·x + b·y.
void linearSum(sunrealtype a, N_Vector x, sunrealtype b, N_Vector y, N_Vector z) {
  const sunindextype n = len(z);
  const sunrealtype* xd = dat(x);
  const sunrealtype* yd = dat(y);
  sunrealtype* zd = dat(z);
  const bool plainCase = (a == 1.0 || b == 1.0 || a == -1.0 || b == -1.0);
  if (!plainCase && a == b) {
    for (sunindextype i = 0; i < n; ++i) zd[i] = a * (xd[i] + yd[i]);
  } else if (!plainCase && a == -b) {
    for (sunindextype i = 0; i < n; ++i) zd[i] = a * (xd[i] - yd[i]);
  } else {
    for (sunindextype i = 0; i < n; ++i) zd[i] = a * xd[i] + b * yd[i];
  }
}

void constant(sunrealtype c, N_Vector z) {
  const sunindextype n = len(z);
  sunrealtype* zd = dat(z);
  for (sunindextype i = 0; i < n; ++i) zd[i] = c;
}

void prod(N_Vector x, N_Vector y, N_Vector z) {
  const sunindextype n = len(z);
  const sunrealtype* xd = dat(x);
  const sunrealtype* yd = dat(y);
  sunrealtype* zd = dat(z);
  for (sunindextype i = 0; i < n; ++i) zd[i] = xd[i] * yd[i];
}

void div(N_Vector x, N_Vector y, N_Vector z) {
  const sunindextype n = len(z);
  const sunrealtype* xd = dat(x);
  const sunrealtype* yd = dat(y);
  sunrealtype* zd = dat(z);
  for (sunindextype i = 0; i < n; ++i) zd[i] = xd[i] / yd[i];
}

void scale(sunrealtype c, N_Vector x, N_Vector z) {
  const sunindextype n = len(z);
  const sunrealtype* xd = dat(x);
  sunrealtype* zd = dat(z);
  for (sunindextype i = 0; i < n; ++i) zd[i] = c * xd[i];
}

void absolute(N_Vector x, N_Vector z) {
  const sunindextype n = len(z);
  const sunrealtype* xd = dat(x);
  sunrealtype* zd = dat(z);
  for (sunindextype i = 0; i < n; ++i) zd[i] = std::fabs(xd[i]);
}

void inverse(N_Vector x, N_Vector z) {
  const sunindextype n = len(z);
  const sunrealtype* xd = dat(x);
  sunrealtype* zd = dat(z);
  for (sunindextype i = 0; i < n; ++i) zd[i] = 1.0 / xd[i];
}

void addConst(N_Vector x, sunrealtype b, N_Vector z) {
  const sunindextype n = len(z);
  const sunrealtype* xd = dat(x);
  sunrealtype* zd = dat(z);
  for (sunindextype i = 0; i < n; ++i) zd[i] = xd[i] + b;
}

sunrealtype dotProd(N_Vector x, N_Vector y) {
  const sunindextype n = len(x);
  const sunrealtype* xd = dat(x);
  const sunrealtype* yd = dat(y);
  sunrealtype sum = 0.0;
  for (sunindextype i = 0; i < n; ++i) sum += xd[i] * yd[i];
  return sum;
}

sunrealtype maxNorm(N_Vector x) {
  const sunindextype n = len(x);
  const sunrealtype* xd = dat(x);
  sunrealtype m = 0.0;
  for (sunindextype i = 0; i < n; ++i) {
    if (std::fabs(xd[i]) > m) m = std::fabs(xd[i]);
  }
  return m;
}

sunrealtype weightedSquareSum(N_Vector x, N_Vector w) {
  const sunindextype n = len(x);
  const sunrealtype* xd = dat(x);
  const sunrealtype* wd = dat(w);
  sunrealtype sum = 0.0;
  for (sunindextype i = 0; i < n; ++i) {
    const sunrealtype p = xd[i] * wd[i];
    sum += p * p;
  }
  return sum;
}

sunrealtype wrmsNorm(N_Vector x, N_Vector w) {
  return std::sqrt(weightedSquareSum(x, w) / static_cast<sunrealtype>(len(x)));
}

sunrealtype weightedSquareSumMask(N_Vector x, N_Vector w, N_Vector id) {
  const sunindextype n = len(x);
  const sunrealtype* xd = dat(x);
  const sunrealtype* wd = dat(w);
  const sunrealtype* idd = dat(id);
  sunrealtype sum = 0.0;
  for (sunindextype i = 0; i < n; ++i) {
    if (idd[i] > 0.0) {
      const sunrealtype p = xd[i] * wd[i];
      sum += p * p;
    }
  }
  return sum;
}

sunrealtype wrmsNormMask(N_Vector x, N_Vector w, N_Vector id) {
  return std::sqrt(weightedSquareSumMask(x, w, id) / static_cast<sunrealtype>(len(x)));
}

sunrealtype minimum(N_Vector x) {
  const sunindextype n = len(x);
  const sunrealtype* xd = dat(x);
  sunrealtype m = xd[0];
  for (sunindextype i = 1; i < n; ++i) {
    if (xd[i] < m) m = xd[i];
  }
  return m;
}

// --- CSR sparse matrix operations -----------------------------------------------------------

int zero(SUNMatrix A) {
  const auto nnz = static_cast<size_t>(SM_NNZ_S(A));
  std::memset(SM_DATA_S(A), 0, nnz * sizeof(sunrealtype));
  std::memset(SM_INDEXVALS_S(A), 0, nnz * sizeof(sunindextype));
  std::memset(SM_INDEXPTRS_S(A), 0, static_cast<size_t>(SM_NP_S(A) + 1) * sizeof(sunindextype));
  return 0;
}

int copy(SUNMatrix A, SUNMatrix B) {
  const sunindextype used = SM_INDEXPTRS_S(A)[SM_NP_S(A)];
  if (SM_NNZ_S(B) < used || SM_NP_S(A) != SM_NP_S(B) || SM_SPARSETYPE_S(A) != SM_SPARSETYPE_S(B)) {
    return SUNMatCopy_Sparse(A, B);  // B must grow (or differs): the library reallocates
  }
  const auto u = static_cast<size_t>(used);
  std::memcpy(SM_DATA_S(B), SM_DATA_S(A), u * sizeof(sunrealtype));
  std::memcpy(SM_INDEXVALS_S(B), SM_INDEXVALS_S(A), u * sizeof(sunindextype));
  std::memcpy(SM_INDEXPTRS_S(B), SM_INDEXPTRS_S(A),
              static_cast<size_t>(SM_NP_S(A) + 1) * sizeof(sunindextype));
  const auto tail = static_cast<size_t>(SM_NNZ_S(B)) - u;
  std::memset(SM_DATA_S(B) + u, 0, tail * sizeof(sunrealtype));
  std::memset(SM_INDEXVALS_S(B) + u, 0, tail * sizeof(sunindextype));
  return 0;
}

// A = c A + I, in place when every row (CSR) or column (CSC) holds its diagonal entry.
int scaleAddIdentity(sunrealtype c, SUNMatrix A) {
  const sunindextype np = SM_NP_S(A);
  const sunindextype* p = SM_INDEXPTRS_S(A);
  const sunindextype* idx = SM_INDEXVALS_S(A);
  if (SM_ROWS_S(A) != SM_COLUMNS_S(A)) return SUNMatScaleAddI_Sparse(c, A);
  for (sunindextype r = 0; r < np; ++r) {
    bool diagonal = false;
    for (sunindextype k = p[r]; k < p[r + 1]; ++k) diagonal = diagonal || idx[k] == r;
    if (!diagonal) return SUNMatScaleAddI_Sparse(c, A);  // the library inserts the entries
  }
  sunrealtype* v = SM_DATA_S(A);
  for (sunindextype r = 0; r < np; ++r) {
    for (sunindextype k = p[r]; k < p[r + 1]; ++k) v[k] = (idx[k] == r) ? 1.0 + c * v[k] : c * v[k];
  }
  return 0;
}

SUNMatrix clone(SUNMatrix A) {
  SUNMatrix B = SUNMatClone_Sparse(A);
  if (B) installSparseKernels(B);
  return B;
}

}  // namespace

void installSerialKernels(N_Vector v) {
  N_Vector_Ops ops = v->ops;
  ops->nvlinearsum = linearSum;
  ops->nvconst = constant;
  ops->nvprod = prod;
  ops->nvdiv = div;
  ops->nvscale = scale;
  ops->nvabs = absolute;
  ops->nvinv = inverse;
  ops->nvaddconst = addConst;
  ops->nvdotprod = dotProd;
  ops->nvdotprodlocal = dotProd;
  ops->nvmaxnorm = maxNorm;
  ops->nvmaxnormlocal = maxNorm;
  ops->nvwrmsnorm = wrmsNorm;
  ops->nvwsqrsumlocal = weightedSquareSum;
  ops->nvwrmsnormmask = wrmsNormMask;
  ops->nvwsqrsummasklocal = weightedSquareSumMask;
  ops->nvmin = minimum;
  ops->nvminlocal = minimum;
}

void installSparseKernels(SUNMatrix A) {
  SUNMatrix_Ops ops = A->ops;
  ops->zero = zero;
  ops->copy = copy;
  ops->scaleaddi = scaleAddIdentity;
  ops->clone = clone;
}

}  // namespace fdtwin::integrate
