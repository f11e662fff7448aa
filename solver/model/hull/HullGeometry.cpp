#include "model/hull/HullGeometry.hpp"

#include <cmath>
#include <map>
#include <tuple>

namespace fdtwin::hull {

const std::vector<std::string>& panelGroupNames() {
  static const std::vector<std::string> names = {"bottom", "side_wet", "side_dry", "end_wet", "end_dry", "deck"};
  return names;
}

namespace {
// Points are shared between neighbouring panels; key them on a millimetre grid.
using Key = std::tuple<long long, long long, long long>;
Key keyOf(double x, double y, double z) {
  return {std::llround(x * 1000.0), std::llround(y * 1000.0), std::llround(z * 1000.0)};
}
std::map<Key, int>& pointIndex() {
  thread_local std::map<Key, int> index;
  return index;
}
}  // namespace

int HullGeometry::point(double x, double y, double z) {
  auto& index = pointIndex();
  auto [it, inserted] = index.try_emplace(keyOf(x, y, z), static_cast<int>(m_points.size()));
  if (inserted) m_points.push_back({x, y, z});
  return it->second;
}

void HullGeometry::quad(PanelGroup g, const std::array<std::array<double, 3>, 4>& c,
                        const std::array<double, 3>& normal) {
  Panel p;
  p.group = g;
  for (int k = 0; k < 4; ++k) p.corners[static_cast<size_t>(k)] = point(c[static_cast<size_t>(k)][0], c[static_cast<size_t>(k)][1], c[static_cast<size_t>(k)][2]);
  for (int d = 0; d < 3; ++d) {
    p.centre[static_cast<size_t>(d)] = 0.25 * (c[0][static_cast<size_t>(d)] + c[1][static_cast<size_t>(d)] +
                                               c[2][static_cast<size_t>(d)] + c[3][static_cast<size_t>(d)]);
  }
  // Rectangle area from two edge vectors.
  double e1[3], e2[3];
  for (int d = 0; d < 3; ++d) {
    e1[d] = c[1][static_cast<size_t>(d)] - c[0][static_cast<size_t>(d)];
    e2[d] = c[3][static_cast<size_t>(d)] - c[0][static_cast<size_t>(d)];
  }
  const double cx = e1[1] * e2[2] - e1[2] * e2[1], cy = e1[2] * e2[0] - e1[0] * e2[2], cz = e1[0] * e2[1] - e1[1] * e2[0];
  p.area = std::sqrt(cx * cx + cy * cy + cz * cz);
  p.normal = normal;
  m_panels.push_back(p);
}

HullGeometry::HullGeometry(const HullParams& p) : m_p(p) {
  pointIndex().clear();
  const double L = p.length, B = p.beam, D = p.depth, T = p.draft;
  const int nx = p.panelsLength, ny = p.panelsBeam, nw = p.panelsWetHeight, nd = p.panelsDryHeight;
  auto xs = [&](int i) { return L * i / nx; };
  auto ys = [&](int j) { return -B / 2 + B * j / ny; };
  auto zw = [&](int k) { return T * k / nw; };
  auto zd = [&](int k) { return T + (D - T) * k / nd; };
  // Bottom (normal −z) and deck (normal +z).
  for (int i = 0; i < nx; ++i) {
    for (int j = 0; j < ny; ++j) {
      quad(PanelGroup::Bottom, {{{xs(i), ys(j), 0}, {xs(i), ys(j + 1), 0}, {xs(i + 1), ys(j + 1), 0}, {xs(i + 1), ys(j), 0}}},
           {0, 0, -1});
    }
  }
  for (int i = 0; i < nx; ++i) {
    for (int j = 0; j < ny; ++j) {
      quad(PanelGroup::Deck, {{{xs(i), ys(j), D}, {xs(i + 1), ys(j), D}, {xs(i + 1), ys(j + 1), D}, {xs(i), ys(j + 1), D}}},
           {0, 0, 1});
    }
  }
  // Sides: starboard (y = −B/2, normal −y) and port (y = +B/2, normal +y).
  for (int side = 0; side < 2; ++side) {
    const double y = side == 0 ? -B / 2 : B / 2;
    const std::array<double, 3> n = {0, side == 0 ? -1.0 : 1.0, 0};
    for (int i = 0; i < nx; ++i) {
      for (int k = 0; k < nw; ++k) {
        quad(PanelGroup::SideWet, {{{xs(i), y, zw(k)}, {xs(i + 1), y, zw(k)}, {xs(i + 1), y, zw(k + 1)}, {xs(i), y, zw(k + 1)}}}, n);
      }
      for (int k = 0; k < nd; ++k) {
        quad(PanelGroup::SideDry, {{{xs(i), y, zd(k)}, {xs(i + 1), y, zd(k)}, {xs(i + 1), y, zd(k + 1)}, {xs(i), y, zd(k + 1)}}}, n);
      }
    }
  }
  // Ends: stern (x = 0, normal −x) and bow (x = L, normal +x).
  for (int end = 0; end < 2; ++end) {
    const double x = end == 0 ? 0.0 : L;
    const std::array<double, 3> n = {end == 0 ? -1.0 : 1.0, 0, 0};
    for (int j = 0; j < ny; ++j) {
      for (int k = 0; k < nw; ++k) {
        quad(PanelGroup::EndWet, {{{x, ys(j), zw(k)}, {x, ys(j + 1), zw(k)}, {x, ys(j + 1), zw(k + 1)}, {x, ys(j), zw(k + 1)}}}, n);
      }
      for (int k = 0; k < nd; ++k) {
        quad(PanelGroup::EndDry, {{{x, ys(j), zd(k)}, {x, ys(j + 1), zd(k)}, {x, ys(j + 1), zd(k + 1)}, {x, ys(j), zd(k + 1)}}}, n);
      }
    }
  }
}

}  // namespace fdtwin::hull
