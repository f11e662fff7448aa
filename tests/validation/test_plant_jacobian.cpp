// The analytic Jacobian of the plant against central finite differences of its right-hand
// side, for every state of every shipped case (cases/*.toml), at several times. Each plant is
// built the way runCase builds it (run/PlantFromCase), so a component that forgets a term of
// its Jacobian, or writes one with the wrong sign or index, fails here by name.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "../support/Validation.hpp"
#include "io/Case.hpp"
#include "model/Plant.hpp"
#include "network/SparseJacobian.hpp"
#include "run/PlantFromCase.hpp"

namespace fdtwin {
namespace {

// Couplings left out of the analytic Jacobian on purpose. CVODES needs a Jacobian only good
// enough for Newton's iteration to converge; the engine rows (engine k P and the filtered
// demand) are differentiated on their own diagonal only, and every input of the engine demand
// is left to Newton's iteration (see Plant::jacobian). Each entry: the rows (state names that
// start with rowPrefix), the columns (states of colComponent, or the one state colName), why.
struct WeakCoupling {
  const char* rowPrefix;
  const char* colComponent;  // nullptr: match colName instead
  const char* colName;
  const char* reason;
};
constexpr WeakCoupling kLeftOut[] = {
    {"engine ", nullptr, "battery SOC",
     "the battery-restore term of the engine demand, C·(SOC_target − SOC)/t_recharge: it acts over hours "
     "against the engines' governor time of seconds"},
    {"engine ", "seawater", nullptr,
     "the seawater pump's electrical power in the engine demand: a few hundred kW of tens of MW"},
    {"engine ", nullptr, "facility T_supply",
     "the same pump power through the supply-temperature controller (the max selector ties both "
     "controllers at the steady start)"},
    {"battery SOC", "seawater", nullptr,
     "the seawater pump's electrical power in the demand the battery shares: W of MW"},
    {"battery SOC", nullptr, "facility T_supply",
     "the same pump power through the supply-temperature controller"},
    {"engine ", nullptr, "facility T_return",
     "the trim chiller's compressor power in the engine demand (through its duty C_fw·(T_po − T_ch)): "
     "~1 MW of tens of MW"},
    {"battery SOC", nullptr, "facility T_return", "the same chiller power in the demand the battery shares"},
    {"engine ", "racks", nullptr,
     "the IT demand through the throttle cap of a throttling rack (one dense row over every chip); "
     "zero while no rack throttles"},
};

bool leftOut(const network::StateInfo& row, const network::StateInfo& col) {
  for (const auto& w : kLeftOut) {
    if (row.name.rfind(w.rowPrefix, 0) != 0) continue;
    if (w.colComponent ? col.component == w.colComponent : col.name == w.colName) return true;
  }
  return false;
}

std::vector<std::string> shippedCases() {
  std::vector<std::string> paths;
  for (const auto& e : std::filesystem::directory_iterator(std::string(FDTWIN_SOURCE_DIR) + "/cases")) {
    if (e.is_regular_file() && e.path().extension() == ".toml") paths.push_back(e.path().string());
  }
  std::sort(paths.begin(), paths.end());
  return paths;
}

// Dense analytic Jacobian (the sparse one summed into its pattern).
std::vector<double> analyticJacobian(Plant& plant, double t, const std::vector<double>& y) {
  const int n = plant.size();
  network::SparseJacobian J(n);
  J.begin();
  plant.jacobian(t, y.data(), J);
  J.finish();
  std::vector<double> dense(static_cast<size_t>(n) * static_cast<size_t>(n), 0.0);
  const auto& rp = J.rowPointers();
  const auto& ci = J.columnIndices();
  const auto& v = J.csrValues();
  for (int r = 0; r < n; ++r) {
    for (int64_t k = rp[static_cast<size_t>(r)]; k < rp[static_cast<size_t>(r) + 1]; ++k) {
      dense[static_cast<size_t>(r) * static_cast<size_t>(n) +
            static_cast<size_t>(ci[static_cast<size_t>(k)])] += v[static_cast<size_t>(k)];
    }
  }
  return dense;
}

// Central differences, step h_j = 1e-6·max(|y_j|, scale_j): truncation O(h²), round-off
// O(ε·|f|/h), both far below the tolerance below.
std::vector<double> finiteDifferenceJacobian(Plant& plant, double t, std::vector<double> y) {
  const int n = plant.size();
  std::vector<double> dense(static_cast<size_t>(n) * static_cast<size_t>(n), 0.0);
  std::vector<double> fp(static_cast<size_t>(n)), fm(static_cast<size_t>(n));
  for (int j = 0; j < n; ++j) {
    const size_t js = static_cast<size_t>(j);
    const double h = 1e-6 * std::max(std::abs(y[js]), plant.layout().info(j).scale);
    const double keep = y[js];
    y[js] = keep + h;
    plant.rhs(t, y.data(), fp.data());
    y[js] = keep - h;
    plant.rhs(t, y.data(), fm.data());
    y[js] = keep;
    for (int i = 0; i < n; ++i) {
      dense[static_cast<size_t>(i) * static_cast<size_t>(n) + js] =
          (fp[static_cast<size_t>(i)] - fm[static_cast<size_t>(i)]) / (2.0 * h);
    }
  }
  return dense;
}

// Tolerance. Entries are compared in scaled form, J_ij·s_j/s_i [1/s] with s the states' typical
// magnitudes (the integrator's own weighting), relative to the largest scaled entry of the row:
//   |J_ij − J_fd,ij|·s_j/s_i ≤ kRelTol·max_k |J_fd,ik|·s_k/s_i.
// 1e-4 leaves room for the seawater block, which the plant itself differentiates by forward
// differences (error O(1e-6) relative), and nothing for a missing or mis-signed term.
constexpr double kRelTol = 1e-4;

TEST(PlantJacobian, MatchesCentralDifferencesForEveryStateOfEveryShippedCase) {
  const auto cases = shippedCases();
  ASSERT_GE(cases.size(), 4u);
  // Times: the start, inside the first day, and days into the run (other weather, fouling,
  // profile phases).
  const double times[] = {0.0, 19000.0, 3.3 * 86400.0, 9.7 * 86400.0};
  for (const auto& path : cases) {
    SCOPED_TRACE(path);
    const Case c = Case::load(path);
    Plant plant(io::plantParams(c), io::makeEnvironment(c));
    const std::vector<double> y0 = plant.initialState();
    const int n = plant.size();
    const auto& layout = plant.layout();
    int compared = 0, failures = 0;
    double worst = 0.0;  // largest |J - J_fd| scaled, relative to its row's largest entry
    for (double t : times) {
      // Off the steady state, so that every coupling carries a gradient: a deterministic
      // perturbation of 0.5 % of each state's scale (±1.5 K on a temperature).
      std::vector<double> y = y0;
      for (int j = 0; j < n; ++j)
        y[static_cast<size_t>(j)] += 0.005 * layout.info(j).scale * std::sin(1.3 * j + t);
      const auto Ja = analyticJacobian(plant, t, y);
      const auto Jf = finiteDifferenceJacobian(plant, t, y);
      for (int i = 0; i < n; ++i) {
        const double si = layout.info(i).scale;
        double rowMax = 0.0;
        for (int j = 0; j < n; ++j) {
          rowMax = std::max(
              rowMax, std::abs(Jf[static_cast<size_t>(i) * static_cast<size_t>(n) + static_cast<size_t>(j)]) *
                          layout.info(j).scale / si);
        }
        for (int j = 0; j < n; ++j) {
          const size_t ij = static_cast<size_t>(i) * static_cast<size_t>(n) + static_cast<size_t>(j);
          const double a = Ja[ij], f = Jf[ij];
          if (a == 0.0 && f == 0.0) continue;
          if (i != j && leftOut(layout.info(i), layout.info(j))) continue;
          ++compared;
          const double err = std::abs(a - f) * layout.info(j).scale / si;
          if (err > 0.0) worst = std::max(worst, rowMax > 0.0 ? err / rowMax : HUGE_VAL);
          if (err > kRelTol * rowMax) {
            if (++failures <= 20) {
              ADD_FAILURE() << fmt::format("t = {} s: d({})/d({}) analytic {:.6e}, finite difference {:.6e}",
                                           t, layout.info(i).name, layout.info(j).name, a, f);
            }
          }
        }
      }
    }
    test::reportCheck("worst scaled Jacobian entry error, " + std::filesystem::path(path).filename().string(),
                      "central finite differences of the right-hand side", 0.0, worst, kRelTol, "1",
                      "room for the seawater block's own forward differences, none for a missing term");
    EXPECT_EQ(failures, 0);
    EXPECT_GT(compared, n);  // at least every diagonal
  }
}

}  // namespace
}  // namespace fdtwin
