#include "scene/CfdLayer.hpp"

#include <vtkActor.h>
#include <vtkCellArray.h>
#include <vtkDelaunay2D.h>
#include <vtkDoubleArray.h>
#include <vtkLookupTable.h>
#include <vtkPointData.h>
#include <vtkPoints.h>
#include <vtkPolyData.h>
#include <vtkPolyDataMapper.h>
#include <vtkProperty.h>
#include <vtkScalarBarActor.h>

#include <algorithm>
#include <cmath>
#include <limits>

#include "core/Constants.hpp"
#include "core/Error.hpp"
#include "scene/ColorMaps.hpp"

namespace fdtwin::gui {
namespace {
constexpr double kKelvin = constants::kZeroCelsius;  // K at 0 degC: the viewer shows degC
// Values read to find the colour range; beyond this, rows are sampled.
constexpr std::size_t kRangeBudget = 4'000'000;
}  // namespace

struct CfdLayer::Slice {
  std::string name;
  std::string valuesPath;
  std::size_t rows = 1;  // coupling times (1 for static values)
  bool perRow = false;   // values shaped [rows, n]
  double offset = 0.0;   // subtracted for display (K -> degC)
  std::vector<double> times;
  long shown = -1;
  std::vector<double> buffer;
  vtkNew<vtkPolyData> poly;
  vtkNew<vtkDoubleArray> scalars;
  vtkSmartPointer<vtkPolyData> drawn;  // poly itself or its triangulation
  vtkNew<vtkPolyDataMapper> mapper;
  vtkNew<vtkActor> actor;
};

CfdLayer::CfdLayer() {
  m_lut = makeLookupTable(ColorMap::Viridis, 0.0, 1.0);
  m_bar->SetLookupTable(m_lut);
  m_bar->SetTitle("Sea T, CFD [°C]");
  m_bar->SetOrientationToHorizontal();
  m_bar->SetPosition(0.25, 0.01);
  m_bar->SetPosition2(0.45, 0.14);
  styleColorBar(m_bar);
  m_bar->SetBarRatio(0.25);
  m_bar->SetVisibility(false);
}

CfdLayer::~CfdLayer() = default;

void CfdLayer::clear() {
  m_slices.clear();
  m_notes.clear();
  m_bar->SetVisibility(false);
}

std::vector<vtkActor*> CfdLayer::actors() const {
  std::vector<vtkActor*> out;
  for (const auto& s : m_slices) out.push_back(s->actor);
  return out;
}

std::vector<std::string> CfdLayer::sliceNames() const {
  std::vector<std::string> out;
  for (const auto& s : m_slices) out.push_back(s->name);
  return out;
}

long CfdLayer::shownRow(std::size_t slice) const {
  return slice < m_slices.size() ? m_slices[slice]->shown : -1;
}

void CfdLayer::build(const ResultModel& result) {
  clear();
  const ResultReader& r = result.reader();
  if (!r.isGroup("/cfd")) return;
  try {
    if (r.isDataset("/cfd/points")) addSlice(result, "/cfd");
    for (const std::string& name : r.list("/cfd"))
      if (r.isGroup("/cfd/" + name)) addSlice(result, "/cfd/" + name);
    if (m_slices.empty()) return;  // e.g. a surrogate run: series only, no slices
    setRange(r);
  } catch (const std::exception& e) {
    m_notes.push_back(std::string("/cfd: not drawn (") + e.what() + ")");
    m_slices.clear();
    return;
  }
  m_bar->SetVisibility(true);
}

void CfdLayer::setRange(const ResultReader& r) {
  // One colour range over all slices and times.
  double lo = std::numeric_limits<double>::infinity(), hi = -lo;
  for (const auto& s : m_slices) {
    const std::size_t n = static_cast<std::size_t>(s->poly->GetNumberOfPoints());
    const std::size_t step = std::max<std::size_t>(1, s->rows * n / kRangeBudget);
    for (std::size_t row = 0; row < s->rows; row += step) {
      if (s->perRow)
        r.readRow(s->valuesPath, row, s->buffer);
      else
        s->buffer = r.readNumbers(s->valuesPath);
      for (double v : s->buffer)
        if (std::isfinite(v)) lo = std::min(lo, v - s->offset), hi = std::max(hi, v - s->offset);
    }
  }
  if (!std::isfinite(lo)) lo = 0.0, hi = 1.0;
  if (hi - lo < 1e-6) lo -= 0.5, hi += 0.5;
  m_lut->SetTableRange(lo, hi);
}

void CfdLayer::addSlice(const ResultModel& result, const std::string& group) {
  const ResultReader& r = result.reader();
  const std::string pointsPath = group + "/points";
  if (!r.isDataset(pointsPath)) return;
  const auto pshape = r.shape(pointsPath);
  if (pshape.size() != 2 || pshape[1] != 3 || pshape[0] == 0) {
    m_notes.push_back(pointsPath + ": expected shape [n, 3]; slice skipped");
    return;
  }
  const std::size_t n = pshape[0];
  auto slice = std::make_unique<Slice>();
  slice->name = group.substr(group.find_last_of('/') + 1);
  // The values: T, else the first numeric dataset shaped [rows, n] or [n].
  std::vector<std::string> candidates{"T"};
  for (const std::string& m : r.list(group))
    if (m != "T" && m != "points" && m != "time" && m != "cells") candidates.push_back(m);
  for (const std::string& m : candidates) {
    std::string path = group;
    path.append("/").append(m);
    if (!r.isDataset(path)) continue;
    const auto shape = r.shape(path);
    if (shape.size() == 2 && shape[1] == n && shape[0] > 0) {
      slice->perRow = true;
      slice->rows = shape[0];
    } else if (!(shape.size() == 1 && shape[0] == n)) {
      continue;
    }
    try {
      (void)r.readRow(path, 0);  // numeric? (throws for strings)
    } catch (const std::exception&) {
      if (slice->perRow) continue;
    }
    slice->valuesPath = path;
    break;
  }
  if (slice->valuesPath.empty()) {
    m_notes.push_back(group + ": no values shaped [times, " + std::to_string(n) + "]; slice skipped");
    return;
  }
  const std::string unit = r.units(slice->valuesPath);
  slice->offset = unit == "K" ? kKelvin : 0.0;
  if (slice->perRow) {
    for (const std::string& tpath : {group + "/time", std::string("/cfd/time")})
      if (r.isDataset(tpath) && r.shape(tpath).size() == 1 && r.shape(tpath)[0] == slice->rows) {
        slice->times = r.readSeries(tpath);
        break;
      }
    if (slice->times.empty() && slice->rows == result.timeCount()) slice->times = result.times();
    if (slice->times.empty()) {
      m_notes.push_back(slice->valuesPath + ": no coupling times; showing its first row");
      slice->times.assign(1, -std::numeric_limits<double>::infinity());
      slice->rows = 1;
    }
  }

  const auto xyz = r.readNumbers(pointsPath);
  vtkNew<vtkPoints> points;
  points->SetDataTypeToDouble();
  points->SetNumberOfPoints(static_cast<vtkIdType>(n));
  for (std::size_t i = 0; i < n; ++i) points->SetPoint(static_cast<vtkIdType>(i), &xyz[3 * i]);
  slice->poly->SetPoints(points);
  slice->scalars->SetName("T_degC");
  slice->scalars->SetNumberOfValues(static_cast<vtkIdType>(n));
  slice->scalars->Fill(0.0);
  slice->poly->GetPointData()->SetScalars(slice->scalars);
  slice->drawn = slice->poly;

  const std::string cellsPath = group + "/cells";
  const auto cshape = r.isDataset(cellsPath) ? r.shape(cellsPath) : std::vector<std::size_t>{};
  if (cshape.size() == 2 && (cshape[1] == 3 || cshape[1] == 4)) {
    const auto ids = r.readIntegers(cellsPath);
    vtkNew<vtkCellArray> polys;
    for (std::size_t c = 0; c < cshape[0]; ++c) {
      vtkIdType cell[4];
      bool ok = true;
      for (std::size_t k = 0; k < cshape[1]; ++k) {
        cell[k] = static_cast<vtkIdType>(ids[c * cshape[1] + k]);
        ok = ok && cell[k] >= 0 && cell[k] < static_cast<vtkIdType>(n);
      }
      if (ok) polys->InsertNextCell(static_cast<vtkIdType>(cshape[1]), cell);
    }
    slice->poly->SetPolys(polys);
  } else {
    vtkNew<vtkDelaunay2D> delaunay;
    delaunay->SetInputData(slice->poly);
    delaunay->SetProjectionPlaneMode(VTK_BEST_FITTING_PLANE);
    delaunay->Update();
    if (delaunay->GetOutput()->GetNumberOfPolys() > 0) {
      slice->drawn = delaunay->GetOutput();
      slice->drawn->GetPointData()->SetScalars(slice->scalars);  // same points, same order
    } else {
      vtkNew<vtkCellArray> verts;
      for (vtkIdType i = 0; i < static_cast<vtkIdType>(n); ++i) verts->InsertNextCell(1, &i);
      slice->poly->SetVerts(verts);
      slice->actor->GetProperty()->SetPointSize(6.0);
      slice->actor->GetProperty()->RenderPointsAsSpheresOn();
    }
  }
  slice->mapper->SetInputData(slice->drawn);
  slice->mapper->SetLookupTable(m_lut);
  slice->mapper->UseLookupTableScalarRangeOn();
  slice->mapper->SetScalarModeToUsePointData();
  slice->actor->SetMapper(slice->mapper);
  slice->actor->GetProperty()->SetOpacity(0.85);
  slice->actor->GetProperty()->SetAmbient(0.4);
  slice->actor->PickableOff();
  m_slices.push_back(std::move(slice));
}

void CfdLayer::update(const ResultModel& result, double t) {
  const ResultReader& r = result.reader();
  for (auto& s : m_slices) {
    long row = 0;
    if (s->perRow) {
      auto it = std::upper_bound(s->times.begin(), s->times.end(), t + 1e-6);
      row = it == s->times.begin() ? 0 : static_cast<long>(it - s->times.begin()) - 1;
    }
    if (row == s->shown) continue;
    if (s->perRow)
      r.readRow(s->valuesPath, static_cast<std::size_t>(row), s->buffer);
    else
      s->buffer = r.readNumbers(s->valuesPath);
    double* out = s->scalars->GetPointer(0);
    for (std::size_t i = 0; i < s->buffer.size(); ++i) out[i] = s->buffer[i] - s->offset;
    s->scalars->Modified();
    s->drawn->Modified();
    s->shown = row;
  }
}

}  // namespace fdtwin::gui
