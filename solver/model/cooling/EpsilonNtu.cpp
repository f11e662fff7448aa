#include "model/cooling/EpsilonNtu.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <stdexcept>

namespace fdtwin::cooling {
namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();

// Below this value of (1-Cr)(1+NTU) the counterflow relation is evaluated from its
// first-order expansion about Cr = 1 (truncation error ~ ((1-Cr) NTU)^2 < 1e-12).
constexpr double kCounterflowBalancedTol = 1e-6;

double counterflow(double ntu, double cr) {
  const double d = 1.0 - cr;
  if (d * (1.0 + ntu) < kCounterflowBalancedTol) {
    const double r = ntu / (1.0 + ntu);
    return r + 0.5 * d * r * r;
  }
  // 1 - exp(-NTU d) through expm1, so that small NTU d keeps its digits.
  const double num = -std::expm1(-ntu * d);
  return num / (num + d * std::exp(-ntu * d));
}

double limitAtInfiniteNtu(double cr, FlowArrangement arrangement) {
  switch (arrangement) {
    case FlowArrangement::Parallel:
      return 1.0 / (1.0 + cr);
    case FlowArrangement::ShellAndTube1Pass:
      return 2.0 / (1.0 + cr + std::sqrt(1.0 + cr * cr));
    case FlowArrangement::Counterflow:
    case FlowArrangement::CrossflowUnmixed:
      break;
  }
  return 1.0;
}

}  // namespace

double effectiveness(double ntu, double cr, FlowArrangement arrangement) {
  if (std::isnan(ntu) || std::isnan(cr)) {
    return std::numeric_limits<double>::quiet_NaN();
  }
  if (ntu <= 0.0) {
    return 0.0;
  }
  cr = std::clamp(cr, 0.0, 1.0);
  if (std::isinf(ntu)) {
    return limitAtInfiniteNtu(cr, arrangement);
  }
  if (cr == 0.0) {
    return -std::expm1(-ntu);
  }
  switch (arrangement) {
    case FlowArrangement::Counterflow:
      return counterflow(ntu, cr);
    case FlowArrangement::Parallel:
      return -std::expm1(-ntu * (1.0 + cr)) / (1.0 + cr);
    case FlowArrangement::CrossflowUnmixed:
      return -std::expm1(std::pow(ntu, 0.22) * std::expm1(-cr * std::pow(ntu, 0.78)) / cr);
    case FlowArrangement::ShellAndTube1Pass: {
      const double e = std::sqrt(1.0 + cr * cr);
      // (1 + exp(-y))/(1 - exp(-y)) = coth(y/2), y = NTU e.
      return 2.0 / (1.0 + cr + e / std::tanh(0.5 * ntu * e));
    }
  }
  return std::numeric_limits<double>::quiet_NaN();
}

double ntuCounterflow(double eps, double cr) {
  if (std::isnan(eps) || std::isnan(cr)) {
    return std::numeric_limits<double>::quiet_NaN();
  }
  if (eps <= 0.0) {
    return 0.0;
  }
  if (eps >= 1.0) {
    return kInf;
  }
  cr = std::clamp(cr, 0.0, 1.0);
  const double d = 1.0 - cr;
  if (d == 0.0) {
    return eps / (1.0 - eps);
  }
  // ln[(eps-1)/(eps Cr-1)]/(Cr-1) = ln(1 + eps d/(1-eps))/d, well conditioned as d -> 0.
  return std::log1p(eps * d / (1.0 - eps)) / d;
}

double lmtd(double dT1, double dT2) {
  if (dT1 == 0.0 || dT2 == 0.0) {
    return 0.0;
  }
  if ((dT1 > 0.0) != (dT2 > 0.0)) {
    return std::numeric_limits<double>::quiet_NaN();
  }
  // LMTD = dT1 x / ln(1+x) with x = dT2/dT1 - 1; series x/ln(1+x) = 1 + x/2 - x^2/12 + x^3/24
  // near x = 0 (truncation < 3e-18 for |x| < 1e-4).
  const double x = (dT2 - dT1) / dT1;
  if (std::abs(x) < 1e-4) {
    return dT1 * (1.0 + x * (0.5 + x * (-1.0 / 12.0 + x / 24.0)));
  }
  return dT1 * x / std::log1p(x);
}

double overallU(double hHot, double hCold, double wallThickness, double wallConductivity, double foulingHot,
                double foulingCold) {
  if (hHot < 0.0 || hCold < 0.0 || wallThickness < 0.0 || wallConductivity < 0.0 || foulingHot < 0.0 ||
      foulingCold < 0.0) {
    throw std::invalid_argument("overallU: film coefficients, wall and fouling resistances must be >= 0");
  }
  if (wallThickness > 0.0 && wallConductivity == 0.0) {
    throw std::invalid_argument("overallU: wall conductivity must be > 0 for a wall of finite thickness");
  }
  if (hHot == 0.0 || hCold == 0.0) {
    return 0.0;
  }
  const double rWall = wallThickness > 0.0 ? wallThickness / wallConductivity : 0.0;
  return 1.0 / (1.0 / hHot + rWall + 1.0 / hCold + foulingHot + foulingCold);
}

HxResult solveHx(double cHot, double tHotIn, double cCold, double tColdIn, double ua,
                 FlowArrangement arrangement) {
  if (cHot < 0.0 || cCold < 0.0 || ua < 0.0) {
    throw std::invalid_argument("solveHx: capacity rates and UA must be >= 0");
  }
  HxResult r;
  r.cMin = std::min(cHot, cCold);
  r.cMax = std::max(cHot, cCold);
  if (r.cMin == 0.0) {
    // The stagnant stream takes the other inlet temperature if there is any conductance;
    // either way no heat is carried.
    r.q = 0.0;
    r.tHotOut = tHotIn;
    r.tColdOut = tColdIn;
    if (ua > 0.0 && r.cMax > 0.0) {
      r.eps = 1.0;
      r.ntu = kInf;
      if (cHot == 0.0) {
        r.tHotOut = tColdIn;
      }
      if (cCold == 0.0) {
        r.tColdOut = tHotIn;
      }
    }
    return r;
  }
  r.ntu = ua / r.cMin;
  r.eps = effectiveness(r.ntu, r.cMin / r.cMax, arrangement);
  r.q = r.eps * r.cMin * (tHotIn - tColdIn);
  r.tHotOut = tHotIn - r.q / cHot;
  r.tColdOut = tColdIn + r.q / cCold;
  return r;
}

double foulingResistance(double tSinceCleaning, double rInf, double tau) {
  if (tSinceCleaning <= 0.0) {
    return 0.0;
  }
  if (tau <= 0.0) {
    return rInf;
  }
  return -rInf * std::expm1(-tSinceCleaning / tau);
}

}  // namespace fdtwin::cooling
