#pragma once
// The whole floating datacenter as one network of components (see each component's header
// for its equations):
//   it/Racks (placed by it/RackLayout) → cooling/HallCooling (TCS header, CDU, hall air,
//   coils) → cooling/FacilityLoop → seawater/SeawaterSystem (pumps + PI override control,
//   plate HX, outfall, recirculation) → cooling/TrimChiller (trims the facility supply when the
//   plates cannot reach it; condenser heat into the seawater main)
//   hull/Hull (panels to sea, air, sun and hall air; outside conditions from hull/OuterBoundary)
//   power/GasEngines (load response and commitment) → power/EngineCooling (HT/LT circuits,
//   central coolers, their own sea chest and outfall or the seawater main)
//   power/ElectricalDistribution (transformers, cables, UPS, rack power shelves: losses as heat
//   in the halls) ← IT demand; power/Dispatch (battery, solar, shore, unserved) ← electrical demand
// Each component reserves its states (behind a named index struct), writes its own slice of
// the right-hand side and of the Jacobian, and reports its roots and discrete events; the
// plant owns the state vector (network/StateLayout), wires the signals between components
// in one pass (evaluate), and keeps the energy ledger (network/EnergyLedger) of named
// sources, sinks and stored energy. It knows nothing of files, processes or screens.
#include <array>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "model/PlantParams.hpp"
#include "model/cooling/FacilityLoop.hpp"
#include "model/cooling/HallAir.hpp"
#include "model/cooling/HallCooling.hpp"
#include "model/cooling/TrimChiller.hpp"
#include "model/environment/Environment.hpp"
#include "model/hull/Hull.hpp"
#include "model/it/RackLayout.hpp"
#include "model/it/Racks.hpp"
#include "model/power/Dispatch.hpp"
#include "model/power/ElectricalDistribution.hpp"
#include "model/power/EngineCooling.hpp"
#include "model/power/GasEngines.hpp"
#include "model/power/SolarPv.hpp"
#include "model/seawater/SeawaterSystem.hpp"
#include "network/EnergyLedger.hpp"
#include "network/OdeSystem.hpp"
#include "network/StateLayout.hpp"

namespace fdtwin {

struct PlantEvent {
  double time = 0.0;
  std::string kind;       // engine_start, engine_online, engine_stop, throttle_on, throttle_off, hx_cleaning,
                          // chiller_stage_on, chiller_stage_off,
                          // inlet_allowable_exceeded/restored (a row), dew_point_alarm_on/off (a hall)
  std::string component;  // "engine 2", "rack hall1-r01-03", "seawater hx"
};

// Everything algebraic the plant computes at (t, y): what the recorder writes.
struct PlantSignals {
  env::EnvironmentSample env;
  double T_seaIntakeAmbient = 0.0;
  double T_seaEngineIntakeAmbient = 0.0;  // at the engine-room sea chest's depth
  std::vector<double> utilization;                      // per job (it::Racks::jobs())
  std::vector<double> tSupply, qCdu, qCoil, hallHeat;  // per hall
  // Air side (cooling/HallAir). Per rack row (hall·rows + row): server inlet and exhaust air [K],
  // heat to air [W], margins inside the ASHRAE envelopes [K]; per hall: coil-leaving air [K],
  // humidity ratio [kg/kg], relative humidity [1], dew point [K], dew-point margin [K],
  // condensate [kg/s], its latent heat to the coil water [W], infiltration sensible heat [W].
  std::vector<double> rowInlet, rowExhaust, rowAirHeat, rowAllowableMargin, rowRecommendedMargin;
  std::vector<double> coilLeaving, humidity, relHumidity, dewPoint, dewMargin, condensate, qLatent, qInfiltration;
  seawater::SeawaterState sw;
  cooling::ChillerState chiller;  // trim chiller (Q_cond is part of sw.Q_extra)
  double engineHeatOnMain = 0.0;  // W, engine central coolers on the seawater main (mode MainSeawater)
  // IT power at the chips (asked for and served) and at the IT equipment input (the rack power
  // shelves' input, the ISO/IEC 30134-2 boundary).
  double P_itInput = 0;
  power::ElectricalLosses elec;  // distribution losses of the served load
  double P_itDemand = 0, P_itServed = 0, P_cooling = 0, P_hotelServed = 0, P_demand = 0, P_facility = 0;
  double P_pumps = 0, P_fans = 0, drivesLoss = 0;
  double P_plantAux = 0;  // power-plant auxiliaries (engine-room seawater pumps): outside the PUE boundary
  double P_loopShaft = 0;  // shaft power of the CDU and facility pumps (heat into the closed loops)
  double P_facilityShaft = 0;  // shaft power of the facility water pumps (heat into the facility return)
  double solarAvailable = 0, engineDemand = 0, engineSum = 0;
  std::vector<double> engineSetpoint, fuelPower;
  double fuel = 0, exhaust = 0;
  power::EngineCoolingState engineCooling;
  power::DispatchResult dispatch;
  hull::HullFlows hull;
  double servedShare = 1.0;
  double auxUnpowered = 0.0;  // W of cooling load not supplied (blackout), booked as a source
};

class Plant : public network::OdeSystem {
 public:
  Plant(const PlantParams& p, std::shared_ptr<const env::Environment> environment);

