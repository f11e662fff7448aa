#include "run/Recorder.hpp"

#include <algorithm>
#include <cmath>

namespace fdtwin::io {

Recorder::Recorder(ResultWriter& w, Plant& plant, const Provenance& prov, double salinity) : m_w(w), m_plant(plant) {
  w.rootAttribute("schema_version", 1LL);
  w.rootAttribute("case_name", prov.caseName);
  w.rootAttribute("case_toml", prov.caseToml);
  w.rootAttribute("command_line", prov.commandLine);
  w.rootAttribute("start_datetime", prov.startDatetime);

  // Racks and halls.
  const auto& racks = plant.racks().info();
  const size_t nr = racks.size();
  std::vector<std::string> names;
  std::vector<double> pos, size;
  std::vector<int64_t> hall;
  for (const auto& r : racks) {
    names.push_back(r.name);
    hall.push_back(r.hall);
    pos.insert(pos.end(), r.position, r.position + 3);
    size.insert(size.end(), r.size, r.size + 3);
  }
  w.writeStrings("/racks/name", names);
  w.writeInts("/racks/hall", hall, {nr}, "-");
  w.write("/racks/position", pos, {nr, 3}, "m");
  w.write("/racks/size", size, {nr, 3}, "m");
  const size_t nh = static_cast<size_t>(plant.hallCount());
  std::vector<std::string> hallNames;
  std::vector<double> boxes;
  for (size_t h = 0; h < nh; ++h) {
    hallNames.push_back("hall" + std::to_string(h + 1));
    boxes.insert(boxes.end(), plant.hallBoxes()[h].begin(), plant.hallBoxes()[h].end());
  }
  w.writeStrings("/halls/name", hallNames);
  w.write("/halls/box", boxes, {nh, 6}, "m");

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
  w.write("/hull/points", pts, {geom.points().size(), 3}, "m");
  w.writeInts("/hull/cells", cells, {np, 4}, "-");
  w.write("/hull/area", area, {np}, "m2");
  w.writeInts("/hull/group", group, {np}, "-");
  w.writeStrings("/hull/group_names", hull::panelGroupNames());
  w.groupAttribute("/hull", "draft", plant.params().hull.draft);
  w.groupAttribute("/cooling", "salinity", salinity);

  // Generators and balance names.
  std::vector<std::string> gens;
  for (int k = 0; k < plant.engines().count(); ++k) gens.push_back("engine " + std::to_string(k + 1));
  gens.push_back("solar");
  gens.push_back("shore");
  w.writeStrings("/power/generator_name", gens);
  const auto& ledger = plant.ledger();
  w.writeStrings("/balance/source_names", ledger.names(network::LedgerKind::Source));
  w.writeStrings("/balance/sink_names", ledger.names(network::LedgerKind::Sink));

  const auto ns = static_cast<size_t>(ledger.count(network::LedgerKind::Source));
  const auto nk = static_cast<size_t>(ledger.count(network::LedgerKind::Sink));
  h_time = w.series("/time", 0, "s");
  h_Tchip = w.series("/racks/T_chip", nr, "K");
  h_Tout = w.series("/racks/T_coolant_out", nr, "K");
  h_Pit = w.series("/racks/P_it", nr, "W");
  h_Tair = w.series("/halls/T_air", nh, "K");
  h_Tamb = w.series("/cooling/T_sea_ambient", 0, "K");
  h_Tin = w.series("/cooling/T_intake", 0, "K");
  h_Tdis = w.series("/cooling/T_discharge", 0, "K");
  h_dT = w.series("/cooling/discharge_dT", 0, "K");
  h_mdot = w.series("/cooling/m_dot_seawater", 0, "kg/s");
  h_Qsw = w.series("/cooling/Q_seawater", 0, "W");
  h_Ppumps = w.series("/cooling/P_pumps", 0, "W");
  h_speed = w.series("/cooling/pump_speed", 0, "1");
  h_Tfs = w.series("/cooling/T_facility_supply", 0, "K");
  h_Tfr = w.series("/cooling/T_facility_return", 0, "K");
  h_Rf = w.series("/cooling/fouling_resistance", 0, "m2K/W");
  h_hullT = w.series("/hull/T", np, "K");
  h_PitTot = w.series("/power/P_it", 0, "W");
  h_Pcool = w.series("/power/P_cooling", 0, "W");
  h_Photel = w.series("/power/P_hotel", 0, "W");
  h_Pfac = w.series("/power/P_facility", 0, "W");
  h_Pdem = w.series("/power/P_demand", 0, "W");
  h_Punserved = w.series("/power/P_unserved", 0, "W");
  h_Pdumped = w.series("/power/P_dumped", 0, "W");
  h_Pgen = w.series("/power/P_generation", gens.size(), "W");
  h_Pbat = w.series("/power/P_battery", 0, "W");
  h_soc = w.series("/power/battery_soc", 0, "1");
  h_online = w.series("/power/engines_online", 0, "1");
  h_fuel = w.series("/power/fuel_rate", 0, "kg/s");
  h_co2 = w.series("/power/CO2_rate", 0, "kg/s");
  h_envSst = w.series("/environment/T_sea_surface", 0, "K");
  h_envAir = w.series("/environment/T_air", 0, "K");
  h_envG = w.series("/environment/G_solar", 0, "W/m2");
  h_envWind = w.series("/environment/wind_speed", 0, "m/s");
  h_envCurrent = w.series("/environment/current_speed", 0, "m/s");
  h_src = w.series("/balance/sources", ns, "W");
  h_snk = w.series("/balance/sinks", nk, "W");
  h_srcE = w.series("/balance/source_energy", ns, "J");
  h_snkE = w.series("/balance/sink_energy", nk, "J");
  h_Estored = w.series("/balance/E_stored", 0, "J");
}

void Recorder::record(double t, const double* y, const std::vector<double>& quad) {
  Plant& p = m_plant;
  p.evaluate(t, y, nullptr, m_sig);
  const auto& s = m_sig;
  const auto& racks = p.racks();
  const int nr = racks.count();
  m_w.append(h_time, t);
  m_row.resize(static_cast<size_t>(std::max({nr, p.hull().count(), p.hallCount(), 16})));
  for (int i = 0; i < nr; ++i) {
    m_row[static_cast<size_t>(i)] = y[racks.chipIndex(i)];
    m_chipMax = std::max(m_chipMax, y[racks.chipIndex(i)]);
  }
  m_w.append(h_Tchip, m_row.data());
  for (int i = 0; i < nr; ++i) m_row[static_cast<size_t>(i)] = y[racks.outletIndex(i)];
  m_w.append(h_Tout, m_row.data());
  for (int i = 0; i < nr; ++i) {
    const auto h = static_cast<size_t>(racks.info()[static_cast<size_t>(i)].hall);
    m_row[static_cast<size_t>(i)] = s.servedShare * racks.demand(i, s.utilization[h], y[racks.chipIndex(i)]);
  }
  m_w.append(h_Pit, m_row.data());
  for (int h = 0; h < p.hallCount(); ++h) m_row[static_cast<size_t>(h)] = y[p.hallAirIndex(h)];
  m_w.append(h_Tair, m_row.data());
  m_w.append(h_Tamb, s.T_seaIntakeAmbient);
  m_w.append(h_Tin, s.sw.T_in);
  m_w.append(h_Tdis, s.sw.T_dis);
  m_w.append(h_dT, s.sw.dT);
  m_dTMax = std::max(m_dTMax, s.sw.dT);
  m_w.append(h_mdot, s.sw.mdot);
  m_w.append(h_Qsw, s.sw.Q_seawater);
  m_w.append(h_Ppumps, s.P_pumps);
  m_w.append(h_speed, s.sw.speed);
  m_w.append(h_Tfs, y[p.facilitySupplyIndex()]);
  m_w.append(h_Tfr, y[p.facilityReturnIndex()]);
  m_w.append(h_Rf, s.sw.foulingR);
  for (int i = 0; i < p.hull().count(); ++i) m_row[static_cast<size_t>(i)] = y[p.hull().stateIndex(i)];
  m_w.append(h_hullT, m_row.data());
  m_w.append(h_PitTot, s.P_itServed);
  m_w.append(h_Pcool, s.P_cooling);
  m_w.append(h_Photel, s.P_hotelServed);
  m_w.append(h_Pfac, s.P_facility);
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
}

std::vector<std::pair<std::string, double>> Recorder::finish(const integrate::IntegratorStats& st, double wallTime,
                                                             double rtol, bool complete) {
  const auto& ledger = m_plant.ledger();
  const auto ns = static_cast<size_t>(ledger.count(network::LedgerKind::Source));
  const auto nk = static_cast<size_t>(ledger.count(network::LedgerKind::Sink));
  const double* x = m_lastQuad.data() + ns + nk;
  const double eIt = x[Plant::kE_it], eFac = x[Plant::kE_facility];
  // Heat to the sea: the sinks that end in it (seawater discharge, engine jacket heat,
  // hull-to-sea convection).
  double heatToSea = 0.0;
  size_t sink = 0;
  for (const auto& term : ledger.terms()) {
    if (term.kind != network::LedgerKind::Sink) continue;
    if (term.toSea) heatToSea += m_lastQuad[ns + sink];
    ++sink;
  }
  int throttles = 0;
  for (const auto& e : m_plant.events()) throttles += e.kind == "throttle_on" ? 1 : 0;
  std::vector<std::pair<std::string, double>> kpi = {
      {"PUE", eIt > 0 ? eFac / eIt : 0.0},
      {"fuel_to_it_efficiency", x[Plant::kE_fuel] > 0 ? eIt / x[Plant::kE_fuel] : 0.0},
      {"T_chip_max", m_chipMax},
      {"discharge_dT_max", m_dTMax},
      {"fuel_total", x[Plant::kFuelMass]},
      {"CO2_total", x[Plant::kCO2Mass]},
      {"E_it", eIt},
      {"E_facility", eFac},
      {"E_unserved", x[Plant::kE_unserved]},
      {"heat_to_sea", heatToSea},
      {"throttle_events", static_cast<double>(throttles)},
      {"energy_balance_residual", m_residual},
  };
  std::string units;
  const std::pair<const char*, const char*> unitOf[] = {
      {"PUE", "1"},        {"fuel_to_it_efficiency", "1"}, {"T_chip_max", "K"}, {"discharge_dT_max", "K"},
      {"fuel_total", "kg"}, {"CO2_total", "kg"},           {"E_it", "J"},       {"E_facility", "J"},
      {"E_unserved", "J"}, {"heat_to_sea", "J"},           {"throttle_events", "1"},
      {"energy_balance_residual", "1"}};
  for (const auto& [k, u] : unitOf) units += std::string(k) + "=" + u + ";";
  if (complete) {
    for (const auto& [k, v] : kpi) m_w.groupAttribute("/kpi", k, v);
    m_w.groupAttribute("/kpi", "units", units);
  } else {
    kpi.clear();
  }

  std::vector<double> times;
  std::vector<std::string> kinds, comps;
  for (const auto& e : m_plant.events()) {
    times.push_back(e.time);
    kinds.push_back(e.kind);
    comps.push_back(e.component);
  }
  m_w.write("/events/time", times, {times.size()}, "s");
  m_w.writeStrings("/events/kind", kinds);
  m_w.writeStrings("/events/component", comps);

  m_w.groupAttribute("/solver", "steps", static_cast<double>(st.steps));
  m_w.groupAttribute("/solver", "rhs_evals", static_cast<double>(st.rhsEvals));
  m_w.groupAttribute("/solver", "jac_evals", static_cast<double>(st.jacEvals));
  m_w.groupAttribute("/solver", "linear_setups", static_cast<double>(st.linearSetups));
  m_w.groupAttribute("/solver", "nonlinear_iterations", static_cast<double>(st.nonlinearIterations));
  m_w.groupAttribute("/solver", "error_test_failures", static_cast<double>(st.errorTestFailures));
  m_w.groupAttribute("/solver", "wall_time", wallTime);
  m_w.groupAttribute("/solver", "rhs_time", st.rhsSeconds);
  m_w.groupAttribute("/solver", "jacobian_time", st.jacSeconds);
  m_w.groupAttribute("/solver", "quadrature_time", st.quadSeconds);
  m_w.groupAttribute("/solver", "root_time", st.rootSeconds);
  m_w.groupAttribute("/solver", "rtol", rtol);
  m_w.groupAttribute("/solver", "states", static_cast<double>(m_plant.size()));
  return kpi;
}

}  // namespace fdtwin::io
