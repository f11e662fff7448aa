#include "run/PlantFromCase.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <fstream>
#include <sstream>

#include "core/Error.hpp"

namespace fdtwin::io {

namespace {
std::vector<std::pair<double, double>> readProfileCsv(const std::string& path) {
  std::ifstream in(path);
  if (!in) throw InputError(path, 0, "it.profile_file", "cannot read the utilization CSV");
  std::vector<std::pair<double, double>> rows;
  std::string line;
  int lineNo = 0;
  bool header = false;
  while (std::getline(in, line)) {
    ++lineNo;
    if (line.empty() || line[0] == '#') continue;
    if (!header) {
      if (line.rfind("time_s,utilization", 0) != 0) {
        throw InputError(path, lineNo, "header", "expected the header 'time_s,utilization'");
      }
      header = true;
      continue;
    }
    const auto comma = line.find(',');
    double t = 0, u = 0;
    const char* b = line.data();
    const auto r1 = std::from_chars(b, b + (comma == std::string::npos ? line.size() : comma), t);
    const auto r2 = comma == std::string::npos ? std::from_chars_result{nullptr, std::errc::invalid_argument}
                                               : std::from_chars(b + comma + 1, b + line.size(), u);
    if (r1.ec != std::errc() || r2.ec != std::errc() || !std::isfinite(t) || !std::isfinite(u)) {
      throw InputError(path, lineNo, comma == std::string::npos || r1.ec != std::errc() ? "time_s" : "utilization",
                       "expected two numbers 'time_s,utilization'");
    }
    if (u < 0.0 || u > 1.0) throw InputError(path, lineNo, "utilization", "must be within 0 … 1");
    if (!rows.empty() && t <= rows.back().first) throw InputError(path, lineNo, "time_s", "time must increase");
    rows.emplace_back(t, u);
  }
  if (rows.size() < 2) throw InputError(path, lineNo, "", "a utilization CSV needs at least two rows");
  return rows;
}
}  // namespace

double startSecondOfDay(const Case& c) {
  const std::string& s = c.string("case.start");  // YYYY-MM-DDThh:mm:ss...
  if (s.size() >= 19 && s[10] == 'T') {
    return std::stoi(s.substr(11, 2)) * 3600.0 + std::stoi(s.substr(14, 2)) * 60.0 + std::stoi(s.substr(17, 2));
  }
  return 0.0;
}

PlantParams plantParams(const Case& c) {
  PlantParams p;
  auto& it = p.it;
  it.halls = static_cast<int>(c.integer("it.halls"));
  it.rowsPerHall = static_cast<int>(c.integer("it.rows_per_hall"));
  it.racksPerRow = static_cast<int>(c.integer("it.racks_per_row"));
  it.rackPowerPeak = c.real("it.rack_power_peak");
  it.rackPowerIdle = c.real("it.rack_power_idle");
  it.liquidFraction = c.real("it.liquid_fraction");
  it.chipResistance = c.real("it.chip_thermal_resistance");
  it.chipHeatCapacity = c.real("it.chip_heat_capacity");
  it.coolantFlowPerPower = c.real("it.coolant_flow_per_power");
  it.rackCoolantVolume = c.real("it.rack_coolant_volume");
  it.chipLimit = c.real("it.chip_limit");
  it.throttleHysteresis = c.real("it.throttle_hysteresis");
  it.throttleFactor = c.real("it.throttle_factor");
  it.hallPhaseShift = c.real("it.hall_phase_shift");
  auto& pr = it.profile;
  const std::string kind = c.string("it.profile");
  pr.kind = kind == "training"    ? it::ProfileKind::Training
            : kind == "inference" ? it::ProfileKind::Inference
            : kind == "idle"      ? it::ProfileKind::Idle
                                  : it::ProfileKind::Csv;
  pr.level = c.real("it.utilization");
  pr.period = c.real("it.training_period");
  pr.dipDuration = c.real("it.training_dip_duration");
  pr.dipLevel = c.real("it.training_dip_level");
  pr.ramp = c.real("it.training_ramp");
  pr.dipsResolved = c.string("it.training_dips") == "resolved";
  pr.inferenceMin = c.real("it.inference_min");
  pr.startHourOfDay = startSecondOfDay(c) / 3600.0;
  if (pr.kind == it::ProfileKind::Csv) {
    for (const auto& [t, u] : readProfileCsv(c.string("it.profile_file"))) {
      pr.csvTime.push_back(t);
      pr.csvValue.push_back(u);
    }
  }

  auto& co = p.cooling;
  co.facilitySupplySetpoint = c.real("cooling.facility_supply_setpoint");
  co.facilityFlow = c.real("cooling.facility_flow");
  co.facilityVolume = c.real("cooling.facility_volume");
  co.cduUA = c.real("cooling.cdu_ua");
  co.tcsVolume = c.real("cooling.tcs_volume");
  co.tcsPumpHead = c.real("cooling.tcs_pump_head");
  co.facilityPumpHead = c.real("cooling.facility_pump_head");
  co.pumpEfficiency = c.real("cooling.pump_efficiency");
  co.motorEfficiency = c.real("cooling.motor_efficiency");
  co.vfdEfficiency = c.real("cooling.vfd_efficiency");
  co.hallHeatCapacity = c.real("cooling.hall_heat_capacity");
  co.airFlow = c.real("cooling.air_flow");
  co.airCoilEffectiveness = c.real("cooling.air_coil_effectiveness");
  co.fanPressure = c.real("cooling.fan_pressure");
  co.fanEfficiency = c.real("cooling.fan_efficiency");

  auto& sw = p.seawater;
  sw.salinity = c.real("environment.salinity");
  sw.intakeDepth = c.real("seawater.intake_depth");
  sw.designFlow = c.real("seawater.design_flow");
  sw.minSpeed = c.real("seawater.min_speed");
  sw.pumpHeadDesign = c.real("seawater.pump_head_design");
  sw.pumpHeadStatic = c.real("seawater.pump_head_static");
  sw.hxArea = c.real("seawater.hx_area");
  sw.hxUClean = c.real("seawater.hx_u_clean");
  sw.foulingMax = c.real("seawater.fouling_resistance_max");
  sw.foulingTau = c.real("seawater.fouling_time_constant");
  sw.cleaningInterval = c.real("seawater.cleaning_interval");
  sw.cleaningDuration = c.real("seawater.cleaning_duration");
  sw.recirculation = c.real("seawater.recirculation");
  sw.dischargeDTMax = c.real("seawater.discharge_dT_max");
  sw.controllerGain = c.real("seawater.controller_gain");
  sw.controllerIntegralTime = c.real("seawater.controller_integral_time");

  auto& h = p.hull;
  h.length = c.real("hull.length");
  h.beam = c.real("hull.beam");
  h.depth = c.real("hull.depth");
  h.draft = c.real("hull.draft");
  h.doubleBottom = c.real("hull.double_bottom");
  h.panelsLength = static_cast<int>(c.integer("hull.panels_length"));
  h.panelsBeam = static_cast<int>(c.integer("hull.panels_beam"));
  h.panelsWetHeight = static_cast<int>(c.integer("hull.panels_wet_height"));
  h.panelsDryHeight = static_cast<int>(c.integer("hull.panels_dry_height"));
  h.plateThickness = c.real("hull.plate_thickness");
  h.innerResistance = c.real("hull.inner_resistance");
  h.innerH = c.real("hull.inner_h");
  h.solarAbsorptance = c.real("hull.solar_absorptance");
  h.emissivity = c.real("hull.emissivity");
  h.ittcColburn = c.string("hull.sea_correlation") == "ittc_colburn";

  auto& e = p.engines;
  e.count = static_cast<int>(c.integer("power.engines.count"));
  e.ratedPower = c.real("power.engines.rated_power");
  e.efficiency = c.real("power.engines.efficiency");
  e.noLoadFuelFraction = c.real("power.engines.no_load_fuel_fraction");
  e.minLoad = c.real("power.engines.min_load");
  e.startupTime = c.real("power.engines.startup_time");
  e.rampRate = c.real("power.engines.ramp_rate");
  e.governorTau = c.real("power.engines.governor_time_constant");
  e.jacketFraction = c.real("power.engines.jacket_heat_fraction");
  e.startThreshold = c.real("power.engines.start_threshold");
  e.stopThreshold = c.real("power.engines.stop_threshold");
  e.minRunTime = c.real("power.engines.min_run_time");
  e.fuelLhv = c.real("power.fuel.lhv");
  e.co2Factor = c.real("power.fuel.co2_factor");

  auto& b = p.battery;
  b.capacity = c.real("power.battery.capacity");
  b.powerMax = c.real("power.battery.power_max");
  b.roundTrip = c.real("power.battery.round_trip_efficiency");
  b.socMin = c.real("power.battery.soc_min");
  b.socMax = c.real("power.battery.soc_max");
  b.socInitial = c.real("power.battery.soc_initial");
  b.socTarget = c.real("power.battery.soc_target");
  b.rechargeTime = c.real("power.battery.recharge_time");

  auto& s = p.solar;
  s.peakPower = c.real("power.solar.peak_power");
  s.tempCoefficient = c.real("power.solar.temperature_coefficient");
  s.noct = c.real("power.solar.noct");
  s.inverterEfficiency = c.real("power.solar.inverter_efficiency");
  p.hotelLoad = c.real("power.hotel_load");
  p.shoreImportLimit = c.real("power.shore.import_limit");
  return p;
}

}  // namespace fdtwin::io

