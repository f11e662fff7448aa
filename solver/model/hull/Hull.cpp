#include "model/hull/Hull.hpp"

#include "core/Constants.hpp"
#include "network/EnergyLedger.hpp"

namespace fdtwin::hull {

namespace {
constexpr double kSteelCp = 470.0;  // J/kg K [Incropera A.1 plain carbon steel, ~434-480 over 300-400 K]
constexpr double kVerticalSolarShare = 0.3;
}  // namespace

Hull::Hull(const HullGeometry& geometry, std::vector<int> panelHall)
    : m_geom(geometry), m_hall(std::move(panelHall)) {
  const auto& p = m_geom.params();
  const double uIn = 1.0 / (1.0 / p.innerH + p.innerResistance);
  for (size_t i = 0; i < m_geom.panels().size(); ++i) {
    const double A = m_geom.panels()[i].area;
    m_C.push_back(p.plateDensity * kSteelCp * p.plateThickness * A);
    m_UinA.push_back(m_hall[i] >= 0 ? uIn * A : 0.0);
  }
}

void Hull::declareStates(network::StateLayout& layout, double initialT) {
  m_first = layout.size();
  const auto& names = panelGroupNames();
  for (int i = 0; i < count(); ++i) {
    const auto& pn = m_geom.panels()[static_cast<size_t>(i)];
    layout.add("hull panel " + std::to_string(i) + " (" + names[static_cast<size_t>(pn.group)] + ") T",
               "hull", "K", 300.0, initialT);
  }
}

void Hull::setOutside(double* y, const HullBoundary& b) const {
  for (int p = 0; p < count(); ++p) {
    const auto& pn = m_geom.panels()[static_cast<size_t>(p)];
    y[stateIndex(p)] = pn.wet() ? b.T_seaPanel[static_cast<size_t>(p)] : b.T_air;
  }
}

double Hull::storedEnergy(const double* y) const {
  double e = 0.0;
  for (int p = 0; p < count(); ++p)
    e += heatCapacity(p) * (y[stateIndex(p)] - network::kThermalEnergyReference);
  return e;
}

double Hull::outerH(const Panel& p, const HullBoundary& b) const {
  if (p.wet() && !b.hWetPanel.empty()) return b.hWetPanel[static_cast<size_t>(&p - m_geom.panels().data())];
  switch (p.group) {
    case PanelGroup::Bottom:
    case PanelGroup::SideWet:
      return b.hWetLong;
    case PanelGroup::EndWet:
      return b.hWetEnd;
    case PanelGroup::Deck:
      return b.hDryDeck;
    case PanelGroup::SideDry:
    case PanelGroup::EndDry:
      return b.hDrySide;
  }
  return 0.0;
}

void Hull::rhs(const double* y, double* ydot, const HullBoundary& b, const std::vector<int>& hallAirIndex,
               std::vector<double>& hallHeat, HullFlows& flows) const {
  const double eps = m_geom.params().emissivity, alpha = m_geom.params().solarAbsorptance;
  const double sky4 = b.T_sky * b.T_sky * b.T_sky * b.T_sky;
  const double sea4 = b.T_seaSurface * b.T_seaSurface * b.T_seaSurface * b.T_seaSurface;
  for (int i = 0; i < count(); ++i) {
    const auto& pn = m_geom.panels()[static_cast<size_t>(i)];
    const double T = y[m_first + i];
    const double A = pn.area;
    double q = 0.0;  // W into the plate from outside
    if (pn.wet()) {
      const double qc = outerH(pn, b) * A * (b.T_seaPanel[static_cast<size_t>(i)] - T);
      q += qc;
      flows.toSea -= qc;
    } else {
      const bool deck = pn.group == PanelGroup::Deck;
      const double G = alpha * (deck ? b.G : kVerticalSolarShare * b.G) * A;
      const double env4 = deck ? sky4 : 0.5 * (sky4 + sea4);
      const double qc = outerH(pn, b) * A * (b.T_air - T);
      const double qr = eps * constants::kStefanBoltzmann * A * (T * T * T * T - env4);
      q += qc - qr + G;
      flows.toAir += qr - qc;
      flows.solar += G;
    }
    const int h = m_hall[static_cast<size_t>(i)];
    if (h >= 0) {
      const double qIn = m_UinA[static_cast<size_t>(i)] * (y[hallAirIndex[static_cast<size_t>(h)]] - T);
      q += qIn;
      hallHeat[static_cast<size_t>(h)] -= qIn;
    }
    ydot[m_first + i] = q / m_C[static_cast<size_t>(i)];
  }
}

void Hull::jacobian(network::SparseJacobian& J, const double* y, const HullBoundary& b,
                    const std::vector<int>& hallAirIndex) const {
  const double eps = m_geom.params().emissivity;
  for (int i = 0; i < count(); ++i) {
    const auto& pn = m_geom.panels()[static_cast<size_t>(i)];
    const double T = y[m_first + i];
    const double C = m_C[static_cast<size_t>(i)];
    double d = -outerH(pn, b) * pn.area - m_UinA[static_cast<size_t>(i)];
    if (!pn.wet()) d -= 4.0 * eps * constants::kStefanBoltzmann * pn.area * T * T * T;
    J.add(m_first + i, m_first + i, d / C);
    const int h = m_hall[static_cast<size_t>(i)];
    if (h >= 0) J.add(m_first + i, hallAirIndex[static_cast<size_t>(h)], m_UinA[static_cast<size_t>(i)] / C);
  }
}

}  // namespace fdtwin::hull
