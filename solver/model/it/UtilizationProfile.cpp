#include "model/it/UtilizationProfile.hpp"

#include <algorithm>
#include <cmath>
#include <numbers>

namespace fdtwin::it {

UtilizationProfile::UtilizationProfile(ProfileParams p) : m_p(std::move(p)) {}

double UtilizationProfile::dipStart() const { return 0.5 * (m_p.period - m_p.dipDuration) - m_p.ramp; }

namespace {
// Position inside the current training period (0 … period).
double periodPosition(double t, double phase, double period) {
  double tau = std::fmod(t - phase, period);
  if (tau < 0) tau += period;
  return tau;
}
}  // namespace

double UtilizationProfile::at(double t) const {
  switch (m_p.kind) {
    case ProfileKind::Idle:
      return 0.0;
    case ProfileKind::Training: {
      if (!m_p.dipsResolved) return trainingMean();
      const double tau = periodPosition(t, m_p.phase, m_p.period);
      const double t1 = dipStart();                // start of ramp down
      const double t2 = t1 + m_p.ramp;             // dip start
      const double t3 = t2 + m_p.dipDuration;      // ramp up start
      const double hi = m_p.level, lo = m_p.dipLevel * m_p.level;
      if (tau < t1) return hi;
      if (tau < t2) return hi + (lo - hi) * (tau - t1) / m_p.ramp;
      if (tau < t3) return lo;
      if (tau < t3 + m_p.ramp) return lo + (hi - lo) * (tau - t3) / m_p.ramp;
      return hi;
    }
    case ProfileKind::Inference: {
      const double hour = std::fmod(m_p.startHourOfDay + t / 3600.0, 24.0);
      const double shape = 0.5 * (1.0 + std::cos(2.0 * std::numbers::pi * (hour - 16.0) / 24.0));
      return m_p.level * (m_p.inferenceMin + (1.0 - m_p.inferenceMin) * shape);
    }
    case ProfileKind::Csv: {
      const auto& T = m_p.csvTime;
      const auto& V = m_p.csvValue;
      const double span = T.back() - T.front();
      double tt = t;
      if (span > 0 && (tt < T.front() || tt > T.back())) {
        tt = T.front() + std::fmod(tt - T.front(), span);
        if (tt < T.front()) tt += span;
      }
      auto it = std::upper_bound(T.begin(), T.end(), tt);
      if (it == T.begin()) return V.front();
      if (it == T.end()) return V.back();
      const size_t i = static_cast<size_t>(it - T.begin());
      const double w = (tt - T[i - 1]) / (T[i] - T[i - 1]);
      return V[i - 1] + w * (V[i] - V[i - 1]);
    }
  }
  return 0.0;
}

double UtilizationProfile::trainingMean() const {
  // The deficit below `level` over one period: the dip's plateau plus two ramps (triangles).
  const double deficit = (1.0 - m_p.dipLevel) * m_p.level * (m_p.dipDuration + m_p.ramp);
  return m_p.level - deficit / m_p.period;
}

double UtilizationProfile::nextBreakpoint(double t) const {
  constexpr double inf = std::numeric_limits<double>::infinity();
  switch (m_p.kind) {
    case ProfileKind::Idle:
    case ProfileKind::Inference:
      return inf;  // smooth
    case ProfileKind::Training: {
      if (!m_p.dipsResolved) return inf;  // constant
      const double t1 = dipStart();
      const double edges[4] = {t1, t1 + m_p.ramp, t1 + m_p.ramp + m_p.dipDuration, t1 + 2 * m_p.ramp + m_p.dipDuration};
      const double tau = periodPosition(t, m_p.phase, m_p.period);
      const double base = t - tau;
      for (double e : edges) {
        if (base + e > t + 1e-9) return base + e;
      }
      return base + m_p.period + edges[0];
    }
    case ProfileKind::Csv: {
      const auto& T = m_p.csvTime;
      const double span = T.back() - T.front();
      if (span <= 0) return inf;
      double cycles = std::floor((t - T.front()) / span);
      double tt = t - cycles * span;
      auto it = std::upper_bound(T.begin(), T.end(), tt + 1e-9);
      if (it == T.end()) return T.front() + (cycles + 1.0) * span + (T.size() > 1 ? T[1] - T[0] : span);
      return *it + cycles * span;
    }
  }
  return inf;
}

}  // namespace fdtwin::it
