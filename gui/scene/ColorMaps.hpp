#pragma once
// Colour maps of the 3D view, as VTK lookup tables. Widget-free.
//   Hull      "cool to warm" diverging (Moreland 2009), blue = cold plate, red = warm plate.
//   Racks     "inferno" (matplotlib, van der Walt & Smith 2015): perceptually uniform, dark =
//             cool chip, yellow = hot chip; reads well on grey-blue hull colours.
//   Cfd       "viridis" (same source) for the sea temperature of the plume slices.
// Values outside the table's range are clamped to its end colours; NaN is grey.
#include <array>

#include <vtkSmartPointer.h>

class vtkLookupTable;
class vtkScalarBarActor;

namespace fdtwin::gui {

enum class ColorMap { CoolWarm, Inferno, Viridis };

// RGB in [0, 1] at t in [0, 1] (clamped), linear between the map's control points.
std::array<double, 3> colorAt(ColorMap map, double t);

// A 256-entry table over [lo, hi].
vtkSmartPointer<vtkLookupTable> makeLookupTable(ColorMap map, double lo, double hi);

// The common look of the view's colour bars: dark unshadowed text on the light background,
// five labels with one decimal.
void styleColorBar(vtkScalarBarActor* bar);

}  // namespace fdtwin::gui
