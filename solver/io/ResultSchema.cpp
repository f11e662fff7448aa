#include "io/ResultSchema.hpp"

#include <algorithm>
#include <nlohmann/json.hpp>

#include <fmt/format.h>

namespace fdtwin::results {

std::string Entry::object() const {
  const auto at = path.find('@');
  if (at == std::string::npos) return path;
  return at == 1 ? "/" : path.substr(0, at);
}

std::string Entry::name() const {
  const auto at = path.find('@');
  if (at != std::string::npos) return path.substr(at + 1);
  return path.substr(path.rfind('/') + 1);
}

bool Entry::isScale() const { return !isAttribute() && dims.size() == 1 && dims.front() == name(); }

namespace {
using Dims = std::vector<std::string>;

Entry series(const char* path, const char* units, const char* longName, Dims dims, const char* description) {
  return {path, Kind::Series, Type::Real, units, longName, std::move(dims), description, "", false, false};
}
Entry real(const char* path, const char* units, const char* longName, Dims dims, const char* description) {
  return {path, Kind::Static, Type::Real, units, longName, std::move(dims), description, "", false, false};
}
Entry integers(const char* path, const char* longName, Dims dims, const char* description) {
  return {path, Kind::Static, Type::Integer, "1", longName, std::move(dims), description, "", false, false};
}
// The index dataset of dimension `dim`, in group `group` ("" for the root): 0, 1, ... n-1.
Entry index(const std::string& group, const std::string& dim, const char* longName) {
  return {group + "/" + dim,
          Kind::Static,
          Type::Integer,
          "1",
          longName,
          {dim},
          "0-based index (dimension scale)",
          "",
          false,
          false};
}
Entry text(const char* path, const char* longName, Dims dims, const char* description) {
  return {path, Kind::Static, Type::Text, "", longName, std::move(dims), description, "", false, false};
}
Entry attribute(const char* path, Type type, const char* units, const char* longName,
                const char* description) {
  return {path, Kind::Attribute, type, units, longName, {}, description, "", false, false};
}
Entry kpi(const char* name, const char* units, const char* longName, const char* formula) {
  return {std::string("/kpi/") + name,
          Kind::Kpi,
          Type::Real,
          units,
          longName,
          {},
          longName,
          formula,
          false,
          false};
}
Entry provenance(Entry e) {
  e.provenance = true;
  return e;
}
Entry optional(Entry e) {
  e.optional = true;
  return e;
}
// A checkpoint item: it differs between an interrupted run and one that was not (provenance,
// left out of comparisons), and only runs that were interrupted or asked for it have one.
Entry checkpoint(Entry e) { return optional(provenance(std::move(e))); }
}  // namespace

// clang-format off
// --- root ---------------------------------------------------------------------------------
const Entry schemaVersion = attribute("/@schema_version", Type::Integer, "1", "schema version", "version of this schema (3)");
const Entry caseName = attribute("/@case_name", Type::Text, "", "case name", "`case.name` of the case");
const Entry caseToml = attribute("/@case_toml", Type::Text, "", "case text", "the full effective case (after `extends` and `--set`), as TOML");
const Entry startDatetime = attribute("/@start_datetime", Type::Text, "", "start date-time", "ISO 8601 simulated date and time of t = 0 (with UTC offset)");
const Entry status = attribute("/@status", Type::Text, "", "run status", "`complete`; `failed` for a run that stopped part-way on an error, `interrupted` for one stopped by SIGINT or SIGTERM (Ctrl-C, a batch time limit); those keep their rows and have no `/kpi`");
const Entry failure = optional(attribute("/@failure", Type::Text, "", "failure", "only when `status` is `failed` or `interrupted`: the simulated time, the place and the error, or the signal"));

// --- provenance ---------------------------------------------------------------------------
const Entry fdtwinVersion = provenance(attribute("/provenance@fdtwin_version", Type::Text, "", "program version", "version of the program that wrote the file"));
const Entry createdUtc = provenance(attribute("/provenance@created_utc", Type::Text, "", "creation time", "ISO 8601 creation time, UTC"));
const Entry commandLine = provenance(attribute("/provenance@command_line", Type::Text, "", "command line", "the command that produced the file"));
const Entry wallTime = provenance(attribute("/provenance@wall_time", Type::Real, "s", "wall time", "wall time of the run"));
const Entry rhsTime = provenance(attribute("/provenance@rhs_time", Type::Real, "s", "right-hand side time", "wall time in the model's right-hand side"));
const Entry jacobianTime = provenance(attribute("/provenance@jacobian_time", Type::Real, "s", "Jacobian time", "wall time in the model's Jacobian"));
const Entry quadratureTime = provenance(attribute("/provenance@quadrature_time", Type::Real, "s", "quadrature time", "wall time in the quadrature (ledger) callbacks"));
const Entry rootTime = provenance(attribute("/provenance@root_time", Type::Real, "s", "root function time", "wall time in the event (root) functions; the rest of `wall_time` is solver overhead and I/O"));

// --- shared dimensions --------------------------------------------------------------------
const Entry time = series("/time", "seconds since START", "time", {"time"}, "simulated time since `start_datetime`; `units` is `seconds since <start_datetime>` (the case start, with its UTC offset)");
const Entry fieldTime = series("/field_time", "seconds since START", "time of the field rows", {"field_time"}, "the output times at which the per-element fields (`/hull/T`, `/racks/T_chip`, `/racks/T_coolant_out`, `/racks/P_it`) are stored: every `case.field_interval` (a whole number of output intervals) and the last row; same `units` and `calendar` as `/time`. Files of schema version 1 and 2 store those fields at every `/time` row");
const Entry fieldTimeCalendar = attribute("/field_time@calendar", Type::Text, "", "calendar", "`standard` (CF), as `/time@calendar`");
const Entry timeCalendar = attribute("/time@calendar", Type::Text, "", "calendar", "`standard` (CF): with `units`, lets xarray and cftime decode date-times");
const Entry xyz = text("/xyz", "coordinate axis", {"xyz"}, "`x`, `y`, `z` (dimension scale of the coordinate axis)");

// --- racks and halls ----------------------------------------------------------------------
const Entry rackIndex = index("/racks", "rack", "rack index");
const Entry racksName = text("/racks/name", "rack name", {"rack"}, "rack names (`hall1-r01-03`: hall, row, position)");
const Entry racksHall = integers("/racks/hall", "hall index of the rack", {"rack"}, "hall index of each rack (into `/halls/hall`)");
const Entry racksPosition = real("/racks/position", "m", "rack centre", {"rack", "xyz"}, "rack centre (x forward from the stern, y to port from the centre line, z up from the keel)");
const Entry racksSize = real("/racks/size", "m", "rack extent", {"rack", "xyz"}, "rack extent along x, y, z");
const Entry racksMDotCoolant = real("/racks/m_dot_coolant", "kg/s", "rack coolant flow", {"rack"}, "coolant flow through each rack: its row's flow split by the row's supply/return headers (`cooling.tcs_manifold`)");
const Entry racksJob = integers("/racks/job", "job index of the rack", {"rack"}, "index of the rack's job in the order of `it.jobs` (one job per hall when `it.jobs` is empty)");
const Entry racksTChip = series("/racks/T_chip", "K", "chip temperature", {"field_time", "rack"}, "chip / cold-plate temperature");
const Entry racksTCoolantOut = series("/racks/T_coolant_out", "K", "rack coolant outlet temperature", {"field_time", "rack"}, "rack coolant outlet temperature");
const Entry racksPIt = series("/racks/P_it", "W", "rack electrical power", {"field_time", "rack"}, "electrical power drawn by each rack (after throttling and shedding)");
const Entry racksTChipMax = series("/racks/T_chip_max", "K", "hottest chip temperature", {"time"}, "the largest `/racks/T_chip` of all racks at each output time (at every row, also between field rows)");
const Entry hallIndex = index("/halls", "hall", "hall index");
const Entry hallBound = text("/halls/bound", "box bound", {"bound"}, "`xmin`, `ymin`, `zmin`, `xmax`, `ymax`, `zmax` (dimension scale)");
const Entry hallsName = text("/halls/name", "hall name", {"hall"}, "hall names");
const Entry hallsBox = real("/halls/box", "m", "hall bounding box", {"hall", "bound"}, "xmin, ymin, zmin, xmax, ymax, zmax of each hall");
const Entry hallsTAir = series("/halls/T_air", "K", "hall air temperature", {"time", "hall"}, "hall air temperature");
const Entry rowIndex = index("/rows", "row", "rack row index");
const Entry rowsName = text("/rows/name", "rack row name", {"row"}, "rack rows (`hall1-r01`: hall, row), hall by hall");
const Entry rowsHall = integers("/rows/hall", "hall index of the row", {"row"}, "hall index of each rack row (into `/halls/hall`)");
const Entry rowsAshraeClass = attribute("/rows@ashrae_class", Type::Text, "", "ASHRAE inlet class", "`air.ashrae_class`: the class whose envelopes the inlet KPIs and events check");
const Entry rowsTInlet = series("/rows/T_inlet", "K", "server inlet air temperature", {"time", "row"}, "cold-aisle air the row's servers draw: coil-leaving air plus the row's recirculated exhaust (`air.recirculation`)");
const Entry rowsTExhaust = series("/rows/T_exhaust", "K", "server exhaust air temperature", {"time", "row"}, "the row's hot-aisle air: coil-leaving air + row heat to air / the row's share of the coil air flow");
const Entry hallsHumidityRatio = series("/halls/humidity_ratio", "1", "hall humidity ratio", {"time", "hall"}, "water vapour per dry air of the hall, kg/kg (state)");
const Entry hallsRelativeHumidity = series("/halls/relative_humidity", "1", "hall relative humidity", {"time", "hall"}, "relative humidity of the hall air at `/halls/T_air`");
const Entry hallsTDewPoint = series("/halls/T_dew_point", "K", "hall dew point", {"time", "hall"}, "dew point of the hall air (ASHRAE Hyland-Wexler)");
const Entry hallsDewPointMargin = series("/halls/dew_point_margin", "K", "dew-point margin", {"time", "hall"}, "coldest liquid surface (CDU supply to the cold plates, facility supply to the coils) − hall dew point");
const Entry hallsMCondensate = series("/halls/m_condensate", "kg/s", "condensate on the coils", {"time", "hall"}, "water vapour condensing on the hall's coils (bypass-factor model)");

// --- cooling ------------------------------------------------------------------------------
const Entry coolingSalinity = attribute("/cooling@salinity", Type::Real, "g/kg", "seawater salinity", "absolute salinity of the seawater used for its properties");
const Entry coolingTSeaAmbient = series("/cooling/T_sea_ambient", "K", "sea temperature at intake depth", {"time"}, "undisturbed sea temperature at intake depth");
const Entry coolingTIntake = series("/cooling/T_intake", "K", "seawater intake temperature", {"time"}, "seawater temperature entering the pumps (after recirculation)");
const Entry coolingTDischarge = series("/cooling/T_discharge", "K", "seawater discharge temperature", {"time"}, "seawater temperature at the outfall");
const Entry coolingDischargeDT = series("/cooling/discharge_dT", "K", "discharge temperature rise", {"time"}, "T_discharge − T_intake");
const Entry coolingRiseAboveAmbient = series("/cooling/rise_above_ambient", "K", "outfall rise above ambient sea", {"time"}, "T_discharge − T_sea_ambient: the rise a discharge permit limits (recirculation included)");
const Entry coolingMDotSeawater = series("/cooling/m_dot_seawater", "kg/s", "seawater mass flow", {"time"}, "seawater mass flow");
const Entry coolingQSeawater = series("/cooling/Q_seawater", "W", "heat to the seawater flow", {"time"}, "heat carried away by the seawater flow, ṁ·cp·(T_discharge − T_intake)");
const Entry coolingPPumps = series("/cooling/P_pumps", "W", "pump electrical power", {"time"}, "electrical power of all cooling pumps (seawater, facility, CDU)");
const Entry coolingPumpSpeed = series("/cooling/pump_speed", "1", "seawater pump speed", {"time"}, "seawater pump speed, fraction of design");
const Entry coolingTFacilitySupply = series("/cooling/T_facility_supply", "K", "facility water supply temperature", {"time"}, "facility water supply temperature");
const Entry coolingTFacilityReturn = series("/cooling/T_facility_return", "K", "facility water return temperature", {"time"}, "facility water return temperature");
const Entry coolingFoulingResistance = series("/cooling/fouling_resistance", "m2 K/W", "fouling resistance", {"time"}, "seawater-side fouling resistance of the plate heat exchangers");
const Entry coolingPSeawaterPumps = series("/cooling/P_seawater_pumps", "W", "seawater pump electrical power", {"time"}, "drive input of the running seawater pumps (pump curve on the system curve, motor and drive part-load losses)");
const Entry coolingUaSeawaterHx = series("/cooling/UA_seawater_hx", "W/K", "plate bank conductance", {"time"}, "UA of the seawater plate exchangers at the current flows (Martin 1996), fouling included");
const Entry coolingSeawaterPumpCount = attribute("/cooling@seawater_pump_count", Type::Real, "1", "seawater pumps running", "seawater pumps in service (identical, one speed)");
const Entry coolingSeawaterPumpSpares = attribute("/cooling@seawater_pump_spares", Type::Real, "1", "seawater pumps standing by", "standby seawater pumps (no flow or power in normal operation)");

// --- engine cooling -----------------------------------------------------------------------
const Entry engineCoolingQ = series("/engine_cooling/Q_engines", "W", "engine cooling-water heat", {"time"}, "heat from the engines into their HT and LT cooling water, rejected to seawater in the central coolers");
const Entry engineCoolingTSeaAmbient = series("/engine_cooling/T_sea_ambient", "K", "sea temperature at the engine-room sea chest", {"time"}, "undisturbed sea temperature at the engine-room intake depth");
const Entry engineCoolingTIntake = series("/engine_cooling/T_intake", "K", "seawater into the central coolers", {"time"}, "seawater temperature entering the central coolers");
const Entry engineCoolingTDischarge = series("/engine_cooling/T_discharge", "K", "engine-room outfall temperature", {"time"}, "seawater temperature at the engine-room outfall (mode `seawater_main`: the main outfall's)");
const Entry engineCoolingRise = series("/engine_cooling/rise_above_ambient", "K", "engine-room outfall rise above ambient sea", {"time"}, "T_discharge − T_sea_ambient at the engine-room outfall (mode `seawater_main`: the main outfall's)");
const Entry engineCoolingMDot = series("/engine_cooling/m_dot_seawater", "kg/s", "engine-room seawater flow", {"time"}, "seawater flow through the central coolers");
const Entry engineCoolingPPumps = series("/engine_cooling/P_pumps", "W", "engine-room seawater pump power", {"time"}, "electrical power of the engine-room seawater pumps (a power-plant auxiliary)");
const Entry engineCoolingTLt = series("/engine_cooling/T_lt_supply", "K", "LT water to the engines", {"time"}, "low-temperature circuit water to the engines: the three-way valve's set point, or more when the coolers cannot reach it");

// --- hull ---------------------------------------------------------------------------------
const Entry hullDraft = attribute("/hull@draft", Type::Real, "m", "draft", "waterline height above the keel");
const Entry panelIndex = index("/hull", "panel", "hull panel index");
const Entry pointIndex = index("/hull", "point", "hull point index");
const Entry cornerIndex = index("/hull", "corner", "panel corner index");
const Entry panelGroupIndex = index("/hull", "panel_group", "panel group index");
const Entry hullPoints = real("/hull/points", "m", "panel corner point", {"point", "xyz"}, "panel corner points (same frame as racks)");
const Entry hullCells = integers("/hull/cells", "panel connectivity", {"panel", "corner"}, "four point indices per quadrilateral panel");
const Entry hullArea = real("/hull/area", "m2", "panel area", {"panel"}, "panel area");
const Entry hullGroup = integers("/hull/group", "panel group index", {"panel"}, "panel group index into `/hull/group_names` (bottom, side_wet, side_dry, end_wet, end_dry, deck)");
const Entry hullGroupNames = text("/hull/group_names", "panel group name", {"panel_group"}, "names of the panel groups");
const Entry hullT = series("/hull/T", "K", "hull panel temperature", {"field_time", "panel"}, "panel (steel plate) temperature");

// --- power --------------------------------------------------------------------------------
const Entry generatorIndex = index("/power", "generator", "generating unit index");
const Entry powerGeneratorName = text("/power/generator_name", "generating unit name", {"generator"}, "generating units (engines, solar, shore)");
const Entry powerPIt = series("/power/P_it", "W", "IT power served", {"time"}, "IT electrical load served");
const Entry powerPCooling = series("/power/P_cooling", "W", "cooling power", {"time"}, "cooling electrical load (pumps and fans)");
const Entry powerPHotel = series("/power/P_hotel", "W", "hotel power", {"time"}, "hotel and auxiliary load");
const Entry powerPFacility = series("/power/P_facility", "W", "facility power served", {"time"}, "all electrical load served (IT + cooling + hotel)");
const Entry powerPItInput = series("/power/P_it_input", "W", "IT power at the IT equipment input", {"time"}, "IT power served at the rack power shelves' input (chips + shelf losses): the ISO/IEC 30134-2 IT energy");
const Entry powerLossTransformer = series("/power/P_loss_transformer", "W", "transformer losses", {"time"}, "no-load and load losses of the step-down transformers (to the atmosphere through their room's ventilation)");
const Entry powerLossCables = series("/power/P_loss_cables", "W", "switchboard and cable losses", {"time"}, "I²R losses of the switchboards and cable runs (heat in the halls)");
const Entry powerLossUps = series("/power/P_loss_ups", "W", "UPS losses", {"time"}, "losses of the UPS stage (heat in the halls)");
const Entry powerLossShelves = series("/power/P_loss_power_shelves", "W", "rack power shelf losses", {"time"}, "AC→DC losses of the rack power shelves (heat in the halls)");
const Entry powerPPlantAux = series("/power/P_plant_aux", "W", "power-plant auxiliary power", {"time"}, "power-plant auxiliaries (engine-room seawater pumps): supplied by the plant, outside the PUE boundary");
const Entry powerPDemand = series("/power/P_demand", "W", "power demand", {"time"}, "all electrical load asked for, before shedding");
const Entry powerPUnserved = series("/power/P_unserved", "W", "unserved power", {"time"}, "load asked for but not served (P_demand − P_facility)");
const Entry powerPDumped = series("/power/P_dumped", "W", "dumped power", {"time"}, "surplus generation sent to the load bank");
const Entry powerPGeneration = series("/power/P_generation", "W", "generating unit output", {"time", "generator"}, "electrical output of each generating unit");
const Entry powerPBattery = series("/power/P_battery", "W", "battery power", {"time"}, "battery power at its terminals, positive when discharging");
const Entry powerBatterySoc = series("/power/battery_soc", "1", "battery state of charge", {"time"}, "battery state of charge");
const Entry powerEnginesOnline = series("/power/engines_online", "1", "engines online", {"time"}, "number of engines running");
const Entry powerFuelRate = series("/power/fuel_rate", "kg/s", "fuel mass flow", {"time"}, "fuel mass flow of all engines");
const Entry powerCO2Rate = series("/power/CO2_rate", "kg/s", "CO2 emission rate", {"time"}, "CO2 emission rate");

// --- environment --------------------------------------------------------------------------
const Entry envTSeaSurface = series("/environment/T_sea_surface", "K", "sea surface temperature", {"time"}, "sea surface temperature");
const Entry envTAir = series("/environment/T_air", "K", "air temperature", {"time"}, "air temperature");
const Entry envGSolar = series("/environment/G_solar", "W/m2", "global horizontal irradiance", {"time"}, "global horizontal irradiance");
const Entry envWindSpeed = series("/environment/wind_speed", "m/s", "wind speed", {"time"}, "wind speed");
const Entry envCurrentSpeed = series("/environment/current_speed", "m/s", "sea current speed", {"time"}, "sea current speed");

// --- energy ledger ------------------------------------------------------------------------
const Entry sourceIndex = index("/balance", "source", "energy source index");
const Entry sinkIndex = index("/balance", "sink", "energy sink index");
const Entry balanceSourceNames = text("/balance/source_names", "energy source name", {"source"}, "energy entering the ship");
const Entry balanceSinkNames = text("/balance/sink_names", "energy sink name", {"sink"}, "energy leaving the ship");
const Entry balanceSources = series("/balance/sources", "W", "source power", {"time", "source"}, "each source's power");
const Entry balanceSinks = series("/balance/sinks", "W", "sink power", {"time", "sink"}, "each sink's power");
const Entry balanceSourceEnergy = series("/balance/source_energy", "J", "source energy", {"time", "source"}, "each source integrated from t = 0");
const Entry balanceSinkEnergy = series("/balance/sink_energy", "J", "sink energy", {"time", "sink"}, "each sink integrated from t = 0");
const Entry balanceEStored = series("/balance/E_stored", "J", "energy stored", {"time"}, "energy stored in the ship (thermal, relative to 0 °C, plus battery)");

// --- events -------------------------------------------------------------------------------
const Entry eventIndex = index("/events", "event", "event index");
// --- trim chiller ------------------------------------------------------------------------
const Entry chillerQEvap = series("/chiller/Q_evap", "W", "trim chiller cooling", {"time"}, "heat the trim chiller takes from the facility supply (evaporator duty)");
const Entry chillerPEl = series("/chiller/P_el", "W", "trim chiller electrical power", {"time"}, "electrical power of the trim chiller compressors (part of `/power/P_cooling`); with the evaporator duty it goes to the seawater main in the condensers");
const Entry chillerCop = series("/chiller/COP", "1", "trim chiller COP", {"time"}, "Q_evap / P_el (0 while no stage carries load)");
const Entry chillerStages = series("/chiller/stages", "1", "trim chiller stages running", {"time"}, "number of chiller stages running (`chiller.stages` at most)");
const Entry chillerTLeaving = series("/chiller/T_leaving", "K", "chilled water leaving the trim chiller", {"time"}, "facility water leaving the chiller into the supply header (the plate leaving water when no stage carries load)");
const Entry chillerTCondenserIn = series("/chiller/T_condenser_in", "K", "seawater into the condensers", {"time"}, "seawater leaving the plate exchangers, entering the chiller condensers");
const Entry eventsTime = real("/events/time", "seconds since START", "event time", {"event"}, "time of each discrete event (`units` as `/time`)");
const Entry eventsKind = text("/events/kind", "event kind", {"event"}, "`engine_start`, `engine_online`, `engine_stop`, `throttle_on`, `throttle_off`, `hx_cleaning`, `chiller_stage_on`, `chiller_stage_off`, `inlet_allowable_exceeded`, `inlet_allowable_restored` (a row), `dew_point_alarm_on`, `dew_point_alarm_off` (a hall)");
const Entry eventsComponent = text("/events/component", "event component", {"event"}, "the component it concerns");

// --- solver statistics --------------------------------------------------------------------
const Entry solverSteps = attribute("/solver@steps", Type::Real, "1", "steps", "integrator steps");
const Entry solverRhsEvals = attribute("/solver@rhs_evals", Type::Real, "1", "right-hand side evaluations", "right-hand side evaluations");
const Entry solverJacEvals = attribute("/solver@jac_evals", Type::Real, "1", "Jacobian evaluations", "Jacobian evaluations");
const Entry solverLinearSetups = attribute("/solver@linear_setups", Type::Real, "1", "linear solver setups", "linear solver setups");
const Entry solverNonlinearIterations = attribute("/solver@nonlinear_iterations", Type::Real, "1", "nonlinear iterations", "Newton iterations");
const Entry solverErrorTestFailures = attribute("/solver@error_test_failures", Type::Real, "1", "error test failures", "local error test failures");
const Entry solverRtol = attribute("/solver@rtol", Type::Real, "1", "relative tolerance", "relative tolerance of the integrator");
const Entry solverStates = attribute("/solver@states", Type::Real, "1", "states", "number of states of the ODE system");

// --- checkpoint (run/Checkpoint): the state a run resumes from (`fdtwin run --resume`) --------
const Entry checkpointTime = checkpoint(attribute("/checkpoint@time", Type::Real, "s", "checkpoint time", "simulated time of the checkpoint: the time of the last output row it covers"));
const Entry checkpointRows = checkpoint(attribute("/checkpoint@rows", Type::Integer, "1", "rows at the checkpoint", "output rows up to and including the checkpoint's row (the rows of `/time` a resumed run keeps)"));
const Entry checkpointFieldRows = checkpoint(attribute("/checkpoint@field_rows", Type::Integer, "1", "field rows at the checkpoint", "rows of `/field_time` up to the checkpoint"));
const Entry checkpointEvents = checkpoint(attribute("/checkpoint@events", Type::Integer, "1", "events at the checkpoint", "events of `/events` up to the checkpoint"));
const Entry checkpointStateIndex = checkpoint(index("/checkpoint", "state", "state index"));
const Entry checkpointStateName = checkpoint(text("/checkpoint/state_name", "state name", {"state"}, "name of each state of the ODE system"));
const Entry checkpointStateUnit = checkpoint(text("/checkpoint/state_unit", "state unit", {"state"}, "UDUNITS-2 unit of each state (`K`, `W`, `1`)"));
const Entry checkpointY = checkpoint(real("/checkpoint/y", "1", "state vector", {"state"}, "the states at the checkpoint, each in the unit `state_unit` gives"));
const Entry checkpointQuadratureIndex = checkpoint(index("/checkpoint", "quadrature", "quadrature index"));
const Entry checkpointQuadratures = checkpoint(real("/checkpoint/quadratures", "1", "integrals from t = 0", {"quadrature"}, "the integrator's quadratures at the checkpoint: the ledger's sources and sinks (J), then the plant's totals (J, kg)"));
const Entry checkpointDiscreteIndex = checkpoint(index("/checkpoint", "discrete", "discrete state index"));
const Entry checkpointDiscrete = checkpoint(real("/checkpoint/discrete_state", "1", "discrete state", {"discrete"}, "the plant's discrete state (engine status and ready times, last commitment, racks' throttle reports, chiller stages and their timers, air event reports, last cleaning; `Plant::discreteState`)"));
const Entry checkpointAccumulatorIndex = checkpoint(index("/checkpoint", "accumulator", "recorder value index"));
const Entry checkpointRecorder = checkpoint(real("/checkpoint/recorder_state", "1", "recorder state", {"accumulator"}, "the running values of the KPIs (E_0, maxima, times outside the envelopes, row counts; `Recorder::accumulators`)"));
const Entry checkpointCounterIndex = checkpoint(index("/checkpoint", "counter", "solver counter index"));
const Entry checkpointSolver = checkpoint(real("/checkpoint/solver_counts", "1", "solver counters", {"counter"}, "steps, right-hand sides, Jacobians, linear setups, Newton iterations, error test failures, Newton failures, root evaluations, then the seconds in the right-hand side, Jacobian, quadratures, roots and the wall time, up to the checkpoint"));

// --- KPIs ---------------------------------------------------------------------------------
const Entry kpiPue = kpi("PUE", "1", "power usage effectiveness", "E_facility / E_it_input = ∫P_facility dt / ∫P_it_input dt: facility energy at the generator terminals (IT with its distribution losses, cooling, hotel; generation and its auxiliaries outside) over IT energy at the IT equipment input (ISO/IEC 30134-2, EN 50600-4-2)");
const Entry kpiFuelToItEfficiency = kpi("fuel_to_it_efficiency", "1", "fuel-to-IT efficiency", "∫P_it dt / ∫(fuel LHV power) dt");
const Entry kpiTChipMax = kpi("T_chip_max", "K", "hottest chip temperature", "max over the output rows of `/racks/T_chip`");
const Entry kpiTChipSpreadMax = kpi("T_chip_spread_max", "K", "largest chip temperature spread within a rack row", "max over the output rows and the rack rows (hall, row) of max − min of `/racks/T_chip` within the row");
const Entry kpiHottestRack = kpi("hottest_rack", "1", "index of the hottest rack", "index into `/racks/name` of the rack whose chip reached `T_chip_max`");
const Entry kpiDischargeDTMax = kpi("discharge_dT_max", "K", "largest discharge temperature rise", "max over the output rows of `/cooling/discharge_dT`");
const Entry kpiOutfallRiseMax = kpi("outfall_rise_max", "K", "largest outfall rise above ambient sea", "max over the output rows of `/cooling/rise_above_ambient` and `/engine_cooling/rise_above_ambient`");
const Entry kpiEngineLtMax = kpi("engine_lt_supply_max", "K", "warmest LT water to the engines", "max over the output rows of `/engine_cooling/T_lt_supply`");
const Entry kpiDistributionLossShare = kpi("distribution_loss_share", "1", "electrical distribution losses per IT energy", "∫(transformer + cable + UPS + power shelf losses) dt / ∫P_it dt");
const Entry kpiChillerRunTime = kpi("chiller_run_time", "s", "trim chiller running time", "time with at least one chiller stage running, from the `chiller_stage_on`/`chiller_stage_off` events (the hours of chiller operation)");
const Entry kpiEChiller = kpi("E_chiller", "J", "trim chiller electrical energy", "∫ `/chiller/P_el` dt");
const Entry kpiChillerPueShare = kpi("chiller_pue_share", "1", "trim chiller share of PUE", "E_chiller / E_it_input: the part of PUE − 1 the chiller's electricity makes");
const Entry kpiFuelTotal = kpi("fuel_total", "kg", "fuel burnt", "∫ fuel mass flow dt");
const Entry kpiCO2Total = kpi("CO2_total", "kg", "CO2 emitted", "∫ CO2 emission rate dt");
const Entry kpiEIt = kpi("E_it", "J", "IT energy served", "∫P_it dt");
const Entry kpiEItInput = kpi("E_it_input", "J", "IT energy at the IT equipment input", "∫P_it_input dt");
const Entry kpiEFacility = kpi("E_facility", "J", "electrical energy served", "∫P_facility dt");
const Entry kpiEUnserved = kpi("E_unserved", "J", "energy not served", "∫P_unserved dt");
const Entry kpiHeatToSea = kpi("heat_to_sea", "J", "heat to the sea", "∫ of the ledger sinks that end in the sea: every outfall's heat and hull heat to the sea");
const Entry kpiTInletMax = kpi("T_inlet_max", "K", "warmest server inlet air", "max over the output rows of `/rows/T_inlet`");
const Entry kpiInletRecommendedTime = kpi("inlet_recommended_time", "s", "time some row's inlet is outside the recommended envelope", "Σ of the output intervals ending in a row where any `/rows/T_inlet` (with the hall's dew point and humidity) is outside the `air.ashrae_class` recommended envelope");
const Entry kpiInletAllowableTime = kpi("inlet_allowable_time", "s", "time some row's inlet is outside the allowable envelope", "as `inlet_recommended_time` for the allowable envelope");
const Entry kpiInletAllowableEvents = kpi("inlet_allowable_events", "1", "rows leaving the allowable envelope", "number of `inlet_allowable_exceeded` events");
const Entry kpiDewPointMarginMin = kpi("dew_point_margin_min", "K", "smallest dew-point margin", "min over the output rows and halls of `/halls/dew_point_margin`");
const Entry kpiDewPointLowTime = kpi("dew_point_low_time", "s", "time with a dew-point margin below the alarm margin", "Σ of the output intervals ending in a row where some hall's `/halls/dew_point_margin` < `air.dew_point_alarm_margin` (2 K)");
const Entry kpiThrottleEvents = kpi("throttle_events", "1", "rack throttling events", "number of `throttle_on` events");
const Entry kpiEnergyBalanceResidual = kpi("energy_balance_residual", "1", "energy balance residual", "(Σ source_energy[-1] − Σ sink_energy[-1] − (E_stored[-1] − E_stored[0])) / Σ source_energy[-1]");
const Entry kpiMixingZoneDTMax = optional(kpi("mixing_zone_dT_max", "K", "largest mixing-zone edge rise", "max of `/cfd/mixing_zone_rise` (CFD runs)"));
const Entry kpiPermitDT = optional(kpi("permit_dT", "K", "permitted rise at the mixing-zone edge", "`cfd.permit_dT` (CFD runs)"));
const Entry kpiPermitBreach = optional(kpi("permit_breach", "1", "permit breached", "1 when `mixing_zone_dT_max` > `permit_dT`, else 0 (CFD runs)"));
const Entry kpiPlumeExtentMax = optional(kpi("plume_extent_max", "m", "largest plume extent", "max of `/cfd/plume_extent` (CFD runs)"));
const Entry kpiCfdWindows = optional(kpi("cfd_windows", "1", "coupling windows", "number of CFD exchanges (CFD runs)"));
const Entry kpiCfdWallTime = optional(provenance(kpi("cfd_wall_time", "s", "CFD wall time", "wall time of the OpenFOAM processes and meshing (CFD runs)")));

// --- CFD coupling -------------------------------------------------------------------------
const Entry cfdMode = optional(attribute("/cfd@mode", Type::Text, "", "coupling mode", "`live` or `surrogate`"));
const Entry cfdCouplingWindow = optional(attribute("/cfd@coupling_window", Type::Real, "s", "coupling window", "`cfd.coupling_window`"));
const Entry cfdMixingZoneRadius = optional(attribute("/cfd@mixing_zone_radius", Type::Real, "m", "mixing zone radius", "`cfd.mixing_zone_radius`"));
const Entry cfdPermitDT = optional(attribute("/cfd@permit_dT", Type::Real, "K", "permitted rise", "`cfd.permit_dT`"));
const Entry cfdMesh = optional(attribute("/cfd@mesh", Type::Text, "", "mesh", "`cfd.mesh`"));
const Entry windowIndex = optional(index("/cfd", "window", "coupling window index"));
const Entry cfdTime = optional(real("/cfd/time", "seconds since START", "exchange time", {"window"}, "plant time of each exchange (`units` as `/time`)"));
const Entry cfdCurrentSpeed = optional(real("/cfd/current_speed", "m/s", "current at the hull", {"window"}, "current at the hull (from the environment)"));
const Entry cfdOutfallFlow = optional(real("/cfd/outfall_flow", "kg/s", "overboard discharge mass flow", {"window"}, "seawater flow of every outfall together (seawater main and engine-room sea chest; outfall = intake) handed to the CFD"));
const Entry cfdOutfallTemperature = optional(real("/cfd/outfall_temperature", "K", "overboard discharge temperature", {"window"}, "mixed temperature of every outfall's water handed to the CFD"));
const Entry cfdOutfallHeat = optional(real("/cfd/outfall_heat", "W", "overboard discharge heat", {"window"}, "heat every outfall carries to the sea (Q_sw of the main and of the engine-room sea chest) at the exchange"));
const Entry cfdIntakeRise = optional(real("/cfd/intake_rise", "K", "intake temperature rise", {"window"}, "T_in − T_amb handed back to the plant"));
const Entry cfdMixingZoneRise = optional(real("/cfd/mixing_zone_rise", "K", "mixing-zone edge rise", {"window"}, "largest rise over ambient on the mixing-zone circle"));
const Entry cfdPlumeExtent = optional(real("/cfd/plume_extent", "m", "plume extent", {"window"}, "farthest cell warmer than ambient by `cfd.plume_threshold`"));
const Entry cfdHullHeat = optional(real("/cfd/hull_heat", "W", "hull heat to the sea", {"window"}, "hull → sea heat in the CFD (live; 0 with a surrogate)"));
const Entry cfdWallTime = optional(provenance(real("/cfd/wall_time", "s", "CFD window wall time", {"window"}, "wall time of the OpenFOAM processes of the window (live)")));
const Entry cfdEnergyImbalance = optional(real("/cfd/energy_imbalance", "1", "CFD energy imbalance", {"window"}, "(outfall heat in − boundary heat out)/outfall heat in (live)"));
const Entry cfdResiduals = optional(text("/cfd/residuals", "CFD residuals", {"window"}, "last initial residual of each solved field (live)"));
const Entry sliceHorizontalPoint = optional(index("/cfd/slice_horizontal", "point", "slice cell index"));
const Entry sliceHorizontalPoints = optional(real("/cfd/slice_horizontal/points", "m", "slice cell centre", {"point", "xyz"}, "cell centres of the cell layer at intake depth (hull frame, as `/hull/points`)"));
const Entry sliceHorizontalT = optional(real("/cfd/slice_horizontal/T", "K", "seawater temperature", {"window", "point"}, "seawater temperature on those cells at each coupling time"));
const Entry sliceVerticalPoint = optional(index("/cfd/slice_vertical", "point", "slice cell index"));
const Entry sliceVerticalPoints = optional(real("/cfd/slice_vertical/points", "m", "slice cell centre", {"point", "xyz"}, "cell centres of the vertical plane through the outfall along the current"));
const Entry sliceVerticalT = optional(real("/cfd/slice_vertical/T", "K", "seawater temperature", {"window", "point"}, "seawater temperature on those cells"));
// clang-format on

const std::vector<const Entry*>& schema() {
  static const std::vector<const Entry*> all = {
      &schemaVersion, &caseName, &caseToml, &startDatetime, &status, &failure,
      // provenance
      &fdtwinVersion, &createdUtc, &commandLine, &wallTime, &rhsTime, &jacobianTime, &quadratureTime,
      &rootTime,
      // dimensions shared by every group
      &time, &fieldTime, &timeCalendar, &fieldTimeCalendar, &xyz,
      // racks, halls
      &rackIndex, &racksName, &racksHall, &racksPosition, &racksSize, &racksMDotCoolant, &racksJob, &racksTChip, &racksTCoolantOut, &racksTChipMax,
      &racksPIt, &hallIndex, &hallBound, &hallsName, &hallsBox, &hallsTAir,
      &rowIndex, &rowsName, &rowsHall, &rowsAshraeClass, &rowsTInlet, &rowsTExhaust, &hallsHumidityRatio,
      &hallsRelativeHumidity, &hallsTDewPoint, &hallsDewPointMargin, &hallsMCondensate,
      // cooling
      &coolingSalinity, &coolingTSeaAmbient, &coolingTIntake, &coolingTDischarge, &coolingDischargeDT, &coolingRiseAboveAmbient,
      &coolingMDotSeawater, &coolingQSeawater, &coolingPPumps, &coolingPumpSpeed, &coolingTFacilitySupply,
      &coolingTFacilityReturn, &coolingFoulingResistance, &coolingPSeawaterPumps, &coolingUaSeawaterHx,
      &coolingSeawaterPumpCount, &coolingSeawaterPumpSpares,
      // engine cooling
      &engineCoolingQ, &engineCoolingTSeaAmbient, &engineCoolingTIntake, &engineCoolingTDischarge,
      &engineCoolingRise, &engineCoolingMDot, &engineCoolingPPumps, &engineCoolingTLt,
      // trim chiller
      &chillerQEvap, &chillerPEl, &chillerCop, &chillerStages, &chillerTLeaving, &chillerTCondenserIn,
      // hull
      &hullDraft, &panelIndex, &pointIndex, &cornerIndex, &panelGroupIndex, &hullPoints, &hullCells,
      &hullArea, &hullGroup, &hullGroupNames, &hullT,
      // power
      &generatorIndex, &powerGeneratorName, &powerPIt, &powerPCooling, &powerPHotel, &powerPFacility,
      &powerPItInput, &powerLossTransformer, &powerLossCables, &powerLossUps, &powerLossShelves, &powerPPlantAux,
      &powerPDemand, &powerPUnserved, &powerPDumped, &powerPGeneration, &powerPBattery, &powerBatterySoc,
      &powerEnginesOnline, &powerFuelRate, &powerCO2Rate,
      // environment
      &envTSeaSurface, &envTAir, &envGSolar, &envWindSpeed, &envCurrentSpeed,
      // ledger
      &sourceIndex, &sinkIndex, &balanceSourceNames, &balanceSinkNames, &balanceSources, &balanceSinks,
      &balanceSourceEnergy, &balanceSinkEnergy, &balanceEStored,
      // events
      &eventIndex, &eventsTime, &eventsKind, &eventsComponent,
      // solver
      &solverSteps, &solverRhsEvals, &solverJacEvals, &solverLinearSetups, &solverNonlinearIterations,
      &solverErrorTestFailures, &solverRtol, &solverStates,
      // checkpoint
      &checkpointTime, &checkpointRows, &checkpointFieldRows, &checkpointEvents, &checkpointStateIndex,
      &checkpointStateName, &checkpointStateUnit, &checkpointY, &checkpointQuadratureIndex, &checkpointQuadratures,
      &checkpointDiscreteIndex, &checkpointDiscrete, &checkpointAccumulatorIndex, &checkpointRecorder,
      &checkpointCounterIndex, &checkpointSolver,
      // KPIs
      &kpiPue, &kpiFuelToItEfficiency, &kpiTChipMax, &kpiTChipSpreadMax, &kpiHottestRack, &kpiDischargeDTMax,
      &kpiOutfallRiseMax, &kpiEngineLtMax, &kpiDistributionLossShare, &kpiChillerRunTime, &kpiEChiller,
      &kpiChillerPueShare, &kpiFuelTotal, &kpiCO2Total, &kpiEIt,
      &kpiEItInput,
      &kpiEFacility, &kpiEUnserved, &kpiHeatToSea, &kpiThrottleEvents, &kpiEnergyBalanceResidual,
      &kpiTInletMax, &kpiInletRecommendedTime, &kpiInletAllowableTime, &kpiInletAllowableEvents,
      &kpiDewPointMarginMin, &kpiDewPointLowTime,
      &kpiMixingZoneDTMax, &kpiPermitDT, &kpiPermitBreach, &kpiPlumeExtentMax, &kpiCfdWindows,
      &kpiCfdWallTime,
      // CFD
      &cfdMode, &cfdCouplingWindow, &cfdMixingZoneRadius, &cfdPermitDT, &cfdMesh, &windowIndex, &cfdTime,
      &cfdCurrentSpeed, &cfdOutfallFlow, &cfdOutfallTemperature, &cfdOutfallHeat, &cfdIntakeRise, &cfdMixingZoneRise,
      &cfdPlumeExtent, &cfdHullHeat, &cfdWallTime, &cfdEnergyImbalance, &cfdResiduals, &sliceHorizontalPoint,
      &sliceHorizontalPoints, &sliceHorizontalT, &sliceVerticalPoint, &sliceVerticalPoints, &sliceVerticalT};
  return all;
}

const Entry* find(std::string_view path) {
  for (const Entry* e : schema())
    if (e->path == path) return e;
  return nullptr;
}

const Entry* findKpi(std::string_view name) { return find("/kpi/" + std::string(name)); }

std::vector<const Entry*> kpis() {
  std::vector<const Entry*> out;
  for (const Entry* e : schema())
    if (e->kind == Kind::Kpi) out.push_back(e);
  return out;
}

std::string scalePathFor(const std::string& datasetPath, const std::string& dim) {
  std::string group = datasetPath.substr(0, datasetPath.rfind('/'));
  while (true) {
    std::string candidate = group;
    candidate.append("/").append(dim);
    if (const Entry* e = find(candidate); e && e->isScale()) return candidate;
    if (group.empty()) return "";
    group = group.substr(0, group.rfind('/'));
  }
}

std::string timeUnits(const std::string& start) {
  // UDUNITS-2 and cftime both read "seconds since YYYY-MM-DD hh:mm:ss±hh:mm".
  std::string s = start;
  if (s.size() > 10 && s[10] == 'T') s[10] = ' ';
  if (!s.empty() && s.back() == 'Z') s.replace(s.size() - 1, 1, "+00:00");
  return "seconds since " + s;
}

std::vector<std::string> h5diffExcludes() {
  std::vector<std::string> out = {"--exclude-path", "/provenance"};
  // A provenance dataset by its path; provenance attributes by their group (h5diff cannot skip
  // one attribute): /provenance, /checkpoint.
  for (const Entry* e : schema()) {
    const std::string path = e->isAttribute() ? e->object() : e->path;
    if (!e->provenance || std::find(out.begin(), out.end(), path) != out.end()) continue;
    out.insert(out.end(), {"--exclude-path", path});
  }
  return out;
}

namespace {

std::string kindName(Kind k) {
  switch (k) {
    case Kind::Series:
      return "series";
    case Kind::Static:
      return "static";
    case Kind::Attribute:
      return "attribute";
    case Kind::Kpi:
      return "kpi";
  }
  return "";
}

std::string typeName(Type t) {
  switch (t) {
    case Type::Real:
      return "real";
    case Type::Integer:
      return "integer";
    case Type::Text:
      return "string";
  }
  return "";
}

std::string shapeOf(const Entry& e) {
  if (e.dims.empty()) return "scalar";
  std::string s = "[";
  for (size_t i = 0; i < e.dims.size(); ++i) s += (i ? ", " : "") + e.dims[i];
  return s + "]";
}

std::string code(const std::string& s) { return s.empty() ? "" : "`" + s + "`"; }

std::string unitsCell(const Entry& e) {
  if (e.units == time.units) return "seconds since *start*";
  return code(e.units);
}

void attributeTable(std::string& md, const std::string& object) {
  md += "| attribute | type | units | meaning |\n| --- | --- | --- | --- |\n";
  for (const Entry* e : schema()) {
    if (!e->isAttribute() || e->object() != object || e->name().empty()) continue;
    md += fmt::format("| `{}` | {} | {} | {} |\n", e->name(), typeName(e->type), code(e->units),
                      e->description);
  }
}

void datasetTable(std::string& md, const std::string& prefix, bool excludeCfd) {
  md += "| path | dimensions | units | long_name | meaning |\n| --- | --- | --- | --- | --- |\n";
  for (const Entry* e : schema()) {
    if (e->isAttribute() || e->kind == Kind::Kpi) continue;
    if (e->path.rfind(prefix, 0) != 0 || (excludeCfd && e->path.rfind("/cfd", 0) == 0)) continue;
    md += fmt::format("| `{}` | {} | {} | {} | {}{} |\n", e->path, shapeOf(*e), unitsCell(*e), e->longName,
                      e->description, e->provenance ? " (provenance)" : "");
  }
}

}  // namespace

std::string markdown() {
  std::string md = fmt::format("# fdtwin result files (HDF5), schema version {}\n\n", kSchemaVersion);
  md += R"(<!-- Generated by `fdtwin schema --results` from solver/io/ResultSchema.cpp; do not edit. -->

One run writes one HDF5 file (`fdtwin run CASE -o OUT.h5`) and an XDMF file beside it
(`OUT.xdmf`) that lets ParaView show the hull and the racks over time. Everything is SI.
The file follows the conventions that h5py, xarray/netCDF-4, MATLAB and CF tools expect:

- every dataset has a `long_name`; every numeric dataset has a `units` attribute that
  UDUNITS-2 parses (`s`, `K`, `W`, `kg/s`, `J`, `m`, `m2`, `m2 K/W`, `W/m2`, `g/kg`, `1` for
  dimensionless numbers, counts and indices); string datasets have no `units`;
- `/time` has `units = "seconds since <start_datetime>"` (the case start with its UTC offset,
  e.g. `seconds since 2025-07-01 00:00:00+09:00`) and `calendar = "standard"`, so
  `xarray.open_dataset(..., decode_times=True)` gives date-times;
- every dimension of every dataset is an HDF5 dimension scale (H5DS): the index dataset
  named after the dimension, in the dataset's group or the nearest group above it (netCDF
  scoping: `/racks/T_chip` is `[field_time, rack]` with `/field_time` and `/racks/rack`), so xarray, ncdump
  and h5py's `.dims` show shared named dimensions;
- KPIs are scalar datasets under `/kpi`, each with `units`, `long_name` and `formula`.

Time series are chunked along time and compressed (shuffle + deflate); rows are appended
while the run goes, so memory stays flat. A run writes to `OUT.h5.part` and renames it to
`OUT.h5` when it ends: a file at the final path is always a whole, readable file. A run that
fails part-way (a solver failure, a CFD window that diverges; exit status 1) keeps the rows
written so far: its root attribute `status` is `"failed"`, `failure` says when, where and
why, and it has no `/kpi` group (KPIs describe whole runs). A run stopped by SIGINT or SIGTERM
(exit status 130 or 143) keeps its rows the same way with `status = "interrupted"`. A run
cancelled in the viewer or killed (SIGKILL) leaves nothing at the final path; bad input (exit
status 2) writes nothing at all.

Readers must check `schema_version` and refuse versions they do not know. Additions that
do not change the meaning of existing items keep the version; anything else bumps it. This
schema is declared once in solver/io/ResultSchema.cpp; `fdtwin schema --results` prints this
page and `fdtwin schema --results --json` the same table as JSON (docs/results-schema.json).

## Dimensions
| dimension | scale dataset | meaning |
| --- | --- | --- |
)";
  for (const Entry* e : schema()) {
    if (!e->isScale()) continue;
    md += fmt::format("| `{}` | `{}` | {} |\n", e->name(), e->path, e->longName);
  }
  md += "\nIndices are 0-based.\n\n## Root attributes\n";
  attributeTable(md, "/");
  md += "\n## `/provenance` (attributes)\nWhat differs between two runs of the same case.\n";
  attributeTable(md, "/provenance");
  md += "\n## Datasets\n";
  datasetTable(md, "/", true);
  md += R"(
