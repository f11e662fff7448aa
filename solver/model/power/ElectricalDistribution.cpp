#include "model/power/ElectricalDistribution.hpp"

#include <algorithm>
#include <stdexcept>
#include <utility>

namespace fdtwin::power {

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
