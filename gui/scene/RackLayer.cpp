#include "scene/RackLayer.hpp"

#include <vtkActor.h>
#include <vtkCellArray.h>
#include <vtkCellData.h>
#include <vtkDoubleArray.h>
#include <vtkLookupTable.h>
#include <vtkPoints.h>
#include <vtkPolyData.h>
#include <vtkPolyDataMapper.h>
#include <vtkProperty.h>
#include <vtkScalarBarActor.h>

#include "core/Constants.hpp"
#include "scene/ColorMaps.hpp"

namespace fdtwin::gui {
namespace {

constexpr double kKelvin = constants::kZeroCelsius;  // K at 0 degC: the viewer shows degC

// Corner k (bits: x, y, z) of a box; faces as corner quadruples, outward.
constexpr int kFaces[6][4] = {{0, 2, 6, 4}, {1, 5, 7, 3}, {0, 4, 5, 1},
                              {2, 3, 7, 6}, {0, 1, 3, 2}, {4, 6, 7, 5}};
constexpr int kEdges[12][2] = {{0, 1}, {2, 3}, {4, 5}, {6, 7}, {0, 2}, {1, 3},
                               {4, 6}, {5, 7}, {0, 4}, {1, 5}, {2, 6}, {3, 7}};

void addBox(vtkPoints* points, const double lo[3], const double hi[3]) {
  for (int k = 0; k < 8; ++k)
    points->InsertNextPoint(k & 1 ? hi[0] : lo[0], k & 2 ? hi[1] : lo[1], k & 4 ? hi[2] : lo[2]);
}

}  // namespace

RackLayer::RackLayer() {
  m_lut = makeLookupTable(ColorMap::Inferno, 0.0, 1.0);
  m_scalars->SetName("T_chip_degC");
  m_mapper->SetInputData(m_poly);
  m_mapper->SetLookupTable(m_lut);
  m_mapper->UseLookupTableScalarRangeOn();
  m_mapper->SetScalarModeToUseCellData();
  m_actor->SetMapper(m_mapper);
  m_actor->GetProperty()->SetAmbient(0.3);
  m_actor->GetProperty()->SetDiffuse(0.7);
  m_hallMapper->SetInputData(m_hallPoly);
  m_hallMapper->ScalarVisibilityOff();
  m_hallActor->SetMapper(m_hallMapper);
  m_hallActor->GetProperty()->SetColor(0.25, 0.25, 0.3);
  m_hallActor->GetProperty()->SetLineWidth(1.0);
  m_hallActor->PickableOff();
  m_bar->SetLookupTable(m_lut);
  m_bar->SetTitle("Chip T\n[°C]");
  m_bar->SetPosition(0.86, 0.52);
  m_bar->SetPosition2(0.13, 0.42);
  styleColorBar(m_bar);
}

RackLayer::~RackLayer() = default;

void RackLayer::build(const ResultModel& result) {
  const RackGeometry& g = result.racks();
  m_rackCount = g.count();
  vtkNew<vtkPoints> points;
  points->SetDataTypeToDouble();
  vtkNew<vtkCellArray> quads;
  for (std::size_t r = 0; r < m_rackCount; ++r) {
    double lo[3], hi[3];
    for (int k = 0; k < 3; ++k) {
      lo[k] = g.position[3 * r + k] - 0.5 * g.size[3 * r + k];
      hi[k] = g.position[3 * r + k] + 0.5 * g.size[3 * r + k];
    }
    const auto base = 8 * static_cast<vtkIdType>(r);
    addBox(points, lo, hi);
    for (const auto& f : kFaces) {
      const vtkIdType ids[4] = {base + f[0], base + f[1], base + f[2], base + f[3]};
      quads->InsertNextCell(4, ids);
    }
  }
  m_poly->Initialize();
  m_poly->SetPoints(points);
  m_poly->SetPolys(quads);
  m_scalars->SetNumberOfValues(kFacesPerRack * static_cast<vtkIdType>(m_rackCount));
  m_scalars->Fill(0.0);
  m_poly->GetCellData()->SetScalars(m_scalars);
  m_actor->SetVisibility(m_rackCount > 0);

  const HallGeometry& h = result.halls();
  vtkNew<vtkPoints> hallPoints;
  vtkNew<vtkCellArray> lines;
  for (std::size_t i = 0; i < h.names.size(); ++i) {
    const auto base = 8 * static_cast<vtkIdType>(i);
    addBox(hallPoints, &h.box[6 * i], &h.box[6 * i + 3]);
    for (const auto& e : kEdges) {
      const vtkIdType ids[2] = {base + e[0], base + e[1]};
      lines->InsertNextCell(2, ids);
    }
  }
  m_hallPoly->Initialize();
  m_hallPoly->SetPoints(hallPoints);
  m_hallPoly->SetLines(lines);
  m_hallActor->SetVisibility(!h.names.empty());

  const ValueRange r = result.rackTemperatureRange();
  m_lut->SetTableRange(r.min - kKelvin, r.max - kKelvin);
  m_bar->SetVisibility(m_rackCount > 0 && result.hasRackTemperature());
}

void RackLayer::update(const ResultModel& result, std::size_t row) {
  if (m_rackCount == 0) return;
  result.rackTemperature(row, m_row);
  double* out = m_scalars->GetPointer(0);
  for (std::size_t r = 0; r < m_rackCount; ++r)
    for (int f = 0; f < kFacesPerRack; ++f)
      out[kFacesPerRack * r + static_cast<std::size_t>(f)] = m_row[r] - kKelvin;
  m_scalars->Modified();
}

long RackLayer::rackOf(vtkProp* prop, vtkIdType cell) const {
  if (prop != m_actor.GetPointer() || cell < 0) return -1;
  const auto rack = static_cast<std::size_t>(cell) / kFacesPerRack;
  return rack < m_rackCount ? static_cast<long>(rack) : -1;
}

double RackLayer::shownValue(std::size_t rack) const {
  return rack < m_rackCount ? m_scalars->GetValue(kFacesPerRack * static_cast<vtkIdType>(rack)) : 0.0;
}

}  // namespace fdtwin::gui
