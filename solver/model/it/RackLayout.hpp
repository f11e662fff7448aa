#pragma once
// Where the halls and their racks sit in the hull (x along the length from the stern, y
// across the beam, z up from the keel, m). The halls share the middle 70 % of the length
// (0.15·L to 0.85·L) with 2 m between them, span the beam less 2 m on each side, and stand on
// the double bottom up to the deck. Racks stand in rows × racks-per-row on a regular grid of
// each hall's floor, centred in their cells, at most 0.6 × 1.2 × 2.3 m (an OCP rack). Each row's
// CDU headers enter at the hall's stern end (x0): a row's first rack (slot 0) is nearest the CDU.
// A hull panel bounds a hall's air when it is a bottom, side or deck panel whose centre lies
// within the hall's length; end panels bound none.
#include <array>
#include <vector>

#include "model/PlantParams.hpp"
#include "model/hull/HullGeometry.hpp"
#include "model/it/Racks.hpp"

namespace fdtwin::it {

class RackLayout {
 public:
  // Places the halls and writes every rack's position and size into racks.
  RackLayout(const HullParams& hull, const ItParams& it, std::vector<RackInfo>& racks);

  // Per hall: {x0, y0, z0, x1, y1, z1}, m.
  const std::vector<std::array<double, 6>>& hallBoxes() const { return m_hallBoxes; }
  // Per hall: the indices of its racks.
  const std::vector<std::vector<int>>& hallRacks() const { return m_hallRacks; }
  // Distance between neighbouring racks of a row (along x), m: the length of a row header's
  // segment between two rack branches.
  double rackPitch() const { return m_pitch; }
  // The hall whose air the panel bounds, or −1.
  int boundingHall(const hull::Panel& panel) const;

 private:
  std::vector<std::array<double, 6>> m_hallBoxes;
  std::vector<std::vector<int>> m_hallRacks;
  double m_pitch = 0.0;
};

}  // namespace fdtwin::it
