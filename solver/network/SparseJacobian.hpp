#pragma once
// Sparse Jacobian assembly from the component graph.
//
// Components add their partial derivatives d(ydot_row)/d(y_col) entry by entry, in the
// same order at every evaluation (values may be zero, the pattern may not change). The
// first evaluation fixes the sparsity pattern and the compressed-row (CSR) layout that
// SUNDIALS' KLU solver takes; later evaluations only write values through a precomputed
// map, so assembly costs O(nnz) and never depends quadratically on the plant size.
// Duplicate (row, col) entries are summed.
#include <cstdint>
#include <vector>

namespace fdtwin::network {

class SparseJacobian {
 public:
  explicit SparseJacobian(int n) : m_n(n) {}

  // Starts an evaluation: clears values, rewinds the entry counter.
  void begin();
  void add(int row, int col, double value) {
    if (!m_frozen) {
      m_rows.push_back(row);
      m_cols.push_back(col);
    }
    m_values.push_back(value);
  }
  // Ends an evaluation; on the first call builds the CSR pattern.
  void finish();

  int size() const { return m_n; }
  int nonZeros() const { return static_cast<int>(m_colIndex.size()); }
  // CSR arrays (valid after finish()).
  const std::vector<int64_t>& rowPointers() const { return m_rowPtr; }
  const std::vector<int64_t>& columnIndices() const { return m_colIndex; }
  const std::vector<double>& csrValues() const { return m_csr; }
  bool frozen() const { return m_frozen; }

 private:
  int m_n;
  bool m_frozen = false;
  std::vector<int> m_rows, m_cols;  // entry pattern (first evaluation)
  std::vector<double> m_values;     // entry values of the current evaluation
  std::vector<int> m_slot;          // entry -> CSR position
  std::vector<int64_t> m_rowPtr, m_colIndex;
  std::vector<double> m_csr;
};

}  // namespace fdtwin::network
