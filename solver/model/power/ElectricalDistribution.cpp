#include "model/power/ElectricalDistribution.hpp"

#include <algorithm>
#include <stdexcept>
#include <utility>

namespace fdtwin::power {

std::vector<EfficiencyPoint> upsCurve(UpsKind kind) {
  switch (kind) {
    case UpsKind::DoubleConversion:
      // 94.5/96.0/96.3/96.0 % at 25/50/75/100 % load: assumption inside the 94–97 % of
      // double-conversion UPSs (reference/plant-power-ops.md §5), no datasheet chosen yet.
      return {{0.25, 0.945}, {0.5, 0.960}, {0.75, 0.963}, {1.0, 0.960}};
    case UpsKind::EcoMode:
      // Eco (bypass) mode ~99 % (same note); 98.5 % at quarter load, an assumption of its shape.
      return {{0.25, 0.985}, {0.5, 0.99}, {1.0, 0.99}};
    case UpsKind::None:
      // No UPS stage (a shore cable straight to the racks, or battery backup in the racks).
      return {{0.5, 1.0}, {1.0, 1.0}};
  }
  return {};
}

std::vector<EfficiencyPoint> powerShelfCurve(PowerShelfKind kind) {
  switch (kind) {
    case PowerShelfKind::Titanium:
      // 80 PLUS Titanium, 230 V internal redundant: 90/94/96/91 % at 10/20/50/100 % load
      // (CLEAResult 80 PLUS programme table).
      return {{0.1, 0.90}, {0.2, 0.94}, {0.5, 0.96}, {1.0, 0.91}};
    case PowerShelfKind::HighEfficiency:
      // Rack power shelves of current liquid-cooled AI racks, ~97.5 % at half load
      // (reference/plant-power-ops.md §5); the 20 % and full-load points are assumptions.
      return {{0.2, 0.965}, {0.5, 0.975}, {1.0, 0.97}};
  }
  return {};
}

ElectricalDistributionParams distributionFor(const DistributionParams& p, double designItLoad) {
  const double rated = std::max(1.0, p.capacityFactor * designItLoad);
  ElectricalDistributionParams d;
  d.powerShelf = {rated, powerShelfCurve(p.powerShelf)};
  d.ups = {rated, upsCurve(p.ups)};
  d.cables = {rated, p.cableLossAtRated};
  d.transformer = {rated / p.powerFactor, p.transformerNoLoadLoss, p.transformerLoadLoss, p.powerFactor};
  return d;
}

double transformerLoss(const TransformerParams& p, double pOut) {
  const double x = std::max(pOut, 0.0) / (p.powerFactor * p.ratedApparentPower);
  return p.ratedApparentPower * (p.noLoadLoss + p.loadLoss * x * x);
}

double cableLoss(const CableParams& p, double pOut) {
  const double x = std::max(pOut, 0.0) / p.ratedPower;
  return p.lossAtRated * p.ratedPower * x * x;
}

ElectricalDistribution::ElectricalDistribution(ElectricalDistributionParams params)
    : m_p(std::move(params)), m_ups(m_p.ups.efficiency), m_shelf(m_p.powerShelf.efficiency) {
  const auto& t = m_p.transformer;
  if (!(t.ratedApparentPower > 0.0) || !(t.powerFactor > 0.0 && t.powerFactor <= 1.0) || t.noLoadLoss < 0.0 ||
      t.loadLoss < 0.0)
    throw std::invalid_argument("transformer: need S_rated > 0, 0 < pf <= 1 and losses >= 0");
  if (!(m_p.cables.ratedPower > 0.0) || m_p.cables.lossAtRated < 0.0)
    throw std::invalid_argument("cables: need a rated power > 0 and a loss share >= 0");
  if (!(m_p.ups.ratedPower > 0.0) || !(m_p.powerShelf.ratedPower > 0.0))
    throw std::invalid_argument("UPS and power shelves: need rated powers > 0");
}

ElectricalLosses ElectricalDistribution::fromItPower(double pIt) const {
  ElectricalLosses r;
  r.itPower = std::max(pIt, 0.0);
  r.powerShelfLoad = r.itPower / m_p.powerShelf.ratedPower;
  r.powerShelfLoss = m_shelf.loss(r.itPower, m_p.powerShelf.ratedPower);
  const double upsOut = r.itPower + r.powerShelfLoss;
  r.upsLoad = upsOut / m_p.ups.ratedPower;
  r.upsLoss = m_ups.loss(upsOut, m_p.ups.ratedPower);
  const double cableOut = upsOut + r.upsLoss;
  r.cableLoad = cableOut / m_p.cables.ratedPower;
  r.cableLoss = cableLoss(m_p.cables, cableOut);
  const double transformerOut = cableOut + r.cableLoss;
  r.transformerLoad = transformerOut / (m_p.transformer.powerFactor * m_p.transformer.ratedApparentPower);
  r.transformerLoss = transformerLoss(m_p.transformer, transformerOut);
  r.generatorPower = transformerOut + r.transformerLoss;
  r.totalLoss = r.powerShelfLoss + r.upsLoss + r.cableLoss + r.transformerLoss;
  return r;
}

}  // namespace fdtwin::power