Attributes of groups: `/hull@draft` (m, waterline height above the keel), `/cooling@salinity`
(g/kg), `/time@calendar` (`standard`).

The energy balance can be checked from the file alone:
`Σ source_energy[-1] − Σ sink_energy[-1] − (E_stored[-1] − E_stored[0])` is the residual that
`/kpi/energy_balance_residual` reports relative to `Σ source_energy[-1]`.

## `/kpi` (scalar datasets)
Each KPI is a scalar dataset with `units`, `long_name` and `formula` attributes (in h5py:
`f["kpi/PUE"][()]`, `f["kpi/PUE"].attrs["units"]`).

| KPI | units | long_name | formula |
| --- | --- | --- | --- |
)";
  for (const Entry* e : kpis())
    md += fmt::format("| `{}` | `{}` | {} | {}{} |\n", e->name(), e->units, e->longName, e->formula,
                      e->provenance ? " (provenance)" : "");
  md += "\n## `/solver` (attributes)\n";
  attributeTable(md, "/solver");
  md += R"(
## Comparing two runs
Two runs of the same case write the same file except for what is declared provenance above:
the `/provenance` group and the datasets marked (provenance). Compare them with
```sh
h5diff)";
  for (const auto& a : h5diffExcludes()) md += " " + a;
  md += R"( A.h5 B.h5
```
which prints `0 differences found` and exits with 0. h5diff also notes "Some objects are not
comparable" for empty datasets (a run without events has an empty `/events/time`); that note
is not a difference and does not change the exit status.

