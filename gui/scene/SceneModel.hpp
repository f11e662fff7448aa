#pragma once
// The 3D scene of one result, independent of any widget: hull, racks, halls, the sea surface
// at the waterline, the optional CFD slices, their colour bars, a renderer and a camera.
// setTimeIndex() only rewrites scalars (topology is built once in setResult), which keeps a
// slider step cheap. Whoever owns a render window adds renderer() to it and renders.
//
// Picking is geometric (vtkCellPicker: no render pass needed): racks and hull panels are
// picked through the translucent deck; the deck itself only when nothing else is under the
// cursor. Coordinates are VTK display coordinates: device pixels, origin at bottom left.
#include <array>
#include <cstddef>
#include <memory>
#include <string>
#include <vector>

#include <vtkNew.h>

#include "scene/CfdLayer.hpp"
#include "scene/HullLayer.hpp"
#include "scene/PickResult.hpp"
#include "scene/RackLayer.hpp"
#include "scene/ResultModel.hpp"

class vtkActor;
class vtkCellPicker;
class vtkPlaneSource;
class vtkPolyData;
class vtkRenderer;

namespace fdtwin::gui {

class SceneModel {
 public:
  SceneModel();
  ~SceneModel();
  SceneModel(const SceneModel&) = delete;
  SceneModel& operator=(const SceneModel&) = delete;

  // Builds the scene of `result` at its first time and resets the camera. Throws InputError
  // when a per-time dataset cannot be read.
  void setResult(std::shared_ptr<const ResultModel> result);
  void clear();
  const ResultModel* result() const { return m_result.get(); }
  std::shared_ptr<const ResultModel> sharedResult() const { return m_result; }

  void setTimeIndex(std::size_t row);
  std::size_t timeIndex() const { return m_row; }

  vtkRenderer* renderer() const;
  // Looks at the ship from above the port quarter, whole scene in view.
  void resetCamera();

  PickResult pick(double displayX, double displayY) const;
  PickResult describeRack(std::size_t rack) const;
  PickResult describePanel(std::size_t panel) const;
  // World point -> display coordinates (needs the renderer in a sized render window).
  std::array<double, 2> toDisplay(const std::array<double, 3>& world) const;

  // Outlines the picked rack or panel (nothing for a miss).
  void setHighlight(const PickResult& pick);

  void setDeckVisible(bool visible);
  void setSeaVisible(bool visible);
  void setCfdVisible(bool visible);
  bool hasSea() const { return m_hasSea; }

  const HullLayer& hullLayer() const { return m_hull; }
  const RackLayer& rackLayer() const { return m_racks; }
  const CfdLayer& cfdLayer() const { return m_cfd; }
  // Remarks about parts of the result that were skipped (e.g. an unknown /cfd layout).
  std::vector<std::string> notes() const { return m_cfd.notes(); }

 private:
  void buildSea();

  std::shared_ptr<const ResultModel> m_result;
  std::size_t m_row = 0;
  HullLayer m_hull;
  RackLayer m_racks;
  CfdLayer m_cfd;
  bool m_hasSea = false;
  bool m_cfdVisible = true;
  vtkNew<vtkPlaneSource> m_seaSource;
  vtkNew<vtkActor> m_sea;
  vtkNew<vtkPolyData> m_highlightPoly;
  vtkNew<vtkActor> m_highlight;
  vtkNew<vtkRenderer> m_renderer;
  vtkNew<vtkCellPicker> m_picker;
};

}  // namespace fdtwin::gui
