#include "model/hull/OuterBoundary.hpp"

#include <algorithm>
#include <cmath>

#include "core/Constants.hpp"
#include "model/hull/Convection.hpp"
#include "model/properties/Air.hpp"
#include "model/properties/Seawater.hpp"

namespace fdtwin::hull {

namespace {
constexpr double kSeawaterBeta = 2.5e-4;  // 1/K, thermal expansion near 15 °C, 35 g/kg [textbook]
constexpr double kNaturalDT = 1.0;        // K, ΔT for the natural-convection floor of the sea side
}  // namespace

void outerBoundary(const HullParams& hp, double salinity, const HullGeometry& geometry,
                   const env::EnvironmentSample& e, HullBoundary& b) {
  const auto sea = props::seawater(e.T_seaSurface, salinity);
  const auto air = props::air(e.T_air);
  const auto corr = hp.ittcColburn ? SeaCorrelation::IttcColburn : SeaCorrelation::FlatPlate;
  const double ra =
      constants::kStandardGravity * kSeawaterBeta * kNaturalDT * std::pow(hp.draft, 3) / (sea.nu * sea.alpha);
  const double hNat = nusseltVerticalPlateChurchillChu(ra, sea.Pr) * sea.k / hp.draft;
  auto mixed = [&](double hForced) { return std::cbrt(hForced * hForced * hForced + hNat * hNat * hNat); };
  b.hWetPanel.clear();
  b.hWetLong = mixed(seaSideH(e.currentSpeed, hp.length, sea, corr));
  b.hWetEnd = mixed(seaSideH(e.currentSpeed, hp.beam, sea, corr));
  b.hDryDeck = airSideH(e.windSpeed, hp.length, air);
  b.hDrySide = airSideH(e.windSpeed, hp.length, air);
  b.T_air = e.T_air;
  b.T_sky = skyTemperatureSwinbank(e.T_air);
  b.T_seaSurface = e.T_seaSurface;
  b.G = e.G_solar;
  const auto& panels = geometry.panels();
  b.T_seaPanel.assign(panels.size(), e.T_seaSurface);
  // Wet panels sit at a few distinct depths (one per row of side panels, and the bottom).
  double lastDepth = -1.0, lastT = e.T_seaSurface;
  for (size_t i = 0; i < panels.size(); ++i) {
    if (!panels[i].wet()) continue;
    const double depth = std::max(0.0, hp.draft - panels[i].centre[2]);
    if (depth != lastDepth) {
      lastT = env::seaTemperatureAtDepth(e, depth);
      lastDepth = depth;
    }
    b.T_seaPanel[i] = lastT;
  }
}

}  // namespace fdtwin::hull
