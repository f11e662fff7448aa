#pragma once
// The hull in the 3D view: its quadrilateral panels coloured by plate temperature (degC) with
// a colour bar. The deck is a separate, translucent actor so that the racks below it stay
// visible. Topology is built once per result; a time step only rewrites the cell scalars.
#include <cstddef>
#include <memory>
#include <vector>

#include <vtkLookupTable.h>
#include <vtkNew.h>
#include <vtkSmartPointer.h>
#include <vtkType.h>

#include "scene/ResultModel.hpp"

class vtkActor;
class vtkDoubleArray;
class vtkPolyData;
class vtkPolyDataMapper;
class vtkProp;
class vtkScalarBarActor;

namespace fdtwin::gui {

class HullLayer {
 public:
  HullLayer();
  ~HullLayer();

  void build(const ResultModel& result);
  void update(const ResultModel& result, std::size_t row);
  bool empty() const { return m_panelCount == 0; }

  vtkActor* hullActor() const;
  vtkActor* deckActor() const;
  vtkScalarBarActor* colorBar() const;
  vtkLookupTable* lookupTable() const { return m_lut; }
  void setDeckOpacity(double opacity);

  // The panel index of cell `cell` of `prop` (one of this layer's actors), or -1.
  long panelOf(vtkProp* prop, vtkIdType cell) const;
  // The value (degC) currently shown on a panel.
  double shownValue(std::size_t panel) const;

 private:
  struct Part;
  std::vector<Part*> parts() const;
  std::size_t m_panelCount = 0;
  std::vector<double> m_row;
  std::vector<double> m_shown;  // degC per panel
  vtkSmartPointer<vtkLookupTable> m_lut;
  vtkNew<vtkScalarBarActor> m_bar;
  std::unique_ptr<Part> m_hull;
  std::unique_ptr<Part> m_deck;
};

}  // namespace fdtwin::gui
