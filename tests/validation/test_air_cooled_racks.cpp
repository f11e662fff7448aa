// Fully air-cooled racks (it.liquid_fraction = 0): the chip's heat path is chip → heat sinks →
// the hall's inlet air through the chip-to-air resistance R_air (it/Racks), and the hall has no
// liquid loop (no TCS pump, no CDU exchange; cooling/HallCooling).
#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "../support/PlantHarness.hpp"
#include "../support/Validation.hpp"
#include "core/Constants.hpp"
#include "io/Case.hpp"
#include "model/Plant.hpp"
#include "model/cooling/HallCooling.hpp"
#include "model/properties/Air.hpp"
#include "run/CaseBindings.hpp"
#include "run/PlantFromCase.hpp"

namespace fdtwin {
namespace {

// Reference: at steady state an air-cooled rack's chip sits P·R_air above its row's server inlet
// air, T_c = T_in,r + g_i·P_idle·R_air,i (the chip node's balance P = (T_c − T_in)/R_air, by
// hand), with each rack's own power factor g_i and R_air,i (hardware spread). The row's inlet,
// by hand from the coil and the row's energy balance (cooling/HallAir): the coil-leaving air
// T_cl = T_air − ε_coil·(T_air − T_fs), and T_in,r = T_cl + b·Q_r/C_r with Q_r = Σ_row g_j·P_idle
// (all of a rack's power reaches the air at steady state) and C_r = ρ_a·V̇·c_a/N_rows.
// Tolerance 0.5 % of P·R_air.
TEST(AirCooledRacks, SteadyChipIsRowInletPlusPowerTimesAirResistance) {
  PlantParams p = io::defaultPlantParams();
  p.it.liquidFraction = 0.0;
  p.it.profile.kind = it::ProfileKind::Idle;  // u = 0: every rack draws P_idle
  p.it.rackPowerIdle = 10e3;                  // what the default hall's air coils take without throttling
  p.seawater.foulingMax = 0.0;
  p.solar.peakPower = 0.0;
  Plant plant(p, std::make_shared<test::ConstantEnvironment>(test::calmSea()));
  const auto y = test::integratePlant(plant, 3 * 86400.0);
  const auto& r = plant.racks();
  const auto air = props::air(300.15);
  const double rowC = air.rho * p.cooling.airFlow * air.cp / p.it.rowsPerHall;
  const double tFs = y[static_cast<size_t>(plant.facilitySupplyIndex())];
  double worstErr = -1.0, worstPR = 0.0, worst = 0.0;
  for (int i = 0; i < r.count(); i += 7) {
    const auto& ri = r.info()[static_cast<size_t>(i)];
    const double tChip = y[static_cast<size_t>(r.chipIndex(i))];
    const double tAir = y[static_cast<size_t>(plant.hallAirIndex(ri.hall))];
    double qRow = 0.0;
    for (int j = 0; j < r.count(); ++j) {
      const auto& rj = r.info()[static_cast<size_t>(j)];
      if (rj.hall == ri.hall && rj.row == ri.row) qRow += r.powerFactor(j) * p.it.rackPowerIdle;
    }
    const double tCl = tAir - p.cooling.airCoilEffectiveness * (tAir - tFs);
    const double tIn = tCl + p.air.recirculation * qRow / rowC;
    ASSERT_LT(tChip, p.it.chipLimit - p.it.throttleHysteresis) << "rack " << i << " throttles";
    const double PR = r.powerFactor(i) * p.it.rackPowerIdle * r.chipAirResistance(i);
    if (std::abs(tChip - tIn - PR) / PR > worstErr) {
      worstErr = std::abs(tChip - tIn - PR) / PR;
      worstPR = PR;
      worst = tChip - tIn;
    }
    EXPECT_NEAR(tChip - tIn, PR, 0.005 * PR) << "rack " << i;
  }
  test::reportCheck("air-cooled chip - row inlet air, worst rack", "P R_air (chip balance, by hand)", worstPR,
                    worst, 0.005 * worstPR, "K", "0.5 %: what is left of the transient after 3 days");
}

// Reference: the TCS pump power ṁ·g·H/η of a liquid loop (by hand), and none without one.
// The pumps (hydraulics/PumpBank) are selected at 1.1 H with shut-off 1.2·1.1 H = 1.32 H and
// trimmed to the design flow on H = K Q²: 1.32 N² − 0.22 = 1, N = 0.961375, r = 1/N = 1.040177,
// eta = eta_BEP (2r − r²) = 0.998386 eta_BEP, at the loop head H.
TEST(AirCooledRacks, NoLiquidLoopNoTcsPump) {
  const PlantParams p = io::defaultPlantParams();
  const double flow = 30.0, cp = 4180.0, rho = 996.0;  // kg/s, J/(kg K), kg/m3
  const cooling::HallCooling liquid(p.cooling, 1, flow * cp, flow, cp, rho, true);
  const cooling::HallCooling air(p.cooling, 1, flow * cp, flow, cp, rho, false);
  const double shaft =
      flow * constants::kStandardGravity * p.cooling.tcsPumpHead / (0.998386 * p.cooling.pumpEfficiency);
  EXPECT_NEAR(liquid.pumpShaftPower(), shaft, 1e-6 * shaft);
  EXPECT_GT(liquid.pumpElectricPower(), shaft);
  EXPECT_EQ(air.pumpShaftPower(), 0.0);
  EXPECT_EQ(air.pumpElectricPower(), 0.0);
  EXPECT_EQ(air.cduHeat(320.0, 300.0), 0.0);
  EXPECT_EQ(air.supplyTemperature(320.0, 300.0), 320.0);
  EXPECT_GT(air.coilConductance(), 0.0);  // the facility loop still serves the air coils
}

// The shipped air-cooled cases: the hottest chip runs above the sea and above its hall's air,
// by at least the smallest rack's idle P·R_air, and no CDU heat is exchanged.
class AirCooledCase : public ::testing::TestWithParam<std::string> {};

TEST_P(AirCooledCase, HottestChipAboveSeaAndHallAir) {
  const Case c = Case::load(std::string(FDTWIN_SOURCE_DIR) + "/cases/" + GetParam() + ".toml");
  const PlantParams p = io::plantParams(c);
  ASSERT_EQ(p.it.liquidFraction, 0.0);
  const double tEnd = 86400.0;
  Plant plant(p, io::makeEnvironment(c, tEnd));
  const auto y = test::integratePlant(plant, tEnd, 1e-5);
  PlantSignals s;
  plant.evaluate(tEnd, y.data(), nullptr, s);
  const auto& r = plant.racks();
  double hottest = -1e300, airMax = -1e300;
  for (int i = 0; i < r.count(); ++i) hottest = std::max(hottest, y[static_cast<size_t>(r.chipIndex(i))]);
  for (int h = 0; h < plant.hallCount(); ++h) {
    airMax = std::max(airMax, y[static_cast<size_t>(plant.hallAirIndex(h))]);
    EXPECT_EQ(s.qCdu[static_cast<size_t>(h)], 0.0);
  }
  // Every rack draws at least its idle power: the hottest chip is at least that P·R_air above the air.
  double minRise = 1e300;
  for (int i = 0; i < r.count(); ++i)
    minRise =
        std::min(minRise, r.powerFactor(i) * s.servedShare * p.it.rackPowerIdle * r.chipAirResistance(i));
  EXPECT_GT(hottest, s.T_seaIntakeAmbient);
  EXPECT_GT(hottest, airMax);
  EXPECT_GT(hottest - airMax, 0.99 * minRise);
}

INSTANTIATE_TEST_SUITE_P(ShippedCases, AirCooledCase, ::testing::Values("natick-pod", "nautilus-barge"),
                         [](const auto& info) {
                           std::string n = info.param;
                           std::replace(n.begin(), n.end(), '-', '_');
                           return n;
                         });

}  // namespace
}  // namespace fdtwin
