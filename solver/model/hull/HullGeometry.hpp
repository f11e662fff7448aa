#pragma once
// Box-barge hull surface split into quadrilateral panels (the viewer colours each one).
// Frame: x forward from the stern (0 … L), y to port from the centre line (−B/2 … B/2),
// z up from the keel (0 … D). The waterline is at z = draft.
// Groups: bottom (z = 0), side_wet / side_dry (y = ±B/2, below / above the waterline),
// end_wet / end_dry (x = 0 and x = L), deck (z = D). Every panel's normal points outward.
#include <array>
#include <string>
#include <vector>

#include "model/PlantParams.hpp"

namespace fdtwin::hull {

enum class PanelGroup { Bottom = 0, SideWet, SideDry, EndWet, EndDry, Deck };
const std::vector<std::string>& panelGroupNames();

struct Panel {
  std::array<int, 4> corners{};   // indices into points
  PanelGroup group = PanelGroup::Bottom;
  double area = 0.0;              // m2
  std::array<double, 3> centre{};  // m
  std::array<double, 3> normal{};  // outward unit normal
  bool wet() const { return group == PanelGroup::Bottom || group == PanelGroup::SideWet || group == PanelGroup::EndWet; }
};

class HullGeometry {
 public:
  explicit HullGeometry(const HullParams& p);
  const std::vector<std::array<double, 3>>& points() const { return m_points; }
  const std::vector<Panel>& panels() const { return m_panels; }
  const HullParams& params() const { return m_p; }

 private:
  int point(double x, double y, double z);
  void quad(PanelGroup g, const std::array<std::array<double, 3>, 4>& c, const std::array<double, 3>& normal);
  HullParams m_p;
  std::vector<std::array<double, 3>> m_points;
  std::vector<Panel> m_panels;
};

}  // namespace fdtwin::hull
