#include "run/Recorder.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <string>

namespace fdtwin::io {

namespace rs = ::fdtwin::results;

Recorder::Recorder(ResultWriter& w, Plant& plant, const Provenance& prov, double salinity, long fieldEvery)
    : m_w(w), m_plant(plant), m_fieldEvery(std::max(1L, fieldEvery)) {
  w.attribute(rs::schemaVersion, static_cast<long long>(rs::kSchemaVersion));
  w.attribute(rs::caseName, prov.caseName);
  w.attribute(rs::caseToml, prov.caseToml);
  w.attribute(rs::commandLine, prov.commandLine);
  w.attribute(rs::startDatetime, prov.startDatetime);
  const std::string timeUnits = rs::timeUnits(prov.startDatetime);

  // Racks and halls.
  const auto& racks = plant.racks().info();
  const size_t nr = racks.size();
  std::vector<std::string> names;
  std::vector<double> pos, size;
  std::vector<int64_t> hall, job;
  std::vector<double> mdot;
  for (const auto& r : racks) {
    names.push_back(r.name);
    hall.push_back(r.hall);
    job.push_back(r.job);
    mdot.push_back(plant.racks().coolantFlow(static_cast<int>(names.size()) - 1));
    pos.insert(pos.end(), r.position, r.position + 3);
    size.insert(size.end(), r.size, r.size + 3);
  }
  w.writeStrings(rs::xyz, {"x", "y", "z"});
  w.writeIndex(rs::rackIndex, nr);
  w.writeStrings(rs::racksName, names);
  w.writeInts(rs::racksHall, hall, {nr});
  w.write(rs::racksPosition, pos, {nr, 3});
  w.write(rs::racksSize, size, {nr, 3});
  w.write(rs::racksMDotCoolant, mdot, {nr});
  w.writeInts(rs::racksJob, job, {nr});
  const size_t nh = static_cast<size_t>(plant.hallCount());
  std::vector<std::string> hallNames;
  std::vector<double> boxes;
  for (size_t h = 0; h < nh; ++h) {
    hallNames.push_back("hall" + std::to_string(h + 1));
    boxes.insert(boxes.end(), plant.hallBoxes()[h].begin(), plant.hallBoxes()[h].end());
  }
  w.writeIndex(rs::hallIndex, nh);
  w.writeStrings(rs::hallBound, {"xmin", "ymin", "zmin", "xmax", "ymax", "zmax"});
  w.writeStrings(rs::hallsName, hallNames);
  w.write(rs::hallsBox, boxes, {nh, 6});
  const auto nrow = static_cast<size_t>(plant.rowCount());
  std::vector<std::string> rowNames;
  std::vector<int64_t> rowHall;
  for (size_t r = 0; r < nrow; ++r) {
    rowNames.push_back(plant.rowName(static_cast<int>(r)));
    rowHall.push_back(static_cast<int64_t>(r) / plant.params().it.rowsPerHall);
  }
  w.writeIndex(rs::rowIndex, nrow);
  w.writeStrings(rs::rowsName, rowNames);
  w.writeInts(rs::rowsHall, rowHall, {nrow});
  w.attribute(rs::rowsAshraeClass, cooling::ashraeClassName(plant.params().air.ashraeClass));

  // Hull geometry.
  const auto& geom = plant.hull().geometry();
  std::vector<double> pts;
  for (const auto& p : geom.points()) pts.insert(pts.end(), p.begin(), p.end());
  std::vector<int64_t> cells, group;
  std::vector<double> area;
  for (const auto& pn : geom.panels()) {
    cells.insert(cells.end(), pn.corners.begin(), pn.corners.end());
    group.push_back(static_cast<int64_t>(pn.group));
    area.push_back(pn.area);
  }
  const size_t np = geom.panels().size();
  w.writeIndex(rs::panelIndex, np);
  w.writeIndex(rs::pointIndex, geom.points().size());
  w.writeIndex(rs::cornerIndex, 4);
  w.writeIndex(rs::panelGroupIndex, hull::panelGroupNames().size());
  w.write(rs::hullPoints, pts, {geom.points().size(), 3});
  w.writeInts(rs::hullCells, cells, {np, 4});
  w.write(rs::hullArea, area, {np});
  w.writeInts(rs::hullGroup, group, {np});
  w.writeStrings(rs::hullGroupNames, hull::panelGroupNames());
  w.attribute(rs::hullDraft, plant.params().hull.draft);
  w.attribute(rs::coolingSalinity, salinity);
  w.attribute(rs::coolingSeawaterPumpCount, static_cast<double>(plant.params().seawater.pumpCount));
  w.attribute(rs::coolingSeawaterPumpSpares, static_cast<double>(plant.params().seawater.pumpSpares));

  // Generators and balance names.
  std::vector<std::string> gens;
  gens.reserve(static_cast<size_t>(plant.engines().count()) + 2);
  for (int k = 0; k < plant.engines().count(); ++k) gens.push_back("engine " + std::to_string(k + 1));
  gens.push_back("solar");
  gens.push_back("shore");
  w.writeIndex(rs::generatorIndex, gens.size());
  w.writeStrings(rs::powerGeneratorName, gens);
  const auto& ledger = plant.ledger();
  const auto ns = static_cast<size_t>(ledger.count(network::LedgerKind::Source));
  const auto nk = static_cast<size_t>(ledger.count(network::LedgerKind::Sink));
  w.writeIndex(rs::sourceIndex, ns);
  w.writeIndex(rs::sinkIndex, nk);
  w.writeStrings(rs::balanceSourceNames, ledger.names(network::LedgerKind::Source));
  w.writeStrings(rs::balanceSinkNames, ledger.names(network::LedgerKind::Sink));

  h_time = w.series(rs::time, 0, timeUnits);
  w.attribute(rs::timeCalendar, std::string(rs::kCalendar));
  h_TchipMax = w.series(rs::racksTChipMax, 0);
  // The per-element fields on their own time scale: chunks sized for their rows.
  const size_t rows = w.expectedRows();
  if (rows > 0) w.expectRows((rows - 1) / static_cast<size_t>(m_fieldEvery) + 2);
  h_fieldTime = w.series(rs::fieldTime, 0, timeUnits);
  w.attribute(rs::fieldTimeCalendar, std::string(rs::kCalendar));
  h_Tchip = w.series(rs::racksTChip, nr);
  h_Tout = w.series(rs::racksTCoolantOut, nr);
  h_Pit = w.series(rs::racksPIt, nr);
  h_hullT = w.series(rs::hullT, geom.panels().size());
  w.expectRows(rows);
  h_Tair = w.series(rs::hallsTAir, nh);
  h_rowIn = w.series(rs::rowsTInlet, nrow);
  h_rowEx = w.series(rs::rowsTExhaust, nrow);
  h_W = w.series(rs::hallsHumidityRatio, nh);
  h_rh = w.series(rs::hallsRelativeHumidity, nh);
  h_dew = w.series(rs::hallsTDewPoint, nh);
  h_dewMargin = w.series(rs::hallsDewPointMargin, nh);
  h_cond = w.series(rs::hallsMCondensate, nh);
  h_Tamb = w.series(rs::coolingTSeaAmbient, 0);
  h_Tin = w.series(rs::coolingTIntake, 0);
  h_Tdis = w.series(rs::coolingTDischarge, 0);
  h_dT = w.series(rs::coolingDischargeDT, 0);
  h_rise = w.series(rs::coolingRiseAboveAmbient, 0);
  h_mdot = w.series(rs::coolingMDotSeawater, 0);
  h_Qsw = w.series(rs::coolingQSeawater, 0);
  h_Ppumps = w.series(rs::coolingPPumps, 0);
  h_speed = w.series(rs::coolingPumpSpeed, 0);
  h_Tfs = w.series(rs::coolingTFacilitySupply, 0);
  h_Tfr = w.series(rs::coolingTFacilityReturn, 0);
  h_Rf = w.series(rs::coolingFoulingResistance, 0);
  h_PswPumps = w.series(rs::coolingPSeawaterPumps, 0);
  h_UaHx = w.series(rs::coolingUaSeawaterHx, 0);
  h_ecQ = w.series(rs::engineCoolingQ, 0);
  h_ecTamb = w.series(rs::engineCoolingTSeaAmbient, 0);
  h_ecTin = w.series(rs::engineCoolingTIntake, 0);
  h_ecTdis = w.series(rs::engineCoolingTDischarge, 0);
  h_ecRise = w.series(rs::engineCoolingRise, 0);
  h_ecMdot = w.series(rs::engineCoolingMDot, 0);
  h_ecP = w.series(rs::engineCoolingPPumps, 0);
  h_ecTlt = w.series(rs::engineCoolingTLt, 0);
  h_chQ = w.series(rs::chillerQEvap, 0);
  h_chP = w.series(rs::chillerPEl, 0);
  h_chCop = w.series(rs::chillerCop, 0);
  h_chStages = w.series(rs::chillerStages, 0);
  h_chTl = w.series(rs::chillerTLeaving, 0);
  h_chTcd = w.series(rs::chillerTCondenserIn, 0);
  h_PitTot = w.series(rs::powerPIt, 0);
  h_Pcool = w.series(rs::powerPCooling, 0);
  h_Photel = w.series(rs::powerPHotel, 0);
  h_Pfac = w.series(rs::powerPFacility, 0);
  h_Paux = w.series(rs::powerPPlantAux, 0);
  h_PitIn = w.series(rs::powerPItInput, 0);
  h_lossTx = w.series(rs::powerLossTransformer, 0);
  h_lossCable = w.series(rs::powerLossCables, 0);
  h_lossUps = w.series(rs::powerLossUps, 0);
  h_lossShelf = w.series(rs::powerLossShelves, 0);
  h_Pdem = w.series(rs::powerPDemand, 0);
  h_Punserved = w.series(rs::powerPUnserved, 0);
  h_Pdumped = w.series(rs::powerPDumped, 0);
  h_Pgen = w.series(rs::powerPGeneration, gens.size());
  h_Pbat = w.series(rs::powerPBattery, 0);
  h_soc = w.series(rs::powerBatterySoc, 0);
  h_online = w.series(rs::powerEnginesOnline, 0);
  h_fuel = w.series(rs::powerFuelRate, 0);
  h_co2 = w.series(rs::powerCO2Rate, 0);
  h_envSst = w.series(rs::envTSeaSurface, 0);
  h_envAir = w.series(rs::envTAir, 0);
  h_envG = w.series(rs::envGSolar, 0);
  h_envWind = w.series(rs::envWindSpeed, 0);
  h_envCurrent = w.series(rs::envCurrentSpeed, 0);
  h_src = w.series(rs::balanceSources, ns);
  h_snk = w.series(rs::balanceSinks, nk);
  h_srcE = w.series(rs::balanceSourceEnergy, ns);
  h_snkE = w.series(rs::balanceSinkEnergy, nk);
  h_Estored = w.series(rs::balanceEStored, 0);
  m_timeUnits = timeUnits;
}

void Recorder::record(double t, const double* y, const std::vector<double>& quad, bool last) {
  Plant& p = m_plant;
  p.evaluate(t, y, nullptr, m_sig);
  const auto& s = m_sig;
  const auto& racks = p.racks();
  const int nr = racks.count();
  const bool fieldRow = m_rows % m_fieldEvery == 0 || last;
  ++m_rows;
  m_w.append(h_time, t);
  if (fieldRow) {
    m_w.append(h_fieldTime, t);
    ++m_fieldRows;
  }
  m_row.resize(static_cast<size_t>(std::max({nr, p.hull().count(), p.hallCount(), 16})));
  // Hottest chip and the largest spread within a rack row (racks are stored row by row).
  double rowMin = 0.0, rowMax = 0.0;
  for (int i = 0; i < nr; ++i) {
    const double tc = y[racks.chipIndex(i)];
    m_row[static_cast<size_t>(i)] = tc;
    if (tc > m_chipMax) {
      m_chipMax = tc;
      m_hottestRack = i;
    }
    const auto& r = racks.info()[static_cast<size_t>(i)];
    if (r.slot == 0) rowMin = rowMax = tc;
    rowMin = std::min(rowMin, tc);
    rowMax = std::max(rowMax, tc);
    m_spreadMax = std::max(m_spreadMax, rowMax - rowMin);
  }
  m_w.append(h_TchipMax, nr > 0 ? *std::max_element(m_row.begin(), m_row.begin() + nr) : 0.0);
  if (fieldRow) {
    m_w.append(h_Tchip, m_row.data());
    for (int i = 0; i < nr; ++i) m_row[static_cast<size_t>(i)] = y[racks.outletIndex(i)];
    m_w.append(h_Tout, m_row.data());
    for (int i = 0; i < nr; ++i) {
      const auto j = static_cast<size_t>(racks.job(i));
      m_row[static_cast<size_t>(i)] = s.servedShare * racks.demand(i, s.utilization[j], y[racks.chipIndex(i)]);
    }
    m_w.append(h_Pit, m_row.data());
  }
  for (int h = 0; h < p.hallCount(); ++h) m_row[static_cast<size_t>(h)] = y[p.hallAirIndex(h)];
  m_w.append(h_Tair, m_row.data());
  // Air side: rows' inlet and exhaust, hall humidity and dew point; the envelope and margin KPIs.
  const double dt = m_first ? 0.0 : t - m_prevT;
  m_prevT = t;
  m_w.append(h_rowIn, s.rowInlet.data());
  m_w.append(h_rowEx, s.rowExhaust.data());
  bool outRec = false, outAllow = false, dewLow = false;
  for (size_t r = 0; r < s.rowInlet.size(); ++r) {
    m_inletMax = std::max(m_inletMax, s.rowInlet[r]);
    outRec = outRec || s.rowRecommendedMargin[r] < 0.0;
    outAllow = outAllow || s.rowAllowableMargin[r] < 0.0;
  }
  for (size_t h = 0; h < s.dewMargin.size(); ++h) {
    m_dewMin = std::min(m_dewMin, s.dewMargin[h]);
    dewLow = dewLow || s.dewMargin[h] < p.params().air.dewPointAlarmMargin;
  }
  m_recTime += outRec ? dt : 0.0;
  m_allowTime += outAllow ? dt : 0.0;
  m_dewLowTime += dewLow ? dt : 0.0;
  m_w.append(h_W, s.humidity.data());
  m_w.append(h_rh, s.relHumidity.data());
  m_w.append(h_dew, s.dewPoint.data());
  m_w.append(h_dewMargin, s.dewMargin.data());
  m_w.append(h_cond, s.condensate.data());
  m_w.append(h_Tamb, s.T_seaIntakeAmbient);
  m_w.append(h_Tin, s.sw.T_in);
  m_w.append(h_Tdis, s.sw.T_dis);
  m_w.append(h_dT, s.sw.dT);
  m_dTMax = std::max(m_dTMax, s.sw.dT);
  m_w.append(h_rise, s.sw.riseAboveAmbient);
  const auto& ec = s.engineCooling;
  m_riseMax = std::max({m_riseMax, s.sw.riseAboveAmbient, ec.riseAboveAmbient});
  m_ltMax = std::max(m_ltMax, ec.T_lt);
  m_w.append(h_mdot, s.sw.mdot);
  m_w.append(h_Qsw, s.sw.Q_seawater);
  m_w.append(h_Ppumps, s.P_pumps);
  m_w.append(h_speed, s.sw.speed);
  m_w.append(h_Tfs, y[p.facilitySupplyIndex()]);
  m_w.append(h_Tfr, y[p.facilityReturnIndex()]);
  m_w.append(h_Rf, s.sw.foulingR);
  m_w.append(h_PswPumps, s.sw.P_el);
  m_w.append(h_UaHx, s.sw.ua);
  m_w.append(h_ecQ, ec.Q);
  m_w.append(h_ecTamb, s.T_seaEngineIntakeAmbient);
  m_w.append(h_ecTin, ec.T_in);
  m_w.append(h_ecTdis, ec.T_dis);
  m_w.append(h_ecRise, ec.riseAboveAmbient);
  m_w.append(h_ecMdot, ec.mdot);
  m_w.append(h_ecP, ec.P_el);
  m_w.append(h_ecTlt, ec.T_lt);
  m_w.append(h_chQ, s.chiller.Q_evap);
  m_w.append(h_chP, s.chiller.P_el);
  m_w.append(h_chCop, s.chiller.cop);
  m_w.append(h_chStages, static_cast<double>(p.chillerStages()));
  m_w.append(h_chTl, p.chiller().present() ? s.chiller.T_leaving : y[p.facilitySupplyIndex()]);
  m_w.append(h_chTcd, p.chiller().present() ? s.chiller.T_condenserIn : s.sw.T_afterPlates);
  if (fieldRow) {
    for (int i = 0; i < p.hull().count(); ++i) m_row[static_cast<size_t>(i)] = y[p.hull().stateIndex(i)];
    m_w.append(h_hullT, m_row.data());
  }
  m_w.append(h_PitTot, s.P_itServed);
  m_w.append(h_Pcool, s.P_cooling);
  m_w.append(h_Photel, s.P_hotelServed);
  m_w.append(h_Pfac, s.P_facility);
  m_w.append(h_Paux, s.P_plantAux);
  m_w.append(h_PitIn, s.P_itInput);
  m_w.append(h_lossTx, s.elec.transformerLoss);
  m_w.append(h_lossCable, s.elec.cableLoss);
  m_w.append(h_lossUps, s.elec.upsLoss);
  m_w.append(h_lossShelf, s.elec.powerShelfLoss);
  m_w.append(h_Pdem, s.P_demand);
  m_w.append(h_Punserved, s.dispatch.unserved);
  m_w.append(h_Pdumped, s.dispatch.dumped);
  const int ne = p.engines().count();
  for (int k = 0; k < ne; ++k) {
    m_row[static_cast<size_t>(k)] =
        p.engines().status(k) == power::EngineStatus::Online ? y[p.engineIndex(k)] : 0.0;
  }
  m_row[static_cast<size_t>(ne)] = s.dispatch.solar;
  m_row[static_cast<size_t>(ne) + 1] = s.dispatch.shore;
  m_w.append(h_Pgen, m_row.data());
  m_w.append(h_Pbat, s.dispatch.discharge - s.dispatch.charge);
  m_w.append(h_soc, y[p.socIndex()]);
  m_w.append(h_online, p.engines().online());
  m_w.append(h_fuel, s.fuel / p.params().engines.fuelLhv);
  m_w.append(h_co2, s.fuel * p.params().engines.co2Factor);
  m_w.append(h_envSst, s.env.T_seaSurface);
  m_w.append(h_envAir, s.env.T_air);
  m_w.append(h_envG, s.env.G_solar);
  m_w.append(h_envWind, s.env.windSpeed);
  m_w.append(h_envCurrent, s.env.currentSpeed);
  const auto& ledger = p.updateLedger(s, y);
  const auto ns = static_cast<size_t>(ledger.count(network::LedgerKind::Source));
  const auto nk = static_cast<size_t>(ledger.count(network::LedgerKind::Sink));
  std::vector<double> flows(ns + nk);
  ledger.flows(flows.data());
  m_w.append(h_src, flows.data());
  m_w.append(h_snk, flows.data() + ns);
  m_w.append(h_srcE, quad.data());
  m_w.append(h_snkE, quad.data() + ns);
  const double E = ledger.stored();
  m_w.append(h_Estored, E);
  if (m_first) {
    m_E0 = E;
    m_first = false;
  }
  double in = 0.0, out = 0.0;
  for (size_t k = 0; k < ns; ++k) in += quad[k];
  for (size_t k = 0; k < nk; ++k) out += quad[ns + k];
  m_residual = in > 0.0 ? (in - out - (E - m_E0)) / in : 0.0;
  m_lastQuad = quad;
  m_lastT = t;
}

std::vector<double> Recorder::accumulators() const {
  return {m_E0,        m_residual, m_chipMax,   m_dTMax,      m_riseMax,
          m_ltMax,     m_spreadMax, static_cast<double>(m_hottestRack), m_inletMax, m_recTime,
          m_allowTime, m_dewMin,   m_dewLowTime, m_prevT,     m_lastT,
          m_first ? 1.0 : 0.0, static_cast<double>(m_rows), static_cast<double>(m_fieldRows)};
}

void Recorder::restore(const std::vector<double>& a, const std::vector<double>& quad) {
  constexpr size_t kCount = 18;
  if (a.size() != kCount)
    throw std::invalid_argument(std::to_string(a.size()) + " recorder values, expected " + std::to_string(kCount));
  size_t i = 0;
  for (double* v : {&m_E0, &m_residual, &m_chipMax, &m_dTMax, &m_riseMax, &m_ltMax, &m_spreadMax}) *v = a[i++];
  m_hottestRack = static_cast<int>(a[i++]);
  for (double* v : {&m_inletMax, &m_recTime, &m_allowTime, &m_dewMin, &m_dewLowTime, &m_prevT, &m_lastT})
    *v = a[i++];
  m_first = a[i++] != 0.0;
  m_rows = static_cast<long>(a[i++]);
  m_fieldRows = static_cast<long>(a[i++]);
  m_lastQuad = quad;
}

std::vector<std::pair<std::string, double>> Recorder::finish(const integrate::IntegratorStats& st,
                                                             double wallTime, double rtol, bool complete) {
  const auto& ledger = m_plant.ledger();
  const auto ns = static_cast<size_t>(ledger.count(network::LedgerKind::Source));
  const auto nk = static_cast<size_t>(ledger.count(network::LedgerKind::Sink));
  const double* x = m_lastQuad.data() + ns + nk;
  const double eIt = x[Plant::kE_it], eFac = x[Plant::kE_facility], eItInput = x[Plant::kE_itInput];
  // Heat to the sea: the sinks that end in it (every outfall, hull-to-sea convection).
  double heatToSea = 0.0;
  size_t sink = 0;
  for (const auto& term : ledger.terms()) {
    if (term.kind != network::LedgerKind::Sink) continue;
    if (term.toSea) heatToSea += m_lastQuad[ns + sink];
    ++sink;
  }
  int throttles = 0;
  for (const auto& e : m_plant.events()) throttles += e.kind == "throttle_on" ? 1 : 0;
  // The chiller's run time from its stage events (exact: the stage count is a discrete state).
  int stages = 0;
  double since = 0.0, chillerRun = 0.0;
  for (const auto& e : m_plant.events()) {
    const int step = e.kind == "chiller_stage_on" ? 1 : e.kind == "chiller_stage_off" ? -1 : 0;
    if (step == 0 || e.time > m_lastT) continue;
    if (stages == 0 && step > 0) since = e.time;
    stages += step;
    if (stages == 0) chillerRun += e.time - since;
  }
  if (stages > 0) chillerRun += m_lastT - since;
  int inletEvents = 0;
  for (const auto& e : m_plant.events()) inletEvents += e.kind == "inlet_allowable_exceeded" ? 1 : 0;
  const std::pair<const rs::Entry*, double> values[] = {
      {&rs::kpiPue, eItInput > 0 ? eFac / eItInput : 0.0},
      {&rs::kpiFuelToItEfficiency, x[Plant::kE_fuel] > 0 ? eIt / x[Plant::kE_fuel] : 0.0},
      {&rs::kpiTChipMax, m_chipMax},
      {&rs::kpiTChipSpreadMax, m_spreadMax},
      {&rs::kpiHottestRack, static_cast<double>(m_hottestRack)},
      {&rs::kpiDischargeDTMax, m_dTMax},
      {&rs::kpiOutfallRiseMax, m_riseMax},
      {&rs::kpiEngineLtMax, m_ltMax},
      {&rs::kpiDistributionLossShare, eIt > 0 ? x[Plant::kE_distributionLoss] / eIt : 0.0},
      {&rs::kpiChillerRunTime, chillerRun},
      {&rs::kpiEChiller, x[Plant::kE_chiller]},
      {&rs::kpiChillerPueShare, eItInput > 0 ? x[Plant::kE_chiller] / eItInput : 0.0},
      {&rs::kpiFuelTotal, x[Plant::kFuelMass]},
      {&rs::kpiCO2Total, x[Plant::kCO2Mass]},
      {&rs::kpiEIt, eIt},
      {&rs::kpiEItInput, eItInput},
      {&rs::kpiEFacility, eFac},
      {&rs::kpiEUnserved, x[Plant::kE_unserved]},
      {&rs::kpiHeatToSea, heatToSea},
      {&rs::kpiThrottleEvents, static_cast<double>(throttles)},
      {&rs::kpiEnergyBalanceResidual, m_residual},
      {&rs::kpiTInletMax, m_inletMax},
      {&rs::kpiInletRecommendedTime, m_recTime},
      {&rs::kpiInletAllowableTime, m_allowTime},
      {&rs::kpiInletAllowableEvents, static_cast<double>(inletEvents)},
      {&rs::kpiDewPointMarginMin, m_dewMin},
      {&rs::kpiDewPointLowTime, m_dewLowTime},
  };
  std::vector<std::pair<std::string, double>> kpi;
  if (complete) {
    for (const auto& [e, v] : values) {
      m_w.writeKpi(*e, v);
      kpi.emplace_back(e->name(), v);
    }
  }

  std::vector<double> times;
  std::vector<std::string> kinds, comps;
  for (const auto& e : m_plant.events()) {
    times.push_back(e.time);
    kinds.push_back(e.kind);
    comps.push_back(e.component);
  }
  m_w.writeIndex(rs::eventIndex, times.size());
  m_w.write(rs::eventsTime, times, {times.size()}, m_timeUnits);
  m_w.writeStrings(rs::eventsKind, kinds);
  m_w.writeStrings(rs::eventsComponent, comps);

  m_w.attribute(rs::solverSteps, static_cast<double>(st.steps));
  m_w.attribute(rs::solverRhsEvals, static_cast<double>(st.rhsEvals));
  m_w.attribute(rs::solverJacEvals, static_cast<double>(st.jacEvals));
  m_w.attribute(rs::solverLinearSetups, static_cast<double>(st.linearSetups));
  m_w.attribute(rs::solverNonlinearIterations, static_cast<double>(st.nonlinearIterations));
  m_w.attribute(rs::solverErrorTestFailures, static_cast<double>(st.errorTestFailures));
  m_w.attribute(rs::solverRtol, rtol);
  m_w.attribute(rs::solverStates, static_cast<double>(m_plant.size()));
  // Wall times differ from run to run: provenance, apart from the solver statistics.
  m_w.attribute(rs::wallTime, wallTime);
  m_w.attribute(rs::rhsTime, st.rhsSeconds);
  m_w.attribute(rs::jacobianTime, st.jacSeconds);
  m_w.attribute(rs::quadratureTime, st.quadSeconds);
  m_w.attribute(rs::rootTime, st.rootSeconds);
  return kpi;
}

}  // namespace fdtwin::io
