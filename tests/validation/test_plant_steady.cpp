// The whole plant in steady state under a constant load and a constant sea, against the
// energy-balance closed forms of the physics sheet (§5.3 discharge rise, §4.2 chip temperature).
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>

#include "../support/PlantHarness.hpp"
#include "../support/Validation.hpp"
#include "model/power/ElectricalDistribution.hpp"
#include "model/properties/Seawater.hpp"
#include "model/seawater/SeawaterSystem.hpp"
#include "run/CaseBindings.hpp"

namespace fdtwin {
namespace {

PlantParams constantLoad() {
  PlantParams p = io::defaultPlantParams();
  p.it.profile.kind = it::ProfileKind::Idle;  // u = 0: every rack draws P_idle
  p.it.rackPowerIdle = 90e3;
  p.seawater.foulingMax = 0.0;                // no time dependence
  p.solar.peakPower = 0.0;
  return p;
}

// Reference: at steady state the seawater carries away every watt that enters the liquid and
// air loops: IT heat + distribution losses in the halls + shaft power of the CDU and facility pumps + fan power + heat from the
// hull into the halls, plus the seawater pumps' own shaft power; the outfall rise is
// ΔT = Q/(ṁ·cp) (physics sheet §5.3). Tolerance 0.5 %, for what is left of the transient after
// 5 simulated days; the solver's own error is far smaller.
TEST(PlantSteadyState, DischargeRiseEqualsHeatOverFlowCapacity) {
  const PlantParams p = constantLoad();
  Plant plant(p, std::make_shared<test::ConstantEnvironment>(test::calmSea()));
  const auto y = test::integratePlant(plant, 5 * 86400.0);
  PlantSignals s;
  plant.evaluate(5 * 86400.0, y.data(), nullptr, s);
  double hullIntoHalls = 0.0;
  for (int i = 0; i < plant.hull().count(); ++i) {
    const int h = plant.hull().panelHall(i);
    if (h >= 0) hullIntoHalls += plant.hull().innerConductance(i) * (y[static_cast<size_t>(plant.hull().stateIndex(i))] -
                                                                     y[static_cast<size_t>(plant.hallAirIndex(h))]);
  }
  // The distribution losses that stand in the halls (cables, UPS, rack power shelves) too.
  const double losses = s.elec.cableLoss + s.elec.upsLoss + s.elec.powerShelfLoss;
  const double Q = s.P_itServed + losses + s.P_loopShaft + s.P_fans + hullIntoHalls + s.sw.P_shaft;
  const double cp = props::seawaterCp(s.T_seaIntakeAmbient, p.seawater.salinity);
  const double expected = Q / (s.sw.mdot * cp);
  test::reportCheck("main outfall rise dT", "Q/(m cp), physics sheet 5.3", expected, s.sw.dT, 0.005 * expected, "K",
                    "0.5 %: what is left of the transient after 5 days");
  EXPECT_NEAR(s.sw.dT, expected, 0.005 * expected);
  EXPECT_NEAR(s.sw.Q_seawater, Q, 0.005 * Q);
}

// Reference: chip temperature = coolant + P·R at steady state (the rack's cold-plate heat f·P
// through the chip-to-coolant resistance R, physics sheet §4.2/§4.4), with each rack's own
// R_i and power factor g_i (hardware spread). Tolerance 0.5 % of P·R.
TEST(PlantSteadyState, ChipTemperatureIsCoolantPlusPowerTimesResistance) {
  const PlantParams p = constantLoad();
  Plant plant(p, std::make_shared<test::ConstantEnvironment>(test::calmSea()));
  const auto y = test::integratePlant(plant, 3 * 86400.0);
  double worstErr = -1.0, worstPR = 0.0, worst = 0.0;  // the rack furthest from its own f P R
  for (int i = 0; i < plant.racks().count(); i += 17) {
    const auto& r = plant.racks();
    const double PR = p.it.liquidFraction * r.powerFactor(i) * p.it.rackPowerIdle * r.chipResistance(i);
    const double tChip = y[static_cast<size_t>(plant.racks().chipIndex(i))];
    const double tOut = y[static_cast<size_t>(plant.racks().outletIndex(i))];
    if (std::abs(tChip - tOut - PR) / PR > worstErr) {
      worstErr = std::abs(tChip - tOut - PR) / PR;
      worstPR = PR;
      worst = tChip - tOut;
    }
    EXPECT_NEAR(tChip - tOut, PR, 0.005 * PR) << "rack " << i;
  }
  test::reportCheck("chip - coolant outlet, worst rack", "f P R, physics sheet 4.2", worstPR, worst, 0.005 * worstPR, "K",
                    "0.5 %: what is left of the transient after 3 days");
}

// The pump control must respect the discharge limit in a cold sea (DESIGN.md: a supply-only
// loop throttles the flow and pushes the rise far past any permit). Reference: the limit
// itself; tolerance 0.05 K at steady state.
TEST(PlantControl, ColdSeaHoldsDischargeLimit) {
  PlantParams p = constantLoad();
  p.seawater.dischargeDTMax = 6.0;
  Plant plant(p, std::make_shared<test::ConstantEnvironment>(test::calmSea(279.15, 275.15)));
  const auto y = test::integratePlant(plant, 2 * 86400.0);
  PlantSignals s;
  plant.evaluate(2 * 86400.0, y.data(), nullptr, s);
  test::reportCheck("discharge rise in excess of the 6 K limit, cold sea", "the limit (DESIGN note)", 0.0,
                    std::max(0.0, s.sw.dT - 6.0), 0.05, "K", "0.05 K at steady state");
  EXPECT_LT(s.sw.dT, 6.05);
  EXPECT_LT(y[static_cast<size_t>(plant.facilitySupplyIndex())], p.cooling.facilitySupplySetpoint - 1.0)
      << "a cold sea should leave the supply below its set point";
  // Without the discharge loop (a limit no one reaches), the supply loop throttles the flow
  // down to the pumps' lowest speed (the one that still gives 25 % of the design flow against
  // the static head, SeawaterSystem) and the rise goes far above 6 K; the supply stays below
  // its set point because the pumps cannot go slower.
  PlantParams q = p;
  q.seawater.dischargeDTMax = 100.0;
  q.seawater.minSpeed = 0.1;
  Plant plant2(q, std::make_shared<test::ConstantEnvironment>(test::calmSea(279.15, 275.15)));
  const auto y2 = test::integratePlant(plant2, 2 * 86400.0);
  plant2.evaluate(2 * 86400.0, y2.data(), nullptr, s);
  EXPECT_GT(s.sw.dT, 12.0);
  EXPECT_NEAR(s.sw.speed, plant2.seawater().minimumSpeed(), 1e-3);
  EXPECT_NEAR(s.sw.mdot, 0.25 * q.seawater.designFlow, 1e-3 * q.seawater.designFlow);
  EXPECT_LT(y2[static_cast<size_t>(plant2.facilitySupplyIndex())], q.cooling.facilitySupplySetpoint);
}

// Throttling: with the chip limit inside the operating range the power cap settles each rack
// inside the band (proportional action, no chattering): one throttle_on event per rack, no
// throttle_off, and the chip below the limit. The settled temperature satisfies the rack
// balance T_c = T_o + f·θ(T_c)·P·R (physics sheet §4.2), checked to 0.5 %.
TEST(PlantEvents, ThrottlingSettlesInsideTheBandWithoutChattering) {
  PlantParams p = constantLoad();
  p.it.rackPowerIdle = 120e3;
  p.it.chipLimit = 273.15 + 50.0;
  p.it.throttleHysteresis = 3.0;
  Plant plant(p, std::make_shared<test::ConstantEnvironment>(test::calmSea(297.15, 300.15)));
  const auto y = test::integratePlant(plant, 86400.0);
  int on = 0, off = 0;
  for (const auto& e : plant.events()) {
    on += e.kind == "throttle_on";
    off += e.kind == "throttle_off";
  }
  EXPECT_EQ(on, plant.racks().count());
  EXPECT_EQ(off, 0);
  double worstRel = 0.0;  // largest |T_c - T_o - f theta P R| / (f theta P R) over the racks checked
  for (int i = 0; i < plant.racks().count(); i += 13) {
    const double tc = y[static_cast<size_t>(plant.racks().chipIndex(i))];
    const double to = y[static_cast<size_t>(plant.racks().outletIndex(i))];
    EXPECT_LT(tc, p.it.chipLimit);
    EXPECT_GT(tc, p.it.chipLimit - p.it.throttleHysteresis);
    const auto& r = plant.racks();
    const double pr =
        p.it.liquidFraction * r.throttleShare(tc) * r.powerFactor(i) * p.it.rackPowerIdle * r.chipResistance(i);
    EXPECT_NEAR(tc - to, pr, 0.005 * pr);
    worstRel = std::max(worstRel, std::abs(tc - to - pr) / pr);
  }
  test::reportCheck("throttled rack balance error / (f theta P R), worst rack", "rack balance, physics sheet 4.2", 0.0,
                    worstRel, 0.005, "1", "0.5 %: settling of the proportional power cap");
}

// Fouling: R_f = R_∞(1 − exp(−t/τ)) since the last cleaning (Kern–Seaton, physics sheet §2.2),
// reset at each cleaning. An instantaneous reset (cleaning_duration = 0; the schema's default
// is a one-day staged cleaning, tested below).
TEST(PlantEvents, FoulingGrowsAndResetsAtCleaning) {
  PlantParams p = constantLoad();
  p.seawater.foulingMax = 7e-5;
  p.seawater.foulingTau = 86400.0;
  p.seawater.cleaningInterval = 2 * 86400.0;
  p.seawater.cleaningDuration = 0.0;
  Plant plant(p, std::make_shared<test::ConstantEnvironment>(test::calmSea()));
  const auto y = test::integratePlant(plant, 3 * 86400.0);
  int cleanings = 0;
  for (const auto& e : plant.events()) cleanings += e.kind == "hx_cleaning";
  EXPECT_EQ(cleanings, 1);
  PlantSignals s;
  plant.evaluate(3 * 86400.0, y.data(), nullptr, s);
  test::reportCheck("R_f one tau after the cleaning", "Kern-Seaton, R_inf (1 - 1/e)", 7e-5 * (1.0 - std::exp(-1.0)),
                    s.sw.foulingR, 1e-12, "m2 K/W", "closed form");
  EXPECT_NEAR(s.sw.foulingR, 7e-5 * (1.0 - std::exp(-1.0)), 1e-12);
}

// Staged cleaning (seawater.cleaning_duration): the bank is cleaned pack after pack, so R_f
// falls linearly from its value at the start to 0 over the duration, then grows again per
// Kern–Seaton from the end; continuous at both ends (no step for the controller to chase).
TEST(PlantEvents, StagedCleaningLowersFoulingContinuously) {
  PlantParams p = constantLoad();
  p.seawater.foulingMax = 7e-5;
  p.seawater.foulingTau = 86400.0;
  p.seawater.cleaningInterval = 2 * 86400.0;
  p.seawater.cleaningDuration = 12 * 3600.0;
  const seawater::SeawaterSystem sw(p.seawater, p.cooling);
  const double day = 86400.0;
  auto ks = [](double age) { return 7e-5 * (1.0 - std::exp(-age / 86400.0)); };
  EXPECT_NEAR(sw.fouling(1.0 * day), ks(1.0 * day), 1e-15);
  EXPECT_NEAR(sw.fouling(2.0 * day - 1e-3), sw.fouling(2.0 * day), 1e-12);  // continuous at the start
  EXPECT_NEAR(sw.fouling(2.0 * day + 6 * 3600.0), 0.5 * ks(2.0 * day), 1e-15);
  EXPECT_NEAR(sw.fouling(2.5 * day), 0.0, 1e-15);  // clean at the end
  EXPECT_NEAR(sw.fouling(3.0 * day), ks(0.5 * day), 1e-15);
  EXPECT_NEAR(sw.fouling(4.0 * day), ks(1.5 * day), 1e-15);  // grown since the end of the last
  EXPECT_NEAR(sw.fouling(4.0 * day + 3 * 3600.0), 0.75 * ks(1.5 * day), 1e-15);

  Plant plant(p, std::make_shared<test::ConstantEnvironment>(test::calmSea()));
  const auto y = test::integratePlant(plant, 3 * day);
  int cleanings = 0;
  for (const auto& e : plant.events()) cleanings += e.kind == "hx_cleaning";
  EXPECT_EQ(cleanings, 1);
  PlantSignals s;
  plant.evaluate(3 * day, y.data(), nullptr, s);
  EXPECT_NEAR(s.sw.foulingR, ks(0.5 * day), 1e-15);
}

// Unserved load is reported, never silently dropped: with no engines, a small battery and no
// shore, the battery empties and the IT load (with its distribution losses) is shed by exactly
// the unserved power.
TEST(PlantPower, UnservedLoadIsReportedAndShed) {
  PlantParams p = constantLoad();
  p.engines.count = 0;
  p.battery.capacity = 3.6e9;  // 1 MWh
  p.battery.powerMax = 20e6;
  Plant plant(p, std::make_shared<test::ConstantEnvironment>(test::calmSea()));
  const auto y = test::integratePlant(plant, 3600.0);
  PlantSignals s;
  plant.evaluate(3600.0, y.data(), nullptr, s);
  EXPECT_GT(s.dispatch.unserved, 1e6);
  // IT is shed first, then hotel; what is left is the unsupplied cooling load (blackout).
  // Shedding IT sheds its distribution losses with it (the chain, built here from the parameters).
  const power::ElectricalDistribution chain(
      power::distributionFor(p.distribution, p.it.rackPowerPeak * plant.racks().count()));
  const double itShed =
      chain.fromItPower(s.P_itDemand).generatorPower - chain.fromItPower(s.P_itServed).generatorPower;
  const double shed = itShed + (p.hotelLoad - s.P_hotelServed) + s.auxUnpowered;
  test::reportCheck("load shed vs unserved power", "electrical balance", s.dispatch.unserved, shed, 1e-6 * s.P_demand, "W",
                    "1e-6 of the demand: solver tolerance");
  EXPECT_NEAR(shed, s.dispatch.unserved, 1e-6 * s.P_demand);
  EXPECT_NEAR(s.P_facility + s.dispatch.unserved, s.P_demand, 1e-6 * s.P_demand);
  const double supplied = s.engineSum + s.dispatch.solar + s.dispatch.shore + s.dispatch.discharge - s.dispatch.charge;
  EXPECT_NEAR(supplied + s.dispatch.unserved, s.P_demand + s.dispatch.dumped, 1e-6 * s.P_demand);
  EXPECT_LE(y[static_cast<size_t>(plant.socIndex())], p.battery.socMin + 0.02);
}

// Engine commitment: a load rise starts an engine, which comes online exactly start-up time later.
TEST(PlantPower, EngineStartsAndComesOnlineAfterStartupTime) {
  PlantParams p = io::defaultPlantParams();
  p.it.profile.kind = it::ProfileKind::Inference;  // trough 35 %, peak at 16:00
  p.it.profile.inferenceMin = 0.2;
  p.engines.minRunTime = 600.0;
  p.engines.ratedPower = 21e6;  // a unit size at which the midnight load fits one engine and the peak not
  p.solar.peakPower = 0.0;
  Plant plant(p, std::make_shared<test::ConstantEnvironment>(test::calmSea()));
  test::integratePlant(plant, 86400.0);
  double started = -1.0;
  bool online = false;
  for (const auto& e : plant.events()) {
    if (e.kind == "engine_start" && started < 0) started = e.time;
    if (e.kind == "engine_online" && started >= 0 && !online) {
      test::reportCheck("engine start to online", "the start-up time", p.engines.startupTime, e.time - started, 1e-6, "s",
                        "event times are exact");
      EXPECT_NEAR(e.time - started, p.engines.startupTime, 1e-6);
      online = true;
    }
  }
  EXPECT_GE(started, 0.0) << "the inference peak should need another engine";
  EXPECT_TRUE(online);
}

}  // namespace
}  // namespace fdtwin
