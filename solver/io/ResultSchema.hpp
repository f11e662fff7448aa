#pragma once
// The result file schema, declared once: every dataset, attribute and KPI of an fdtwin result
// file (HDF5) with its path, kind, units, long name, dimensions and meaning. The recorders
// (run/Recorder, run/CfdRecorder) create every item through its entry here, the readers (this
// layer's ResultReader and XdmfWriter, sweep/Kpis, `fdtwin info`, the viewer) find items through
// it, docs/results-format.md is generated from it (`fdtwin schema --results`), and the test
// fixture tests/fixtures/make_result.py writes the layout of its JSON form
// (`fdtwin schema --results --json`, kept in docs/results-schema.json).
//
// Conventions (CF 1.10, netCDF-4 on HDF5, UDUNITS-2):
// - every dataset has `long_name`; every numeric dataset has `units`, a UDUNITS-2 string ("1"
//   for dimensionless, "m2 K/W"); string datasets have no `units`.
// - `/time` has `units = "seconds since <case start>"` and `calendar = "standard"`, so xarray
//   and cftime decode date-times.
// - each dimension of a dataset is an HDF5 dimension scale (H5DS): an index dataset whose
//   name is the dimension name, found as netCDF finds it: in the dataset's own group or the
//   nearest group above it (`/racks/rack`, then `/xyz`). `/time` is the scale of "time".
// - KPIs are scalar datasets under /kpi, each with units, long_name and its formula.
// - provenance (program version, creation time, command line, wall times) lives under
//   /provenance (and the few provenance datasets named by h5diffExcludes()), so two runs of one
//   case compare equal with `h5diff --exclude-path /provenance A.h5 B.h5`.
#include <string>
#include <string_view>
#include <vector>

namespace fdtwin::results {

// The version written; readers also read kOldestReadableVersion .. kSchemaVersion.
constexpr int kSchemaVersion = 3;
constexpr int kOldestReadableVersion = 1;

enum class Kind {
  Series,     // one row per output time, [time] or [time, n]; or per field row, [field_time, n]
  Static,     // written once (geometry, names, index datasets, events, CFD windows)
  Attribute,  // an attribute of a group or of the root ("/path@name")
  Kpi,        // a scalar dataset under /kpi, with a formula
};

enum class Type { Real, Integer, Text };

struct Entry {
  std::string path;  // "/racks/T_chip"; attributes "/group@name", root attributes "/@name"
  Kind kind;
  Type type;
  std::string units;              // UDUNITS-2; "" for strings and text attributes
  std::string longName;           // CF long_name
  std::vector<std::string> dims;  // dimension names, slowest first; {} for scalars
  std::string description;        // the meaning, for docs/results-format.md
  std::string formula;            // KPIs: how it is computed
  bool provenance = false;        // differs between two runs of one case (excluded from h5diff)
  bool optional = false;          // written only in some runs (CFD, failed runs)