  // OdeSystem
  int size() const override { return m_layout.size(); }
  void rhs(double t, const double* y, double* ydot) override;
  void jacobian(double t, const double* y, network::SparseJacobian& J) override;
  int rootCount() const override {
    return m_racks.count() + power::GasEngines::kCommitmentRoots + kChillerRoots + rowCount() + m_p.it.halls;
  }
  void roots(double t, const double* y, double* g) override;
  int quadratureCount() const override;
  void quadratures(double t, const double* y, double* qdot) override;
  std::string stateName(int i) const override { return m_layout.info(i).name; }

  // Initial state near the steady state at t = 0; also commits the first engines.
  std::vector<double> initialState();
  const network::StateLayout& layout() const { return m_layout; }

  // Discrete events. Each returns true when the discrete state (or y) changed, so the
  // integrator must be re-initialised at t.
  bool handleRoots(double t, double* y, const std::vector<int>& rootsFound);
  bool handleTimeEvents(double t, double* y);
  double nextTimeEvent(double t) const;
  const std::vector<PlantEvent>& events() const { return m_events; }

  // The discrete state, for checkpoints (run/Checkpoint): everything besides y that decides
  // what the plant does next — each engine's status and ready time, the last commitment, each
  // rack's reported throttle state, the chiller stages with their minimum-run and pending-stop
  // times, the rows' and halls' reported air events, the last cleaning logged. Flat, in that
  // order; its length depends only on the case.
  std::vector<double> discreteState() const;
  // Restores it (after initialState()) with the event log up to the checkpoint. Throws
  // std::invalid_argument when `d` was not made by a plant of this case.
  void restoreDiscreteState(const std::vector<double>& d, std::vector<PlantEvent> events);

  // Algebraic signals at (t, y) (ydot may be null).
  void evaluate(double t, const double* y, double* ydot, PlantSignals& s);

  // Energy accounting: the ledger of named terms (sources and sinks in W, stored energy in J,
  // thermal relative to 0 °C plus the battery). Quadratures are the ledger's sources, then its
  // sinks (EnergyLedger::flows), then the extra integrals below.
  const std::vector<network::LedgerTerm>& ledgerTerms() const { return m_ledger.terms(); }
  const network::EnergyLedger& ledger() const { return m_ledger; }
  // Fills every term of the ledger at (s, y) and returns it.
  const network::EnergyLedger& updateLedger(const PlantSignals& s, const double* y);
  enum Extra {
    kE_it = 0,
    kE_facility,
    kE_demand,
    kE_unserved,
    kFuelMass,
    kCO2Mass,
    kE_fuel,
    kE_itInput,
    kE_distributionLoss,
    kE_chiller,  // ∫ chiller electrical power dt, J (its run time comes from the event log)
    kExtraCount
  };

