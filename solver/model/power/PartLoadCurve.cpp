#include "model/power/PartLoadCurve.hpp"

#include <algorithm>
#include <cstddef>
#include <stdexcept>
#include <utility>

namespace fdtwin::power {

PartLoadCurve::PartLoadCurve(std::vector<EfficiencyPoint> points) : m_points(std::move(points)) {
  if (m_points.size() < 2)
    throw std::invalid_argument("PartLoadCurve: at least two efficiency points are needed");
  for (std::size_t i = 0; i < m_points.size(); ++i) {
    const auto& p = m_points[i];
    if (!(p.load > 0.0)) throw std::invalid_argument("PartLoadCurve: load fractions must be > 0");
    if (!(p.efficiency > 0.0 && p.efficiency <= 1.0))
      throw std::invalid_argument("PartLoadCurve: efficiencies must be in (0, 1]");
    if (i > 0 && !(p.load > m_points[i - 1].load))
      throw std::invalid_argument("PartLoadCurve: load fractions must increase strictly");
    m_loss.push_back(p.load * (1.0 / p.efficiency - 1.0));
  }
}

double PartLoadCurve::lossFraction(double load) const {
  const double x = std::max(load, 0.0);
  const std::size_t n = m_points.size();
  // Segment i spans points i and i+1; the end segments are extended beyond the data.
  std::size_t i = 0;
  while (i + 2 < n && x > m_points[i + 1].load) ++i;
  if (n == 2) {
    const double x0 = m_points[0].load;
    const double x1 = m_points[1].load;
    return std::max(m_loss[0] + (m_loss[1] - m_loss[0]) * (x - x0) / (x1 - x0), 0.0);
  }
  // Quadratic (Lagrange) through the three points from i on (the last three at the top end).
  const std::size_t j = std::min(i, n - 3);
  const double x0 = m_points[j].load;
  const double x1 = m_points[j + 1].load;
  const double x2 = m_points[j + 2].load;
  const double l = m_loss[j] * (x - x1) * (x - x2) / ((x0 - x1) * (x0 - x2)) +
                   m_loss[j + 1] * (x - x0) * (x - x2) / ((x1 - x0) * (x1 - x2)) +
                   m_loss[j + 2] * (x - x0) * (x - x1) / ((x2 - x0) * (x2 - x1));
  return std::max(l, 0.0);
}

double PartLoadCurve::efficiency(double load) const {
  if (load <= 0.0) return 0.0;
  return load / (load + lossFraction(load));
}

}  // namespace fdtwin::power