  bool isAttribute() const { return kind == Kind::Attribute; }
  // For attributes: the object ("/solver", "/") and the attribute name.
  std::string object() const;
  std::string name() const;  // the attribute name, or the last path component of a dataset
  // A dataset that is the dimension scale of its own name ("/racks/rack", "/time").
  bool isScale() const;
};

// --- every entry, in document order ------------------------------------------------------
const std::vector<const Entry*>& schema();
// The entry at `path` (dataset path or "/object@name"), or nullptr.
const Entry* find(std::string_view path);
// The KPI entry named `name` ("PUE"), or nullptr.
const Entry* findKpi(std::string_view name);
// All KPI entries (plant KPIs first, then the CFD KPIs), in document order.
std::vector<const Entry*> kpis();
// The scale dataset path a dataset at `datasetPath` uses for dimension `dim` (netCDF scoping:
// its own group, then each group above); "" when the schema declares none.
std::string scalePathFor(const std::string& datasetPath, const std::string& dim);

// `/time@units` for a case that starts at `start` (ISO 8601, "2025-07-01T00:00:00+09:00"):
// "seconds since 2025-07-01 00:00:00+09:00".
std::string timeUnits(const std::string& start);
constexpr const char* kCalendar = "standard";
// h5diff options that skip everything declared provenance.
std::vector<std::string> h5diffExcludes();

// --- documentation -----------------------------------------------------------------------
std::string markdown();  // docs/results-format.md
std::string json();      // docs/results-schema.json

// --- the entries ---------------------------------------------------------------------------
// Root attributes.
extern const Entry schemaVersion, caseName, caseToml, startDatetime, status, failure;
// Provenance (group /provenance).
extern const Entry fdtwinVersion, createdUtc, commandLine, wallTime, rhsTime, jacobianTime, quadratureTime,
    rootTime;
// Shared dimensions.
extern const Entry time, fieldTime, timeCalendar, fieldTimeCalendar, xyz;
// Racks and halls.
extern const Entry rackIndex, racksName, racksHall, racksPosition, racksSize, racksMDotCoolant, racksJob,
    racksTChip, racksTCoolantOut, racksPIt, racksTChipMax;
extern const Entry hallIndex, hallBound, hallsName, hallsBox, hallsTAir;
// the air side (cooling/HallAir)
extern const Entry rowIndex, rowsName, rowsHall, rowsAshraeClass, rowsTInlet, rowsTExhaust, hallsHumidityRatio,
    hallsRelativeHumidity, hallsTDewPoint, hallsDewPointMargin, hallsMCondensate;
extern const Entry kpiTInletMax, kpiInletRecommendedTime, kpiInletAllowableTime, kpiInletAllowableEvents,
    kpiDewPointMarginMin, kpiDewPointLowTime;
// Cooling.
extern const Entry coolingSalinity, coolingTSeaAmbient, coolingTIntake, coolingTDischarge, coolingDischargeDT,
    coolingRiseAboveAmbient,
    coolingMDotSeawater, coolingQSeawater, coolingPPumps, coolingPumpSpeed, coolingTFacilitySupply,
    coolingTFacilityReturn, coolingFoulingResistance, coolingPSeawaterPumps, coolingUaSeawaterHx,
    coolingSeawaterPumpCount, coolingSeawaterPumpSpares;
// Engine cooling.
extern const Entry engineCoolingQ, engineCoolingTSeaAmbient, engineCoolingTIntake, engineCoolingTDischarge,
    engineCoolingRise, engineCoolingMDot, engineCoolingPPumps, engineCoolingTLt;
// Trim chiller.
extern const Entry chillerQEvap, chillerPEl, chillerCop, chillerStages, chillerTLeaving, chillerTCondenserIn;
// Hull.
extern const Entry hullDraft, panelIndex, pointIndex, cornerIndex, panelGroupIndex, hullPoints, hullCells,
    hullArea, hullGroup, hullGroupNames, hullT;
// Power.
extern const Entry generatorIndex, powerGeneratorName, powerPIt, powerPCooling, powerPHotel, powerPFacility,
    powerPPlantAux, powerPItInput, powerLossTransformer, powerLossCables, powerLossUps, powerLossShelves,
    powerPDemand, powerPUnserved, powerPDumped, powerPGeneration, powerPBattery, powerBatterySoc,
    powerEnginesOnline, powerFuelRate, powerCO2Rate;
// Environment.
extern const Entry envTSeaSurface, envTAir, envGSolar, envWindSpeed, envCurrentSpeed;
// Energy ledger.
extern const Entry sourceIndex, sinkIndex, balanceSourceNames, balanceSinkNames, balanceSources, balanceSinks,
    balanceSourceEnergy, balanceSinkEnergy, balanceEStored;
// Events.
extern const Entry eventIndex, eventsTime, eventsKind, eventsComponent;
// Solver statistics (attributes of /solver).
extern const Entry solverSteps, solverRhsEvals, solverJacEvals, solverLinearSetups, solverNonlinearIterations,
    solverErrorTestFailures, solverRtol, solverStates;
// Checkpoint (run/Checkpoint).
extern const Entry checkpointTime, checkpointRows, checkpointFieldRows, checkpointEvents, checkpointStateIndex,
    checkpointStateName, checkpointStateUnit, checkpointY, checkpointQuadratureIndex, checkpointQuadratures,
    checkpointDiscreteIndex, checkpointDiscrete, checkpointAccumulatorIndex, checkpointRecorder,
    checkpointCounterIndex, checkpointSolver;
// KPIs.
extern const Entry kpiPue, kpiFuelToItEfficiency, kpiTChipMax, kpiTChipSpreadMax, kpiHottestRack, kpiDischargeDTMax,
    kpiOutfallRiseMax, kpiEngineLtMax, kpiDistributionLossShare,
    kpiFuelTotal, kpiCO2Total,
    kpiEIt, kpiEItInput, kpiEFacility, kpiEUnserved, kpiHeatToSea, kpiThrottleEvents, kpiEnergyBalanceResidual;
extern const Entry kpiChillerRunTime, kpiEChiller, kpiChillerPueShare;
extern const Entry kpiMixingZoneDTMax, kpiPermitDT, kpiPermitBreach, kpiPlumeExtentMax, kpiCfdWindows,
    kpiCfdWallTime;
// CFD coupling.
extern const Entry cfdMode, cfdCouplingWindow, cfdMixingZoneRadius, cfdPermitDT, cfdMesh, windowIndex,
    cfdTime, cfdCurrentSpeed, cfdOutfallFlow, cfdOutfallTemperature, cfdOutfallHeat, cfdIntakeRise, cfdMixingZoneRise,
    cfdPlumeExtent, cfdHullHeat, cfdWallTime, cfdEnergyImbalance, cfdResiduals;
extern const Entry sliceHorizontalPoint, sliceHorizontalPoints, sliceHorizontalT, sliceVerticalPoint,
    sliceVerticalPoints, sliceVerticalT;

}  // namespace fdtwin::results