  // CFD coupling hooks (solver/cfd). Without them the constant recirculation factor and the
  // flat-plate/ITTC correlations apply.
  //  intake rise: ΔT_in = T_in − T_amb [K] as a function of (current speed [m/s], seawater
  //    flow [kg/s], measured outfall rise [K]); it replaces the recirculation closed form. The
  //    measured rise is the sensor-lagged state, so no algebraic loop closes through it.
  //  hull: sea-side heat transfer coefficient of every wet panel [W/m2K] as a function of the
  //    current speed (a vector of one value per panel, 0 for dry panels).
  //  The CFD model has one overboard discharge and one intake (cfd.outfall, cfd.intake): every
  //  outfall's water and heat leaves there (overboard() below), so the hooks are asked with the
  //  mixed plume's flow and rise.
  using IntakeRiseModel = std::function<double(double currentSpeed, double mdot, double dischargeRise)>;
  using HullSeaModel = std::function<std::vector<double>(double currentSpeed)>;
  void setIntakeRiseModel(IntakeRiseModel m) {
    m_intakeModel = std::move(m);
    m_cacheT = -1e300;
  }
  void setHullSeaModel(HullSeaModel m) {
    m_hullSeaModel = std::move(m);
    m_cacheT = -1e300;
  }

  // The ship's overboard discharge as the CFD model sees it: the seawater main's outfall and,
  // with a separate engine-room sea chest, the engine-room outfall, mixed at the CFD's outfall
  // opening (one source carrying every outfall's heat; a conservative plume for the intake and
  // the mixing zone, docs/decisions.md):
  //   ṁ = ṁ_main + ṁ_er,  ΔT = (ṁ_main·ΔT_main + ṁ_er·ΔT_er)/ṁ,  T = (ṁ_main·T_main + ṁ_er·T_er)/ṁ
  // with ΔT the rise above ambient sea and one specific heat for both streams (they differ by
  // < 0.1 % over the few kelvin between them); heat = Q_sw,main + Q_sw,er [W].
  struct Overboard {
    double mdot = 0.0;              // kg/s
    double T = 0.0;                 // K
    double riseAboveAmbient = 0.0;  // K
    double heat = 0.0;              // W
  };
  Overboard overboard(const PlantSignals& s) const;
  static Overboard overboard(double mainFlow, double mainRise, double engineRoomFlow, double engineRoomRise);

  // Component access for the recorder and tests.
  const it::Racks& racks() const { return m_racks; }
  const hull::Hull& hull() const { return m_hull; }
  const power::GasEngines& engines() const { return m_engines; }
  const seawater::SeawaterSystem& seawater() const { return m_seawater; }
  const PlantParams& params() const { return m_p; }
  const std::vector<std::array<double, 6>>& hallBoxes() const { return m_rackLayout.hallBoxes(); }
  int hallCount() const { return m_p.it.halls; }
  int hallAirIndex(int h) const { return m_halls[static_cast<size_t>(h)].states().air; }
  int hallHumidityIndex(int h) const { return m_hallAir[static_cast<size_t>(h)].humidityState(); }
  int rowCount() const { return m_p.it.halls * m_p.it.rowsPerHall; }  // rack rows, hall by hall
  std::string rowName(int r) const;                                   // "hall1-r01"
  int facilitySupplyIndex() const { return m_facility.states().supply; }
  int facilityReturnIndex() const { return m_facility.states().ret; }
  int socIndex() const { return m_dispatch.states().soc; }
  int engineIndex(int k) const { return m_engines.stateIndex(k); }
  const cooling::TrimChiller& chiller() const { return m_chiller; }
  int chillerStages() const { return m_chillerStages; }

 private:
  // The hull's outside conditions (hull/OuterBoundary), with the CFD coefficients if hooked.
  void hullBoundary(const env::EnvironmentSample& e, hull::HullBoundary& b) const;
  bool checkCommitment(double t, double* y);
  bool updateThrottleReport(double t, const double* y, int i);
  bool updateAirReports(double t, const PlantSignals& s);  // row inlet and dew-point events
  void airSignals(const double* y, PlantSignals& s, bool beforeRacks);
  void airJacobian(network::SparseJacobian& J, const double* y) const;
  seawater::SeawaterState seawaterAt(double speed, double tFr, double dischargeRise, double t,
                                     double engineHeatOnMain, double engineRoomFlow, double engineRoomRise) const;
  // The seawater side with the trim chiller's condenser heat on the main, and the chiller.
  void seawaterAndChiller(double speed, double tFr, double dischargeRise, double t, double engineHeatOnMain,
                          double engineRoomFlow, double engineRoomRise, seawater::SeawaterState& sw,
                          cooling::ChillerState& ch) const;
  // A stage on or off at t, from the directions (±1, 0: none) of the chiller roots found.
  // delayServed: the stop condition has held for the stage-off delay (else a stop is scheduled).
  bool updateChillerStages(double t, int onCrossing, int offCrossing, bool delayServed = false);
  // The chiller's stages and the facility return of the steady state for a load [W] that the
  // seawater side alone settles at `steady` (pumps at full speed; intake at the cached t = 0 sea): sets
  // m_chillerStages, updates steady.tReturn and returns the condenser heat [W].
  double settleChiller(double load, double engineHeatOnMain, seawater::SeawaterSystem::Steady& steady);
  static constexpr int kChillerRoots = 2;  // stage on, stage off
  void log(double t, std::string kind, std::string component);
  void declareLedger();
  void setFlows(const PlantSignals& s);

