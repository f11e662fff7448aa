// The engines' cooling heat through a seawater system to an outfall, and the discharge permit on
// the rise above the ambient sea. References are hand calculations from first principles: the
// Willans line for the fuel (physics sheet §6.1), the cooling-water share of the waste heat,
// ṁ·cp·ΔT for each outfall (§5.3), the recirculation mixing T_in = (1 − r)·T_amb + r·T_dis (§5.4).
#include <gtest/gtest.h>

#include <cmath>

#include "../support/Validation.hpp"
#include "../support/PlantHarness.hpp"
#include "core/Constants.hpp"
#include "model/power/EngineCooling.hpp"
#include "model/properties/Seawater.hpp"
#include "run/CaseBindings.hpp"

namespace fdtwin {
namespace {

PlantParams steadyBarge() {
  PlantParams p = io::defaultPlantParams();
  p.it.profile.kind = it::ProfileKind::Idle;  // constant load
  p.it.rackPowerIdle = 100e3;
  p.seawater.foulingMax = 0.0;
  p.solar.peakPower = 0.0;
  return p;
}

// Engine-room outfall, mode separate. Reference, by hand from the engines' outputs: fuel by the
// Willans line F = (P_r/η_r)·[f₀ + (1 − f₀)·P/P_r] per running engine; the cooling water takes
// j·(F − P); the outfall carries that plus the engine-room pumps' shaft power; its flow holds
// the design rise, so ΔT = Q/(ṁ·cp) and the rise above ambient is ΔT/(1 − r). Tolerance 1e-9
// relative: the same arithmetic, evaluated independently of the plant's code path.
TEST(EngineCooling, EngineRoomOutfallCarriesTheCoolingWaterHeat) {
  const PlantParams p = steadyBarge();
  Plant plant(p, std::make_shared<test::ConstantEnvironment>(test::calmSea()));
  const auto y = test::integratePlant(plant, 6 * 3600.0);
  PlantSignals s;
  plant.evaluate(6 * 3600.0, y.data(), nullptr, s);
  const auto& e = p.engines;
  double fuel = 0.0, electric = 0.0;
  for (int k = 0; k < plant.engines().count(); ++k) {
    if (plant.engines().status(k) != power::EngineStatus::Online) continue;
    const double pk = y[static_cast<size_t>(plant.engineIndex(k))];
    fuel += e.ratedPower / e.efficiency * (e.noLoadFuelFraction + (1.0 - e.noLoadFuelFraction) * pk / e.ratedPower);
    electric += pk;
  }
  ASSERT_GT(electric, 10e6);
  const double qCooling = e.jacketFraction * (fuel - electric);
  const auto& ec = s.engineCooling;
  test::reportCheck("engine cooling-water heat j (F - P)", "Willans line by hand, physics sheet 6.1", qCooling, ec.Q,
                    1e-9 * qCooling, "W", "the same arithmetic on an independent path");
  EXPECT_NEAR(ec.Q, qCooling, 1e-9 * qCooling);
  EXPECT_NEAR(ec.Q_seawater, qCooling + ec.P_shaft, 1e-9 * qCooling);
  const double cp = props::seawaterCp(s.T_seaEngineIntakeAmbient, p.seawater.salinity);
  test::reportCheck("engine-room outfall dT = Q/(m cp)", "energy balance, physics sheet 5.3",
                    ec.Q_seawater / (ec.mdot * cp), ec.dT, 1e-9, "K", "the same arithmetic on an independent path");
  EXPECT_NEAR(ec.dT, ec.Q_seawater / (ec.mdot * cp), 1e-9);
  const double r = p.engineCooling.recirculation;
  EXPECT_NEAR(ec.riseAboveAmbient, ec.dT / (1.0 - r), 1e-9);
  EXPECT_NEAR(ec.T_in, (1.0 - r) * s.T_seaEngineIntakeAmbient + r * ec.T_dis, 1e-9);
  // Heat to the sea that bypasses an outfall: none but the hull's. The exhaust takes the rest.
  EXPECT_NEAR(s.exhaust, (1.0 - e.jacketFraction) * (fuel - electric), 1e-6 * fuel);
  // The pumps' electrical power is a power-plant auxiliary the engines supply, outside PUE.
  EXPECT_GT(s.P_plantAux, 0.0);
  EXPECT_NEAR(s.P_demand, s.P_itDemand + s.elec.totalLoss + s.P_cooling + p.hotelLoad + s.P_plantAux,
              1e-6 * s.P_demand);
}

// Heat-to-sea ratio of an engine-powered barge, first principles: at ~46 % electrical
// efficiency, 45 % of the waste heat in the cooling water and every IT watt (with the
// distribution losses in the halls) to the main outfall, the two outfalls carry
// (IT + losses + j·(1 − η)/η·P_el) — about 1.5 W to the sea per IT watt. The
// plant's two outfalls against that, within 3 % (cooling auxiliaries, hull and part-load
// efficiency make the difference).
TEST(EngineCooling, BothOutfallsCarryWhatTheFirstPrinciplesRatioSays) {
  const PlantParams p = steadyBarge();
  Plant plant(p, std::make_shared<test::ConstantEnvironment>(test::calmSea()));
  const auto y = test::integratePlant(plant, 6 * 3600.0);
  PlantSignals s;
  plant.evaluate(6 * 3600.0, y.data(), nullptr, s);
  const double eta = s.engineSum / s.fuel;
  const double inHalls = s.elec.cableLoss + s.elec.upsLoss + s.elec.powerShelfLoss;
  const double expected = s.P_itServed + inHalls + p.engines.jacketFraction * (1.0 - eta) / eta * s.engineSum;
  const double outfalls = s.sw.Q_seawater + s.engineCooling.Q_seawater;
  test::reportCheck("heat to the sea through both outfalls / first-principles value", "IT + j (1 - eta)/eta P_el by hand",
                    1.0, outfalls / expected, 0.03, "1", "3 %: cooling auxiliaries, hull and part-load efficiency");
  EXPECT_NEAR(outfalls / expected, 1.0, 0.03);
  EXPECT_GT(outfalls / s.P_itServed, 1.4);
}

// Mode seawater_main: the central coolers sit on the datacenter's seawater main, so the main
// outfall carries the engine heat too. Reference: the same plant with a separate engine room
// puts Q_e through its own outfall; on the main, the main's heat is that much larger (the main
// pump then runs faster, so its own shaft heat differs: tolerance 2 % of Q_e).
TEST(EngineCooling, OnTheSeawaterMainTheMainOutfallCarriesTheEngineHeat) {
  PlantParams sep = steadyBarge();
  PlantParams main = sep;
  main.engineCooling.mode = EngineCoolingMode::MainSeawater;
  const auto run = [](const PlantParams& p) {
    Plant plant(p, std::make_shared<test::ConstantEnvironment>(test::calmSea()));
    const auto y = test::integratePlant(plant, 6 * 3600.0);
    PlantSignals s;
    plant.evaluate(6 * 3600.0, y.data(), nullptr, s);
    return s;
  };
  const PlantSignals a = run(sep), b = run(main);
  test::reportCheck("main outfall's extra heat with coolers on the main", "Q_e of the separate-mode plant",
                    b.engineCooling.Q, b.sw.Q_seawater - a.sw.Q_seawater, 0.02 * b.engineCooling.Q, "W",
                    "2 % of Q_e: the faster main pump's own shaft heat");
  EXPECT_NEAR(b.sw.Q_seawater - a.sw.Q_seawater, b.engineCooling.Q, 0.02 * b.engineCooling.Q);
  EXPECT_EQ(b.engineCooling.Q_seawater, 0.0);  // no second outfall
  EXPECT_GT(b.sw.mdot, a.sw.mdot);             // the main's pumps carry the extra heat
  EXPECT_LE(b.sw.riseAboveAmbient, main.seawater.dischargeDTMax + 0.05);
}

// The permit is on the rise above the ambient sea, recirculation included: in a cold sea the
// discharge loop holds T_dis − T_amb at the limit, so the plant's own rise is ΔT_max·(1 − r).
// Reference: the limit; tolerance 0.05 K at steady state.
TEST(EngineCooling, PermitHoldsTheRiseAboveAmbientWithRecirculation) {
  PlantParams p = steadyBarge();
  p.seawater.dischargeDTMax = 6.0;
  p.seawater.recirculation = 0.1;
  Plant plant(p, std::make_shared<test::ConstantEnvironment>(test::calmSea(279.15, 275.15)));
  const auto y = test::integratePlant(plant, 2 * 86400.0);
  PlantSignals s;
  plant.evaluate(2 * 86400.0, y.data(), nullptr, s);
  test::reportCheck("rise above ambient, 10 % recirculation, cold sea", "the discharge limit, 6 K", 6.0,
                    s.sw.riseAboveAmbient, 0.05, "K", "0.05 K at steady state");
  EXPECT_NEAR(s.sw.riseAboveAmbient, 6.0, 0.05);
  EXPECT_NEAR(s.sw.dT, 6.0 * 0.9, 0.05);
  EXPECT_LE(s.engineCooling.riseAboveAmbient, p.engineCooling.dischargeDTMax * (1 + 1e-9));
}

// The initial state is the steady state of the t = 0 conditions, limits included: with the
// discharge cap binding, the pump speed and the outfall rise do not move over the first hour
// of a constant load in a constant sea. Tolerance 0.2 % of the speed (what is left of the
// hull's and halls' slow settling).
TEST(EngineCooling, InitialStateIsSteadyWhenTheDischargeCapBinds) {
  PlantParams p = steadyBarge();
  Plant plant(p, std::make_shared<test::ConstantEnvironment>(test::calmSea(283.15, 280.15)));
  std::vector<double> y0 = plant.initialState();
  PlantSignals s0, s1;
  plant.evaluate(0.0, y0.data(), nullptr, s0);
  ASSERT_GT(s0.sw.riseAboveAmbient, p.seawater.dischargeDTMax - 0.01) << "the cap should bind in a cold sea; speed " << s0.sw.speed << " tFs " << y0[static_cast<size_t>(plant.facilitySupplyIndex())];
  Plant fresh(p, std::make_shared<test::ConstantEnvironment>(test::calmSea(283.15, 280.15)));
  const auto y1 = test::integratePlant(fresh, 3600.0);
  fresh.evaluate(3600.0, y1.data(), nullptr, s1);
  test::reportCheck("pump speed after 1 h vs t = 0", "the steady initial state", s0.sw.speed, s1.sw.speed,
                    0.002 * s0.sw.speed, "1", "0.2 %: the hull's and halls' slow settling");
  EXPECT_NEAR(s1.sw.speed, s0.sw.speed, 0.002 * s0.sw.speed);
  EXPECT_NEAR(s1.sw.riseAboveAmbient, s0.sw.riseAboveAmbient, 0.02);
}

// Direct check of the central coolers: LT water at its set point while the sea is cold; in a
// warm sea at full engine heat the coolers cannot reach it, and the LT water is what ε-NTU
// gives: T_lt = T_c + Q/(ε·C_min) − Q/C_lt (counterflow ε by hand). Tolerance 1e-6 K.
TEST(EngineCooling, CentralCoolersGiveTheLtWaterTheirEffectivenessAllows) {
  const PlantParams p = io::defaultPlantParams();
  const power::EngineCooling cooling(p.engineCooling, p.cooling, p.seawater.salinity);
  const auto cold = cooling.separate(12e6, 288.15);
  EXPECT_DOUBLE_EQ(cold.T_lt, p.engineCooling.ltSetpoint);
  const double Q = 26.5e6, tSea = 305.15;
  const auto warm = cooling.separate(Q, tSea);
  const double cpSw = props::seawaterCp(tSea, p.seawater.salinity);
  const double cSw = warm.mdot * cpSw, cLt = p.engineCooling.ltFlow * props::freshWater(308.15).cp;
  const double cMin = std::min(cSw, cLt), cr = cMin / std::max(cSw, cLt);
  const double ntu = p.engineCooling.coolerUa / cMin;
  const double eps = (1.0 - std::exp(-ntu * (1.0 - cr))) / (1.0 - cr * std::exp(-ntu * (1.0 - cr)));
  const double tCoolerIn = warm.T_in + warm.P_shaft / cSw;
  const double expected = tCoolerIn + Q / (eps * cMin) - Q / cLt;
  ASSERT_GT(expected, p.engineCooling.ltSetpoint);
  test::reportCheck("LT water, 26.5 MW, 32 degC sea", "counterflow eps-NTU by hand", expected, warm.T_lt, 1e-6, "K",
                    "the same arithmetic on an independent path");
  EXPECT_NEAR(warm.T_lt, expected, 1e-6);
  // The coolers were sized for this (26.5 MW, 32 degC sea): the LT water stays under its limit.
  EXPECT_LT(warm.T_lt, p.engineCooling.ltSupplyMax);
}

}  // namespace
}  // namespace fdtwin
