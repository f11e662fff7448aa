#pragma once
// Parameters of the whole plant, in SI units. The model knows nothing of case files:
// run/PlantFromCase.cpp fills this struct from a validated Case, and io::defaultPlantParams()
// (run/CaseBindings.hpp) from the schema's defaults. The members have no initialisers on purpose:
// their one default is the schema's (core/SchemaTable.cpp), so none can drift from it.
#include <string>

#include <vector>

#include "model/cooling/AshraeClass.hpp"
#include "model/cooling/RowManifold.hpp"
#include "model/it/UtilizationProfile.hpp"

namespace fdtwin {

struct ItParams {
  int halls, rowsPerHall, racksPerRow;
  double rackPowerPeak;        // W
  double rackPowerIdle;        // W
  double liquidFraction;       // 1
  double chipResistance;       // K/W
  double chipAirResistance;    // K/W, chip to inlet air of a fully air-cooled rack (f = 0)
  double chipHeatCapacity;     // J/K
  double coolantFlowPerPower;  // m3/(s W)
  double rackCoolantVolume;    // m3
  double chipLimit;            // K
  double throttleHysteresis;   // K
  double throttleFactor;       // 1
  it::ProfileParams profile;   // hall 0; hall k is shifted by k·hallPhaseShift
  double hallPhaseShift;       // s
  // The jobs on rack ranges (it.jobs); empty: one job per hall running `profile` (it/Racks).
  std::vector<it::JobParams> jobs;
  double rackPressureDrop;      // Pa at the rack's nominal coolant flow
  double chipResistanceSpread;  // 1, relative standard deviation of R across racks
  double powerSpread;           // 1, relative standard deviation of rack power across racks
  int spreadSeed;
};

struct CoolingParams {
  double facilitySupplySetpoint;      // K
  double facilityFlow;                // kg/s
  double facilityVolume;              // m3 per header
  int cduChannels;                    // CDU plate pack of one hall: channels per side
  double cduPlateWidth;               // m
  double cduPlateLength;              // m, port to port
  double cduCorrugationDepth;         // m
  double cduChevronAngle;             // deg
  cooling::ManifoldKind tcsManifold;  // the rack rows' supply/return headers
  double tcsHeaderDiameter;           // m, inner diameter of a row header
  double tcsHeaderFriction;           // 1, Darcy friction factor of a row header
  double tcsVolume;                   // m3 per hall
  double tcsPumpHead;                 // m
  double facilityPumpHead;            // m
  int facilityPumpCount, facilityPumpSpares;  // running, standby
  int tcsPumpCount, tcsPumpSpares;            // per hall: running, standby
  double pumpEfficiency, motorEfficiency, vfdEfficiency;
  double hallHeatCapacity;  // J/K
  double airFlow;           // m3/s per hall
  double airCoilEffectiveness;
  double fanPressure;  // Pa
  double fanEfficiency;
};

// Trim chiller bank on the facility supply (model/cooling/TrimChiller.hpp).
struct ChillerParams {
  int stages;                  // stages (0: no chiller)
  double stageCapacity;        // W, evaporator duty of one stage at full load
  double deadband;             // K, chiller set point over the facility supply set point
  double stageHysteresis;      // 1, share of a stage between staging up and down
  double minRunTime;           // s, a stage runs at least this long before it may stop
  double stageOffDelay;        // s, the stop condition must hold this long
  double secondLawEfficiency;  // 1, COP over the reversed-Carnot COP of the saturation temperatures
  double copMax;               // 1, COP at lifts near zero
  double evaporatorApproach;   // K, leaving chilled water to evaporating refrigerant at full load
  double condenserApproach;    // K, condensing refrigerant to leaving condenser water at full load
  double condenserRise;        // K, condenser water rise at full load
};

// The halls' air side (cooling/HallAir): rows' server inlet air and hall humidity.
struct AirParams {
  double recirculation;            // 1, share of a row's server intake that is its own exhaust
  cooling::AshraeClass ashraeClass;  // the servers' inlet class (cooling/AshraeClass)
  double infiltrationAch;          // 1/h, outside air changes per hour leaking into a hall
  double occupants;                // persons per hall
  double occupantMoisture;         // kg/s of water vapour per person
  double outsideRelativeHumidity;  // 1, of the outside (marine) air: annual mean
  double outsideRhAmplitude;       // 1, of its annual cosine
  double outsideRhPeakDay;         // day of the year of its maximum (0 = 1 January)
  double startDayOfYear = 0.0;     // day of the year at t = 0 (from case.start; not a key)
  double fillDewPoint;             // K, dew point of a sealed hall's fill gas (no infiltration)
  double dewPointAlarmMargin;      // K, alarm below this margin of the cold surfaces over the dew point
};

struct SeawaterParams {
  double salinity;                // g/kg
  double intakeDepth;             // m
  double designFlow;              // kg/s
  double minSpeed;                // 1
  int pumpCount;                  // pumps running at the design point
  int pumpSpares;                 // standby pumps (not run in normal operation)
  double pumpShutoffRatio;        // 1, shut-off head over design head
  double pipingHeadLoss;          // m at the design flow (intake, strainers, pipes, valves, outfall)
  double pumpHeadStatic;          // m
  int hxUnits;                    // plate exchangers in parallel
  int hxChannels;                 // channels per side of one unit
  double hxPlateWidth;            // m
  double hxPlateLength;           // m, port to port
  double hxCorrugationDepth;      // m, mean channel gap
  double hxEnlargement;           // 1, developed over projected area
  double hxChevronAngle;          // deg, corrugation to the main flow direction
  double hxPlateThickness;        // m
  double hxFoulingFacility;       // m2K/W, facility (fresh-water) side
  double foulingMax;              // m2K/W
  double foulingTau;              // s
  double cleaningInterval;        // s
  double cleaningDuration;        // s, pack after pack (0: instantaneous reset)
  double recirculation;           // 1
  double dischargeDTMax;          // K
  double controllerGain;          // 1/K
  double controllerIntegralTime;  // s
};

struct HullParams {
  double length, beam, depth, draft, doubleBottom;  // m
  int panelsLength, panelsBeam, panelsWetHeight, panelsDryHeight;
  double plateThickness;   // m
  double plateDensity;     // kg/m3
  double innerResistance;  // m2K/W
  double innerH;           // W/(m2 K)
  double solarAbsorptance;
  double emissivity;
  bool ittcColburn;  // sea-side correlation
};

struct EngineParams {
  int count;
  double ratedPower;          // W
  double efficiency;          // 1, LHV at rated power
  double noLoadFuelFraction;  // Willans-line intercept
  double minLoad;             // 1
  double startupTime;         // s
  double rampRate;            // 1/s
  double governorTau;         // s
  double jacketFraction;      // share of waste heat to the cooling water (HT and LT circuits)
  double startThreshold, stopThreshold;
  double minRunTime;  // s
  double fuelLhv;     // J/kg
  double co2Factor;   // kg/J
};

// Where the engines' cooling water rejects its heat (model/power/EngineCooling.hpp).
enum class EngineCoolingMode {
  Separate,      // an engine-room sea chest with its own pumps, central coolers and outfall
  MainSeawater,  // central coolers on the datacenter's seawater main, after its plate exchangers
};

struct EngineCoolingParams {
  EngineCoolingMode mode;
  double designFlow;      // kg/s, engine-room seawater pumps at full speed (Separate)
  double minSpeed;        // 1
  double designRise;      // K, seawater rise through the central coolers the pump control holds
  double pumpHeadDesign;  // m
  double pumpHeadStatic;  // m
  int pumpCount;          // engine-room seawater pumps running at the design point
  int pumpSpares;         // standby engine-room pumps
  double recirculation;   // 1, share of the engine-room intake that is its own discharge
  double dischargeDTMax;  // K, permitted rise above ambient sea at the engine-room outfall
  double intakeDepth;     // m
  double coolerUa;        // W/K, central coolers (all units)
  double ltFlow;          // kg/s, low-temperature fresh-water circuit
  double ltSetpoint;      // K, LT water to the engines (three-way valve)
  double ltSupplyMax;     // K, highest LT water temperature the engines accept
};

// The UPS stage and the rack power shelves of the electrical distribution, by the published
// efficiency curves that model/power/ElectricalDistribution.cpp holds (with their sources).
enum class UpsKind { DoubleConversion, EcoMode, None };
enum class PowerShelfKind { Titanium, HighEfficiency };

// Generator terminals → transformer → switchboard and cables → UPS → rack power shelves → chips.
struct DistributionParams {
  double capacityFactor;         // each stage's rating / design IT load (racks × rack peak power)
  double transformerNoLoadLoss;  // P0/S_rated
  double transformerLoadLoss;    // Pk/S_rated at rated current
  double powerFactor;            // of the load at the transformer secondary
  double cableLossAtRated;       // I²R share of the switchboard and cable runs at rated load
  UpsKind ups;
  PowerShelfKind powerShelf;
};

struct BatteryParams {
  double capacity;  // J
  double powerMax;  // W
  double roundTrip;
  double socMin, socMax, socInitial, socTarget;
  double rechargeTime;  // s
};

struct SolarParams {
  double peakPower;        // W
  double tempCoefficient;  // 1/K
  double noct;             // K
  double inverterEfficiency;
};

struct PlantParams {
  ItParams it;
  CoolingParams cooling;
  ChillerParams chiller;
  AirParams air;
  SeawaterParams seawater;
  HullParams hull;
  EngineParams engines;
  EngineCoolingParams engineCooling;
  DistributionParams distribution;
  BatteryParams battery;
  SolarParams solar;
  double hotelLoad;         // W
  double shoreImportLimit;  // W
};

}  // namespace fdtwin
