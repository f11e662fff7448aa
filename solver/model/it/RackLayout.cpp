#include "model/it/RackLayout.hpp"

#include <algorithm>

namespace fdtwin::it {

RackLayout::RackLayout(const HullParams& hp, const ItParams& it, std::vector<RackInfo>& racks) {
  const int nh = it.halls;
  const double x0 = 0.15 * hp.length, x1 = 0.85 * hp.length, gap = 2.0;
  const double hallLen = (x1 - x0 - gap * (nh - 1)) / nh;
  const double y0 = -hp.beam / 2 + 2.0, y1 = hp.beam / 2 - 2.0;
  m_hallRacks.assign(static_cast<size_t>(nh), {});
  m_pitch = hallLen / it.racksPerRow;
  for (int h = 0; h < nh; ++h) {
    const double hx0 = x0 + h * (hallLen + gap);
    m_hallBoxes.push_back({hx0, y0, hp.doubleBottom, hx0 + hallLen, y1, hp.depth});
  }
  for (size_t i = 0; i < racks.size(); ++i) {
    auto& r = racks[i];
    const auto& box = m_hallBoxes[static_cast<size_t>(r.hall)];
    const int perHall = it.rowsPerHall * it.racksPerRow;
    const int local = static_cast<int>(i) - r.hall * perHall;
    const int row = local / it.racksPerRow, pos = local % it.racksPerRow;
    const double dx = (box[3] - box[0]) / it.racksPerRow, dy = (box[4] - box[1]) / it.rowsPerHall;
    r.size[0] = std::min(0.6, 0.9 * dx);
    r.size[1] = std::min(1.2, 0.6 * dy);
    r.size[2] = std::min(2.3, 0.8 * (box[5] - box[2]));
    r.position[0] = box[0] + (pos + 0.5) * dx;
    r.position[1] = box[1] + (row + 0.5) * dy;
    r.position[2] = box[2] + 0.5 * r.size[2];
    m_hallRacks[static_cast<size_t>(r.hall)].push_back(static_cast<int>(i));
  }
}

int RackLayout::boundingHall(const hull::Panel& pn) const {
  const bool bounding = pn.group == hull::PanelGroup::Bottom || pn.group == hull::PanelGroup::SideWet ||
                        pn.group == hull::PanelGroup::SideDry || pn.group == hull::PanelGroup::Deck;
  int hall = -1;
  for (size_t h = 0; bounding && h < m_hallBoxes.size(); ++h) {
    if (pn.centre[0] >= m_hallBoxes[h][0] && pn.centre[0] <= m_hallBoxes[h][3]) hall = static_cast<int>(h);
  }
  return hall;
}

}  // namespace fdtwin::it
