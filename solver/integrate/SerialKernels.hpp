#pragma once
// Compiled (optimised) kernels for SUNDIALS' serial N_Vector and CSR sparse SUNMatrix.
//
// Why: Debian 12's libsundials 6.4.1 (libsundials-cvodes, -nvecserial, -sunmatrixsparse) is
// built without optimisation (-O0: every loop variable lives on the stack; see
// docs/decisions.md "SUNDIALS kernels"). The element-wise vector operations and the sparse
// matrix copy / scale-add-identity of a BDF step on the plant's ~800 states then cost ~70 %
// of a run. These functions replace the entries of the objects' operation tables with the same
// operations compiled by our build, leaving the data layout (N_VGetArrayPointer, CSR arrays),
// CVODES and KLU untouched.
//
// Contract: each operation computes exactly what the library's serial operation (or its
// generic fallback for the fused ones) computes, in the same floating-point order, so results
// are bitwise identical (tests/unit/test_serial_kernels.cpp compares them on random data).
#include <nvector/nvector_serial.h>
#include <sunmatrix/sunmatrix_sparse.h>

namespace fdtwin::integrate {

// Installs the compiled vector operations into v's operation table. Clones (N_VClone, used by
// CVODES for all its work vectors) copy the table, so installing on the template vector
// passed to CVodeInit covers the whole integrator.
void installSerialKernels(N_Vector v);

// Installs the compiled zero / copy / scale-add-identity / clone into a CSR sparse matrix's
// operation table (clones get them too). Patterns without a full diagonal fall back to the
// library's own scale-add-identity, which restructures the matrix.
void installSparseKernels(SUNMatrix A);

}  // namespace fdtwin::integrate