  // The plant's terms of the energy ledger, each bound to its name where it is added.
  struct LedgerSlots {
    int fuel, solar, shore, hullSun, auxUnpowered;                                               // sources
    int infiltration, latent, exfiltration;  // air side: sources (infiltration, latent) and a sink
    int discharge, engineDischarge, exhaust, hullToSea, hullToAir, hotel, batteryLoss, drives, loadBank,
        transformer;  // sinks
    int racks, halls, facility, hull, battery;                                                   // stored
  };

  PlantParams m_p;
  std::shared_ptr<const env::Environment> m_env;
  double m_cpCoolant, m_rhoCoolant;
  it::Racks m_racks;
  it::RackLayout m_rackLayout;
  std::vector<it::UtilizationProfile> m_profiles;  // per job
  std::vector<cooling::HallCooling> m_halls;
  cooling::FacilityLoop m_facility;
  seawater::SeawaterSystem m_seawater;
  cooling::TrimChiller m_chiller;
  int m_chillerStages = 0;          // discrete state: stages running
  double m_chillerLastOn = -1e300;  // s, when the last stage came on (its minimum run starts)
  double m_chillerOffAt = 1e300;    // s, a pending stop: the stop condition is checked again then
  hull::HullGeometry m_hullGeometry;
  hull::Hull m_hull;
  power::GasEngines m_engines;
  power::EngineCooling m_engineCooling;
  power::ElectricalDistribution m_distribution;
  std::vector<double> m_hallRackShare;  // each hall's share of the racks (and of the distribution losses)
  power::Dispatch m_dispatch;
  power::SolarPv m_solar;

  network::StateLayout m_layout;
  std::vector<int> m_hallReturnStates, m_hallAirStates;     // per hall, gathered for Racks and Hull
  std::vector<std::vector<int>> m_hallOutlets;              // per hall: its racks' T_coolant_out
  std::vector<std::vector<double>> m_hallFlowCapacity;      // per hall: its racks' ṁ_i·c, W/K
  std::vector<std::vector<cooling::WallLink>> m_hallWalls;  // per hall: the hull panels on its air
  std::vector<std::vector<int>> m_hallChips;                // per hall: air-cooled racks' T_chip (else empty)
  std::vector<std::vector<double>> m_hallChipAirConductance;  // per hall: their 1/R_air, W/K
  std::vector<cooling::HallAir> m_hallAir;   // per hall: rows' inlet air and humidity
  std::vector<std::vector<int>> m_rowRacks;  // per rack row (hall·rows + row): its racks
  std::vector<char> m_rowOutside, m_dewAlarm;  // reported states of the air events

  network::EnergyLedger m_ledger;
  LedgerSlots m_slots{};
  int m_flowCount = 0;  // sources + sinks: the first quadratures

  std::vector<PlantEvent> m_events;

  // Cache of time-only quantities (environment, hull boundary), keyed on t.
  double m_cacheT = -1e300;
  env::EnvironmentSample m_cacheEnv;
  hull::HullBoundary m_cacheBoundary;
  double m_cacheTamb = 0.0, m_cacheTambEngine = 0.0;
  PlantSignals m_scratch;
  IntakeRiseModel m_intakeModel;
  HullSeaModel m_hullSeaModel;
  std::vector<double> m_ydotScratch;
};

}  // namespace fdtwin
