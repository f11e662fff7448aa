#include "model/Plant.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <stdexcept>

#include <fmt/format.h>

#include "model/hull/OuterBoundary.hpp"
#include "model/properties/Seawater.hpp"

namespace fdtwin {

namespace {
constexpr double kCoolantT = 303.15;  // K, closed-loop water properties evaluated here
constexpr double kAirEventHysteresis = 0.5;  // K, of the inlet-envelope and dew-point events
}  // namespace

Plant::Plant(const PlantParams& p, std::shared_ptr<const env::Environment> environment)
    : m_p(p),
      m_env(std::move(environment)),
      m_cpCoolant(props::freshWater(kCoolantT).cp),
      m_rhoCoolant(props::freshWater(kCoolantT).rho),
      m_racks(p.it, m_cpCoolant, m_rhoCoolant),
      m_rackLayout(p.hull, p.it, m_racks.info()),
      m_facility(p.cooling, m_cpCoolant, m_rhoCoolant),
      m_seawater(p.seawater, p.cooling),
      m_chiller(p.chiller, p.cooling.facilitySupplySetpoint),
      m_hullGeometry(p.hull),
      m_hull(m_hullGeometry, std::vector<int>(m_hullGeometry.panels().size(), -1)),
      m_engines(p.engines),
      m_engineCooling(p.engineCooling, p.cooling, p.seawater.salinity),
      m_distribution(power::distributionFor(p.distribution, p.it.rackPowerPeak * m_racks.count())),
      m_dispatch(p.battery, p.shoreImportLimit) {
  m_solar.peakPower = p.solar.peakPower;
  m_solar.tempCoefficient = p.solar.tempCoefficient;
  m_solar.noct = p.solar.noct;
  m_solar.inverterEfficiency = p.solar.inverterEfficiency;

  // Which hall's air each hull panel bounds.
  std::vector<int> panelHall;
  for (const auto& pn : m_hullGeometry.panels()) panelHall.push_back(m_rackLayout.boundingHall(pn));
  m_hull = hull::Hull(m_hullGeometry, panelHall);

  // Each rack's coolant flow: the split of its row's flow by the row's supply/return headers.
  const int perRow = p.it.racksPerRow;
  const double nominal = m_racks.nominalFlow();
  m_racks.setRowSplit(cooling::manifoldSplit(
      p.cooling.tcsManifold, perRow, perRow * nominal, p.it.rackPressureDrop / (nominal * nominal),
      cooling::headerSegmentResistance(m_rackLayout.rackPitch(), p.cooling.tcsHeaderDiameter,
                                       p.cooling.tcsHeaderFriction, m_rhoCoolant)));
  for (const auto& job : m_racks.jobs()) m_profiles.emplace_back(job.profile);
  m_hallFlowCapacity.assign(static_cast<size_t>(p.it.halls), {});
  for (int h = 0; h < p.it.halls; ++h) {
    m_hallRackShare.push_back(static_cast<double>(m_rackLayout.hallRacks()[static_cast<size_t>(h)].size()) /
                              std::max(1, m_racks.count()));
    auto& mc = m_hallFlowCapacity[static_cast<size_t>(h)];
    for (int i : m_rackLayout.hallRacks()[static_cast<size_t>(h)]) mc.push_back(m_racks.flowCapacity(i));
    double tcsC = 0.0;
    for (double c : mc) tcsC += c;
    const double tcsFlow = tcsC / m_cpCoolant;
    m_halls.emplace_back(p.cooling, p.it.halls, tcsC, tcsFlow, m_cpCoolant, m_rhoCoolant,
                         !m_racks.airCooled());
    // The hall's air volume: its box (hull/RackLayout) less nothing (racks and ducts are ignored).
    const auto& box = m_rackLayout.hallBoxes()[static_cast<size_t>(h)];
    const double volume = (box[3] - box[0]) * (box[4] - box[1]) * (box[5] - box[2]);
    m_hallAir.emplace_back(p.air, p.cooling, p.it.rowsPerHall, volume);
  }
  m_rowRacks.assign(static_cast<size_t>(rowCount()), {});
  for (int i = 0; i < m_racks.count(); ++i) m_rowRacks[static_cast<size_t>(m_racks.globalRow(i))].push_back(i);
  m_rowOutside.assign(m_rowRacks.size(), 0);
  m_dewAlarm.assign(static_cast<size_t>(p.it.halls), 0);

  // State vector: racks, halls, facility loop, seawater control, engines, battery, hull.
  m_racks.declareStates(m_layout, kCoolantT);
  for (int h = 0; h < p.it.halls; ++h) {
    auto& hc = m_halls[static_cast<size_t>(h)];
    hc.declareStates(m_layout, h + 1, kCoolantT);
    m_hallReturnStates.push_back(hc.states().tcsReturn);
    m_hallAirStates.push_back(hc.states().air);
  }
  m_facility.declareStates(m_layout, kCoolantT);
  m_seawater.declareStates(m_layout);
  m_engines.declareStates(m_layout);
  m_dispatch.declareStates(m_layout);
  m_hull.declareStates(m_layout, 288.15);
  for (int h = 0; h < p.it.halls; ++h) m_hallAir[static_cast<size_t>(h)].declareStates(m_layout, h + 1, 0.01);

  // What each hall's nodes couple to: its racks' coolant outlets and the hull panels that
  // bound its air (in panel order).
  m_hallOutlets.assign(m_halls.size(), {});
  m_hallWalls.assign(m_halls.size(), {});
  m_hallChips.assign(m_halls.size(), {});
  m_hallChipAirConductance.assign(m_halls.size(), {});
  for (size_t h = 0; h < m_halls.size(); ++h) {
    for (int i : m_rackLayout.hallRacks()[h]) {
      m_hallOutlets[h].push_back(m_racks.outletIndex(i));
      if (!m_racks.airCooled()) continue;
      m_hallChips[h].push_back(m_racks.chipIndex(i));
      m_hallChipAirConductance[h].push_back(m_racks.airConductance(i));
    }
  }
  for (int pn = 0; pn < m_hull.count(); ++pn) {
    const int h = m_hull.panelHall(pn);
    if (h >= 0)
      m_hallWalls[static_cast<size_t>(h)].push_back({m_hull.stateIndex(pn), m_hull.innerConductance(pn)});
  }

  declareLedger();
  m_ydotScratch.resize(static_cast<size_t>(size()));
}

void Plant::declareLedger() {
  using network::LedgerKind;
  auto& l = m_ledger;
  // Sources and sinks in the order of /balance/source_names and /balance/sink_names.
  m_slots.fuel = l.add("fuel (LHV)", LedgerKind::Source);
  m_slots.solar = l.add("solar PV electricity", LedgerKind::Source);
  m_slots.shore = l.add("shore import", LedgerKind::Source);
  m_slots.hullSun = l.add("sunlight absorbed by the hull", LedgerKind::Source);
  m_slots.auxUnpowered = l.add("cooling auxiliaries not supplied (blackout)", LedgerKind::Source);
  // The halls' air side (cooling/HallAir): outside air leaking in (sensible, when warmer) and the
  // latent heat its moisture and the occupants' releases where it condenses on the coils.
  m_slots.infiltration = l.add("infiltration air warmer than the hall (sensible)", LedgerKind::Source);
  m_slots.latent = l.add("latent heat of condensate on the coils", LedgerKind::Source);
  m_slots.discharge = l.add("seawater discharge", LedgerKind::Sink, true);
  // Engine cooling heat reaches the sea through an outfall: the engine room's own (Separate) or
  // the seawater main's ("seawater discharge" then carries it).
  m_slots.engineDischarge = m_p.engineCooling.mode == EngineCoolingMode::Separate
                                ? l.add("engine-room seawater discharge", LedgerKind::Sink, true)
                                : -1;
  m_slots.exhaust = l.add("engine exhaust to air", LedgerKind::Sink);
  m_slots.hullToSea = l.add("hull to sea", LedgerKind::Sink, true);
  m_slots.hullToAir = l.add("hull to air", LedgerKind::Sink);
  m_slots.hotel = l.add("hotel load", LedgerKind::Sink);
  m_slots.batteryLoss = l.add("battery losses", LedgerKind::Sink);
  m_slots.drives = l.add("pump motor and drive losses", LedgerKind::Sink);
  m_slots.loadBank = l.add("load bank (surplus)", LedgerKind::Sink);
  // The transformers stand in a ventilated room: their losses go to the atmosphere. The losses
  // of the switchboards, cables, UPS and rack power shelves are heat in the halls' air.
  m_slots.transformer = l.add("transformer losses to air", LedgerKind::Sink);
  // Infiltration with the hall air warmer than outside: the hall air it displaces takes heat out.
  m_slots.exfiltration = l.add("hall air displaced by infiltration (sensible)", LedgerKind::Sink);
  m_slots.racks = l.add("racks (chips and coolant)", LedgerKind::Stored);
  m_slots.halls = l.add("halls (TCS headers and air)", LedgerKind::Stored);
  m_slots.facility = l.add("facility water loop", LedgerKind::Stored);
  m_slots.hull = l.add("hull plates", LedgerKind::Stored);
  m_slots.battery = l.add("battery", LedgerKind::Stored);
  m_flowCount = l.count(LedgerKind::Source) + l.count(LedgerKind::Sink);
}

void Plant::hullBoundary(const env::EnvironmentSample& e, hull::HullBoundary& b) const {
  hull::outerBoundary(m_p.hull, m_p.seawater.salinity, m_hullGeometry, e, b);
  if (m_hullSeaModel) b.hWetPanel = m_hullSeaModel(e.currentSpeed);
}

void Plant::evaluate(double t, const double* y, double* ydot, PlantSignals& s) {
  if (t != m_cacheT) {
    m_cacheEnv = m_env->at(t);
    hullBoundary(m_cacheEnv, m_cacheBoundary);
    m_cacheTamb = env::seaTemperatureAtDepth(m_cacheEnv, m_p.seawater.intakeDepth);
    m_cacheTambEngine = env::seaTemperatureAtDepth(m_cacheEnv, m_p.engineCooling.intakeDepth);
    m_cacheT = t;
  }
  const int nh = m_p.it.halls;
  s.env = m_cacheEnv;
  s.T_seaIntakeAmbient = m_cacheTamb;
  s.T_seaEngineIntakeAmbient = m_cacheTambEngine;
  s.utilization.resize(m_profiles.size());
  for (size_t j = 0; j < m_profiles.size(); ++j) s.utilization[j] = m_profiles[j].at(t);

  // Engines' fuel and cooling heat (from their outputs, the states).
  s.engineSum = 0.0;
  s.fuel = 0.0;
  s.fuelPower.resize(static_cast<size_t>(m_engines.count()));
  for (int k = 0; k < m_engines.count(); ++k) {
    const double pk = y[m_engines.stateIndex(k)];
    s.fuelPower[static_cast<size_t>(k)] = m_engines.fuelPower(k, pk);
    if (m_engines.status(k) == power::EngineStatus::Online) s.engineSum += pk;
    s.fuel += s.fuelPower[static_cast<size_t>(k)];
  }
  const double waste = s.fuel - s.engineSum;
  const double engineHeat = m_p.engines.jacketFraction * waste;
  s.exhaust = waste - engineHeat;
  const bool onMain = m_engineCooling.mode() == EngineCoolingMode::MainSeawater;

  // Seawater side and pump speed.
  const auto& fl = m_facility.states();
  const double tFs = y[fl.supply], tFr = y[fl.ret];
  const double speed = m_seawater.speed(tFs, y);
  s.engineHeatOnMain = onMain ? engineHeat : 0.0;
  // A separate engine-room sea chest does not depend on the main; its discharge joins the
  // overboard plume the CFD hooks see.
  if (!onMain) s.engineCooling = m_engineCooling.separate(engineHeat, m_cacheTambEngine);
  seawaterAndChiller(speed, tFr, y[m_seawater.states().dischargeRise], t, s.engineHeatOnMain,
                     onMain ? 0.0 : s.engineCooling.mdot, onMain ? 0.0 : s.engineCooling.riseAboveAmbient, s.sw,
                     s.chiller);
  if (onMain) {
    s.engineCooling = m_engineCooling.onMain(engineHeat, s.sw.mdot, s.sw.T_afterPlates,
                                             s.sw.T_dis, s.sw.riseAboveAmbient);
  }
  s.P_plantAux = s.engineCooling.P_el;

  // Electrical demand.
  s.P_pumps = s.sw.P_el + m_facility.pumpElectricPower();
  s.P_fans = 0.0;
  s.drivesLoss = (s.sw.P_el - s.sw.P_shaft) + (m_facility.pumpElectricPower() - m_facility.pumpShaftPower()) +
                 (s.engineCooling.P_el - s.engineCooling.P_shaft);
  s.P_facilityShaft = m_facility.pumpShaftPower();
  s.P_loopShaft = s.P_facilityShaft;
  for (const auto& hc : m_halls) {
    s.P_loopShaft += hc.pumpShaftPower();
    s.P_pumps += hc.pumpElectricPower();
    s.P_fans += hc.fanPower();
    // The CDU pumps' motor and drive losses heat their hall's air (below), not the pump-loss sink.
  }
  s.P_cooling = s.P_pumps + s.P_fans + s.chiller.P_el;
  s.P_itDemand = m_racks.totalDemand(s.utilization, y);
  const double itChain = m_distribution.fromItPower(s.P_itDemand).generatorPower;  // IT + its losses
  s.P_demand = itChain + s.P_cooling + m_p.hotelLoad + s.P_plantAux;
  s.solarAvailable = m_solar.power(s.env.T_air, s.env.G_solar);

  // Engines and dispatch.
  const double soc = y[m_dispatch.states().soc];
  s.engineDemand = m_dispatch.engineDemand(s.P_demand, s.solarAvailable, soc);
  s.engineSetpoint.resize(static_cast<size_t>(m_engines.count()));
  for (int k = 0; k < m_engines.count(); ++k)
    s.engineSetpoint[static_cast<size_t>(k)] = m_engines.setpoint(k, s.engineDemand);
  s.dispatch = m_dispatch.solve(s.P_demand, s.engineSum, s.solarAvailable, soc);

  // Unserved load is shed from the IT load (with the distribution losses it causes) first, then
  // from the hotel load.
  const double unserved = s.dispatch.unserved;
  s.P_itServed = s.P_itDemand;
  if (unserved > 0.0) {
    // The IT power whose chain (IT + losses, monotonic) fits what is left: by bisection.
    const double fits = itChain - unserved;
    double lo = 0.0, hi = s.P_itDemand;
    for (int it = 0; it < 60 && hi > lo; ++it) {
      const double mid = 0.5 * (lo + hi);
      (m_distribution.fromItPower(mid).generatorPower > fits ? hi : lo) = mid;
    }
    s.P_itServed = fits > m_distribution.fromItPower(0.0).generatorPower ? lo : 0.0;
  }
  s.elec = m_distribution.fromItPower(s.P_itServed);
  const double itShed = itChain - s.elec.generatorPower;
  s.P_itInput = s.P_itServed + s.elec.powerShelfLoss;
  s.P_hotelServed = m_p.hotelLoad - std::min(m_p.hotelLoad, std::max(0.0, unserved - itShed));
  s.servedShare = s.P_itDemand > 0.0 ? s.P_itServed / s.P_itDemand : 1.0;
  // What neither shedding can cover is the cooling auxiliaries themselves: the plant is dark.
  // The model keeps its pumps and fans running and books their unsupplied power as a source
  // of the energy balance, so the balance stays closed and the blackout stays visible.
  s.auxUnpowered = std::max(0.0, unserved - itShed - m_p.hotelLoad);
  // Inside the PUE boundary (EN 50600-4-2: energy at the facility's input, on-site generation
  // and its auxiliaries outside): IT, cooling and hotel load, not the engine-room pumps.
  s.P_facility = s.elec.generatorPower + s.P_hotelServed + s.P_cooling -
                 std::max(0.0, s.auxUnpowered - s.P_plantAux);

  // Halls: CDU supply temperatures and heats.
  s.tSupply.resize(static_cast<size_t>(nh));
  s.qCdu.resize(static_cast<size_t>(nh));
  s.qCoil.resize(static_cast<size_t>(nh));
  s.hallHeat.assign(static_cast<size_t>(nh), 0.0);
  for (int h = 0; h < nh; ++h) {
    const auto& hc = m_halls[static_cast<size_t>(h)];
    const double tRet = y[hc.states().tcsReturn];
    s.tSupply[static_cast<size_t>(h)] = hc.supplyTemperature(tRet, tFs);
    s.qCdu[static_cast<size_t>(h)] = hc.cduHeat(tRet, tFs);
    s.qCoil[static_cast<size_t>(h)] = hc.coilHeat(y[hc.states().air], tFs);
  }
  double* yd = ydot ? ydot : m_ydotScratch.data();
  double itServed = 0.0;
  airSignals(y, s, true);
  m_racks.rhs(y, yd, s.utilization, s.tSupply, m_hallAirStates, s.servedShare, s.hallHeat, &itServed, &s.rowInlet,
              &s.rowAirHeat);
  s.hull = {};
  m_hull.rhs(y, yd, m_cacheBoundary, m_hallAirStates, s.hallHeat, s.hull);
  const double lossesInHalls = s.elec.powerShelfLoss + s.elec.upsLoss + s.elec.cableLoss;
  for (int h = 0; h < nh; ++h) s.hallHeat[static_cast<size_t>(h)] += lossesInHalls * m_hallRackShare[static_cast<size_t>(h)];
  for (int h = 0; h < nh; ++h) s.hallHeat[static_cast<size_t>(h)] += m_halls[static_cast<size_t>(h)].pumpLossToAir();
  airSignals(y, s, false);
  if (!ydot) return;

  // The nodes' rates: each component writes its own slice of ydot.
  for (size_t h = 0; h < m_halls.size(); ++h) {
    m_halls[h].rhs(y, ydot, m_hallOutlets[h], m_hallFlowCapacity[h], s.hallHeat[h], s.qCoil[h]);
  }
  // The coil water takes the sensible coil heat and the condensate's latent heat.
  std::vector<double> coilWater(s.qCoil);
  for (int h = 0; h < nh; ++h) {
    const auto hs = static_cast<size_t>(h);
    coilWater[hs] += s.qLatent[hs];
    const auto& ha = m_hallAir[hs];
    ydot[ha.humidityState()] = ha.humidityRate(s.humidity[hs], ha.outsideHumidity(s.env.T_air, t), tFs);
  }
  m_facility.rhs(y, ydot, s.qCdu, coilWater, s.sw.Q_hx + s.chiller.Q_evap);
  m_seawater.rhs(y, ydot, tFs, s.sw.riseAboveAmbient);
  m_engines.rhs(y, ydot, s.engineSetpoint, s.engineDemand);
  ydot[m_dispatch.states().soc] = s.dispatch.socRate;
}

void Plant::rhs(double t, const double* y, double* ydot) { evaluate(t, y, ydot, m_scratch); }

seawater::SeawaterState Plant::seawaterAt(double speed, double tFr, double dischargeRise, double t,
                                          double engineHeatOnMain, double engineRoomFlow,
                                          double engineRoomRise) const {
  const double cFw = m_facility.flowCapacity();
  const double rf = m_seawater.fouling(t);
  if (!m_intakeModel) return m_seawater.evaluate(speed, tFr, m_cacheTamb, cFw, rf, engineHeatOnMain);
  const double mainFlow = m_seawater.massFlow(speed);
  const auto plume = overboard(mainFlow, dischargeRise, engineRoomFlow, engineRoomRise);
  const double rise = m_intakeModel(m_cacheEnv.currentSpeed, plume.mdot, plume.riseAboveAmbient);
  return m_seawater.evaluateWithIntakeRise(speed, tFr, m_cacheTamb, cFw, rf, engineHeatOnMain, rise);
}

Plant::Overboard Plant::overboard(double mainFlow, double mainRise, double engineRoomFlow, double engineRoomRise) {
  Overboard o;
  o.mdot = mainFlow + engineRoomFlow;
  o.riseAboveAmbient = o.mdot > 0.0 ? (mainFlow * mainRise + engineRoomFlow * engineRoomRise) / o.mdot : 0.0;
  return o;
}

Plant::Overboard Plant::overboard(const PlantSignals& s) const {
  const bool separateEngineRoom = m_engineCooling.mode() == EngineCoolingMode::Separate;
  const double me = separateEngineRoom ? s.engineCooling.mdot : 0.0;
  Overboard o = overboard(s.sw.mdot, s.sw.riseAboveAmbient, me, separateEngineRoom ? s.engineCooling.riseAboveAmbient : 0.0);
  o.T = o.mdot > 0.0 ? (s.sw.mdot * s.sw.T_dis + me * s.engineCooling.T_dis) / o.mdot : s.sw.T_dis;
  o.heat = s.sw.Q_seawater + (separateEngineRoom ? s.engineCooling.Q_seawater : 0.0);
  return o;
}

void Plant::seawaterAndChiller(double speed, double tFr, double dischargeRise, double t,
                               double engineHeatOnMain, double engineRoomFlow, double engineRoomRise,
                               seawater::SeawaterState& sw, cooling::ChillerState& ch) const {
  sw = seawaterAt(speed, tFr, dischargeRise, t, engineHeatOnMain, engineRoomFlow, engineRoomRise);
  ch = {};
  if (!m_chiller.present()) return;
  // The condenser heat joins the main after the plates; through recirculation it warms the
  // intake and lowers Q_hx a little, which changes the chiller's duty: a fixed point whose
  // passes each scale the change by ~r·ε·C_min/C_sw (< 1e-2), so three passes settle it. With
  // no condenser heat (no stage running, or no request) the seawater side is already the one
  // computed above, so it is not evaluated again.
  const double cFw = m_facility.flowCapacity();
  for (int pass = 0; pass < 3; ++pass) {
    ch = m_chiller.evaluate(m_chillerStages, tFr - sw.Q_hx / cFw, sw.T_afterPlates, cFw);
    if (ch.Q_cond == 0.0) break;
    sw = seawaterAt(speed, tFr, dischargeRise, t, engineHeatOnMain + ch.Q_cond, engineRoomFlow, engineRoomRise);
  }
}

void Plant::jacobian(double t, const double* y, network::SparseJacobian& J) {
  evaluate(t, y, nullptr, m_scratch);
  const int nh = m_p.it.halls;
  std::vector<double> dRet(static_cast<size_t>(nh)), dFs(static_cast<size_t>(nh));
  for (int h = 0; h < nh; ++h) {
    dRet[static_cast<size_t>(h)] = m_halls[static_cast<size_t>(h)].supplyFromReturn();
    dFs[static_cast<size_t>(h)] = m_halls[static_cast<size_t>(h)].supplyFromFacility();
  }
  const auto& fl = m_facility.states();
  const auto& sc = m_seawater.states();
  m_racks.jacobian(J, y, m_scratch.utilization, m_scratch.servedShare, m_hallReturnStates, m_hallAirStates,
                   fl.supply, dRet, dFs, true);
  for (size_t h = 0; h < m_halls.size(); ++h) {
    // (The air-cooled chips couple to the hall air through their rows' inlet air: airJacobian.)
    m_halls[h].jacobian(J, m_hallOutlets[h], m_hallFlowCapacity[h], m_hallWalls[h], fl.supply);
  }
  m_facility.jacobian(J, m_halls);
  airJacobian(J, y);

  // Seawater side and controllers: small nonlinear block, differentiated by local finite
  // differences over its five inputs (T_fs, T_fr, I1, I2, ΔT_m).
  const int in[5] = {fl.supply, fl.ret, sc.integralSupply, sc.integralDischarge, sc.dischargeRise};
  const bool separateEngineRoom = m_engineCooling.mode() == EngineCoolingMode::Separate;
  const double engineRoomFlow = separateEngineRoom ? m_scratch.engineCooling.mdot : 0.0;
  const double engineRoomRise = separateEngineRoom ? m_scratch.engineCooling.riseAboveAmbient : 0.0;
  auto block = [&](const double* x, double* out) {
    const double n = m_seawater.speed(x[0], x[4], x[2], x[3]);
    seawater::SeawaterState sw;
    cooling::ChillerState ch;
    seawaterAndChiller(n, x[1], x[4], t, m_scratch.engineHeatOnMain, engineRoomFlow, engineRoomRise, sw, ch);
    out[0] = m_facility.supplyRate(x[1], x[0], sw.Q_hx + ch.Q_evap);  // T_fs
    m_seawater.controllerRates(x[0], x[4], x[2], x[3], &out[1], &out[2]);
    out[3] = (sw.riseAboveAmbient - x[4]) / seawater::SeawaterSystem::kSensorLag;
  };
  // Central differences: the block is cheap, and one-sided ones err by ~1e-4 where the
  // seawater side curves (ε-NTU, recirculation).
  double x[5], fPlus[4], fMinus[4];
  for (int j = 0; j < 5; ++j) x[j] = y[in[j]];
  const int rows[4] = {fl.supply, sc.integralSupply, sc.integralDischarge, sc.dischargeRise};
  for (int j = 0; j < 5; ++j) {
    const double h = 1e-6 * std::max(1.0, std::abs(x[j]));
    const double keep = x[j];
    x[j] = keep + h;
    block(x, fPlus);
    x[j] = keep - h;
    block(x, fMinus);
    x[j] = keep;
    for (int r = 0; r < 4; ++r) J.add(rows[r], in[j], (fPlus[r] - fMinus[r]) / (2.0 * h));
  }

  // Engines (diagonal; the weak coupling through the demand is left to Newton's iteration),
  // battery (by local differences of the dispatch), hull panels.
  m_engines.jacobian(J, y, m_scratch.engineSetpoint);
  // The engine-room pumps' power follows an engine's cooling heat j·(∂F/∂P − 1) per watt.
  double demandPerEngineWatt = 0.0;
  if (m_engineCooling.mode() == EngineCoolingMode::Separate && m_scratch.engineCooling.Q > 0.0) {
    const auto& e = m_p.engines;
    const double dQ = e.jacketFraction * ((1.0 - e.noLoadFuelFraction) / e.efficiency - 1.0);
    const double q = m_scratch.engineCooling.Q, h = 1e-4 * q;
    const double dAux = (m_engineCooling.separate(q + h, m_cacheTambEngine).P_el -
                         m_engineCooling.separate(q - h, m_cacheTambEngine).P_el) /
                        (2.0 * h);
    demandPerEngineWatt = dAux * dQ;
  }
  m_dispatch.jacobian(J, y, m_scratch.P_demand, m_scratch.engineSum, m_scratch.solarAvailable, m_engines,
                      demandPerEngineWatt);
  // Through the demand the same power moves every engine's set point and the filtered demand:
  // d(rate_k)/d(P_j) = d(rate_k)/d(P_demand) · demandPerEngineWatt for each online engine j, the
  // rates' slope over the demand by central differences (the pattern is fixed: all entries are
  // added, zero where nothing couples).
  {
    const int ne = m_engines.count();
    const int filtered = m_engines.states().demandFiltered;
    std::vector<double> slope(static_cast<size_t>(ne) + 1, 0.0);
    if (demandPerEngineWatt != 0.0) {
      const double soc = y[m_dispatch.states().soc];
      const double h = 1e-6 * std::max(1e3, std::abs(m_scratch.P_demand));
      std::vector<double> sp(static_cast<size_t>(ne));
      double* scratch = m_ydotScratch.data();
      for (const double sign : {1.0, -1.0}) {
        const double ed = m_dispatch.engineDemand(m_scratch.P_demand + sign * h, m_scratch.solarAvailable, soc);
        for (int k = 0; k < ne; ++k) sp[static_cast<size_t>(k)] = m_engines.setpoint(k, ed);
        m_engines.rhs(y, scratch, sp, ed);
        for (int k = 0; k < ne; ++k) slope[static_cast<size_t>(k)] += sign * scratch[m_engines.stateIndex(k)] / (2.0 * h);
        slope[static_cast<size_t>(ne)] += sign * scratch[filtered] / (2.0 * h);
      }
    }
    for (int j = 0; j < ne; ++j) {
      const double dDemand = m_engines.status(j) == power::EngineStatus::Online ? demandPerEngineWatt : 0.0;
      for (int k = 0; k < ne; ++k)
        J.add(m_engines.stateIndex(k), m_engines.stateIndex(j), slope[static_cast<size_t>(k)] * dDemand);
      J.add(filtered, m_engines.stateIndex(j), slope[static_cast<size_t>(ne)] * dDemand);
    }
  }
  m_hull.jacobian(J, y, m_cacheBoundary, m_hallAirStates);
}

void Plant::roots(double t, const double* y, double* g) {
  const int n = m_racks.count();
  for (int i = 0; i < n; ++i) g[i] = m_racks.throttleRoot(i, y);
  m_engines.commitmentRoots(y, g + n);
  // Trim chiller staging (kChillerRoots), then the air events.
  double* gc = g + n + power::GasEngines::kCommitmentRoots;
  gc[0] = gc[1] = 1.0;
  evaluate(t, y, nullptr, m_scratch);
  if (m_chiller.present()) {
    const double q = m_scratch.chiller.Q_request;
    gc[0] = m_chiller.stageOnRoot(m_chillerStages, q);
    // Inside the last stage's minimum run no stage stops (a time event ends it: nextTimeEvent).
    if (t >= m_chillerLastOn + m_p.chiller.minRunTime && m_chillerOffAt > 1e299)
      gc[1] = m_chiller.stageOffRoot(m_chillerStages, q, m_facility.flowCapacity());
  }
  // Air events (hysteresis 0.5 K): a row's inlet leaving the allowable envelope, a hall's
  // dew-point margin falling below the alarm margin.
  double* ga = gc + kChillerRoots;
  for (int r = 0; r < rowCount(); ++r) {
    const auto rs = static_cast<size_t>(r);
    ga[r] = m_scratch.rowAllowableMargin[rs] - (m_rowOutside[rs] != 0 ? kAirEventHysteresis : 0.0);
  }
  for (int h = 0; h < m_p.it.halls; ++h) {
    const auto hs = static_cast<size_t>(h);
    ga[rowCount() + h] = m_scratch.dewMargin[hs] - m_p.air.dewPointAlarmMargin -
                         (m_dewAlarm[hs] != 0 ? kAirEventHysteresis : 0.0);
  }
}

bool Plant::updateChillerStages(double t, int onCrossing, int offCrossing, bool delayServed) {
  // The root's direction decides (CVODES returns a point at the crossing, where the root
  // function may still read 0 or a roundoff on either side): on when the stage-on root rises
  // through 0, off when the stage-off root falls through it.
  int next = m_chillerStages;
  if (onCrossing > 0 && m_chillerStages < m_chiller.stageCount()) {
    next = m_chillerStages + 1;
  } else if (offCrossing < 0 && m_chillerStages > 0) {
    // The stop condition must hold for the stage-off delay: checked again then.
    if (!delayServed && m_p.chiller.stageOffDelay > 0.0) {
      m_chillerOffAt = t + m_p.chiller.stageOffDelay;
      return true;  // the stage-off root rests until then (a new root function: re-initialise)
    }
    next = m_chillerStages - 1;
  }
  if (next == m_chillerStages) return false;
  m_chillerOffAt = 1e300;
  const bool on = next > m_chillerStages;
  if (on) m_chillerLastOn = t;
  log(t, on ? "chiller_stage_on" : "chiller_stage_off",
      fmt::format("chiller stage {}", on ? next : m_chillerStages));
  m_chillerStages = next;
  m_cacheT = -1e300;
  return true;
}

void Plant::log(double t, std::string kind, std::string component) {
  m_events.push_back({t, std::move(kind), std::move(component)});
}

bool Plant::checkCommitment(double t, double* y) {
  power::EngineEvent event;
  if (!m_engines.commit(t, y, event)) return false;
  log(t, event.kind, fmt::format("engine {}", event.engine + 1));
  return true;
}

bool Plant::updateThrottleReport(double t, const double* y, int i) {
  const char* kind = m_racks.updateThrottleReport(i, y);
  if (kind == nullptr) return false;
  log(t, kind, "rack " + m_racks.info()[static_cast<size_t>(i)].name);
  return true;
}

bool Plant::handleRoots(double t, double* y, const std::vector<int>& rootsFound) {
  bool changed = false;
  const int n = m_racks.count();
  for (int i = 0; i < n; ++i) {
    if (rootsFound[static_cast<size_t>(i)] != 0) changed = updateThrottleReport(t, y, i) || changed;
  }
  if (rootsFound[static_cast<size_t>(n)] != 0 || rootsFound[static_cast<size_t>(n) + 1] != 0) {
    changed = checkCommitment(t, y) || changed;
  }
  const size_t c = static_cast<size_t>(n) + power::GasEngines::kCommitmentRoots;
  if (rootsFound[c] != 0 || rootsFound[c + 1] != 0)
    changed = updateChillerStages(t, rootsFound[c], rootsFound[c + 1]) || changed;
  const std::ptrdiff_t air0 = std::ptrdiff_t{n} + power::GasEngines::kCommitmentRoots + kChillerRoots;
  if (std::any_of(rootsFound.begin() + air0, rootsFound.end(),
                  [](int r) { return r != 0; })) {
    evaluate(t, y, nullptr, m_scratch);
    changed = updateAirReports(t, m_scratch) || changed;
  }
  return changed;
}

double Plant::nextTimeEvent(double t) const {
  double next = std::numeric_limits<double>::infinity();
  // The kinks of the fouling resistance (the seawater system's cleaning schedule).
  next = std::min(next, m_seawater.nextCleaningEvent(t));
  for (const auto& prof : m_profiles) next = std::min(next, prof.nextBreakpoint(t));
  next = std::min(next, m_engines.nextEvent(t));
  // The end of the last chiller stage's minimum run.
  const double runEnd = m_chillerLastOn + m_p.chiller.minRunTime;
  if (m_chillerStages > 0 && runEnd > t + 1e-6) next = std::min(next, runEnd);
  if (m_chillerOffAt > t + 1e-6) next = std::min(next, m_chillerOffAt);
  // The kinks of the environment (a measured series is linear between its rows): a step across
  // one smears it, and rows interpolated inside that step are off by up to the solver's
  // tolerance (a year file's hourly rows: 0.05 K on the chips instead of 0.001 K).
  next = std::min(next, m_env->nextBreakpoint(t));
  return next;
}

bool Plant::handleTimeEvents(double t, double* y) {
  bool changed = false;
  std::vector<power::EngineEvent> online;
  if (m_engines.bringOnline(t, y, online) > 0) {
    for (const auto& ev : online) log(t, ev.kind, fmt::format("engine {}", ev.engine + 1));
    changed = true;
  }
  if (m_seawater.cleaningStarted(t)) {
    log(t, "hx_cleaning", "seawater hx");
    changed = changed || m_p.seawater.cleaningDuration <= 0.0;  // a staged cleaning is continuous
  }
  changed = checkCommitment(t, y) || changed;
  // A minimum run ends with the stop condition already past: the stage stops now.
  // A pending stop whose delay is over: the stage stops if the condition still holds.
  const double runEnd = m_chillerLastOn + m_p.chiller.minRunTime;
  const bool pendingDue = std::abs(t - m_chillerOffAt) <= 1e-6;
  if (m_chillerStages > 0 && (std::abs(t - runEnd) <= 1e-6 || pendingDue)) {
    evaluate(t, y, nullptr, m_scratch);
    const bool stop =
        m_chiller.stageOffRoot(m_chillerStages, m_scratch.chiller.Q_request, m_facility.flowCapacity()) < 0.0;
    if (pendingDue) m_chillerOffAt = 1e300;
    if (stop) changed = updateChillerStages(t, 0, -1, true) || changed;
    changed = changed || pendingDue;  // the stage-off root is live again
  }
  return changed;
}

int Plant::quadratureCount() const { return m_flowCount + kExtraCount; }

void Plant::setFlows(const PlantSignals& s) {
  auto& l = m_ledger;
  l.set(m_slots.fuel, s.fuel);
  l.set(m_slots.solar, s.dispatch.solar);
  l.set(m_slots.shore, s.dispatch.shore);
  l.set(m_slots.hullSun, s.hull.solar);
  l.set(m_slots.auxUnpowered, s.auxUnpowered);
  double infiltration = 0.0, latent = 0.0;
  for (size_t h = 0; h < s.qLatent.size(); ++h) {
    infiltration += s.qInfiltration[h];
    latent += s.qLatent[h];
  }
  l.set(m_slots.infiltration, std::max(0.0, infiltration));
  l.set(m_slots.exfiltration, std::max(0.0, -infiltration));
  l.set(m_slots.latent, latent);
  l.set(m_slots.discharge, s.sw.Q_seawater);
  if (m_slots.engineDischarge >= 0) l.set(m_slots.engineDischarge, s.engineCooling.Q_seawater);
  l.set(m_slots.exhaust, s.exhaust);
  l.set(m_slots.hullToSea, s.hull.toSea);
  l.set(m_slots.hullToAir, s.hull.toAir);
  l.set(m_slots.hotel, s.P_hotelServed);
  l.set(m_slots.batteryLoss, s.dispatch.batteryLoss);
  l.set(m_slots.drives, s.drivesLoss);
  l.set(m_slots.loadBank, s.dispatch.dumped);
  l.set(m_slots.transformer, s.elec.transformerLoss);
}

const network::EnergyLedger& Plant::updateLedger(const PlantSignals& s, const double* y) {
  setFlows(s);
  double halls = 0.0;
  for (const auto& hc : m_halls) halls += hc.storedEnergy(y);
  m_ledger.set(m_slots.racks, m_racks.storedEnergy(y));
  m_ledger.set(m_slots.halls, halls);
  m_ledger.set(m_slots.facility, m_facility.storedEnergy(y));
  m_ledger.set(m_slots.hull, m_hull.storedEnergy(y));
  m_ledger.set(m_slots.battery, m_dispatch.storedEnergy(y));
  return m_ledger;
}

void Plant::quadratures(double t, const double* y, double* qdot) {
  evaluate(t, y, nullptr, m_scratch);
  setFlows(m_scratch);
  m_ledger.flows(qdot);
  double* x = qdot + m_flowCount;
  x[kE_it] = m_scratch.P_itServed;
  x[kE_facility] = m_scratch.P_facility;
  x[kE_demand] = m_scratch.P_demand;
  x[kE_unserved] = m_scratch.dispatch.unserved;
  x[kFuelMass] = m_scratch.fuel / m_p.engines.fuelLhv;
  x[kCO2Mass] = m_scratch.fuel * m_p.engines.co2Factor;
  x[kE_fuel] = m_scratch.fuel;
  x[kE_itInput] = m_scratch.P_itInput;
  x[kE_distributionLoss] = m_scratch.elec.totalLoss;
  x[kE_chiller] = m_scratch.chiller.P_el;
}

double Plant::settleChiller(double load, double engineHeatOnMain, seawater::SeawaterSystem::Steady& steady) {
  m_chillerStages = 0;
  m_chillerLastOn = -1e300;
  m_chillerOffAt = 1e300;
  const double cFw = m_facility.flowCapacity();
  // The chiller runs in the steady state when the pumps at full speed leave the supply above
  // the chiller's set point (without it the supply is the plate leaving water).
  if (!m_chiller.present() || steady.speed < 1.0 || steady.tReturn - load / cFw <= m_chiller.setpoint())
    return 0.0;
  seawater::SeawaterState sw;
  cooling::ChillerState ch;
  const auto rejected = [&](double tFr) {
    seawaterAndChiller(1.0, tFr, 0.0, 0.0, engineHeatOnMain, 0.0, 0.0, sw, ch);
    return sw.Q_hx + ch.Q_evap;
  };
  // The fewest stages that carry the request (all of them when even that is short); for each,
  // the facility return that rejects the load, by bisection (the rejected heat rises with T_fr).
  for (int k = 1; k <= m_chiller.stageCount(); ++k) {
    m_chillerStages = k;
    double lo = m_chiller.setpoint(), hi = steady.tReturn;
    for (int it = 0; it < 80; ++it) {
      const double mid = 0.5 * (lo + hi);
      (rejected(mid) < load ? lo : hi) = mid;
    }
    steady.tReturn = 0.5 * (lo + hi);
    rejected(steady.tReturn);
    if (ch.Q_request <= k * m_chiller.params().stageCapacity) break;
  }
  return ch.Q_cond;
}

std::vector<double> Plant::initialState() {
  std::vector<double> y(static_cast<size_t>(size()));
  for (int i = 0; i < size(); ++i) y[static_cast<size_t>(i)] = m_layout.info(i).initial;
  const double t = 0.0;
  m_cacheT = -1e300;
  evaluate(t, y.data(), nullptr, m_scratch);  // environment and demand at t = 0
  const auto& s = m_scratch;
  const double tAmb = s.T_seaIntakeAmbient;
  const power::ElectricalLosses demandLosses = m_distribution.fromItPower(s.P_itDemand);
  // Heat the facility loop must reject (independent of its temperatures).
  double loads = m_facility.pumpShaftPower();
  std::vector<double> qLiqHall(static_cast<size_t>(m_p.it.halls)), qAirHall(qLiqHall.size());
  for (int h = 0; h < m_p.it.halls; ++h) {
    const size_t hs = static_cast<size_t>(h);
    const auto& hc = m_halls[hs];
    for (int i : m_rackLayout.hallRacks()[hs]) {
      const double u = s.utilization[static_cast<size_t>(m_racks.job(i))];
      const double P = m_racks.demand(i, u, y[static_cast<size_t>(m_racks.chipIndex(i))]);
      qLiqHall[hs] += m_p.it.liquidFraction * P;
      qAirHall[hs] += (1.0 - m_p.it.liquidFraction) * P;
    }
    // The distribution losses in the hall (shelves, UPS, cables) at the t = 0 demand (the
    // engines are not committed yet, so what is served now is not what the plant settles at).
    qAirHall[hs] += (demandLosses.powerShelfLoss + demandLosses.upsLoss + demandLosses.cableLoss) * m_hallRackShare[hs];
    qAirHall[hs] += hc.pumpLossToAir();
    loads += qLiqHall[hs] + hc.pumpShaftPower() + qAirHall[hs] + hc.fanPower();
  }
  // Seawater side in steady state (pump speed, facility return), then each node downstream.
  // With the engines' central coolers on the seawater main, their heat is part of that steady
  // state, so the engines are committed first and the seawater side settled again with it.
  const double cFw = m_facility.flowCapacity();
  const auto& fl = m_facility.states();
  const auto settle = [&](double engineHeatOnMain) {  // reads loads, qLiqHall and qAirHall
    auto steady = m_seawater.steadyState(loads, tAmb, cFw, m_facility.setpoint(), engineHeatOnMain);
    const double condenserHeat = settleChiller(loads, engineHeatOnMain, steady);
    const double tFs = steady.tReturn - loads / cFw;
    y[static_cast<size_t>(fl.ret)] = steady.tReturn;
    y[static_cast<size_t>(fl.supply)] = tFs;
    for (size_t h = 0; h < m_halls.size(); ++h) {
      const double tSup = m_halls[h].setSteady(y.data(), tFs, qLiqHall[h], qAirHall[h]);
      const double tAir = y[static_cast<size_t>(m_halls[h].states().air)];
      const auto& ha = m_hallAir[h];
      // Air-cooled racks see their row's inlet air (cooling/HallAir): T_cl + b·Q_r/C_r.
      const double tCl = ha.coilLeaving(tAir, tFs);
      for (int r = 0; r < m_p.it.rowsPerHall; ++r) {
        const auto& rowRacks = m_rowRacks[h * static_cast<size_t>(m_p.it.rowsPerHall) + static_cast<size_t>(r)];
        double qRow = 0.0;
        for (int i : rowRacks) {
          if (m_racks.airCooled())
            qRow += m_racks.demand(i, s.utilization[static_cast<size_t>(m_racks.job(i))],
                                   y[static_cast<size_t>(m_racks.chipIndex(i))]);
        }
        const double tIn = ha.rowInlet(tCl, 0.0, 0.0, qRow);
        for (int i : rowRacks)
          m_racks.setSteady(i, y.data(), s.utilization[static_cast<size_t>(m_racks.job(i))], tSup, tIn);
      }
      y[static_cast<size_t>(ha.humidityState())] = ha.steadyHumidity(ha.outsideHumidity(s.env.T_air, t), tFs);
    }
    m_seawater.setSteadyControllers(y.data(), steady, tFs, tAmb, cFw, engineHeatOnMain + condenserHeat);
    // With the chiller on, the pumps run at full speed with the supply δ over their set point:
    // the supply controller's integral rests where its tracking term balances its error,
    // dI/dt = (K/T_i)·e + (1 − K·e − I)/T_t = 0 ⇒ I = 1 (T_t = T_i).
    if (m_chillerStages > 0) y[static_cast<size_t>(m_seawater.states().integralSupply)] = 1.0;
  };
  settle(0.0);
  m_hull.setOutside(y.data(), m_cacheBoundary);
  // The halls' exchange with the hull plates (at their outside temperatures) is heat the loops
  // reject too; it depends on the hall air, so a few passes settle both.
  const std::vector<double> qAirBase = qAirHall;
  const double loadsBase = loads;
  for (int pass = 0; pass < 3; ++pass) {
    loads = loadsBase;
    for (size_t h = 0; h < m_halls.size(); ++h) {
      const double tAir = y[static_cast<size_t>(m_halls[h].states().air)];
      double wall = 0.0;
      for (const auto& w : m_hallWalls[h]) wall += w.conductance * (y[static_cast<size_t>(w.state)] - tAir);
      // Outside air leaking in (sensible) and the latent heat of what condenses on the coils.
      const auto& ha = m_hallAir[h];
      const double inf = ha.infiltrationHeat(s.env.T_air, tAir);
      const double latent = ha.latentHeatRate(y[static_cast<size_t>(ha.humidityState())], y[static_cast<size_t>(fl.supply)]);
      qAirHall[h] = qAirBase[h] + wall + inf;
      loads += wall + inf + latent;
    }
    settle(0.0);
  }
  // Engines: commit enough units for the demand at t = 0, sharing it. The demand includes the
  // engine-room pumps, whose power follows the engines' output: a few passes settle it.
  for (int pass = 0; pass < 4; ++pass) {
    evaluate(t, y.data(), nullptr, m_scratch);
    m_engines.commitInitial(m_scratch.engineDemand, y.data());
    if (m_engineCooling.mode() == EngineCoolingMode::MainSeawater) {
      evaluate(t, y.data(), nullptr, m_scratch);
      settle(m_scratch.engineCooling.Q);
    }
  }
  m_seawater.resetCleaningLog();
  m_events.clear();
  for (int k = 1; k <= m_chillerStages; ++k) log(0.0, "chiller_stage_on", fmt::format("chiller stage {}", k));
  for (int i = 0; i < m_racks.count(); ++i) {
    m_racks.setThrottled(i, false);
    updateThrottleReport(0.0, y.data(), i);
  }
  std::fill(m_rowOutside.begin(), m_rowOutside.end(), 0);
  std::fill(m_dewAlarm.begin(), m_dewAlarm.end(), 0);
  m_cacheT = -1e300;
  evaluate(t, y.data(), nullptr, m_scratch);
  updateAirReports(0.0, m_scratch);
  m_cacheT = -1e300;
  return y;
}

std::vector<double> Plant::discreteState() const {
  std::vector<double> d;
  const int ne = m_engines.count();
  d.reserve(static_cast<size_t>(2 * ne + m_racks.count() + 5) + m_rowOutside.size() + m_dewAlarm.size());
  for (int k = 0; k < ne; ++k) d.push_back(static_cast<double>(m_engines.status(k)));
  for (int k = 0; k < ne; ++k) d.push_back(m_engines.readyTime(k));
  d.push_back(m_engines.lastCommitment());
  for (int i = 0; i < m_racks.count(); ++i) d.push_back(m_racks.throttled(i) ? 1.0 : 0.0);
  d.push_back(m_chillerStages);
  d.push_back(m_chillerLastOn);
  d.push_back(m_chillerOffAt);
  for (const char r : m_rowOutside) d.push_back(r != 0 ? 1.0 : 0.0);
  for (const char h : m_dewAlarm) d.push_back(h != 0 ? 1.0 : 0.0);
  d.push_back(m_seawater.lastCleaningLogged());
  return d;
}

void Plant::restoreDiscreteState(const std::vector<double>& d, std::vector<PlantEvent> events) {
  const auto ne = static_cast<size_t>(m_engines.count());
  const size_t expected = 2 * ne + 1 + static_cast<size_t>(m_racks.count()) + 3 + m_rowOutside.size() +
                          m_dewAlarm.size() + 1;
  if (d.size() != expected)
    throw std::invalid_argument(fmt::format("{} discrete states, this case's plant has {}", d.size(), expected));
  const auto flag = [](double v) -> char { return v != 0.0 ? 1 : 0; };
  size_t i = 0;
  for (size_t k = 0; k < ne; ++k) {
    const double s = d[i++];
    if (s != 0.0 && s != 1.0 && s != 2.0) throw std::invalid_argument(fmt::format("engine status {}", s));
    m_engines.setStatus(static_cast<int>(k), static_cast<power::EngineStatus>(static_cast<int>(s)));
  }
  for (size_t k = 0; k < ne; ++k) m_engines.setReadyTime(static_cast<int>(k), d[i++]);
  m_engines.setLastCommitment(d[i++]);
  for (int r = 0; r < m_racks.count(); ++r) m_racks.setThrottled(r, d[i++] != 0.0);
  const double stages = d[i++];
  if (stages < 0.0 || stages > m_p.chiller.stages || stages != std::floor(stages))
    throw std::invalid_argument(fmt::format("{} chiller stages", stages));
  m_chillerStages = static_cast<int>(stages);
  m_chillerLastOn = d[i++];
  m_chillerOffAt = d[i++];
  for (char& r : m_rowOutside) r = flag(d[i++]);
  for (char& h : m_dewAlarm) h = flag(d[i++]);
  m_seawater.setLastCleaningLogged(d[i++]);
  m_events = std::move(events);
  m_cacheT = -1e300;
}

std::string Plant::rowName(int r) const {
  return fmt::format("hall{}-r{:02d}", r / m_p.it.rowsPerHall + 1, r % m_p.it.rowsPerHall + 1);
}

void Plant::airSignals(const double* y, PlantSignals& s, bool beforeRacks) {
  const auto nh = static_cast<size_t>(m_p.it.halls), nr = static_cast<size_t>(rowCount());
  const double tFs = y[m_facility.states().supply];
  const bool airCooled = m_racks.airCooled();
  const auto hallOf = [&](size_t r) { return r / static_cast<size_t>(m_p.it.rowsPerHall); };
  if (beforeRacks) {
    s.coilLeaving.resize(nh);
    s.rowInlet.assign(nr, 0.0);
    s.rowAirHeat.assign(nr, 0.0);
    for (size_t h = 0; h < nh; ++h) s.coilLeaving[h] = m_hallAir[h].coilLeaving(y[m_halls[h].states().air], tFs);
    if (!airCooled) return;
    // Air-cooled rows: the inlet is linear in the chips' temperatures (cooling/HallAir).
    for (size_t r = 0; r < nr; ++r) {
      double g = 0.0, gT = 0.0;
      for (int i : m_rowRacks[r]) {
        g += m_racks.airConductance(i);
        gT += m_racks.airConductance(i) * y[m_racks.chipIndex(i)];
      }
      s.rowInlet[r] = m_hallAir[hallOf(r)].rowInlet(s.coilLeaving[hallOf(r)], gT, g, 0.0);
    }
    return;
  }
  for (auto* v : {&s.humidity, &s.relHumidity, &s.dewPoint, &s.dewMargin, &s.condensate, &s.qLatent, &s.qInfiltration})
    v->resize(nh);
  for (size_t h = 0; h < nh; ++h) {
    const auto& ha = m_hallAir[h];
    const double W = y[ha.humidityState()], tAir = y[m_halls[h].states().air];
    s.humidity[h] = W;
    s.relHumidity[h] = ha.relativeHumidity(tAir, W);
    s.dewPoint[h] = ha.dewPoint(W);
    // The coldest liquid surfaces: the coils' facility water and (liquid loop) the cold plates' CDU supply.
    const double cold = airCooled ? tFs : std::min(tFs, s.tSupply[h]);
    s.dewMargin[h] = cold - s.dewPoint[h];
    s.condensate[h] = ha.condensation(W, tFs);
    s.qLatent[h] = ha.latentHeatRate(W, tFs);
    s.qInfiltration[h] = ha.infiltrationHeat(s.env.T_air, tAir);
    s.hallHeat[h] += s.qInfiltration[h];
  }
  s.rowExhaust.resize(nr);
  s.rowAllowableMargin.resize(nr);
  s.rowRecommendedMargin.resize(nr);
  const auto allowable = cooling::ashraeAllowable(m_p.air.ashraeClass);
  const auto recommended = cooling::ashraeRecommended(m_p.air.ashraeClass);
  for (size_t r = 0; r < nr; ++r) {
    const size_t h = hallOf(r);
    const auto& ha = m_hallAir[h];
    if (!airCooled) s.rowInlet[r] = ha.rowInlet(s.coilLeaving[h], 0.0, 0.0, s.rowAirHeat[r]);
    s.rowExhaust[r] = ha.rowExhaust(s.coilLeaving[h], s.rowAirHeat[r]);
    const double rh = ha.relativeHumidity(s.rowInlet[r], s.humidity[h]);
    s.rowAllowableMargin[r] = cooling::envelopeMargin(allowable, s.rowInlet[r], s.dewPoint[h], rh);
    s.rowRecommendedMargin[r] = cooling::envelopeMargin(recommended, s.rowInlet[r], s.dewPoint[h], rh);
  }
}

bool Plant::updateAirReports(double t, const PlantSignals& s) {
  bool changed = false;
  constexpr double tol = 1e-6;
  for (size_t r = 0; r < m_rowOutside.size(); ++r) {
    const double m = s.rowAllowableMargin[r];
    if (m_rowOutside[r] == 0 && m <= tol) {
      m_rowOutside[r] = 1;
      log(t, "inlet_allowable_exceeded", "row " + rowName(static_cast<int>(r)));
      changed = true;
    } else if (m_rowOutside[r] != 0 && m >= kAirEventHysteresis - tol) {
      m_rowOutside[r] = 0;
      log(t, "inlet_allowable_restored", "row " + rowName(static_cast<int>(r)));
      changed = true;
    }
  }
  const double alarm = m_p.air.dewPointAlarmMargin;
  for (size_t h = 0; h < m_dewAlarm.size(); ++h) {
    const double m = s.dewMargin[h];
    if (m_dewAlarm[h] == 0 && m <= alarm + tol) {
      m_dewAlarm[h] = 1;
      log(t, "dew_point_alarm_on", fmt::format("hall{}", h + 1));
      changed = true;
    } else if (m_dewAlarm[h] != 0 && m >= alarm + kAirEventHysteresis - tol) {
      m_dewAlarm[h] = 0;
      log(t, "dew_point_alarm_off", fmt::format("hall{}", h + 1));
      changed = true;
    }
  }
  return changed;
}

void Plant::airJacobian(network::SparseJacobian& J, const double* y) const {
  const int fs = m_facility.states().supply, ret = m_facility.states().ret;
  const double tFs = y[fs], cRet = m_facility.headerCapacity();
  for (size_t h = 0; h < m_halls.size(); ++h) {
    const auto& ha = m_hallAir[h];
    const int air = m_halls[h].states().air, w = ha.humidityState();
    const double Ca = m_halls[h].airCapacity(), W = y[w];
    // Infiltration (sensible) on the hall air.
    J.add(air, air, -ha.infiltrationHeat(1.0, 0.0) / Ca);
    // Humidity: infiltration, condensation on the coils; the latent heat into the coil water.
    const double dW = ha.condensationFromHumidity(W, tFs), dT = ha.condensationFromSupply(W, tFs);
    J.add(w, w, -(ha.infiltrationMass() + dW) / ha.dryAirMass());
    J.add(w, fs, -dT / ha.dryAirMass());
    J.add(ret, w, dW * cooling::HallAir::latentHeat(tFs) / cRet);
    J.add(ret, fs, ha.latentFromSupply(W, tFs) / cRet);
  }
  if (!m_racks.airCooled()) return;
  // Air-cooled rows: T_in = (T_cl + k·Σg_j·T_c,j)/D, D = 1 + k·G, T_cl = (1 − ε)·T_air + ε·T_fs;
  // chip i gets g_i·(T_in − T_c,i)/C_c, the hall air Σ g_i·(T_c,i − T_in)/C_a.
  const double Cc = m_racks.chipCapacity();
  for (size_t r = 0; r < m_rowRacks.size(); ++r) {
    const size_t h = r / static_cast<size_t>(m_p.it.rowsPerHall);
    const auto& ha = m_hallAir[h];
    const int air = m_halls[h].states().air;
    const double Ca = m_halls[h].airCapacity(), k = ha.rowFactor(), eps = ha.coilEffectiveness();
    double G = 0.0;
    for (int i : m_rowRacks[r]) G += m_racks.airConductance(i);
    const double D = 1.0 + k * G;
    for (int i : m_rowRacks[r]) {
      const double gi = m_racks.airConductance(i);
      const int ci = m_racks.chipIndex(i);
      for (int j : m_rowRacks[r]) J.add(ci, m_racks.chipIndex(j), gi * k * m_racks.airConductance(j) / (D * Cc));
      J.add(ci, air, gi * (1.0 - eps) / (D * Cc));
      J.add(ci, fs, gi * eps / (D * Cc));
      J.add(air, ci, gi / (D * Ca));
    }
    J.add(air, air, -G * (1.0 - eps) / (D * Ca));
    J.add(air, fs, -G * eps / (D * Ca));
  }
}

}  // namespace fdtwin