## Reading older versions
Version 2 files store the per-element fields (`/hull/T`, `/racks/T_chip`,
`/racks/T_coolant_out`, `/racks/P_it`) at every `/time` row; they have no `/field_time` and no
`/racks/T_chip_max`. Version 3 stores those fields every `case.field_interval` on
`/field_time`, so a one-minute year writes ~1 KB per output row instead of ~8.5 KB;
ResultReader::timeScaleOf() names the rows' time scale of either version, and the viewer and
the XDMF file read the fields through it.

Version 1 files (fdtwin before this schema) differ in four ways; ResultReader and the viewer
read both. (1) KPIs were numeric attributes of `/kpi` with their units in one string
attribute `/kpi@units` (`name=unit;…`); ResultReader::kpi() and kpiUnits() read either form.
(2) `fdtwin_version`, `command_line` and `created_utc` were root attributes, and the wall
times were attributes of `/solver`; ResultReader::rootAttributes() merges `/provenance` into
the root attributes, so both look the same to `fdtwin info` and the viewer. (3) `/time` had
`units = "s"`, no dimension scales, no `long_name`. (4) Names and indices had `units = "-"`
and the fouling resistance `m2K/W`.

## XDMF companion file (`OUT.xdmf`)
After `OUT.h5` is complete, `fdtwin run` writes `OUT.xdmf` beside it (the result name with
its extension replaced; `OUT.xdmf.xdmf` if the result itself ends in `.xdmf`). It is a small
XML file in the XDMF 2 format that holds no numbers: it describes the hull and the racks as
meshes and points into `OUT.h5` by relative file name (`OUT.h5:/hull/T`), so the two files
must stay in the same folder under the names they were written with (a file name containing
`:` cannot be referenced). Like the `.h5`, it is written as `OUT.xdmf.part` and renamed; if
it cannot be written the run fails (exit status 1) and `OUT.h5` stays complete.

