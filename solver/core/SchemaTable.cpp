// The case-file keys, one line per key: path, type, SI unit, default, range, description; and
// the checks across keys. The parameter each key sets is bound in run/CaseBindings.cpp.
// Sources of defaults are in the shipped cases' comments and docs/physics.md.
#include "core/Schema.hpp"

namespace fdtwin {
namespace {

constexpr double kInf = 1e300;

// Bounds of the run's clock: a hull's design life (25-30 years) and the millisecond below
// which nothing in the plant moves (the fastest states, the chips, take seconds).
constexpr double kMaxDuration = 1e9;  // s
constexpr double kMinInterval = 1e-3;  // s
KeyDef real(std::string path, std::string unit, std::string def, double lo, double hi, std::string desc,
            bool loEx = false, bool hiEx = false) {
  KeyDef k;
  k.path = std::move(path);
  k.type = ValueType::Real;
  k.unit = std::move(unit);
  k.defaultValue = std::move(def);
  k.required = k.defaultValue.empty();
  if (lo > -kInf) k.min = lo;
  if (hi < kInf) k.max = hi;
  k.minExclusive = loEx;
  k.maxExclusive = hiEx;
  k.description = std::move(desc);
  return k;
}
// A strictly positive real.
KeyDef positive(std::string path, std::string unit, std::string def, std::string desc) {
  return real(std::move(path), std::move(unit), std::move(def), 0.0, kInf, std::move(desc), true);
}
// A fraction in (0, 1] (efficiencies) or [0, 1].
KeyDef efficiency(std::string path, std::string def, std::string desc) {
  return real(std::move(path), "1", std::move(def), 0.0, 1.0, std::move(desc), true, false);
}
KeyDef fraction(std::string path, std::string def, std::string desc) {
  return real(std::move(path), "1", std::move(def), 0.0, 1.0, std::move(desc));
}
KeyDef integer(std::string path, std::string def, double lo, double hi, std::string desc) {
  KeyDef k;
  k.path = std::move(path);
  k.type = ValueType::Integer;
  k.defaultValue = std::move(def);
  k.required = k.defaultValue.empty();
  k.min = lo;
  k.max = hi;
  k.description = std::move(desc);
  return k;
}
KeyDef text(std::string path, ValueType type, std::string def, std::string desc, bool required = false,
            std::vector<std::string> choices = {}) {
  KeyDef k;
  k.path = std::move(path);
  k.type = type;
  k.defaultValue = std::move(def);
  k.required = required;
  k.description = std::move(desc);
  k.choices = std::move(choices);
  return k;
}
KeyDef fileNameKey(KeyDef k) {
  k.fileName = true;
  return k;
}
KeyDef maxLength(KeyDef k, std::size_t n) {
  k.maxLength = n;
  return k;
}
// Temperatures: between seawater freezing and boiling at 1 atm (the model's fluids are water).
KeyDef temperature(std::string path, std::string def, std::string desc) {
  KeyDef k = real(std::move(path), "K", std::move(def), 271.0, 373.15, std::move(desc));
  k.absoluteTemperature = true;  // "18 degC" converts with the offset (core/Units.hpp)
  return k;
}
// An absolute temperature with a range of its own (air can be colder than seawater freezes).
KeyDef temperature(std::string path, std::string def, double lo, double hi, std::string desc) {
  KeyDef k = real(std::move(path), "K", std::move(def), lo, hi, std::move(desc));
  k.absoluteTemperature = true;
  return k;
}

std::vector<KeyDef> makeSchema() {
  using VT = ValueType;
  return {
      // --- case --------------------------------------------------------------------------
      text("extends", VT::Path, "",
           "Another case file whose keys this one starts from (relative to this file)."),
      fileNameKey(text("case.name", VT::String, "",
                       "Name of the case, stored in results; it names the default output results/<name>.h5, so one "
                       "file name (no '/', '\\', ':' or control characters; not starting with '.').",
                       true)),
      maxLength(text("case.description", VT::String, "\"\"", "Free text describing the case (at most 4,000 bytes)."),
                4000),
      text("case.start", VT::DateTime, "2022-01-01T00:00:00+09:00",
           "ISO 8601 date and time of t = 0 (with UTC offset): where the run sits in the environment record "
           "and in the synthetic year and day; the offset is the clock of the utilization profile."),
      real("case.duration", "s", "604800", 0.0, kMaxDuration,
           "Simulated duration (at most 1e9 s, 31.7 years: a hull's design life is 25-30 years).", true),
      real("case.output_interval", "s", "3600", kMinInterval, kMaxDuration,
           "Interval between output rows (at least 1 ms; the run's rows are also limited by `fdtwin run "
           "--max-rows`)."),
      real("case.field_interval", "s", "3600", kMinInterval, kMaxDuration,
               "Interval between the rows of the per-element fields (`/hull/T`, `/racks/T_chip`, "
               "`/racks/T_coolant_out`, `/racks/P_it`), rounded to a whole number of output intervals (at "
               "least one): finer output rows keep every scalar series and the hottest chip, and the 3D fields "
               "stay hourly unless asked for (docs/results-format.md, docs/performance.md)."),
      integer("case.output_compression", "1", 0, 9,
              "Deflate level of the result file's time series (0: none, 1: fastest, 9: smallest; with the "
              "shuffle filter). Level 1 writes a one-minute year in a third of the CPU of level 4 for a file "
              "3 % larger (docs/performance.md)."),
      // --- environment ---------------------------------------------------------------------
      text("environment.source", VT::Choice, "\"synthetic\"",
           "Weather and sea: built-in synthetic cycles, or a CSV time series (docs/environment.md).", false,
           {"synthetic", "csv"}),
      text("environment.file", VT::Path, "", "Environment CSV (required when environment.source = \"csv\")."),
      text("environment.wrap", VT::Choice, "\"none\"",
           "Outside the CSV record: \"none\" (the record must cover the run, else an input error) or "
           "\"years\" (the same calendar date and time in a year the record covers; docs/environment.md).",
           false, {"none", "years"}),
      integer("environment.seed", "1", 0, 2147483647, "Seed of the synthetic environment's random parts."),
      real("environment.salinity", "g/kg", "34.3", 0.0, 45.0,
           "Absolute salinity of the seawater (KODC line 208: 34.2-34.5 g/kg)."),
      real("environment.current_speed_mean", "m/s", "0.25", 0.0, 5.0,
           "Mean current speed of the synthetic environment."),
      temperature("environment.sst_mean", "293.90",
                  "Annual mean sea surface temperature (synthetic; Ulsan 20.75 degC)."),
      real("environment.sst_amplitude", "K", "6.25", 0.0, 30.0,
           "Annual amplitude of the sea surface temperature (synthetic)."),
      temperature("environment.air_mean", "290.95", 200.0, 340.0,
                  "Annual mean air temperature (synthetic; Ulsan 17.8 degC)."),
      real("environment.air_amplitude", "K", "9.0", 0.0, 40.0,
           "Annual amplitude of the air temperature (synthetic)."),
      real("environment.latitude", "deg", "35.345", -90.0, 90.0,
           "Latitude for the synthetic sun (KMA buoy 22189)."),
      real("environment.longitude", "deg", "129.841", -180.0, 180.0,
           "Longitude (east positive) for the synthetic sun and local solar time (KMA buoy 22189)."),
      real("environment.mixed_layer_depth", "m", "60", 0.0, 2000.0,
           "Mean mixed-layer depth of the synthetic thermocline."),
      real("environment.mixed_layer_amplitude", "m", "34", 0.0, 2000.0,
           "Annual amplitude of the synthetic mixed-layer depth (not above its mean)."),
      temperature("environment.deep_temperature", "274.74",
                  "Deep-water temperature of the synthetic thermocline."),
      // --- IT load --------------------------------------------------------------------------
      integer("it.halls", "2", 1, 64, "Number of data halls."),
      integer("it.rows_per_hall", "8", 1, 200, "Rack rows per hall."),
      integer("it.racks_per_row", "10", 1, 200, "Racks per row."),
      positive("it.rack_power_peak", "W", "120e3", "Electrical power of one rack at full utilization."),
      real("it.rack_power_idle", "W", "20e3", 0.0, kInf, "Electrical power of one idle rack."),
      fraction("it.liquid_fraction", "0.85",
               "Share of rack heat taken by the cold plates; the rest goes to hall air."),
      positive("it.chip_thermal_resistance", "K/W", "2.0e-4",
               "Chip-to-coolant thermal resistance of one rack (all cold plates in parallel)."),
      real("it.chip_air_resistance", "K/W", "2.9e-4", 1e-6, 1.0,
           "Chip-to-inlet-air thermal resistance of one fully air-cooled rack (it.liquid_fraction = 0; all "
           "heat sinks in parallel): the hottest chip sits R·P above the hall air. Default: an assumption, "
           "an air-cooled server whose hottest chip runs about 35 K above its inlet at full power, "
           "35 K / it.rack_power_peak (120 kW) = 2.9e-4 K/W; an air-cooled case sets its own."),
      positive("it.chip_heat_capacity", "J/K", "3.0e4", "Heat capacity of one rack's dies and cold plates."),
      positive("it.coolant_flow_per_power", "m3/(s W)", "2.5e-8",
               "Cold-plate coolant flow per W of peak rack power (OCP: 1.5 L/min per kW)."),
      positive("it.rack_coolant_volume", "m3", "0.05",
               "Coolant held in one rack's manifolds and cold plates."),
      temperature("it.chip_limit", "358.15", "Chip temperature above which a rack throttles."),
      positive("it.throttle_hysteresis", "K", "5",
               "Width of the throttling band below the chip limit (power falls linearly to throttle_factor "
               "across it); also the hysteresis of throttle events."),
      efficiency("it.throttle_factor", "0.5", "Share of rack power left at the chip limit."),
      text("it.profile", VT::Choice, "\"training\"", "Utilization profile of the halls.", false,
           {"training", "inference", "idle", "csv"}),
      text("it.profile_file", VT::Path, "",
           "Utilization CSV (columns time_s, utilization) for it.profile = \"csv\"."),
      fraction("it.utilization", "0.95",
               "Utilization in the compute phase (training) or at the daily peak (inference)."),
      positive("it.training_period", "s", "3600",
               "Interval between synchronisation/checkpoint dips of a training job."),
      positive("it.training_dip_duration", "s", "120", "Duration of one dip."),
      fraction("it.training_dip_level", "0.27",
               "Utilization during a dip (H100 traces: ~27 % of compute power)."),
      positive("it.training_ramp", "s", "5", "Duration of the ramp into and out of a dip."),
      text("it.training_dips", VT::Choice, "\"resolved\"",
           "\"resolved\": every dip followed in time (power and thermal transients, seconds-scale output); "
           "\"mean\": each period at its mean utilization (same IT energy, ~20x fewer solver steps; for "
           "hourly output and annual studies).",
           false, {"resolved", "mean"}),
      real("it.hall_phase_shift", "s", "0", 0.0, kInf,
           "Offset between the training jobs of successive halls."),
      fraction("it.inference_min", "0.35",
               "Inference utilization at the daily trough (relative to it.utilization)."),
      text("it.jobs", VT::String, "\"\"",
           "Jobs on rack ranges, separated by \";\": each `KIND:FIRST-LAST` (KIND training, inference, idle or "
           "csv; racks numbered from 0 in the order of /racks/name, hall 1 first) or each `KIND:N%` (a share of the "
           "racks in order, the shares adding up to 100 %, so the jobs scale with the plant), optionally followed by "
           "`phase=DURATION` and `utilization=FRACTION` (else it.utilization); every rack in exactly one job. "
           "Empty: one job per hall running it.profile, hall k shifted by k·it.hall_phase_shift."),
      positive("it.rack_pressure_drop", "Pa", "1.0e5",
               "Coolant pressure drop of one rack (quick disconnects, rack manifold, cold plates) at its "
               "nominal flow: the branch resistance of the row headers."),
      real("it.chip_resistance_spread", "1", "0.05", 0.0, 0.3,
           "Relative standard deviation of the chip-to-coolant resistance across racks (cold-plate contact, "
           "thermal interface; a normal distribution truncated at 3 sigma)."),
      real("it.power_spread", "1", "0.03", 0.0, 0.3,
           "Relative standard deviation of rack power across racks at the same utilization (silicon "
           "leakage and voltage bins; truncated at 3 sigma)."),
      integer("it.spread_seed", "1", 0, 2147483647,
              "Seed of the hardware spread: the same seed gives the same racks on every platform."),
      // --- liquid and air cooling -----------------------------------------------------------
      temperature("cooling.facility_supply_setpoint", "300.15",
                  "Facility water supply temperature held by the seawater pump control (ASHRAE W32 class)."),
      positive("cooling.facility_flow", "kg/s", "600", "Facility water flow."),
      positive("cooling.facility_volume", "m3", "40",
               "Facility water held in each of the supply and return headers."),
      integer("cooling.cdu_channels", "200", 1, 5000,
              "Channels per side of one hall's coolant distribution unit (CDU) plate pack (one pass); its UA "
              "follows from the TCS and facility flows by Martin's correlation (HallCooling)."),
      positive("cooling.cdu_plate_width", "m", "0.9", "Channel flow width of the CDU plates."),
      positive("cooling.cdu_plate_length", "m", "2.2", "Port-to-port flow length of the CDU plates."),
      real("cooling.cdu_corrugation_depth", "m", "3e-3", 1e-4, 0.05, "Corrugation depth (mean channel gap) of the CDU plates."),
      real("cooling.cdu_chevron_angle", "deg", "45", 10.0, 80.0,
           "Chevron angle of the CDU plates to the main flow (Martin 1996's phi)."),
      text("cooling.tcs_manifold", VT::Choice, "\"direct_return\"",
           "Supply/return headers of each rack row: \"direct_return\" (U-type, both at the CDU end: far racks "
           "get less flow), \"reverse_return\" (Z-type, the return leaves at the far end: near uniform) or "
           "\"uniform\" (no header losses, every rack the same flow).",
           false, {"direct_return", "reverse_return", "uniform"}),
      positive("cooling.tcs_header_diameter", "m", "0.128",
               "Inner diameter of a rack row's supply and return headers (DN125: 2-3 m/s at 30 kg/s)."),
      positive("cooling.tcs_header_friction", "1", "0.02",
               "Darcy friction factor of the row headers (Moody: commercial steel at Re ~ 1e5-1e6)."),
      positive("cooling.tcs_volume", "m3", "4",
               "Coolant held in one hall's technology cooling system return header."),
      positive("cooling.tcs_pump_head", "m", "25", "Head of the CDU (secondary loop) pumps."),
      positive("cooling.facility_pump_head", "m", "20", "Head of the facility water pumps."),
      integer("cooling.facility_pump_count", "2", 1, 64, "Facility water pumps running in parallel."),
      integer("cooling.facility_pump_spares", "1", 0, 64, "Standby facility water pumps (stand still in normal operation)."),
      integer("cooling.tcs_pump_count", "2", 1, 64, "CDU (secondary loop) pumps running in parallel per hall."),
      integer("cooling.tcs_pump_spares", "1", 0, 64, "Standby CDU pumps per hall (stand still in normal operation)."),
      efficiency("cooling.pump_efficiency", "0.8",
                 "Hydraulic efficiency of the pumps at their best-efficiency (design) point; off it the efficiency "
                 "curve eta_BEP (2r - r^2) applies (hydraulics/Pump)."),
      efficiency("cooling.motor_efficiency", "0.95",
                 "Full-load efficiency of the pump motors (IE3 4-pole: 94.6 % at 55 kW, 95.0 % at 75 kW, IEC "
                 "60034-30-1); part load follows the curve of hydraulics/PumpBank."),
      efficiency("cooling.vfd_efficiency", "0.97",
                 "Full-load efficiency of the variable-frequency drives; part load follows the curve of "
                 "hydraulics/PumpBank."),
      positive("cooling.hall_heat_capacity", "J/K", "5.0e7",
               "Heat capacity of one hall's air, structure and equipment."),
      positive("cooling.air_flow", "m3/s", "100", "Air flow through one hall's rear-door/CRAH coils."),
      efficiency("cooling.air_coil_effectiveness", "0.7", "Effectiveness of the rear-door/CRAH coils."),
      positive("cooling.fan_pressure", "Pa", "250", "Pressure rise of the coil fans."),
      efficiency("cooling.fan_efficiency", "0.6", "Fan and motor efficiency."),
      // --- trim chiller (model/cooling/TrimChiller.hpp) ---------------------------------------
      integer("chiller.stages", "0", 0, 16,
              "Stages of the trim chiller bank on the facility supply (0: none)."),
      positive("chiller.stage_capacity", "W", "1.5e6", "Cooling capacity of one chiller stage at full load."),
      real("chiller.deadband", "K", "0.5", 0.0, 10.0,
           "Chiller set point above cooling.facility_supply_setpoint: the seawater pumps reach full speed "
           "before the chiller takes load.",
           true),
      real("chiller.stage_hysteresis", "1", "0.1", 0.0, 0.9,
           "Share of one stage's capacity between staging a stage on and off again."),
      real("chiller.min_run_time", "s", "900", 0.0, 86400.0,
           "Shortest run of a stage before it may stop (manufacturers' anti-recycle timers: 15-30 min)."),
      real("chiller.stage_off_delay", "s", "900", 0.0, 86400.0,
           "How long the stop condition must hold before a stage stops (staging conditions held 15 min, "
           "as ASHRAE Guideline 36 chiller staging): a checkpoint dip does not cycle a compressor."),
      real("chiller.second_law_efficiency", "1", "0.70", 0.0, 1.0,
           "COP over the reversed-Carnot COP of the refrigerant saturation temperatures (0.70: COP 6.2 "
           "at the AHRI 550/590 full-load rating).",
           true),
      real("chiller.cop_max", "1", "10", 1.0, 50.0,
           "Highest COP, at lifts near zero (0.35 kW/ton: the best part-load ratings of VFD centrifugals)."),
      real("chiller.evaporator_approach", "K", "1.5", 0.0, 10.0,
           "Leaving chilled water to evaporating refrigerant at full load."),
      real("chiller.condenser_approach", "K", "1.5", 0.0, 10.0,
           "Condensing refrigerant to leaving condenser water at full load."),
      real("chiller.condenser_rise", "K", "5.6", 0.0, 20.0,
           "Condenser water rise at full load (AHRI 550/590: 3 gpm/ton, 29.4 to 35 degC)."),
      // --- hall air side: rows' inlet air, humidity (model/cooling/HallAir) -------------------
      real("air.recirculation", "1", "0.05", 0.0, 0.9,
           "Share of a rack row's server intake that is its own exhaust (hot air round the row ends and over "
           "the racks; assumption: 5 % for contained aisles)."),
      text("air.ashrae_class", VT::Choice, "\"A2\"",
           "ASHRAE thermal guideline class of the servers' inlet air (recommended and allowable envelopes; "
           "\"H1\" unverified).",
           false, {"A1", "A2", "A3", "A4", "H1"}),
      real("air.infiltration_ach", "1/h", "0.25", 0.0, 20.0,
           "Outside air changes per hour leaking into each hall (assumption for a closed hall on a barge)."),
      real("air.occupants", "1", "1", 0.0, 1000.0, "Persons working in each hall (assumption)."),
      real("air.occupant_moisture", "kg/s", "2.3e-5", 0.0, 1e-3,
           "Water vapour given off per person (55 W latent: moderately active work, ASHRAE Fundamentals "
           "ch. 18)."),
      fraction("air.outside_relative_humidity", "0.75",
               "Annual mean relative humidity of the outside (marine) air at the environment's air temperature "
               "(assumption)."),
      real("air.outside_rh_amplitude", "1", "0", 0.0, 0.5,
           "Amplitude of the outside air's annual relative-humidity cosine (0: constant)."),
      real("air.outside_rh_peak_day", "d", "200", 0.0, 366.0,
           "Day of the year of the most humid outside air (0 = 1 January 00:00 in case.start's offset)."),
      temperature("air.fill_dew_point", "233.15", 173.15, 323.15,
                  "Dew point of a sealed hall's fill gas (used when air.infiltration_ach = 0; dry nitrogen -40 "
                  "degC)."),
      real("air.dew_point_alarm_margin", "K", "2", 0.0, 20.0,
           "Dew-point alarm below this margin of the coldest liquid surface over the room dew point "
           "(2-3 K practice)."),
      // --- seawater system ------------------------------------------------------------------
      real("seawater.intake_depth", "m", "20", 0.0, 500.0, "Depth of the seawater intake below the surface."),
      positive("seawater.design_flow", "kg/s", "1000", "Seawater flow at full pump speed."),
      real("seawater.min_speed", "1", "0.2", 0.0, 1.0,
           "Lowest pump speed (fraction of rated) the controller may set. Raised, where lower, to the speed at "
           "which the pumps still deliver 25 % of the design flow against the static head (SeawaterSystem).",
           true),
      integer("seawater.pump_count", "3", 1, 64,
              "Seawater pumps running in parallel at the design point (identical, one speed)."),
      integer("seawater.pump_spares", "1", 0, 64,
              "Standby seawater pumps (N+1: 1); they stand still in normal operation."),
      real("seawater.pump_shutoff_ratio", "1", "1.25", 1.05, 2.0,
           "Shut-off head over design head of the seawater pumps (radial pumps 1.1-1.3, Gulich sec. 3.4)."),
      real("seawater.piping_head_loss", "m", "5.5", 0.0, kInf,
           "Friction head of the seawater system at the design flow outside the plate exchangers (intake "
           "line, strainers, valves, outfall); with the plates' pressure drop and the static lift it makes "
           "the design head."),
      real("seawater.pump_head_static", "m", "3", 0.0, kInf,
           "Static lift of the seawater system (does not scale with speed)."),
      integer("seawater.hx_units", "4", 1, 200, "Plate heat exchangers in parallel on the seawater main."),
      integer("seawater.hx_channels", "120", 1, 2000, "Channels per side of one plate exchanger (one pass)."),
      positive("seawater.hx_plate_width", "m", "0.9", "Channel flow width of the plates."),
      positive("seawater.hx_plate_length", "m", "2.2", "Port-to-port flow length of the plates."),
      real("seawater.hx_corrugation_depth", "m", "3.5e-3", 1e-4, 0.05,
           "Corrugation (pressing) depth of the plates, the mean channel gap."),
      real("seawater.hx_enlargement_factor", "1", "1.17", 1.0, 1.5,
           "Developed over projected plate area (VDI Heat Atlas N6: 1.15-1.25)."),
      real("seawater.hx_chevron_angle", "deg", "45", 10.0, 80.0,
           "Chevron angle between the corrugations and the main flow (Martin 1996's phi; 10-80 deg)."),
      real("seawater.hx_plate_thickness", "m", "6e-4", 0.0, 0.01, "Titanium plate thickness."),
      real("seawater.hx_fouling_facility", "m2K/W", "3.5e-5", 0.0, 0.01,
           "Fouling resistance on the facility (treated fresh-water) side of the plates."),
      real("seawater.fouling_resistance_max", "m2K/W", "7e-5", 0.0, 0.01,
           "Asymptotic seawater-side fouling resistance (Kern-Seaton)."),
      positive("seawater.fouling_time_constant", "s", "864000", "Time constant of fouling growth."),
      positive("seawater.cleaning_interval", "s", "5184000",
               "Interval between plate cleanings (fouling resets)."),
      real("seawater.cleaning_duration", "s", "86400", 0.0, kInf,
           "Time to clean the whole plate bank, pack after pack: fouling falls linearly to zero over it (0: "
           "an instantaneous reset). Less than the interval."),
      real("seawater.recirculation", "1", "0.05", 0.0, 0.9,
           "Share of intake flow that is recirculated discharge water (used when no CFD is coupled)."),
      positive("seawater.discharge_dT_max", "K", "8",
               "Largest outfall temperature rise the pump control allows."),
      positive("seawater.controller_gain", "1/K", "0.2", "Proportional gain of the pump speed controllers."),
      positive("seawater.controller_integral_time", "s", "300",
               "Integral time of the pump speed controllers."),
      // --- hull ------------------------------------------------------------------------------
      positive("hull.length", "m", "140", "Hull length."),
      positive("hull.beam", "m", "36", "Hull beam."),
      positive("hull.depth", "m", "10", "Moulded depth (keel to deck)."),
      positive("hull.draft", "m", "5", "Draft (keel to waterline)."),
      positive("hull.double_bottom", "m", "1.5", "Height of the double bottom under the halls."),
      integer("hull.panels_length", "20", 1, 1000, "Hull panels along the length."),
      integer("hull.panels_beam", "6", 1, 1000, "Hull panels across the beam."),
      integer("hull.panels_wet_height", "2", 1, 100, "Side panels below the waterline, per column."),
      integer("hull.panels_dry_height", "2", 1, 100, "Side panels above the waterline, per column."),
      positive("hull.plate_thickness", "m", "0.02", "Steel plate thickness."),
      positive("hull.plate_density", "kg/m3", "7850",
               "Density of the hull plate (Incropera Table A.1, plain carbon steel)."),
      real("hull.inner_resistance", "m2K/W", "0.5", 0.0, kInf,
           "Thermal resistance between the plate and the hall air besides the inner film (voids, "
           "insulation)."),
      positive("hull.inner_h", "W/(m2 K)", "5", "Inner (air side) natural-convection film coefficient."),
      fraction("hull.solar_absorptance", "0.7", "Solar absorptance of the deck and topsides paint."),
      fraction("hull.emissivity", "0.9", "Thermal emissivity of the deck and topsides."),
      text("hull.sea_correlation", VT::Choice, "\"flat_plate\"",
           "Sea-side convection: turbulent flat plate or ITTC-1957/Colburn (they bracket the hull value).",
           false, {"flat_plate", "ittc_colburn"}),
      // --- power plant -------------------------------------------------------------------------
      real("power.hotel_load", "W", "1.0e6", 0.0, kInf, "Hotel and auxiliary electrical load."),
      integer("power.engines.count", "3", 0, 100, "Number of gas engines."),
      positive("power.engines.rated_power", "W", "16.7e6",
               "Rated electrical power of one engine at the generator terminals (mechanical rating × "
               "generator efficiency; 18V50DF: 17.1 MW × 0.975)."),
      efficiency("power.engines.efficiency", "0.458",
                 "Electrical efficiency at rated power (LHV; 18V50DF: 47 % at the shaft × 0.975)."),
      fraction("power.engines.no_load_fuel_fraction", "0.10",
               "Willans-line fuel at zero load, as share of rated fuel."),
      fraction("power.engines.min_load", "0.10", "Lowest stable load of a running engine."),
      real("power.engines.startup_time", "s", "300", 0.0, kInf, "Time from a start command to synchronised."),
      positive("power.engines.ramp_rate", "1/s", "0.0167", "Ramp limit as share of rated power per second."),
      positive("power.engines.governor_time_constant", "s", "5",
               "Time constant of the engine load response."),
      fraction("power.engines.jacket_heat_fraction", "0.45",
               "Share of the engine waste heat taken by the cooling water (HT: jacket and HT charge air; LT: LT "
               "charge air and lube oil) and rejected to the sea through the central coolers; the rest leaves "
               "with the exhaust."),
      efficiency("power.engines.start_threshold", "0.9",
                 "Start another engine when demand exceeds this share of running capacity."),
      efficiency("power.engines.stop_threshold", "0.6",
                 "Stop an engine when demand fits under this share of one engine fewer."),
      real("power.engines.min_run_time", "s", "1800", 0.0, kInf,
           "Shortest time between two commitment changes."),
      text("power.engine_cooling.mode", VT::Choice, "\"separate\"",
           "Where the engines' central coolers reject their heat: `separate` (an engine-room sea chest with "
           "its own pumps and outfall, as on a ship's central cooling system) or `seawater_main` (on the "
           "datacenter's seawater main, after its plate exchangers).",
           false, {"separate", "seawater_main"}),
      positive("power.engine_cooling.seawater_design_flow", "kg/s", "1200",
               "Engine-room seawater flow at full pump speed (separate)."),
      real("power.engine_cooling.min_speed", "1", "0.5", 0.0, 1.0,
           "Lowest engine-room pump speed (fraction of rated); raised, where lower, to the speed at which the "
           "pumps still deliver 25 % of the design flow against the static head (EngineCooling).",
           true),
      positive("power.engine_cooling.design_rise", "K", "6",
               "Seawater rise through the central coolers that the engine-room pumps hold (separate)."),
      positive("power.engine_cooling.pump_head_design", "m", "12", "Engine-room seawater pump head at design flow."),
      integer("power.engine_cooling.pump_count", "2", 1, 64,
              "Engine-room seawater pumps running in parallel at the design flow (separate)."),
      integer("power.engine_cooling.pump_spares", "1", 0, 64,
              "Standby engine-room seawater pumps (stand still in normal operation)."),
      real("power.engine_cooling.pump_head_static", "m", "3", 0.0, kInf,
           "Static lift of the engine-room seawater system."),
      real("power.engine_cooling.recirculation", "1", "0.05", 0.0, 0.9,
           "Share of the engine-room intake that is its own discharge water."),
      positive("power.engine_cooling.discharge_dT_max", "K", "8",
               "Permitted rise above the ambient sea at the engine-room outfall."),
      real("power.engine_cooling.intake_depth", "m", "5", 0.0, 500.0,
           "Depth of the engine-room sea chest below the surface (in the bottom plating)."),
      positive("power.engine_cooling.cooler_ua", "W/K", "4.6e6",
               "UA of the central coolers (all units): 26.5 MW at 32 degC sea, LT 46 -> 36 degC, seawater 32 -> "
               "38 degC."),
      positive("power.engine_cooling.lt_flow", "kg/s", "650", "Flow of the low-temperature fresh-water circuit."),
      temperature("power.engine_cooling.lt_setpoint", "309.15",
                  "LT water temperature to the engines held by the three-way valve."),
      temperature("power.engine_cooling.lt_supply_max", "311.15",
                  "Highest LT water temperature to the engines before their output must be reduced."),
      real("power.distribution.capacity_factor", "1", "1.67", 1.0, 10.0,
           "Rating of each distribution stage (transformers, switchboards and cables, UPS, rack power shelves) "
           "as a multiple of the design IT load (racks x rack peak power); 1.67 loads them to 60 % at full IT "
           "load (assumption: N+1 redundancy)."),
      real("power.distribution.transformer_no_load_loss", "1", "0.00134", 0.0, 0.05,
           "Transformer no-load loss per unit of its rating (Schneider Electric FA132857, 1000 kVA liquid-filled: "
           "1340 W)."),
      real("power.distribution.transformer_load_loss", "1", "0.0125", 0.0, 0.1,
           "Transformer load loss at rated current per unit of its rating (same source: 12 500 W)."),
      real("power.distribution.power_factor", "1", "0.95", 0.5, 1.0,
           "Power factor of the load at the transformer secondary (assumption)."),
      real("power.distribution.cable_loss", "1", "0.01", 0.0, 0.1,
           "I2R loss share of the switchboards and cable runs at rated load (assumption)."),
      text("power.distribution.ups", VT::Choice, "\"double_conversion\"",
           "UPS stage: `double_conversion` (94.5-96.3 %), `eco_mode` (~99 %) or `none` (no UPS: a shore cable "
           "or battery backup in the racks).",
           false, {"double_conversion", "eco_mode", "none"}),
      text("power.distribution.power_shelf", VT::Choice, "\"high_efficiency\"",
           "Rack power shelves (AC to DC): `titanium` (80 PLUS Titanium minimum, 90/94/96/91 %) or "
           "`high_efficiency` (~97.5 % at half load, current liquid-cooled AI racks).",
           false, {"titanium", "high_efficiency"}),
      positive("power.fuel.lhv", "J/kg", "49.5e6", "Lower heating value of the fuel (natural gas)."),
      positive("power.fuel.co2_factor", "kg/J", "56.1e-9", "CO2 per J of fuel LHV (IPCC 2006 natural gas)."),
      real("power.battery.capacity", "J", "7.2e10", 0.0, kInf, "Usable battery energy (20 MWh)."),
      real("power.battery.power_max", "W", "10e6", 0.0, kInf, "Battery power limit (charge and discharge)."),
      efficiency("power.battery.round_trip_efficiency", "0.85", "AC/AC round-trip efficiency (NREL ATB)."),
      fraction("power.battery.soc_min", "0.1", "Lowest state of charge."),
      fraction("power.battery.soc_max", "0.9", "Highest state of charge."),
      fraction("power.battery.soc_initial", "0.5", "State of charge at t = 0."),
      fraction("power.battery.soc_target", "0.5", "State of charge the dispatch steers to."),
      positive("power.battery.recharge_time", "s", "7200",
               "Time constant with which the dispatch restores the target charge."),
      real("power.solar.peak_power", "W", "1.0e6", 0.0, kInf,
           "Deck solar power at STC (1000 W/m2, 25 degC)."),
      real("power.solar.temperature_coefficient", "1/K", "-0.004", -0.02, 0.0,
           "Power temperature coefficient."),
      temperature("power.solar.noct", "318.15", "Nominal operating cell temperature."),
      efficiency("power.solar.inverter_efficiency", "0.97", "Inverter efficiency."),
      real("power.shore.import_limit", "W", "0", 0.0, kInf, "Shore connection import limit (0: none)."),
      // --- CFD of the sea around the hull (OpenFOAM; docs/cfd.md) ------------------------------------
      text("cfd.mesh", VT::Choice, "\"coarse\"",
           "Resolution of the sea mesh: coarse (~14k cells, tests) or production (~590k cells).", false,
           {"coarse", "production"}),
      text("cfd.solver", VT::Choice, "\"steady\"",
           "OpenFOAM solver per coupling window: steady (buoyantBoussinesqSimpleFoam) or transient "
           "(buoyantBoussinesqPimpleFoam).",
           false, {"steady", "transient"}),
      positive("cfd.sea_depth", "m", "40",
               "Water depth of the CFD domain (rigid lid at the surface, slip sea bed)."),
      positive("cfd.coupling_window", "s", "3600",
               "Coupling window: the plant and the CFD exchange fields at its ends."),
      integer("cfd.iterations", "100", 1, 100000, "SIMPLE iterations per coupling window (steady solver)."),
      integer("cfd.initial_iterations", "300", 1, 100000,
              "Iterations of the first window (cold start) and of each training point."),
      integer("cfd.ranks", "1", 1, 4096,
              "MPI ranks of the CFD (1: serial; >1: decomposePar + mpirun -parallel)."),
      positive("cfd.mixing_zone_radius", "m", "100",
               "Radius of the mixing zone around the outfall (IFC: 100 m when none is set)."),
      positive("cfd.permit_dT", "K", "3",
               "Largest temperature rise allowed at the mixing-zone edge (IFC EHS guidelines)."),
      positive("cfd.plume_threshold", "K", "0.5", "Temperature rise that defines the plume's extent."),
      text("cfd.outfall.face", VT::Choice, "\"stern\"", "Hull face the outfall opening sits on.", false,
           {"stern", "bow", "port", "starboard", "bottom"}),
      real("cfd.outfall.x", "m", "0", 0.0, kInf,
           "Outfall position along the hull from the stern (port, starboard, bottom faces)."),
      real("cfd.outfall.y", "m", "0", -kInf, kInf,
           "Outfall position across the hull, to port (stern, bow, bottom faces)."),
      real("cfd.outfall.depth", "m", "2.5", 0.0, kInf,
           "Outfall depth below the waterline (stern, bow, port, starboard faces)."),
      positive("cfd.outfall.size", "m", "2", "Side of the square outfall opening (at least one mesh face)."),
      text("cfd.intake.face", VT::Choice, "\"bottom\"", "Hull face the intake sea chest sits on.", false,
           {"stern", "bow", "port", "starboard", "bottom"}),
      real("cfd.intake.x", "m", "35", 0.0, kInf,
           "Intake position along the hull from the stern (port, starboard, bottom faces)."),
      real("cfd.intake.y", "m", "0", -kInf, kInf,
           "Intake position across the hull, to port (stern, bow, bottom faces)."),
      real("cfd.intake.depth", "m", "2.5", 0.0, kInf,
           "Intake depth below the waterline (stern, bow, port, starboard faces)."),
      positive("cfd.intake.size", "m", "2", "Side of the square intake opening (at least one mesh face)."),
      // --- solver --------------------------------------------------------------------------------
      real("solver.rtol", "1", "1e-5", 1e-12, 1e-2, "Relative tolerance of CVODES."),
      real("solver.max_step", "s", "0", 0.0, kInf, "Largest internal step (0: no limit)."),
  };
}

CrossRule less(std::string low, std::string high, bool blameHigh = false) {
  CrossRule r;
  r.kind = CrossRule::Kind::Less;
  r.low = std::move(low);
  r.high = std::move(high);
  r.blameHigh = blameHigh;
  return r;
}
CrossRule atMost(std::string low, std::string high, bool blameHigh = false) {
  CrossRule r = less(std::move(low), std::move(high), blameHigh);
  r.kind = CrossRule::Kind::LessOrEqual;
  return r;
}
CrossRule sumLess(std::vector<std::pair<double, std::string>> terms, std::string high) {
  CrossRule r;
  r.kind = CrossRule::Kind::SumLess;
  r.terms = std::move(terms);
  r.high = std::move(high);
  return r;
}
CrossRule requiredWhen(std::string key, std::string choiceKey, std::string value, std::string example) {
  CrossRule r;
  r.kind = CrossRule::Kind::RequiredWhen;
  r.low = std::move(key);
  r.high = std::move(choiceKey);
  r.value = std::move(value);
  r.example = std::move(example);
  return r;
}

// Checks across keys, in the order the reader applies them (the first broken one is reported).
std::vector<CrossRule> makeRules() {
  return {
      less("power.battery.soc_min", "power.battery.soc_max"),
      atMost("power.battery.soc_min", "power.battery.soc_initial", true),
      atMost("power.battery.soc_initial", "power.battery.soc_max"),
      atMost("power.battery.soc_min", "power.battery.soc_target", true),
      atMost("power.battery.soc_target", "power.battery.soc_max"),
      atMost("it.rack_power_idle", "it.rack_power_peak"),
      less("hull.draft", "hull.depth"),
      less("hull.double_bottom", "hull.depth"),
      atMost("case.output_interval", "case.duration"),
      // A cleaning must end before the next starts (SeawaterSystem's schedule).
      less("seawater.cleaning_duration", "seawater.cleaning_interval"),
      // The engine-room pumps must lift more than the static head at their design flow (EngineCooling).
      less("power.engine_cooling.pump_head_static", "power.engine_cooling.pump_head_design"),
      // The ramps and the dip fit inside one period (UtilizationProfile's training shape).
      sumLess({{1.0, "it.training_dip_duration"}, {2.0, "it.training_ramp"}}, "it.training_period"),
      requiredWhen("environment.file", "environment.source", "csv", "environment.csv"),
      requiredWhen("it.profile_file", "it.profile", "csv", "utilization.csv"),
  };
}

}  // namespace

const std::vector<KeyDef>& caseSchema() {
  static const std::vector<KeyDef> schema = makeSchema();
  return schema;
}

const std::vector<CrossRule>& crossRules() {
  static const std::vector<CrossRule> rules = makeRules();
  return rules;
}

}  // namespace fdtwin