namespace fdtwin::io {

std::shared_ptr<const env::Environment> makeEnvironment(const Case& c) {
  if (c.string("environment.source") == "csv") {
    env::CsvEnvironmentSettings settings;
    settings.wrap = c.boolean("environment.wrap");
    return std::make_shared<env::CsvEnvironment>(c.string("environment.file"), settings);
  }
  env::SyntheticEnvironmentParameters p;
  p.seed = static_cast<std::uint64_t>(c.integer("environment.seed"));
  p.currentMean = c.real("environment.current_speed_mean");
  p.currentM2Amplitude = std::min(p.currentM2Amplitude, p.currentMean);
  p.sstMean = c.real("environment.sst_mean");
  p.sstAnnualAmplitude = c.real("environment.sst_amplitude");
  p.airMean = c.real("environment.air_mean");
  p.airAnnualAmplitude = c.real("environment.air_amplitude");
  p.latitude_deg = c.real("environment.latitude");
  p.mldMean = c.real("environment.mixed_layer_depth");
  p.mldAnnualAmplitude = std::min(c.real("environment.mixed_layer_amplitude"), p.mldMean);
  p.T_deep = c.real("environment.deep_temperature");
  return std::make_shared<env::SyntheticEnvironment>(p);
}

}  // namespace fdtwin::io
