#include "scene/HullLayer.hpp"

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

constexpr double kKelvin = constants::kZeroCelsius;  // K at 0 degC: the viewer shows degC

struct HullLayer::Part {
  vtkNew<vtkPolyData> poly;
  vtkNew<vtkPolyDataMapper> mapper;
  vtkNew<vtkActor> actor;
  vtkNew<vtkDoubleArray> scalars;
  std::vector<std::size_t> panels;  // cell -> panel index
};

HullLayer::HullLayer() : m_hull(std::make_unique<Part>()), m_deck(std::make_unique<Part>()) {
  m_lut = makeLookupTable(ColorMap::CoolWarm, 0.0, 1.0);
  for (Part* p : parts()) {
    p->scalars->SetName("T_degC");
    p->mapper->SetInputData(p->poly);
    p->mapper->SetLookupTable(m_lut);
    p->mapper->UseLookupTableScalarRangeOn();
    p->mapper->SetScalarModeToUseCellData();
    p->actor->SetMapper(p->mapper);
    p->actor->GetProperty()->SetAmbient(0.25);
    p->actor->GetProperty()->SetDiffuse(0.75);
  }
  setDeckOpacity(0.25);
  m_bar->SetLookupTable(m_lut);
  m_bar->SetTitle("Hull plate T\n[°C]");
  m_bar->SetPosition(0.86, 0.06);
  m_bar->SetPosition2(0.13, 0.42);
  styleColorBar(m_bar);
}

HullLayer::~HullLayer() = default;

std::vector<HullLayer::Part*> HullLayer::parts() const { return {m_hull.get(), m_deck.get()}; }
vtkActor* HullLayer::hullActor() const { return m_hull->actor; }
vtkActor* HullLayer::deckActor() const { return m_deck->actor; }
vtkScalarBarActor* HullLayer::colorBar() const { return m_bar; }

void HullLayer::setDeckOpacity(double opacity) { m_deck->actor->GetProperty()->SetOpacity(opacity); }

void HullLayer::build(const ResultModel& result) {
  const HullGeometry& g = result.hull();
  m_panelCount = g.panelCount();
  vtkNew<vtkPoints> points;
  points->SetDataTypeToDouble();
  points->SetNumberOfPoints(static_cast<vtkIdType>(g.pointCount()));
  for (std::size_t i = 0; i < g.pointCount(); ++i)
    points->SetPoint(static_cast<vtkIdType>(i), g.points[3 * i], g.points[3 * i + 1], g.points[3 * i + 2]);
  const int deck = g.groupIndex("deck");
  for (Part* p : parts()) {
    p->panels.clear();
    p->poly->Initialize();
    p->poly->SetPoints(points);
  }
  vtkNew<vtkCellArray> hullCells, deckCells;
  for (std::size_t c = 0; c < m_panelCount; ++c) {
    const bool isDeck = deck >= 0 && g.group[c] == deck;
    vtkIdType ids[4];
    for (int k = 0; k < 4; ++k) ids[k] = static_cast<vtkIdType>(g.cells[4 * c + k]);
    (isDeck ? deckCells : hullCells)->InsertNextCell(4, ids);
    (isDeck ? m_deck : m_hull)->panels.push_back(c);
  }
  m_hull->poly->SetPolys(hullCells);
  m_deck->poly->SetPolys(deckCells);
  for (Part* p : parts()) {
    p->scalars->SetNumberOfValues(static_cast<vtkIdType>(p->panels.size()));
    p->poly->GetCellData()->SetScalars(p->scalars);
    p->actor->SetVisibility(!p->panels.empty());
  }
  const ValueRange r = result.hullTemperatureRange();
  m_lut->SetTableRange(r.min - kKelvin, r.max - kKelvin);
  m_bar->SetVisibility(m_panelCount > 0 && result.hasHullTemperature());
  m_shown.assign(m_panelCount, 0.0);
}

void HullLayer::update(const ResultModel& result, std::size_t row) {
  if (m_panelCount == 0) return;
  result.hullTemperature(row, m_row);
  for (std::size_t i = 0; i < m_panelCount; ++i) m_shown[i] = m_row[i] - kKelvin;
  for (Part* p : parts()) {
    double* out = p->scalars->GetPointer(0);
    for (std::size_t c = 0; c < p->panels.size(); ++c) out[c] = m_shown[p->panels[c]];
    p->scalars->Modified();
  }
}

long HullLayer::panelOf(vtkProp* prop, vtkIdType cell) const {
  for (Part* p : parts())
    if (prop == p->actor.GetPointer() && cell >= 0 && static_cast<std::size_t>(cell) < p->panels.size())
      return static_cast<long>(p->panels[static_cast<std::size_t>(cell)]);
  return -1;
}

double HullLayer::shownValue(std::size_t panel) const {
  return panel < m_shown.size() ? m_shown[panel] : 0.0;
}

}  // namespace fdtwin::gui
