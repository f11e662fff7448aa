// The compiled N_Vector and sparse-matrix kernels (integrate/SerialKernels.hpp) against the
// library's own serial operations: every result must be bitwise identical, so installing
// them changes the speed of a run and nothing else.
#include <gtest/gtest.h>

#include <array>
#include <cstring>
#include <random>
#include <vector>

#include "integrate/SerialKernels.hpp"

namespace fdtwin::integrate {
namespace {

class SerialKernels : public ::testing::Test {
 protected:
  static constexpr sunindextype n = 257;  // odd: exercises any unrolled tail
  void SetUp() override {
    ASSERT_EQ(SUNContext_Create(nullptr, &ctx), 0);
    std::mt19937 rng(42);
    std::uniform_real_distribution<double> d(-3.0, 3.0);
    for (auto& v : {&lib, &ours}) {
      for (int k = 0; k < 5; ++k) (*v)[k] = N_VNew_Serial(n, ctx);
    }
    for (int k = 0; k < 5; ++k) installSerialKernels(ours[k]);
    for (sunindextype i = 0; i < n; ++i) {
      for (int k = 0; k < 5; ++k) {
        double x = d(rng);
        if (k == 4) x = (i % 3 == 0) ? -1.0 : 1.0;  // a mask
        NV_Ith_S(lib[k], i) = x;
        NV_Ith_S(ours[k], i) = x;
      }
    }
  }
  void TearDown() override {
    for (auto& v : {&lib, &ours}) {
      for (auto* x : *v) N_VDestroy(x);
    }
    SUNContext_Free(&ctx);
  }
  static void expectSame(N_Vector a, N_Vector b) {
    // Bit-for-bit identity is the point (NaN payloads and signed zeros included), not equal values.
    // NOLINTNEXTLINE(bugprone-suspicious-memory-comparison)
    EXPECT_EQ(std::memcmp(N_VGetArrayPointer(a), N_VGetArrayPointer(b), sizeof(double) * n), 0);
  }
  SUNContext ctx = nullptr;
  std::array<N_Vector, 5> lib{}, ours{};
};

TEST_F(SerialKernels, LinearSumMatchesEverySpecialCase) {
  const double coefficients[] = {1.0, -1.0, 0.0, 2.5, -2.5, 0.3};
  for (double a : coefficients) {
    for (double b : coefficients) {
      N_VLinearSum(a, lib[0], b, lib[1], lib[2]);
      N_VLinearSum(a, ours[0], b, ours[1], ours[2]);
      expectSame(lib[2], ours[2]);
      N_VLinearSum(a, lib[0], b, lib[3], lib[3]);  // z aliases y
      N_VLinearSum(a, ours[0], b, ours[3], ours[3]);
      expectSame(lib[3], ours[3]);
    }
  }
}

TEST_F(SerialKernels, ElementwiseOperationsMatch) {
  N_VConst(1.75, lib[2]), N_VConst(1.75, ours[2]), expectSame(lib[2], ours[2]);
  N_VProd(lib[0], lib[1], lib[2]), N_VProd(ours[0], ours[1], ours[2]), expectSame(lib[2], ours[2]);
  N_VDiv(lib[0], lib[1], lib[2]), N_VDiv(ours[0], ours[1], ours[2]), expectSame(lib[2], ours[2]);
  N_VScale(-0.7, lib[0], lib[2]), N_VScale(-0.7, ours[0], ours[2]), expectSame(lib[2], ours[2]);
  N_VAbs(lib[1], lib[2]), N_VAbs(ours[1], ours[2]), expectSame(lib[2], ours[2]);
  N_VInv(lib[1], lib[2]), N_VInv(ours[1], ours[2]), expectSame(lib[2], ours[2]);
  N_VAddConst(lib[1], 0.1, lib[2]), N_VAddConst(ours[1], 0.1, ours[2]), expectSame(lib[2], ours[2]);
}

TEST_F(SerialKernels, ReductionsMatch) {
  EXPECT_EQ(N_VDotProd(lib[0], lib[1]), N_VDotProd(ours[0], ours[1]));
  EXPECT_EQ(N_VMaxNorm(lib[0]), N_VMaxNorm(ours[0]));
  EXPECT_EQ(N_VWrmsNorm(lib[0], lib[1]), N_VWrmsNorm(ours[0], ours[1]));
  EXPECT_EQ(N_VWrmsNormMask(lib[0], lib[1], lib[4]), N_VWrmsNormMask(ours[0], ours[1], ours[4]));
  EXPECT_EQ(N_VMin(lib[0]), N_VMin(ours[0]));
  // The fused operations fall back to the (replaced) linear sum and scale.
  std::array<double, 3> c{0.5, -1.0, 2.0};
  std::array<N_Vector, 3> X{lib[0], lib[1], lib[3]}, Y{ours[0], ours[1], ours[3]};
  N_VLinearCombination(3, c.data(), X.data(), lib[2]);
  N_VLinearCombination(3, c.data(), Y.data(), ours[2]);
  expectSame(lib[2], ours[2]);
}

TEST_F(SerialKernels, ClonesCarryTheKernels) {
  N_Vector v = N_VClone(ours[0]);
  EXPECT_EQ(v->ops->nvlinearsum, ours[0]->ops->nvlinearsum);
  EXPECT_NE(v->ops->nvlinearsum, lib[0]->ops->nvlinearsum);
  N_VDestroy(v);
}

// A small CSR matrix with (full) and without (partial) its diagonal: copy and A = cA + I.
TEST_F(SerialKernels, SparseCopyAndScaleAddIdentityMatchTheLibrary) {
  for (bool fullDiagonal : {true, false}) {
    SUNMatrix A = SUNSparseMatrix(4, 4, 10, CSR_MAT, ctx);
    sunindextype* p = SUNSparseMatrix_IndexPointers(A);
    sunindextype* j = SUNSparseMatrix_IndexValues(A);
    double* v = SUNSparseMatrix_Data(A);
    // rows: {0,1}, {1,2}, {0,2 or 3}, {3}
    const sunindextype rp[] = {0, 2, 4, 6, 7};
    const sunindextype cols[] = {0, 1, 1, 2, 0, fullDiagonal ? 2 : 3, 3};
    for (int i = 0; i < 5; ++i) p[i] = rp[i];
    for (int k = 0; k < 7; ++k) j[k] = cols[k], v[k] = 0.37 * (k + 1);
    SUNMatrix libA = SUNMatClone(A), ourA = SUNMatClone(A);
    SUNMatCopy(A, libA);
    installSparseKernels(A);
    installSparseKernels(ourA);
    SUNMatCopy(A, ourA);
    SUNMatScaleAddI(-0.25, libA);
    SUNMatScaleAddI(-0.25, ourA);
    const sunindextype nnz = SUNSparseMatrix_IndexPointers(libA)[4];
    ASSERT_EQ(nnz, SUNSparseMatrix_IndexPointers(ourA)[4]);
    EXPECT_EQ(nnz, fullDiagonal ? 7 : 8);  // the library inserted the missing diagonal entry
    for (sunindextype k = 0; k < nnz; ++k) {
      EXPECT_EQ(SUNSparseMatrix_IndexValues(libA)[k], SUNSparseMatrix_IndexValues(ourA)[k]);
      EXPECT_EQ(SUNSparseMatrix_Data(libA)[k], SUNSparseMatrix_Data(ourA)[k]);
    }
    SUNMatrix cloned = SUNMatClone(ourA);
    EXPECT_EQ(cloned->ops->scaleaddi, ourA->ops->scaleaddi);
    SUNMatDestroy(cloned);
    SUNMatDestroy(libA);
    SUNMatDestroy(ourA);
    SUNMatDestroy(A);
  }
}

}  // namespace
}  // namespace fdtwin::integrate
