#include "scene/ResultModel.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

#include "core/Error.hpp"

namespace fdtwin::gui {

namespace rs = ::fdtwin::results;

int HullGeometry::groupIndex(const std::string& name) const {
  auto it = std::find(groupNames.begin(), groupNames.end(), name);
  return it == groupNames.end() ? -1 : static_cast<int>(it - groupNames.begin());
}

ResultModel::ResultModel(const std::string& path) : m_reader(path) {
  m_attributes = m_reader.rootAttributes();
  if (!m_reader.isDataset(rs::time.path))
    throw InputError(path, 0, rs::time.path, "missing: not a complete fdtwin result");
  m_time = m_reader.readSeries(rs::time.path);
  if (m_time.empty()) throw InputError(path, 0, rs::time.path, "the result holds no output times");
  if (m_reader.shape(rs::time.path).size() != 1)
    throw InputError(path, 0, rs::time.path, "expected a 1-D dataset");
  // The per-element fields' rows (/field_time, schema version 3), each output row mapped to
  // the last field row at or before it.
  const std::string fieldScale = m_reader.timeScaleOf(rs::hullT.path);
  m_fieldTime = fieldScale == rs::time.path ? m_time : m_reader.readSeries(fieldScale);
  if (m_fieldTime.empty() || m_reader.shape(fieldScale).size() != 1)
    throw InputError(path, 0, fieldScale, "expected a 1-D dataset with at least one row");
  m_fieldRowOf.resize(m_time.size());
  for (std::size_t k = 0, f = 0; k < m_time.size(); ++k) {
    while (f + 1 < m_fieldTime.size() && m_fieldTime[f + 1] <= m_time[k] + 1e-9 * std::max(1.0, std::abs(m_time[k])))
      ++f;
    m_fieldRowOf[k] = f;
  }
  auto start = m_attributes.find(rs::startDatetime.name());
  m_clock = SimClock(start == m_attributes.end() ? QString() : QString::fromStdString(start->second));
  loadHull();
  loadRacks();
  loadHalls();
  computeDraft();
  if (m_hasHullT) m_hullRange = sampleRange(rs::hullT.path);
  if (m_hasRackT) m_rackRange = sampleRange(rs::racksTChip.path);
}

std::string ResultModel::caseName() const {
  auto it = m_attributes.find(rs::caseName.name());
  return it == m_attributes.end() ? std::string() : it->second;
}

std::string ResultModel::caseToml() const {
  auto it = m_attributes.find(rs::caseToml.name());
  return it == m_attributes.end() ? std::string() : it->second;
}

std::size_t ResultModel::indexAt(double t) const {
  auto it = std::upper_bound(m_time.begin(), m_time.end(), t + 1e-9 * std::max(1.0, std::abs(t)));
  return it == m_time.begin() ? 0 : static_cast<std::size_t>(it - m_time.begin()) - 1;
}

std::size_t ResultModel::fieldRow(std::size_t row) const { return m_fieldRowOf[std::min(row, m_time.size() - 1)]; }

void ResultModel::checkRows(const std::string& datasetPath, std::size_t columns) const {
  // The per-element fields have a row per field row (the checks' only callers).
  const auto shape = m_reader.shape(datasetPath);
  if (shape.size() != 2 || shape[0] != m_fieldTime.size() || shape[1] != columns)
    throw InputError(
        path(), 0, datasetPath,
        "expected shape [" + std::to_string(m_fieldTime.size()) + ", " + std::to_string(columns) + "]");
}

void ResultModel::loadHull() {
  if (!m_reader.isGroup(rs::hullDraft.object()) || !m_reader.isDataset(rs::hullPoints.path) ||
      !m_reader.isDataset(rs::hullCells.path))
    return;
  const auto pshape = m_reader.shape(rs::hullPoints.path);
  const auto cshape = m_reader.shape(rs::hullCells.path);
  if (pshape.size() != 2 || pshape[1] != 3)
    throw InputError(path(), 0, rs::hullPoints.path, "expected shape [npts, 3]");
  if (cshape.size() != 2 || cshape[1] != 4)
    throw InputError(path(), 0, rs::hullCells.path, "expected shape [np, 4]");
  m_hull.points = m_reader.readNumbers(rs::hullPoints.path);
  m_hull.cells = m_reader.readIntegers(rs::hullCells.path);
  const auto npts = static_cast<long long>(m_hull.pointCount());
  for (long long id : m_hull.cells)
    if (id < 0 || id >= npts)
      throw InputError(path(), 0, rs::hullCells.path,
                       "refers to point " + std::to_string(id) + " but there are " + std::to_string(npts));
  const std::size_t np = m_hull.panelCount();
  m_hull.group.assign(np, -1);
  if (m_reader.isDataset(rs::hullGroupNames.path))
    m_hull.groupNames = m_reader.readStrings(rs::hullGroupNames.path);
  if (m_reader.isDataset(rs::hullGroup.path)) {
    const auto groups = m_reader.readIntegers(rs::hullGroup.path);
    if (groups.size() != np)
      throw InputError(path(), 0, rs::hullGroup.path, "expected " + std::to_string(np) + " values");
    for (std::size_t i = 0; i < np; ++i) {
      if (groups[i] < 0 || groups[i] >= static_cast<long long>(m_hull.groupNames.size()))
        throw InputError(path(), 0, rs::hullGroup.path,
                         "group index " + std::to_string(groups[i]) + " has no name");
      m_hull.group[i] = static_cast<int>(groups[i]);
    }
  }
  if (m_reader.isDataset(rs::hullArea.path)) {
    m_hull.area = m_reader.readNumbers(rs::hullArea.path);
    if (m_hull.area.size() != np) m_hull.area.clear();
  }
  if (m_reader.isDataset(rs::hullT.path)) {
    checkRows(rs::hullT.path, np);
    m_hasHullT = true;
  }
}

void ResultModel::loadRacks() {
  if (!m_reader.isDataset(rs::racksName.path)) return;
  m_racks.names = m_reader.readStrings(rs::racksName.path);
  const std::size_t nr = m_racks.names.size();
  auto read3 = [&](const std::string& ds, std::vector<double>& out, double fallback) {
    if (m_reader.isDataset(ds)) {
      out = m_reader.readNumbers(ds);
      if (out.size() != 3 * nr)
        throw InputError(path(), 0, ds, "expected shape [" + std::to_string(nr) + ", 3]");
    } else {
      out.assign(3 * nr, fallback);
    }
  };
  read3(rs::racksPosition.path, m_racks.position, 0.0);
  read3(rs::racksSize.path, m_racks.size, 1.0);
  m_racks.hall.assign(nr, 0);
  if (m_reader.isDataset(rs::racksHall.path)) {
    const auto hall = m_reader.readIntegers(rs::racksHall.path);
    if (hall.size() != nr)
      throw InputError(path(), 0, rs::racksHall.path, "expected " + std::to_string(nr) + " values");
    std::transform(hall.begin(), hall.end(), m_racks.hall.begin(),
                   [](long long h) { return static_cast<int>(h); });
  }
  if (m_reader.isDataset(rs::racksTChip.path)) {
    checkRows(rs::racksTChip.path, nr);
    m_hasRackT = true;
  }
}

void ResultModel::loadHalls() {
  if (!m_reader.isDataset(rs::hallsName.path) || !m_reader.isDataset(rs::hallsBox.path)) return;
  m_halls.names = m_reader.readStrings(rs::hallsName.path);
  m_halls.box = m_reader.readNumbers(rs::hallsBox.path);
  if (m_halls.box.size() != 6 * m_halls.names.size())
    throw InputError(path(), 0, rs::hallsBox.path,
                     "expected shape [" + std::to_string(m_halls.names.size()) + ", 6]");
}

void ResultModel::computeDraft() {
  // /hull@draft as the recorder writes it, or a root attribute `draft` (files of other writers).
  for (const std::string& object : {rs::hullDraft.object(), std::string("/")}) {
    if (!m_reader.hasAttribute(object, rs::hullDraft.name())) continue;
    try {
      m_draft = m_reader.numberAttribute(object, rs::hullDraft.name());
      return;
    } catch (const InputError&) {
      // a non-numeric draft: fall back to the geometry
    }
  }
  double top = -std::numeric_limits<double>::infinity();
  for (const char* wet : {"side_wet", "end_wet"}) {
    const int g = m_hull.groupIndex(wet);
    if (g < 0) continue;
    for (std::size_t p = 0; p < m_hull.panelCount(); ++p) {
      if (m_hull.group[p] != g) continue;
      for (int k = 0; k < 4; ++k) top = std::max(top, m_hull.points[3 * m_hull.cells[4 * p + k] + 2]);
    }
  }
  m_draft = std::isfinite(top) ? top : -1.0;
}

ValueRange ResultModel::sampleRange(const std::string& datasetPath) const {
  // First, last and a handful of field rows in between: enough to see a seasonal or daily swing.
  const std::size_t nt = m_fieldTime.size();
  const std::size_t samples = std::min<std::size_t>(nt, 9);
  double lo = std::numeric_limits<double>::infinity();
  double hi = -lo;
  std::vector<double> row;
  for (std::size_t k = 0; k < samples; ++k) {
    const std::size_t r = samples == 1 ? 0 : k * (nt - 1) / (samples - 1);
    m_reader.readRow(datasetPath, r, row);
    for (double v : row)
      if (std::isfinite(v)) {
        lo = std::min(lo, v);
        hi = std::max(hi, v);
      }
  }
  if (!std::isfinite(lo)) return {};
  if (hi - lo < 1e-6) {
    lo -= 0.5;
    hi += 0.5;
  }
  return {lo, hi};
}

void ResultModel::hullTemperature(std::size_t row, std::vector<double>& out) const {
  if (!m_hasHullT) {
    out.assign(m_hull.panelCount(), std::numeric_limits<double>::quiet_NaN());
    return;
  }
  m_reader.readRow(rs::hullT.path, fieldRow(row), out);
}

void ResultModel::rackTemperature(std::size_t row, std::vector<double>& out) const {
  if (!m_hasRackT) {
    out.assign(m_racks.count(), std::numeric_limits<double>::quiet_NaN());
    return;
  }
  m_reader.readRow(rs::racksTChip.path, fieldRow(row), out);
}

std::vector<NamedValue> ResultModel::rackValues(std::size_t rack, std::size_t row) const {
  std::vector<NamedValue> out;
  row = fieldRow(row);
  for (const results::Entry* e : {&rs::racksTChip, &rs::racksTCoolantOut, &rs::racksPIt}) {
    const std::string& ds = e->path;
    const std::string name = e->name();
    if (!m_reader.isDataset(ds)) continue;
    const auto shape = m_reader.shape(ds);
    if (shape.size() != 2 || shape[1] <= rack || shape[0] <= row) continue;
    out.push_back({name, m_reader.readRow(ds, row)[rack], m_reader.units(ds)});
  }
  return out;
}

std::vector<NamedValue> ResultModel::panelValues(std::size_t panel, std::size_t row) const {
  std::vector<NamedValue> out;
  if (m_hasHullT)
    out.push_back(
        {"T", m_reader.readRow(rs::hullT.path, fieldRow(row))[panel], rs::hullT.units});
  if (!m_hull.area.empty()) out.push_back({"area", m_hull.area[panel], rs::hullArea.units});
  return out;
}

const std::vector<double>& ResultModel::series(const std::string& datasetPath) const {
  auto it = m_seriesCache.find(datasetPath);
  if (it != m_seriesCache.end()) return it->second;
  std::vector<double> values;
  const results::Entry* entry = rs::find(datasetPath);
  const bool declaredOther = entry && entry->kind != results::Kind::Series;  // names, index datasets
  if (!declaredOther && m_reader.isDataset(datasetPath)) {
    const auto shape = m_reader.shape(datasetPath);
    const bool column = shape.size() == 1 || (shape.size() == 2 && shape[1] == 1);
    if (column && !shape.empty() && shape[0] == m_time.size()) values = m_reader.readSeries(datasetPath);
  }
  return m_seriesCache.emplace(datasetPath, std::move(values)).first->second;
}

std::vector<double> ResultModel::seriesColumn(const std::string& datasetPath, std::size_t column) const {
  if (!m_reader.isDataset(datasetPath)) return {};
  const auto shape = m_reader.shape(datasetPath);
  if (shape.size() != 2 || shape[0] != m_time.size() || column >= shape[1]) return {};
  return m_reader.readColumn(datasetPath, column);
}

std::vector<std::string> ResultModel::names(const std::string& datasetPath) const {
  if (!m_reader.isDataset(datasetPath)) return {};
  try {
    return m_reader.readStrings(datasetPath);
  } catch (const InputError&) {
    return {};
  }
}

}  // namespace fdtwin::gui