Open it in ParaView with *File → Open → OUT.xdmf* and choose **XDMF Reader**
(`XDMFReader` in `pvpython`); the time controls then step through the output rows. The
Xdmf3 readers of ParaView 5.11 (*Xdmf3 Reader S/T*) show the meshes but do not evaluate the
hyperslabs, so they show no temperatures.

The domain holds two temporal collections (`GridType="Collection"
CollectionType="Temporal"`), each with one uniform grid per output time whose `<Time
Value>` is `/time` of that row (seconds since the start):

| grid | topology / geometry | attributes |
| --- | --- | --- |
| `hull` | `Quadrilateral`, `/hull/cells` ([np,4], 0-based point indices); `XYZ`, `/hull/points` | cell `T` (K): row k of `/hull/T`; cell `group`: `/hull/group` |
| `racks` | `Polyvertex`, one vertex per rack; `XYZ`, `/racks/position` (rack centres) | point `T_chip` (K): row k of `/racks/T_chip`; point `P_it` (W): row k of `/racks/P_it`; point `hall`: `/racks/hall` |

Row k of a `[nt, n]` dataset is selected with an XDMF `HyperSlab` (start `k 0`, stride
`1 1`, count `1 n`), so ParaView reads one row per time step and never the whole series.
At most 10 000 time steps are listed: a longer result (a year at one-minute output) is
sampled with an even stride `s = ceil((nt − 1)/9 999)` (rows 0, s, 2s, … and always the
last row); the `.h5` keeps every row.

