#include "scene/ColorMaps.hpp"

#include <vtkLookupTable.h>
#include <vtkProperty2D.h>
#include <vtkScalarBarActor.h>
#include <vtkTextProperty.h>

#include <algorithm>
#include <cmath>
#include <vector>

namespace fdtwin::gui {
namespace {

using Rgb = std::array<double, 3>;

// Control points, evenly spaced over [0, 1]. Sampled from the published maps.
const std::vector<Rgb>& controlPoints(ColorMap map) {
  static const std::vector<Rgb> coolWarm{{0.230, 0.299, 0.754}, {0.406, 0.537, 0.934}, {0.603, 0.732, 0.999},
                                         {0.788, 0.846, 0.939}, {0.865, 0.865, 0.865}, {0.958, 0.780, 0.680},
                                         {0.969, 0.616, 0.490}, {0.872, 0.395, 0.312}, {0.706, 0.016, 0.150}};
  static const std::vector<Rgb> inferno{{0.001, 0.000, 0.014}, {0.087, 0.044, 0.224}, {0.258, 0.039, 0.406},
                                        {0.416, 0.090, 0.433}, {0.578, 0.148, 0.404}, {0.735, 0.216, 0.330},
                                        {0.865, 0.317, 0.226}, {0.955, 0.469, 0.098}, {0.988, 0.645, 0.040},
                                        {0.964, 0.843, 0.273}, {0.988, 0.998, 0.645}};
  static const std::vector<Rgb> viridis{{0.267, 0.005, 0.329}, {0.283, 0.141, 0.458}, {0.254, 0.265, 0.530},
                                        {0.207, 0.372, 0.553}, {0.164, 0.471, 0.558}, {0.128, 0.567, 0.551},
                                        {0.135, 0.659, 0.518}, {0.267, 0.749, 0.441}, {0.478, 0.821, 0.318},
                                        {0.741, 0.873, 0.150}, {0.993, 0.906, 0.144}};
  switch (map) {
    case ColorMap::CoolWarm:
      return coolWarm;
    case ColorMap::Inferno:
      return inferno;
    case ColorMap::Viridis:
      break;
  }
  return viridis;
}

}  // namespace

std::array<double, 3> colorAt(ColorMap map, double t) {
  const auto& cp = controlPoints(map);
  if (!std::isfinite(t)) t = 0.0;
  t = std::clamp(t, 0.0, 1.0) * static_cast<double>(cp.size() - 1);
  const auto i = std::min(static_cast<std::size_t>(t), cp.size() - 2);
  const double f = t - static_cast<double>(i);
  Rgb out;
  for (int k = 0; k < 3; ++k) out[k] = cp[i][k] * (1.0 - f) + cp[i + 1][k] * f;
  return out;
}

vtkSmartPointer<vtkLookupTable> makeLookupTable(ColorMap map, double lo, double hi) {
  auto lut = vtkSmartPointer<vtkLookupTable>::New();
  constexpr int n = 256;
  lut->SetNumberOfTableValues(n);
  lut->SetTableRange(lo, hi > lo ? hi : lo + 1.0);
  for (int i = 0; i < n; ++i) {
    const auto c = colorAt(map, i / static_cast<double>(n - 1));
    lut->SetTableValue(i, c[0], c[1], c[2], 1.0);
  }
  lut->SetNanColor(0.5, 0.5, 0.5, 1.0);
  lut->UseBelowRangeColorOff();
  lut->UseAboveRangeColorOff();
  lut->Build();
  return lut;
}

void styleColorBar(vtkScalarBarActor* bar) {
  for (vtkTextProperty* t : {bar->GetTitleTextProperty(), bar->GetLabelTextProperty()}) {
    t->SetColor(0.1, 0.1, 0.1);
    t->ShadowOff();
    t->ItalicOff();
    t->BoldOff();
  }
  bar->GetTitleTextProperty()->SetFontSize(13);
  bar->GetLabelTextProperty()->SetFontSize(12);
  bar->UnconstrainedFontSizeOn();
  bar->SetNumberOfLabels(5);
  bar->SetLabelFormat("%.1f");
  bar->SetBarRatio(0.3);
  bar->SetTextPositionToSucceedScalarBar();  // labels right of (vertical) or above (horizontal) the bar
  bar->SetVerticalTitleSeparation(4);
  // A light backing keeps the labels readable over the hull and the sea.
  bar->DrawBackgroundOn();
  bar->GetBackgroundProperty()->SetColor(1.0, 1.0, 1.0);
  bar->GetBackgroundProperty()->SetOpacity(0.55);
}

}  // namespace fdtwin::gui
