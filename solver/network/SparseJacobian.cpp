#include "network/SparseJacobian.hpp"

#include <algorithm>
#include <numeric>
#include <stdexcept>

namespace fdtwin::network {

void SparseJacobian::begin() { m_values.clear(); }

void SparseJacobian::finish() {
  if (!m_frozen) {
    const size_t ne = m_rows.size();
    // Sort entries by (row, col); equal pairs share a slot.
    std::vector<size_t> order(ne);
    std::iota(order.begin(), order.end(), size_t{0});
    std::sort(order.begin(), order.end(), [&](size_t a, size_t b) {
      return m_rows[a] != m_rows[b] ? m_rows[a] < m_rows[b] : m_cols[a] < m_cols[b];
    });
    m_slot.assign(ne, -1);
    m_rowPtr.assign(static_cast<size_t>(m_n) + 1, 0);
    m_colIndex.clear();
    int lastRow = -1, lastCol = -1;
    for (size_t k : order) {
      if (m_rows[k] != lastRow || m_cols[k] != lastCol) {
        m_colIndex.push_back(m_cols[k]);
        m_rowPtr[static_cast<size_t>(m_rows[k]) + 1]++;
        lastRow = m_rows[k];
        lastCol = m_cols[k];
      }
      m_slot[k] = static_cast<int>(m_colIndex.size()) - 1;
    }
    for (int r = 0; r < m_n; ++r) m_rowPtr[static_cast<size_t>(r) + 1] += m_rowPtr[static_cast<size_t>(r)];
    m_frozen = true;
  }
  if (m_values.size() != m_slot.size()) {
    throw std::logic_error("SparseJacobian: the number of entries changed between evaluations");
  }
  m_csr.assign(m_colIndex.size(), 0.0);
  for (size_t k = 0; k < m_values.size(); ++k) m_csr[static_cast<size_t>(m_slot[k])] += m_values[k];
}

}  // namespace fdtwin::network
