#pragma once
// One opened result file as the viewer needs it: static geometry (hull, racks, halls) read
// once, the time axis, and per-time values read lazily one row at a time (so a one-year
// hourly file opens in well under a second). Widget-free and VTK-free.
//
// Everything is checked on open: shapes that disagree with each other, or connectivity that
// points outside the point list, give an InputError naming the file and the dataset, never
// an out-of-bounds read later. Missing optional parts (no /hull, no /racks) leave them empty.
#include <cstddef>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "io/ResultReader.hpp"
#include "scene/NamedValue.hpp"
#include "scene/SimClock.hpp"

namespace fdtwin::gui {

struct ValueRange {
  double min = 0.0;
  double max = 1.0;
};

struct HullGeometry {
  std::vector<double> points;    // 3 per point (x, y, z), m
  std::vector<long long> cells;  // 4 point indices per panel
  std::vector<int> group;        // group index per panel
  std::vector<std::string> groupNames;
  std::vector<double> area;  // m2 per panel (empty when absent)
  std::size_t panelCount() const { return cells.size() / 4; }
  std::size_t pointCount() const { return points.size() / 3; }
  // The index of a group name, or -1.
  int groupIndex(const std::string& name) const;
};

struct RackGeometry {
  std::vector<std::string> names;
  std::vector<int> hall;
  std::vector<double> position;  // 3 per rack, centre, m
  std::vector<double> size;      // 3 per rack, extent, m
  std::size_t count() const { return names.size(); }
};

struct HallGeometry {
  std::vector<std::string> names;
  std::vector<double> box;  // 6 per hall: xmin ymin zmin xmax ymax zmax
};

class ResultModel {
 public:
  // Opens and checks the file; throws InputError.
  explicit ResultModel(const std::string& path);

  const std::string& path() const { return m_reader.path(); }
  const ResultReader& reader() const { return m_reader; }
  const std::map<std::string, std::string>& attributes() const { return m_attributes; }
  std::string caseName() const;
  std::string caseToml() const;

  // --- time ------------------------------------------------------------------------------
  std::size_t timeCount() const { return m_time.size(); }
  const std::vector<double>& times() const { return m_time; }
  const SimClock& clock() const { return m_clock; }
  // The last output index whose time is <= t (0 before the start).
  std::size_t indexAt(double t) const;
  // The row of the per-element fields (hull, racks) shown at output row `row`: the last field
  // row at or before it (/field_time; the same row in files before schema version 3).
  std::size_t fieldRow(std::size_t row) const;
  std::size_t fieldCount() const { return m_fieldTime.size(); }

  // --- geometry --------------------------------------------------------------------------
  const HullGeometry& hull() const { return m_hull; }
  const RackGeometry& racks() const { return m_racks; }
  const HallGeometry& halls() const { return m_halls; }
  bool hasHullTemperature() const { return m_hasHullT; }
  bool hasRackTemperature() const { return m_hasRackT; }
  // Waterline height above the keel (m): /hull@draft (or a root attribute `draft`), else the
  // top of the wetted side panels (`side_wet`, `end_wet`); < 0 when neither is known.
  double draft() const { return m_draft; }

  // --- per-time values (K) at output row `row` (from its field row) --------------------------
  void hullTemperature(std::size_t row, std::vector<double>& out) const;
  void rackTemperature(std::size_t row, std::vector<double>& out) const;
  // One rack's or panel's values at a row, for picking: {label, value, unit} in file units.
  std::vector<NamedValue> rackValues(std::size_t rack, std::size_t row) const;
  std::vector<NamedValue> panelValues(std::size_t panel, std::size_t row) const;
  // Colour ranges over the whole run, estimated from a few rows spread over it (reading every
  // row of a year would cost seconds); values outside are clamped by the colour map.
  ValueRange hullTemperatureRange() const { return m_hullRange; }
  ValueRange rackTemperatureRange() const { return m_rackRange; }

  // --- series for charts -----------------------------------------------------------------
  // A [nt] dataset, or one column of a [nt, n] dataset; empty when absent or of another length.
  // Cached: the charts and the CSV export read the same series.
  const std::vector<double>& series(const std::string& datasetPath) const;
  std::vector<double> seriesColumn(const std::string& datasetPath, std::size_t column) const;
  std::vector<std::string> names(const std::string& datasetPath) const;  // empty when absent

 private:
  void loadHull();
  void loadRacks();
  void loadHalls();
  void computeDraft();
  ValueRange sampleRange(const std::string& datasetPath) const;
  void checkRows(const std::string& datasetPath, std::size_t columns) const;

  ResultReader m_reader;
  std::map<std::string, std::string> m_attributes;
  std::vector<double> m_time;
  std::vector<double> m_fieldTime;       // times of the field rows
  std::vector<std::size_t> m_fieldRowOf;  // output row -> field row
  SimClock m_clock;
  HullGeometry m_hull;
  RackGeometry m_racks;
  HallGeometry m_halls;
  bool m_hasHullT = false;
  bool m_hasRackT = false;
  double m_draft = -1.0;
  ValueRange m_hullRange;
  ValueRange m_rackRange;
  mutable std::map<std::string, std::vector<double>> m_seriesCache;
};

}  // namespace fdtwin::gui
