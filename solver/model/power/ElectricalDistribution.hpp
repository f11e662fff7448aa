#pragma once
// Electrical distribution from the generator terminals to the chips, and the heat each stage
// gives off.
//
// Chain (power flows left to right):
//   generator terminals -> step-down transformer -> LV switchboard and cables -> UPS (or
//   battery-backed rectifier) -> rack power shelves (AC -> DC) -> chips (the IT demand).
// All powers are active powers [W]; each stage's loss is a function of its OUTPUT load, so the
// chain is walked backwards from the IT demand in closed form (no iteration):
//   P_in = P_out + P_loss(P_out),  the loss heating the room the stage stands in.
// Transformer (IEC 60076-1 loss definitions; Schneider Electric FAQ FA132857 for the method):
//   S = P_out / pf,  x = S / S_rated,  P_loss = S_rated (p0 + pk x^2)
//   p0 = no-load loss / S_rated, pk = load loss at rated current / S_rated, per unit. Units in
//   parallel share the load equally, so the bank is one transformer of the summed rating.
// Switchboard and cables (an assumption stated by the case): I^2 R at fixed voltage and power
//   factor, P_loss = f_rated P_rated (P_out/P_rated)^2, f_rated the loss share at rated load.
// UPS and power shelf: part-load efficiency curves from their datasheet or certification
//   points (power/PartLoadCurve.hpp; e.g. 80 PLUS Titanium, 230 V internal redundant: 90/94/96/91 %
//   at 10/20/50/100 % load, CLEAResult 80 PLUS programme table).
// Totals: P_gen = P_IT + sum of the four losses. PUE boundary note: ISO/IEC 30134-2 takes the
// IT energy at the IT equipment input (the shelves' input); this chain goes one stage further,
// to the chips, so that the shelf loss is heat in the rack as well.
#include <vector>

#include "model/PlantParams.hpp"
#include "model/power/PartLoadCurve.hpp"

namespace fdtwin::power {

struct TransformerParams {
  double ratedApparentPower;  // S_rated of the bank [VA]
  double noLoadLoss;          // p0 = P0/S_rated [-]
  double loadLoss;            // pk = Pk/S_rated at rated current [-]
  double powerFactor;         // load power factor at the secondary [-]
};

struct CableParams {
  double ratedPower;   // P_rated [W]
  double lossAtRated;  // I^2 R loss share at rated load [-]
};

struct ConverterParams {
  double ratedPower;                        // rated output of the stage (all units) [W]
  std::vector<EfficiencyPoint> efficiency;  // vs P_out/ratedPower
};

struct ElectricalDistributionParams {
  TransformerParams transformer;
  CableParams cables;
  ConverterParams ups;
  ConverterParams powerShelf;
};

struct ElectricalLosses {
  double itPower = 0.0;          // chips' demand, the shelves' output [W]
  double powerShelfLoss = 0.0;   // [W], heat in the racks
  double upsLoss = 0.0;          // [W], heat in the UPS room
  double cableLoss = 0.0;        // [W], heat along the switchboard and cable runs
  double transformerLoss = 0.0;  // [W], heat in the transformer room
  double generatorPower = 0.0;   // needed at the generator terminals [W]
  double totalLoss = 0.0;        // sum of the four [W]
  double powerShelfLoad = 0.0;   // output load fraction of each stage [-]
  double upsLoad = 0.0;
  double cableLoad = 0.0;
  double transformerLoad = 0.0;  // S/S_rated
};

// Published efficiency points of the UPS kinds and power shelves a case can choose (sources in
// ElectricalDistribution.cpp).
std::vector<EfficiencyPoint> upsCurve(UpsKind kind);
std::vector<EfficiencyPoint> powerShelfCurve(PowerShelfKind kind);
// The chain of a plant: every stage rated capacityFactor × the design IT load [W].
ElectricalDistributionParams distributionFor(const DistributionParams& p, double designItLoad);

// Transformer loss [W] at output active power pOut [W].
double transformerLoss(const TransformerParams& p, double pOut);
// Switchboard/cable loss [W] at output power pOut [W].
double cableLoss(const CableParams& p, double pOut);

class ElectricalDistribution {
 public:
  // Throws std::invalid_argument for non-positive ratings or power factor, negative loss
  // shares, or invalid efficiency points.
  explicit ElectricalDistribution(ElectricalDistributionParams params);

  // The chain for an IT demand pIt >= 0 [W] at the chips.
  ElectricalLosses fromItPower(double pIt) const;

  const ElectricalDistributionParams& params() const { return m_p; }

 private:
  ElectricalDistributionParams m_p;
  PartLoadCurve m_ups;
  PartLoadCurve m_shelf;
};

}  // namespace fdtwin::power
