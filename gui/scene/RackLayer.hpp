#pragma once
// The racks in the 3D view: one box per rack (six quads) coloured by chip temperature (degC)
// with its own colour bar, and the halls as thin outlines. Topology is built once per result;
// a time step only rewrites the cell scalars.
#include <cstddef>
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

class RackLayer {
 public:
  static constexpr int kFacesPerRack = 6;

  RackLayer();
  ~RackLayer();

  void build(const ResultModel& result);
  void update(const ResultModel& result, std::size_t row);
  bool empty() const { return m_rackCount == 0; }

  vtkActor* rackActor() const { return m_actor; }
  vtkActor* hallActor() const { return m_hallActor; }
  vtkScalarBarActor* colorBar() const { return m_bar; }
  vtkLookupTable* lookupTable() const { return m_lut; }

  // The rack index of cell `cell` of `prop`, or -1.
  long rackOf(vtkProp* prop, vtkIdType cell) const;
  // The value (degC) currently shown on a rack.
  double shownValue(std::size_t rack) const;

 private:
  std::size_t m_rackCount = 0;
  std::vector<double> m_row;
  vtkNew<vtkPolyData> m_poly;
  vtkNew<vtkPolyDataMapper> m_mapper;
  vtkNew<vtkActor> m_actor;
  vtkNew<vtkDoubleArray> m_scalars;
  vtkNew<vtkPolyData> m_hallPoly;
  vtkNew<vtkPolyDataMapper> m_hallMapper;
  vtkNew<vtkActor> m_hallActor;
  vtkSmartPointer<vtkLookupTable> m_lut;
  vtkNew<vtkScalarBarActor> m_bar;
};

}  // namespace fdtwin::gui
