#include "model/cooling/RowManifold.hpp"

#include <algorithm>
#include <cmath>
#include <numbers>
#include <stdexcept>

#include <fmt/format.h>

namespace fdtwin::cooling {

namespace {

// Solves A·x = b in place (dense, partial pivoting); A is n × n, row-major.
void solveDense(std::vector<double>& A, std::vector<double>& b, int n) {
  const auto at = [&](int r, int c) -> double& {
    return A[static_cast<size_t>(r) * static_cast<size_t>(n) + static_cast<size_t>(c)];
  };
  for (int c = 0; c < n; ++c) {
    int piv = c;
    for (int r = c + 1; r < n; ++r)
      if (std::abs(at(r, c)) > std::abs(at(piv, c))) piv = r;
    if (at(piv, c) == 0.0) throw std::runtime_error("manifold split: singular Newton matrix");
    if (piv != c) {
      for (int k = 0; k < n; ++k) std::swap(at(c, k), at(piv, k));
      std::swap(b[static_cast<size_t>(c)], b[static_cast<size_t>(piv)]);
    }
    for (int r = c + 1; r < n; ++r) {
      const double m = at(r, c) / at(c, c);
      if (m == 0.0) continue;
      for (int k = c; k < n; ++k) at(r, k) -= m * at(c, k);
      b[static_cast<size_t>(r)] -= m * b[static_cast<size_t>(c)];
    }
  }
  for (int r = n - 1; r >= 0; --r) {
    double s = b[static_cast<size_t>(r)];
    for (int k = r + 1; k < n; ++k) s -= at(r, k) * b[static_cast<size_t>(k)];
    b[static_cast<size_t>(r)] = s / at(r, r);
  }
}

}  // namespace

double headerSegmentResistance(double length, double diameter, double friction, double density) {
  const double area = std::numbers::pi * diameter * diameter / 4.0;
  return friction * length / (2.0 * density * area * area * diameter);
}

std::vector<double> manifoldSplit(ManifoldKind kind, int n, double totalFlow, double branchK,
                                  double headerK) {
  if (n <= 0) return {};
  const auto nn = static_cast<size_t>(n);
  std::vector<double> q(nn, 1.0 / n);  // flows relative to Q: the quadratic laws scale with Q²
  if (kind == ManifoldKind::Uniform || n == 1 || headerK <= 0.0) {
    for (double& x : q) x *= totalFlow;
    return q;
  }
  const double k = headerK / branchK;  // every equation divided by K_b·Q²
  const bool direct = kind == ManifoldKind::DirectReturn;
  std::vector<double> F(nn), J(nn * nn), S(nn + 1), T(nn);
  for (int iter = 0; iter < 60; ++iter) {
    // S[j] = Σ_{i≥j} q_i (supply segment into branch j), T[j] = Σ_{i≤j} q_i.
    S[nn] = 0.0;
    for (int j = n - 1; j >= 0; --j)
      S[static_cast<size_t>(j)] = S[static_cast<size_t>(j) + 1] + q[static_cast<size_t>(j)];
    double run = 0.0;
    for (size_t j = 0; j < nn; ++j) T[j] = run += q[j];
    std::fill(J.begin(), J.end(), 0.0);
    for (int r = 0; r + 1 < n; ++r) {
      const auto rs = static_cast<size_t>(r);
      const double s = S[rs + 1], t = T[rs], a = q[rs], b = q[rs + 1];
      const double header = direct ? 2.0 * k * s * std::abs(s) : k * (s * std::abs(s) - t * std::abs(t));
      F[rs] = a * std::abs(a) - b * std::abs(b) - header;
      double* row = &J[rs * nn];
      row[rs] += 2.0 * std::abs(a);
      row[rs + 1] -= 2.0 * std::abs(b);
      for (size_t j = rs + 1; j < nn; ++j) row[j] -= (direct ? 4.0 : 2.0) * k * std::abs(s);
      if (!direct)
        for (size_t j = 0; j <= rs; ++j) row[j] += 2.0 * k * std::abs(t);
    }
    F[nn - 1] = S[0] - 1.0;
    for (size_t j = 0; j < nn; ++j) J[(nn - 1) * nn + j] = 1.0;
    std::vector<double> dx(F);
    solveDense(J, dx, n);
    double step = 0.0;
    for (size_t j = 0; j < nn; ++j) {
      q[j] -= dx[j];
      step = std::max(step, std::abs(dx[j]));
    }
    if (step < 1e-14) {
      // Rescale so that Σ q = Q holds to round-off, whatever the last step left.
      double sum = 0.0;
      for (double x : q) sum += x;
      for (double& x : q) x *= totalFlow / sum;
      return q;
    }
  }
  throw std::runtime_error(
      fmt::format("manifold split: Newton's method did not converge for {} branches "
                  "(header/branch resistance ratio {})",
                  n, k));
}

}  // namespace fdtwin::cooling