One time step of the hull grid, for a result `barge.h5` with 49 rows and 448 panels:
```xml
<Grid Name="hull" GridType="Uniform">
 <Time Value="3600"/>
 <Topology TopologyType="Quadrilateral" NumberOfElements="448"><DataItem Dimensions="448 4" NumberType="Int" Precision="8" Format="HDF">barge.h5:/hull/cells</DataItem></Topology>
 <Geometry GeometryType="XYZ"><DataItem Dimensions="450 3" NumberType="Float" Precision="8" Format="HDF">barge.h5:/hull/points</DataItem></Geometry>
 <Attribute Name="T" AttributeType="Scalar" Center="Cell"><DataItem ItemType="HyperSlab" Dimensions="448" NumberType="Float" Precision="8" Type="HyperSlab"><DataItem Dimensions="3 2" NumberType="UInt" Format="XML">1 0 1 1 1 448</DataItem><DataItem Dimensions="49 448" NumberType="Float" Precision="8" Format="HDF">barge.h5:/hull/T</DataItem></DataItem></Attribute>
 <Attribute Name="group" AttributeType="Scalar" Center="Cell"><DataItem Dimensions="448" NumberType="Int" Precision="8" Format="HDF">barge.h5:/hull/group</DataItem></Attribute>
</Grid>
```
Reading it from a script (`/usr/bin/pvpython`, no display needed):
```python
from paraview import simple
reader = simple.XDMFReader(FileNames=["/abs/path/barge.xdmf"])
reader.UpdatePipeline(reader.TimestepValues[-1])
blocks = reader.GetClientSideObject().GetOutputDataObject(0)   # hull, racks
hull_T = blocks.GetBlock(0).GetCellData().GetArray("T")       # = /hull/T[-1, :]
```
The test `xdmf_paraview` (tests/integration) does this and compares with h5py.

