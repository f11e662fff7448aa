#pragma once
// The engines' cooling water and where its heat goes to the sea.
//
// Heat to the cooling water (GasEngines): Q_e = j·(F − P), j the jacket-heat share of the waste
//   heat (HT circuit: jacket water and the HT charge-air stage, 80–90 °C; LT circuit: the LT
//   charge-air stage and lube oil, 30–40 °C; MAN Energy Solutions figures in
//   reference/plant-power-ops.md §2). The HT circuit is cooled into the LT circuit, and the LT
//   circuit into seawater in the central coolers, so all of Q_e reaches the seawater there; the
//   rest of the waste heat (exhaust, radiation) goes to the atmosphere.
//
// Central coolers (counterflow plate units, ε-NTU as cooling/EpsilonNtu): seawater in at T_c,
//   LT water of capacity rate C_lt = ṁ_lt·c_fw. The coldest LT water they can give is
//   T_lt,min = T_c + Q_e/(ε·C_min) − Q_e/C_lt; the three-way valve holds T_lt = max(T_set,
//   T_lt,min), so T_lt > T_set means the sea is too warm (or the flow too small) for the engines.
//
// Mode Separate (a machinery-space sea chest, its own pumps and outfall, as on a ship's central
//   cooling system): the pumps' speed holds the rise ΔT through the coolers at the design rise,
//   and never above the permit: ΔT ≤ ΔT_max·(1 − r), because with a share r of the intake
//   recirculated T_in = T_amb + r/(1 − r)·ΔT and the rise above ambient sea is
//   T_dis − T_amb = ΔT/(1 − r) (the permit is on that rise). ṁ = clamp((Q_e + P_shaft)/(c_p·ΔT),
//   N_min·ṁ_d, ṁ_d); with no engine running (Q_e = 0) the pumps stand by. The pump control is taken as ideal (quasi-steady): the engine cooling
//   circuits' own time constants (minutes) are below the plant's output resolution.
//   Pumps (hydraulics/Pump, PumpBank): power.engine_cooling.pump_count pumps running (plus
//   pump_spares standing by) on the system curve H = H_s + K·Q², K = (H_d − H_s)/Q_d² (the
//   coolers' and the piping's friction at the design flow), the curve through the shut-off head
//   kShutoffRatio·H_d and the design point (the BEP). The flow ṁ sets the speed
//   N = speedForFlow(ṁ/ρ); P_shaft = ρ g Q H/η(q, N) (heat into the seawater), P_el with the
//   motors' and drives' part-load losses, a power-plant auxiliary load. The lowest flow is that
//   at max(N_min,case, N_25), N_25 the speed that delivers 25 % of the design flow against the
//   static head (as SeawaterSystem).
// Mode MainSeawater: the central coolers sit on the datacenter's seawater main after its plate
//   exchangers; Q_e is added to that stream (SeawaterSystem's extra heat), and its pump control
//   and permit see it.
#include "model/PlantParams.hpp"
#include "model/hydraulics/Pump.hpp"

namespace fdtwin::power {

struct EngineCoolingState {
  double Q = 0.0;            // W, heat from the engines into the cooling water (and seawater)
  double mdot = 0.0;         // kg/s, seawater through the central coolers
  double speed = 0.0;        // 1, engine-room pump speed
  double T_in = 0.0;         // K, seawater into the central coolers
  double T_dis = 0.0;        // K, engine-room outfall (Separate)
  double dT = 0.0;           // K, T_dis − T_in
  double riseAboveAmbient = 0.0;  // K, T_dis − T_amb at the intake depth
  double Q_seawater = 0.0;   // W, heat to the sea through the engine-room outfall (Q + P_shaft)
  double P_shaft = 0.0;      // W
  double P_el = 0.0;         // W
  double T_lt = 0.0;         // K, LT water to the engines
};

class EngineCooling {
 public:
  EngineCooling(const EngineCoolingParams& p, const CoolingParams& pumps, double salinity);
  EngineCoolingMode mode() const { return m_p.mode; }
  // Separate: Q the engines' cooling heat [W], tAmbient the sea at the engine-room intake depth.
  EngineCoolingState separate(double Q, double tAmbient) const;
  // MainSeawater: the seawater main's flow [kg/s] and temperature after the datacenter's plate
  // exchangers [K] give the LT water temperature; the heat itself is booked by SeawaterSystem
  // (Q_seawater stays 0 here), and the outfall is the main's (its temperature and rise).
  EngineCoolingState onMain(double Q, double mainFlow, double tCoolerIn, double tMainDischarge,
                            double mainRise) const;
  const EngineCoolingParams& params() const { return m_p; }

 private:
  double ltTemperature(double Q, double cSeawater, double tCoolerIn) const;
  EngineCoolingParams m_p;
  double m_salinity;
  double m_cpFreshWater;
  double m_rho;  // kg/m3, seawater at 20 °C
  hydraulics::SystemCurve m_system;
  hydraulics::Pump m_pump;
  double m_minFlow;  // kg/s

 public:
  // Shut-off over design head of the engine-room pumps (assumption: the seawater main's default).
  static constexpr double kShutoffRatio = 1.25;
  const hydraulics::Pump& pump() const { return m_pump; }
  const hydraulics::SystemCurve& systemCurve() const { return m_system; }
  double minimumFlow() const { return m_minFlow; }
};

}  // namespace fdtwin::power
