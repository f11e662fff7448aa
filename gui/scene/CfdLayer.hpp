#pragma once
// The CFD plume slices (the result's optional /cfd group) in the 3D view, coloured by sea
// temperature with their own colour bar.
//
// The /cfd layout is read defensively because it is newer than the rest of the schema:
// every group under /cfd (and /cfd itself) that holds `points` [n, 3] is a slice; its values
// are the dataset `T` (else the first other numeric dataset) shaped [nc, n] (one row per
// coupling time) or [n] (static); the coupling times are `time` [nc] in the slice or in /cfd,
// else the result's own times when nc equals their count. Anything else is skipped with a
// note (notes()), never an error: a result without a usable /cfd still opens.
// A slice with `cells` [nc, 3|4] is drawn as polygons; otherwise it is triangulated once
// (Delaunay in its best-fitting plane), or drawn as points if that fails.
#include <cstddef>
#include <memory>
#include <string>
#include <vector>

#include <vtkNew.h>
#include <vtkSmartPointer.h>

#include "scene/ResultModel.hpp"

class vtkActor;
class vtkLookupTable;
class vtkScalarBarActor;

namespace fdtwin::gui {

class CfdLayer {
 public:
  CfdLayer();
  ~CfdLayer();

  void build(const ResultModel& result);
  void clear();
  // Shows the slice values of the last coupling time <= t.
  void update(const ResultModel& result, double t);

  bool present() const { return !m_slices.empty(); }
  std::vector<vtkActor*> actors() const;
  vtkScalarBarActor* colorBar() const { return m_bar; }
  const std::vector<std::string>& notes() const { return m_notes; }
  std::vector<std::string> sliceNames() const;
  // The row shown for slice i, or -1.
  long shownRow(std::size_t slice) const;

 private:
  struct Slice;
  void addSlice(const ResultModel& result, const std::string& group);
  void setRange(const ResultReader& reader);

  std::vector<std::unique_ptr<Slice>> m_slices;
  std::vector<std::string> m_notes;
  vtkSmartPointer<vtkLookupTable> m_lut;
  vtkNew<vtkScalarBarActor> m_bar;
};

}  // namespace fdtwin::gui
