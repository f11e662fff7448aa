// Where each case key goes: one line per key (what the key is: core/SchemaTable.cpp).
#include "run/CaseBindings.hpp"

namespace fdtwin::io {

using P = PlantParams;
using it::ProfileKind;
using it::ProfileParams;

const std::vector<KeyBinding<PlantParams>>& plantBindings() {
  static const std::vector<KeyBinding<PlantParams>> bindings{
      // --- IT load ---------------------------------------------------------------------------
      bindKey("it.halls", &P::it, &ItParams::halls),
      bindKey("it.rows_per_hall", &P::it, &ItParams::rowsPerHall),
      bindKey("it.racks_per_row", &P::it, &ItParams::racksPerRow),
      bindKey("it.rack_power_peak", &P::it, &ItParams::rackPowerPeak),
      bindKey("it.rack_power_idle", &P::it, &ItParams::rackPowerIdle),
      bindKey("it.liquid_fraction", &P::it, &ItParams::liquidFraction),
      bindKey("it.chip_thermal_resistance", &P::it, &ItParams::chipResistance),
      bindKey("it.chip_air_resistance", &P::it, &ItParams::chipAirResistance),
      bindKey("it.chip_heat_capacity", &P::it, &ItParams::chipHeatCapacity),
      bindKey("it.coolant_flow_per_power", &P::it, &ItParams::coolantFlowPerPower),
      bindKey("it.rack_coolant_volume", &P::it, &ItParams::rackCoolantVolume),
      bindKey("it.chip_limit", &P::it, &ItParams::chipLimit),
      bindKey("it.throttle_hysteresis", &P::it, &ItParams::throttleHysteresis),
      bindKey("it.throttle_factor", &P::it, &ItParams::throttleFactor),
      bindKey("it.hall_phase_shift", &P::it, &ItParams::hallPhaseShift),
      bindChoice<ProfileKind>("it.profile",
                              {{"training", ProfileKind::Training},
                               {"inference", ProfileKind::Inference},
                               {"idle", ProfileKind::Idle},
                               {"csv", ProfileKind::Csv}},
                              &P::it, &ItParams::profile, &ProfileParams::kind),
      bindKey("it.utilization", &P::it, &ItParams::profile, &ProfileParams::level),
      bindKey("it.training_period", &P::it, &ItParams::profile, &ProfileParams::period),
      bindKey("it.training_dip_duration", &P::it, &ItParams::profile, &ProfileParams::dipDuration),
      bindKey("it.training_dip_level", &P::it, &ItParams::profile, &ProfileParams::dipLevel),
      bindKey("it.training_ramp", &P::it, &ItParams::profile, &ProfileParams::ramp),
      bindChoice<bool>("it.training_dips", {{"resolved", true}, {"mean", false}}, &P::it, &ItParams::profile,
                       &ProfileParams::dipsResolved),
      bindKey("it.inference_min", &P::it, &ItParams::profile, &ProfileParams::inferenceMin),
      bindKey("it.rack_pressure_drop", &P::it, &ItParams::rackPressureDrop),
      bindKey("it.chip_resistance_spread", &P::it, &ItParams::chipResistanceSpread),
      bindKey("it.power_spread", &P::it, &ItParams::powerSpread),
      bindKey("it.spread_seed", &P::it, &ItParams::spreadSeed),
      // --- liquid and air cooling ------------------------------------------------------------
      bindKey("cooling.facility_supply_setpoint", &P::cooling, &CoolingParams::facilitySupplySetpoint),
      bindKey("cooling.facility_flow", &P::cooling, &CoolingParams::facilityFlow),
      bindKey("cooling.facility_volume", &P::cooling, &CoolingParams::facilityVolume),
      bindKey("cooling.cdu_channels", &P::cooling, &CoolingParams::cduChannels),
      bindKey("cooling.cdu_plate_width", &P::cooling, &CoolingParams::cduPlateWidth),
      bindKey("cooling.cdu_plate_length", &P::cooling, &CoolingParams::cduPlateLength),
      bindKey("cooling.cdu_corrugation_depth", &P::cooling, &CoolingParams::cduCorrugationDepth),
      bindKey("cooling.cdu_chevron_angle", &P::cooling, &CoolingParams::cduChevronAngle),
      bindChoice<cooling::ManifoldKind>("cooling.tcs_manifold",
                                        {{"direct_return", cooling::ManifoldKind::DirectReturn},
                                         {"reverse_return", cooling::ManifoldKind::ReverseReturn},
                                         {"uniform", cooling::ManifoldKind::Uniform}},
                                        &P::cooling, &CoolingParams::tcsManifold),
      bindKey("cooling.tcs_header_diameter", &P::cooling, &CoolingParams::tcsHeaderDiameter),
      bindKey("cooling.tcs_header_friction", &P::cooling, &CoolingParams::tcsHeaderFriction),
      bindKey("cooling.tcs_volume", &P::cooling, &CoolingParams::tcsVolume),
      bindKey("cooling.tcs_pump_head", &P::cooling, &CoolingParams::tcsPumpHead),
      bindKey("cooling.facility_pump_head", &P::cooling, &CoolingParams::facilityPumpHead),
      bindKey("cooling.facility_pump_count", &P::cooling, &CoolingParams::facilityPumpCount),
      bindKey("cooling.facility_pump_spares", &P::cooling, &CoolingParams::facilityPumpSpares),
      bindKey("cooling.tcs_pump_count", &P::cooling, &CoolingParams::tcsPumpCount),
      bindKey("cooling.tcs_pump_spares", &P::cooling, &CoolingParams::tcsPumpSpares),
      bindKey("cooling.pump_efficiency", &P::cooling, &CoolingParams::pumpEfficiency),
      bindKey("cooling.motor_efficiency", &P::cooling, &CoolingParams::motorEfficiency),
      bindKey("cooling.vfd_efficiency", &P::cooling, &CoolingParams::vfdEfficiency),
      bindKey("cooling.hall_heat_capacity", &P::cooling, &CoolingParams::hallHeatCapacity),
      bindKey("cooling.air_flow", &P::cooling, &CoolingParams::airFlow),
      bindKey("cooling.air_coil_effectiveness", &P::cooling, &CoolingParams::airCoilEffectiveness),
      bindKey("cooling.fan_pressure", &P::cooling, &CoolingParams::fanPressure),
      bindKey("cooling.fan_efficiency", &P::cooling, &CoolingParams::fanEfficiency),
      bindKey("chiller.stages", &P::chiller, &ChillerParams::stages),
      bindKey("chiller.stage_capacity", &P::chiller, &ChillerParams::stageCapacity),
      bindKey("chiller.deadband", &P::chiller, &ChillerParams::deadband),
      bindKey("chiller.stage_hysteresis", &P::chiller, &ChillerParams::stageHysteresis),
      bindKey("chiller.min_run_time", &P::chiller, &ChillerParams::minRunTime),
      bindKey("chiller.stage_off_delay", &P::chiller, &ChillerParams::stageOffDelay),
      bindKey("chiller.second_law_efficiency", &P::chiller, &ChillerParams::secondLawEfficiency),
      bindKey("chiller.cop_max", &P::chiller, &ChillerParams::copMax),
      bindKey("chiller.evaporator_approach", &P::chiller, &ChillerParams::evaporatorApproach),
      bindKey("chiller.condenser_approach", &P::chiller, &ChillerParams::condenserApproach),
      bindKey("chiller.condenser_rise", &P::chiller, &ChillerParams::condenserRise),
      bindKey("air.recirculation", &P::air, &AirParams::recirculation),
      bindChoice<cooling::AshraeClass>("air.ashrae_class",
                                       {{"A1", cooling::AshraeClass::A1},
                                        {"A2", cooling::AshraeClass::A2},
                                        {"A3", cooling::AshraeClass::A3},
                                        {"A4", cooling::AshraeClass::A4},
                                        {"H1", cooling::AshraeClass::H1}},
                                       &P::air, &AirParams::ashraeClass),
      bindKey("air.infiltration_ach", &P::air, &AirParams::infiltrationAch),
      bindKey("air.occupants", &P::air, &AirParams::occupants),
      bindKey("air.occupant_moisture", &P::air, &AirParams::occupantMoisture),
      bindKey("air.outside_relative_humidity", &P::air, &AirParams::outsideRelativeHumidity),
      bindKey("air.outside_rh_amplitude", &P::air, &AirParams::outsideRhAmplitude),
      bindKey("air.outside_rh_peak_day", &P::air, &AirParams::outsideRhPeakDay),
      bindKey("air.fill_dew_point", &P::air, &AirParams::fillDewPoint),
      bindKey("air.dew_point_alarm_margin", &P::air, &AirParams::dewPointAlarmMargin),
      // --- seawater system -------------------------------------------------------------------
      bindKey("environment.salinity", &P::seawater, &SeawaterParams::salinity),
      bindKey("seawater.intake_depth", &P::seawater, &SeawaterParams::intakeDepth),
      bindKey("seawater.design_flow", &P::seawater, &SeawaterParams::designFlow),
      bindKey("seawater.min_speed", &P::seawater, &SeawaterParams::minSpeed),
      bindKey("seawater.pump_count", &P::seawater, &SeawaterParams::pumpCount),
      bindKey("seawater.pump_spares", &P::seawater, &SeawaterParams::pumpSpares),
      bindKey("seawater.pump_shutoff_ratio", &P::seawater, &SeawaterParams::pumpShutoffRatio),
      bindKey("seawater.piping_head_loss", &P::seawater, &SeawaterParams::pipingHeadLoss),
      bindKey("seawater.pump_head_static", &P::seawater, &SeawaterParams::pumpHeadStatic),
      bindKey("seawater.hx_units", &P::seawater, &SeawaterParams::hxUnits),
      bindKey("seawater.hx_channels", &P::seawater, &SeawaterParams::hxChannels),
      bindKey("seawater.hx_plate_width", &P::seawater, &SeawaterParams::hxPlateWidth),
      bindKey("seawater.hx_plate_length", &P::seawater, &SeawaterParams::hxPlateLength),
      bindKey("seawater.hx_corrugation_depth", &P::seawater, &SeawaterParams::hxCorrugationDepth),
      bindKey("seawater.hx_enlargement_factor", &P::seawater, &SeawaterParams::hxEnlargement),
      bindKey("seawater.hx_chevron_angle", &P::seawater, &SeawaterParams::hxChevronAngle),
      bindKey("seawater.hx_plate_thickness", &P::seawater, &SeawaterParams::hxPlateThickness),
      bindKey("seawater.hx_fouling_facility", &P::seawater, &SeawaterParams::hxFoulingFacility),
      bindKey("seawater.fouling_resistance_max", &P::seawater, &SeawaterParams::foulingMax),
      bindKey("seawater.fouling_time_constant", &P::seawater, &SeawaterParams::foulingTau),
      bindKey("seawater.cleaning_interval", &P::seawater, &SeawaterParams::cleaningInterval),
      bindKey("seawater.cleaning_duration", &P::seawater, &SeawaterParams::cleaningDuration),
      bindKey("seawater.recirculation", &P::seawater, &SeawaterParams::recirculation),
      bindKey("seawater.discharge_dT_max", &P::seawater, &SeawaterParams::dischargeDTMax),
      bindKey("seawater.controller_gain", &P::seawater, &SeawaterParams::controllerGain),
      bindKey("seawater.controller_integral_time", &P::seawater, &SeawaterParams::controllerIntegralTime),
      // --- hull ------------------------------------------------------------------------------
      bindKey("hull.length", &P::hull, &HullParams::length),
      bindKey("hull.beam", &P::hull, &HullParams::beam),
      bindKey("hull.depth", &P::hull, &HullParams::depth),
      bindKey("hull.draft", &P::hull, &HullParams::draft),
      bindKey("hull.double_bottom", &P::hull, &HullParams::doubleBottom),
      bindKey("hull.panels_length", &P::hull, &HullParams::panelsLength),
      bindKey("hull.panels_beam", &P::hull, &HullParams::panelsBeam),
      bindKey("hull.panels_wet_height", &P::hull, &HullParams::panelsWetHeight),
      bindKey("hull.panels_dry_height", &P::hull, &HullParams::panelsDryHeight),
      bindKey("hull.plate_thickness", &P::hull, &HullParams::plateThickness),
      bindKey("hull.plate_density", &P::hull, &HullParams::plateDensity),
      bindKey("hull.inner_resistance", &P::hull, &HullParams::innerResistance),
      bindKey("hull.inner_h", &P::hull, &HullParams::innerH),
      bindKey("hull.solar_absorptance", &P::hull, &HullParams::solarAbsorptance),
      bindKey("hull.emissivity", &P::hull, &HullParams::emissivity),
      bindChoice<bool>("hull.sea_correlation", {{"flat_plate", false}, {"ittc_colburn", true}}, &P::hull,
                       &HullParams::ittcColburn),
      // --- power plant -----------------------------------------------------------------------
      bindKey("power.hotel_load", &P::hotelLoad),
      bindKey("power.engines.count", &P::engines, &EngineParams::count),
      bindKey("power.engines.rated_power", &P::engines, &EngineParams::ratedPower),
      bindKey("power.engines.efficiency", &P::engines, &EngineParams::efficiency),
      bindKey("power.engines.no_load_fuel_fraction", &P::engines, &EngineParams::noLoadFuelFraction),
      bindKey("power.engines.min_load", &P::engines, &EngineParams::minLoad),
      bindKey("power.engines.startup_time", &P::engines, &EngineParams::startupTime),
      bindKey("power.engines.ramp_rate", &P::engines, &EngineParams::rampRate),
      bindKey("power.engines.governor_time_constant", &P::engines, &EngineParams::governorTau),
      bindKey("power.engines.jacket_heat_fraction", &P::engines, &EngineParams::jacketFraction),
      bindKey("power.engines.start_threshold", &P::engines, &EngineParams::startThreshold),
      bindKey("power.engines.stop_threshold", &P::engines, &EngineParams::stopThreshold),
      bindKey("power.engines.min_run_time", &P::engines, &EngineParams::minRunTime),
      bindChoice<EngineCoolingMode>("power.engine_cooling.mode",
                                    {{"separate", EngineCoolingMode::Separate},
                                     {"seawater_main", EngineCoolingMode::MainSeawater}},
                                    &P::engineCooling, &EngineCoolingParams::mode),
      bindKey("power.engine_cooling.seawater_design_flow", &P::engineCooling, &EngineCoolingParams::designFlow),
      bindKey("power.engine_cooling.min_speed", &P::engineCooling, &EngineCoolingParams::minSpeed),
      bindKey("power.engine_cooling.design_rise", &P::engineCooling, &EngineCoolingParams::designRise),
      bindKey("power.engine_cooling.pump_head_design", &P::engineCooling, &EngineCoolingParams::pumpHeadDesign),
      bindKey("power.engine_cooling.pump_count", &P::engineCooling, &EngineCoolingParams::pumpCount),
      bindKey("power.engine_cooling.pump_spares", &P::engineCooling, &EngineCoolingParams::pumpSpares),
      bindKey("power.engine_cooling.pump_head_static", &P::engineCooling, &EngineCoolingParams::pumpHeadStatic),
      bindKey("power.engine_cooling.recirculation", &P::engineCooling, &EngineCoolingParams::recirculation),
      bindKey("power.engine_cooling.discharge_dT_max", &P::engineCooling, &EngineCoolingParams::dischargeDTMax),
      bindKey("power.engine_cooling.intake_depth", &P::engineCooling, &EngineCoolingParams::intakeDepth),
      bindKey("power.engine_cooling.cooler_ua", &P::engineCooling, &EngineCoolingParams::coolerUa),
      bindKey("power.engine_cooling.lt_flow", &P::engineCooling, &EngineCoolingParams::ltFlow),
      bindKey("power.engine_cooling.lt_setpoint", &P::engineCooling, &EngineCoolingParams::ltSetpoint),
      bindKey("power.engine_cooling.lt_supply_max", &P::engineCooling, &EngineCoolingParams::ltSupplyMax),
      bindKey("power.distribution.capacity_factor", &P::distribution, &DistributionParams::capacityFactor),
      bindKey("power.distribution.transformer_no_load_loss", &P::distribution,
              &DistributionParams::transformerNoLoadLoss),
      bindKey("power.distribution.transformer_load_loss", &P::distribution, &DistributionParams::transformerLoadLoss),
      bindKey("power.distribution.power_factor", &P::distribution, &DistributionParams::powerFactor),
      bindKey("power.distribution.cable_loss", &P::distribution, &DistributionParams::cableLossAtRated),
      bindChoice<UpsKind>("power.distribution.ups",
                          {{"double_conversion", UpsKind::DoubleConversion},
                           {"eco_mode", UpsKind::EcoMode},
                           {"none", UpsKind::None}},
                          &P::distribution, &DistributionParams::ups),
      bindChoice<PowerShelfKind>("power.distribution.power_shelf",
                                 {{"titanium", PowerShelfKind::Titanium},
                                  {"high_efficiency", PowerShelfKind::HighEfficiency}},
                                 &P::distribution, &DistributionParams::powerShelf),
      bindKey("power.fuel.lhv", &P::engines, &EngineParams::fuelLhv),
      bindKey("power.fuel.co2_factor", &P::engines, &EngineParams::co2Factor),
      bindKey("power.battery.capacity", &P::battery, &BatteryParams::capacity),
      bindKey("power.battery.power_max", &P::battery, &BatteryParams::powerMax),
      bindKey("power.battery.round_trip_efficiency", &P::battery, &BatteryParams::roundTrip),
      bindKey("power.battery.soc_min", &P::battery, &BatteryParams::socMin),
      bindKey("power.battery.soc_max", &P::battery, &BatteryParams::socMax),
      bindKey("power.battery.soc_initial", &P::battery, &BatteryParams::socInitial),
      bindKey("power.battery.soc_target", &P::battery, &BatteryParams::socTarget),
      bindKey("power.battery.recharge_time", &P::battery, &BatteryParams::rechargeTime),
      bindKey("power.solar.peak_power", &P::solar, &SolarParams::peakPower),
      bindKey("power.solar.temperature_coefficient", &P::solar, &SolarParams::tempCoefficient),
      bindKey("power.solar.noct", &P::solar, &SolarParams::noct),
      bindKey("power.solar.inverter_efficiency", &P::solar, &SolarParams::inverterEfficiency),
      bindKey("power.shore.import_limit", &P::shoreImportLimit),
  };
  return bindings;
}

const std::vector<KeyBinding<env::SyntheticEnvironmentParameters>>& environmentBindings() {
  using E = env::SyntheticEnvironmentParameters;
  static const std::vector<KeyBinding<E>> bindings{
      bindKey("environment.seed", &E::seed),
      bindKey("environment.current_speed_mean", &E::currentMean),
      bindKey("environment.sst_mean", &E::sstMean),
      bindKey("environment.sst_amplitude", &E::sstAnnualAmplitude),
      bindKey("environment.air_mean", &E::airMean),
      bindKey("environment.air_amplitude", &E::airAnnualAmplitude),
      bindKey("environment.latitude", &E::latitude_deg),
      bindKey("environment.longitude", &E::longitude_deg),
      bindKey("environment.mixed_layer_depth", &E::mldMean),
      bindKey("environment.mixed_layer_amplitude", &E::mldAnnualAmplitude),
      bindKey("environment.deep_temperature", &E::T_deep),
  };
  return bindings;
}

const std::vector<KeyBinding<cfd::CfdParams>>& cfdBindings() {
  using C = cfd::CfdParams;
  using cfd::HullFace;
  using cfd::SeaChest;
  const std::vector<std::pair<std::string, HullFace>> faces{{"stern", HullFace::Stern},
                                                            {"bow", HullFace::Bow},
                                                            {"port", HullFace::Port},
                                                            {"starboard", HullFace::Starboard},
                                                            {"bottom", HullFace::Bottom}};
  static const std::vector<KeyBinding<C>> bindings{
      bindKey("cfd.mesh", &C::mesh),
      bindKey("cfd.solver", &C::solver),
      bindKey("cfd.sea_depth", &C::seaDepth),
      bindKey("cfd.coupling_window", &C::window),
      bindKey("cfd.iterations", &C::iterations),
      bindKey("cfd.initial_iterations", &C::initialIterations),
      bindKey("cfd.ranks", &C::ranks),
      bindKey("cfd.mixing_zone_radius", &C::mixingZoneRadius),
      bindKey("cfd.permit_dT", &C::permitDT),
      bindKey("cfd.plume_threshold", &C::plumeThreshold),
      bindChoice<HullFace>("cfd.outfall.face", faces, &C::outfall, &SeaChest::face),
      bindKey("cfd.outfall.x", &C::outfall, &SeaChest::x),
      bindKey("cfd.outfall.y", &C::outfall, &SeaChest::y),
      bindKey("cfd.outfall.depth", &C::outfall, &SeaChest::depth),
      bindKey("cfd.outfall.size", &C::outfall, &SeaChest::size),
      bindChoice<HullFace>("cfd.intake.face", faces, &C::intake, &SeaChest::face),
      bindKey("cfd.intake.x", &C::intake, &SeaChest::x),
      bindKey("cfd.intake.y", &C::intake, &SeaChest::y),
      bindKey("cfd.intake.depth", &C::intake, &SeaChest::depth),
      bindKey("cfd.intake.size", &C::intake, &SeaChest::size),
  };
  return bindings;
}

const std::vector<std::string>& directlyReadKeys() {
  static const std::vector<std::string> keys{
      "case.duration",         // runCase: end time
      "case.output_interval",  // runCase: output rows
      "case.field_interval",   // runCase: rows of the per-element fields
      "case.output_compression",  // runCase: the result writer's deflate level
      "solver.rtol",           // runCase: CVODES tolerance
      "solver.max_step",       // runCase: CVODES largest step
      "environment.source",    // makeEnvironment: synthetic or CSV
      "environment.wrap",      // makeEnvironment: CSV settings
  };
  return keys;
}

double localDayOfYear(long long epochSeconds, int utcOffsetSeconds) {
  const long long local = epochSeconds + utcOffsetSeconds;
  const long long days = local >= 0 ? local / 86400 : -((-local + 86399) / 86400);
  const CivilDate date = civilFromDays(days);
  const long long jan1 = daysFromCivil({date.year, 1, 1});
  return static_cast<double>(days - jan1) + static_cast<double>(local - days * 86400) / 86400.0;
}

PlantParams defaultPlantParams() {
  PlantParams p{};
  applyDefaults(plantBindings(), p);
  // The local hour at t = 0 of the default case.start, as plantParams() derives it.
  const auto start = parseDateTime(std::get<std::string>(defaultValue(*findKey("case.start"))));
  const long long local = (start->epochSeconds + start->utcOffsetSeconds) % 86400;
  p.it.profile.startHourOfDay = static_cast<double>(local < 0 ? local + 86400 : local) / 3600.0;
  p.air.startDayOfYear = localDayOfYear(start->epochSeconds, start->utcOffsetSeconds);
  return p;
}

env::SyntheticEnvironmentParameters defaultEnvironmentParameters() {
  env::SyntheticEnvironmentParameters p{};  // members without a key keep their initialisers
  applyDefaults(environmentBindings(), p);
  // t = 0 at the default case.start, as makeEnvironment() sets it.
  p.startEpoch_s = static_cast<double>(
      parseDateTime(std::get<std::string>(defaultValue(*findKey("case.start"))))->epochSeconds);
  return p;
}

cfd::CfdParams defaultCfdParams() {
  cfd::CfdParams p{};  // members without a key keep their initialisers
  applyDefaults(cfdBindings(), p);
  const PlantParams plant = defaultPlantParams();
  p.hull = plant.hull;
  p.salinity = plant.seawater.salinity;
  return p;
}

}  // namespace fdtwin::io
