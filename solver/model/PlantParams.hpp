#pragma once
// Parameters of the whole plant, in SI units. The model knows nothing of case files:
// run/PlantFromCase.cpp fills this struct from a validated Case.
#include <string>

#include "model/it/UtilizationProfile.hpp"

namespace fdtwin {

struct ItParams {
  int halls = 2, rowsPerHall = 8, racksPerRow = 10;
  double rackPowerPeak = 120e3;       // W
  double rackPowerIdle = 20e3;        // W
  double liquidFraction = 0.85;       // 1
  double chipResistance = 2.0e-4;     // K/W
  double chipHeatCapacity = 3.0e4;    // J/K
  double coolantFlowPerPower = 2.5e-8;  // m3/(s W)
  double rackCoolantVolume = 0.05;    // m3
  double chipLimit = 358.15;          // K
  double throttleHysteresis = 5.0;    // K
  double throttleFactor = 0.5;        // 1
  it::ProfileParams profile;          // hall 0; hall k is shifted by k·hallPhaseShift
  double hallPhaseShift = 600.0;      // s
};

struct CoolingParams {
  double facilitySupplySetpoint = 300.15;  // K
  double facilityFlow = 600.0;             // kg/s
  double facilityVolume = 40.0;            // m3 per header
  double cduUA = 3.0e6;                    // W/K per hall
  double tcsVolume = 4.0;                  // m3 per hall
  double tcsPumpHead = 25.0;               // m
  double facilityPumpHead = 20.0;          // m
  double pumpEfficiency = 0.8, motorEfficiency = 0.95, vfdEfficiency = 0.97;
  double hallHeatCapacity = 5.0e7;         // J/K
  double airFlow = 100.0;                  // m3/s per hall
  double airCoilEffectiveness = 0.7;
  double fanPressure = 250.0;              // Pa
  double fanEfficiency = 0.6;
};

struct SeawaterParams {
  double salinity = 34.3;                // g/kg
  double intakeDepth = 20.0;             // m
  double designFlow = 1000.0;            // kg/s
  double minSpeed = 0.2;                 // 1
  double pumpHeadDesign = 15.0;          // m
  double pumpHeadStatic = 3.0;           // m
  double hxArea = 1500.0;                // m2
  double hxUClean = 5000.0;              // W/(m2 K)
  double foulingMax = 7e-5;              // m2K/W
  double foulingTau = 864000.0;          // s
  double cleaningInterval = 5184000.0;   // s
  double cleaningDuration = 0.0;         // s, pack after pack (0: instantaneous reset)
  double recirculation = 0.05;           // 1
  double dischargeDTMax = 8.0;           // K
  double controllerGain = 0.2;           // 1/K
  double controllerIntegralTime = 300.0; // s
};

struct HullParams {
  double length = 140.0, beam = 36.0, depth = 10.0, draft = 5.0, doubleBottom = 1.5;  // m
  int panelsLength = 20, panelsBeam = 6, panelsWetHeight = 2, panelsDryHeight = 2;
  double plateThickness = 0.02;   // m
  double innerResistance = 0.5;   // m2K/W
  double innerH = 5.0;            // W/(m2 K)
  double solarAbsorptance = 0.7;
  double emissivity = 0.9;
  bool ittcColburn = false;       // sea-side correlation
};

struct EngineParams {
  int count = 3;
  double ratedPower = 19e6;          // W
  double efficiency = 0.46;          // 1, LHV at rated power
  double noLoadFuelFraction = 0.10;  // Willans-line intercept
  double minLoad = 0.10;             // 1
  double startupTime = 300.0;        // s
  double rampRate = 0.0167;          // 1/s
  double governorTau = 5.0;          // s
  double jacketFraction = 0.45;      // share of waste heat to sea
  double startThreshold = 0.9, stopThreshold = 0.6;
  double minRunTime = 1800.0;        // s
  double fuelLhv = 49.5e6;           // J/kg
  double co2Factor = 56.1e-9;        // kg/J
};

struct BatteryParams {
  double capacity = 7.2e10;   // J
  double powerMax = 10e6;     // W
  double roundTrip = 0.85;
  double socMin = 0.1, socMax = 0.9, socInitial = 0.5, socTarget = 0.5;
  double rechargeTime = 7200.0;  // s
};

struct SolarParams {
  double peakPower = 1.0e6;        // W
  double tempCoefficient = -0.004; // 1/K
  double noct = 318.15;            // K
  double inverterEfficiency = 0.97;
};

struct PlantParams {
  ItParams it;
  CoolingParams cooling;
  SeawaterParams seawater;
  HullParams hull;
  EngineParams engines;
  BatteryParams battery;
  SolarParams solar;
  double hotelLoad = 1.0e6;        // W
  double shoreImportLimit = 0.0;   // W
};

}  // namespace fdtwin
