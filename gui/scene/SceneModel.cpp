#include "scene/SceneModel.hpp"

#include <vtkActor.h>
#include <vtkCamera.h>
#include <vtkCameraPass.h>
#include <vtkCellArray.h>
#include <vtkCellPicker.h>
#include <vtkLightsPass.h>
#include <vtkOpaquePass.h>
#include <vtkOverlayPass.h>
#include <vtkPlaneSource.h>
#include <vtkPoints.h>
#include <vtkPolyData.h>
#include <vtkPolyDataMapper.h>
#include <vtkPropCollection.h>
#include <vtkProperty.h>
#include <vtkRenderPassCollection.h>
#include <vtkRenderer.h>
#include <vtkScalarBarActor.h>
#include <vtkSequencePass.h>
#include <vtkTranslucentPass.h>

#include <algorithm>
#include <cmath>

namespace fdtwin::gui {

SceneModel::SceneModel() {
  m_renderer->SetBackground(0.86, 0.89, 0.93);
  m_renderer->SetBackground2(0.62, 0.70, 0.80);
  m_renderer->GradientBackgroundOn();
  m_renderer->SetUseDepthPeeling(false);
  // Plain alpha blending for the translucent sea, deck and plume slices, drawn in the order
  // they are added (back to front for a camera above the sea). VTK's default without depth
  // peeling is order-independent transparency: float buffers and full-screen passes that
  // cost about 40 ms per frame on llvmpipe (docs/gui.md, "Performance").
  vtkNew<vtkRenderPassCollection> passes;
  passes->AddItem(vtkNew<vtkLightsPass>());
  passes->AddItem(vtkNew<vtkOpaquePass>());
  passes->AddItem(vtkNew<vtkTranslucentPass>());
  passes->AddItem(vtkNew<vtkOverlayPass>());
  vtkNew<vtkSequencePass> sequence;
  sequence->SetPasses(passes);
  vtkNew<vtkCameraPass> camera;
  camera->SetDelegatePass(sequence);
  m_renderer->SetPass(camera);

  vtkNew<vtkPolyDataMapper> seaMapper;
  seaMapper->SetInputConnection(m_seaSource->GetOutputPort());
  m_sea->SetMapper(seaMapper);
  m_sea->GetProperty()->SetColor(0.10, 0.32, 0.55);
  m_sea->GetProperty()->SetOpacity(0.35);
  m_sea->GetProperty()->SetAmbient(0.3);
  m_sea->PickableOff();
  vtkNew<vtkPolyDataMapper> highlightMapper;
  highlightMapper->SetInputData(m_highlightPoly);
  m_highlight->SetMapper(highlightMapper);
  m_highlight->GetProperty()->SetColor(0.0, 1.0, 0.4);
  m_highlight->GetProperty()->SetLineWidth(3.0);
  m_highlight->GetProperty()->LightingOff();
  m_highlight->PickableOff();
  m_picker->SetTolerance(0.0005);
  m_picker->PickFromListOn();
}

SceneModel::~SceneModel() = default;

vtkRenderer* SceneModel::renderer() const { return m_renderer; }

void SceneModel::clear() {
  m_renderer->RemoveAllViewProps();
  m_cfd.clear();
  m_result.reset();
  m_row = 0;
  m_hasSea = false;
}

void SceneModel::setResult(std::shared_ptr<const ResultModel> result) {
  clear();
  m_result = std::move(result);
  if (!m_result) return;
  m_hull.build(*m_result);
  m_racks.build(*m_result);
  m_cfd.build(*m_result);
  buildSea();
  // Opaque first, translucent after: VTK sorts translucent props into a later pass anyway.
  m_renderer->AddActor(m_hull.hullActor());
  m_renderer->AddActor(m_racks.rackActor());
  m_renderer->AddActor(m_racks.hallActor());
  m_highlightPoly->Initialize();
  m_renderer->AddActor(m_highlight);
  for (vtkActor* a : m_cfd.actors()) {
    a->SetVisibility(m_cfdVisible);
    m_renderer->AddActor(a);
  }
  m_renderer->AddActor(m_sea);
  m_renderer->AddActor(m_hull.deckActor());
  m_renderer->AddViewProp(m_hull.colorBar());
  m_renderer->AddViewProp(m_racks.colorBar());
  if (m_cfd.present()) m_renderer->AddViewProp(m_cfd.colorBar());
  m_sea->SetVisibility(m_hasSea);
  m_row = static_cast<std::size_t>(-1);
  setTimeIndex(0);
  resetCamera();
}

void SceneModel::buildSea() {
  const HullGeometry& h = m_result->hull();
  m_hasSea = m_result->draft() >= 0.0 && h.pointCount() > 0;
  if (!m_hasSea) return;
  double lo[3] = {1e300, 1e300, 1e300}, hi[3] = {-1e300, -1e300, -1e300};
  for (std::size_t i = 0; i < h.pointCount(); ++i)
    for (int k = 0; k < 3; ++k)
      lo[k] = std::min(lo[k], h.points[3 * i + k]), hi[k] = std::max(hi[k], h.points[3 * i + k]);
  const double length = hi[0] - lo[0], beam = hi[1] - lo[1];
  const double margin = 0.6 * std::max(length, beam);
  const double z = m_result->draft();
  m_seaSource->SetOrigin(lo[0] - margin, lo[1] - margin, z);
  m_seaSource->SetPoint1(hi[0] + margin, lo[1] - margin, z);
  m_seaSource->SetPoint2(lo[0] - margin, hi[1] + margin, z);
  m_seaSource->SetResolution(1, 1);
  m_seaSource->Update();
}

void SceneModel::setTimeIndex(std::size_t row) {
  if (!m_result) return;
  row = std::min(row, m_result->timeCount() - 1);
  if (row == m_row) return;
  m_row = row;
  m_hull.update(*m_result, row);
  m_racks.update(*m_result, row);
  if (m_cfd.present()) m_cfd.update(*m_result, m_result->times()[row]);
}

void SceneModel::resetCamera() {
  vtkCamera* cam = m_renderer->GetActiveCamera();
  double bounds[6];
  m_renderer->ComputeVisiblePropBounds(bounds);
  if (bounds[0] > bounds[1]) {
    m_renderer->ResetCamera();
    return;
  }
  // Focus on the ship rather than the whole sea plane.
  if (m_result && m_result->hull().pointCount() > 0) {
    const HullGeometry& h = m_result->hull();
    for (std::size_t k = 0; k < 3; ++k) bounds[2 * k] = 1e300, bounds[2 * k + 1] = -1e300;
    for (std::size_t i = 0; i < h.pointCount(); ++i)
      for (std::size_t k = 0; k < 3; ++k)
        bounds[2 * k] = std::min(bounds[2 * k], h.points[3 * i + k]),
                   bounds[2 * k + 1] = std::max(bounds[2 * k + 1], h.points[3 * i + k]);
  }
  const double c[3] = {(bounds[0] + bounds[1]) / 2, (bounds[2] + bounds[3]) / 2, (bounds[4] + bounds[5]) / 2};
  cam->SetFocalPoint(c);
  cam->SetPosition(c[0] - 0.55, c[1] - 0.75, c[2] + 0.75);  // from the starboard quarter, above
  cam->SetViewUp(0, 0, 1);
  m_renderer->ResetCamera(bounds);
  cam->Zoom(1.6);
  m_renderer->ResetCameraClippingRange();
}

PickResult SceneModel::describeRack(std::size_t rack) const {
  PickResult out;
  if (!m_result || rack >= m_result->racks().count()) return out;
  out.kind = PickResult::Kind::Rack;
  out.index = rack;
  out.name = m_result->racks().names[rack];
  out.values = m_result->rackValues(rack, m_row);
  for (int k = 0; k < 3; ++k)
    out.position[k] = m_result->racks().position[3 * rack + static_cast<std::size_t>(k)];
  return out;
}

PickResult SceneModel::describePanel(std::size_t panel) const {
  PickResult out;
  if (!m_result || panel >= m_result->hull().panelCount()) return out;
  const HullGeometry& h = m_result->hull();
  out.kind = PickResult::Kind::Panel;
  out.index = panel;
  const int g = h.group[panel];
  out.name =
      "hull panel " + std::to_string(panel) +
      (g >= 0 && static_cast<std::size_t>(g) < h.groupNames.size() ? " (" + h.groupNames[g] + ")" : "");
  out.values = m_result->panelValues(panel, m_row);
  for (int k = 0; k < 4; ++k)
    for (int j = 0; j < 3; ++j) out.position[j] += h.points[3 * h.cells[4 * panel + k] + j] / 4.0;
  return out;
}

PickResult SceneModel::pick(double x, double y) const {
  if (!m_result) return {};
  // First racks and hull through the translucent deck, then the deck itself.
  for (int pass = 0; pass < 2; ++pass) {
    m_picker->InitializePickList();
    m_picker->AddPickList(m_racks.rackActor());
    m_picker->AddPickList(m_hull.hullActor());
    if (pass == 1) m_picker->AddPickList(m_hull.deckActor());
    if (m_picker->Pick(x, y, 0.0, m_renderer) == 0) continue;
    vtkProp* prop = m_picker->GetViewProp();
    const vtkIdType cell = m_picker->GetCellId();
    PickResult out;
    if (long r = m_racks.rackOf(prop, cell); r >= 0)
      out = describeRack(static_cast<std::size_t>(r));
    else if (long p = m_hull.panelOf(prop, cell); p >= 0)
      out = describePanel(static_cast<std::size_t>(p));
    if (out.hit()) {
      m_picker->GetPickPosition(out.position);
      return out;
    }
  }
  return {};
}

std::array<double, 2> SceneModel::toDisplay(const std::array<double, 3>& world) const {
  m_renderer->SetWorldPoint(world[0], world[1], world[2], 1.0);
  m_renderer->WorldToDisplay();
  double d[3];
  m_renderer->GetDisplayPoint(d);
  return {d[0], d[1]};
}

void SceneModel::setHighlight(const PickResult& pick) {
  vtkNew<vtkPoints> points;
  vtkNew<vtkCellArray> lines;
  auto loop = [&](const std::vector<std::array<double, 3>>& corners,
                  const std::vector<std::array<int, 2>>& edges) {
    const vtkIdType base = points->GetNumberOfPoints();
    for (const auto& c : corners) points->InsertNextPoint(c.data());
    for (const auto& e : edges) {
      const vtkIdType ids[2] = {base + e[0], base + e[1]};
      lines->InsertNextCell(2, ids);
    }
  };
  if (m_result && pick.kind == PickResult::Kind::Rack && pick.index < m_result->racks().count()) {
    const RackGeometry& g = m_result->racks();
    std::vector<std::array<double, 3>> c;
    for (int k = 0; k < 8; ++k) {
      std::array<double, 3> p{};
      for (int j = 0; j < 3; ++j) {
        const double half = 0.5 * g.size[3 * pick.index + j] + 0.05;  // just outside the faces
        p[j] = g.position[3 * pick.index + j] + ((k >> j) & 1 ? half : -half);
      }
      c.push_back(p);
    }
    loop(c, {{0, 1}, {2, 3}, {4, 5}, {6, 7}, {0, 2}, {1, 3}, {4, 6}, {5, 7}, {0, 4}, {1, 5}, {2, 6}, {3, 7}});
  } else if (m_result && pick.kind == PickResult::Kind::Panel && pick.index < m_result->hull().panelCount()) {
    const HullGeometry& h = m_result->hull();
    std::vector<std::array<double, 3>> c;
    for (int k = 0; k < 4; ++k) {
      const auto id = static_cast<std::size_t>(h.cells[4 * pick.index + static_cast<std::size_t>(k)]);
      c.push_back({h.points[3 * id], h.points[3 * id + 1], h.points[3 * id + 2]});
    }
    loop(c, {{0, 1}, {1, 2}, {2, 3}, {3, 0}});
  }
  m_highlightPoly->Initialize();
  m_highlightPoly->SetPoints(points);
  m_highlightPoly->SetLines(lines);
  m_highlightPoly->Modified();
}

void SceneModel::setDeckVisible(bool visible) { m_hull.deckActor()->SetVisibility(visible); }
void SceneModel::setSeaVisible(bool visible) { m_sea->SetVisibility(visible && m_hasSea); }
void SceneModel::setCfdVisible(bool visible) {
  m_cfdVisible = visible;
  for (vtkActor* a : m_cfd.actors()) a->SetVisibility(visible);
  m_cfd.colorBar()->SetVisibility(visible && m_cfd.present());
}

}  // namespace fdtwin::gui