## `/cfd` (only with `fdtwin run --cfd live|surrogate`; docs/cfd.md)
One row per coupling time t_k = k·`cfd.coupling_window` (the exchange at t_k sets what the
plant uses until t_{k+1}).

)";
  attributeTable(md, "/cfd");
  md += "\n";
  datasetTable(md, "/cfd", false);
  md += R"(
Slices are written for live runs only. Points are in the hull frame of `/hull/points` (x along
the hull from the stern, y to port, z up from the keel; the waterline is at z = draft); the
current flows in −x (from the bow to the stern). `/kpi` gains the CFD KPIs listed above.
)";
  return md;
}

std::string json() {
  nlohmann::ordered_json j;
  j["schema_version"] = kSchemaVersion;
  j["calendar"] = kCalendar;
  j["h5diff_excludes"] = h5diffExcludes();
  auto& entries = j["entries"];
  entries = nlohmann::ordered_json::array();
  for (const Entry* e : schema()) {
    nlohmann::ordered_json x;
    x["path"] = e->path;
    x["kind"] = kindName(e->kind);
    x["type"] = typeName(e->type);
    x["units"] = e->units;
    x["long_name"] = e->longName;
    x["dimensions"] = e->dims;
    x["description"] = e->description;
    if (!e->formula.empty()) x["formula"] = e->formula;
    x["provenance"] = e->provenance;
    x["optional"] = e->optional;
    x["scale"] = e->isScale();
    entries.push_back(std::move(x));
  }
  return j.dump(1) + "\n";
}

}  // namespace fdtwin::results
