#pragma once
// A read-only reader of fdtwin result files (HDF5, io/ResultSchema.hpp, docs/results-format.md),
// schema versions 1 to 3 (what differs: docs/results-format.md, "Reading older versions").
//
// Opening checks that the file is HDF5, that it carries `schema_version` and that the version
// is one this program reads; anything else is an InputError naming the file (a truncated,
// foreign or newer file never crashes a reader). Datasets are read whole, one time row at a
// time (a hyperslab of a [nt, n] dataset, for scrubbing through long runs without loading
// them), or one column at a time (the history of one rack or panel).
//
// Numbers are converted by HDF5 to double (or long long) whatever their stored type; strings
// may be stored with fixed or variable length. Paths are absolute HDF5 paths ("/racks/T_chip").
// Datasets that are read row by row stay open (with a chunk cache) until the reader goes.
// Not for use from two threads at once (one reader per thread).
#include <cstddef>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "io/ResultSchema.hpp"

namespace fdtwin {

class ResultReader {
 public:
  // The newest and the oldest schema version this reader understands.
  static constexpr int kSchemaVersion = results::kSchemaVersion;
  static constexpr int kOldestSchemaVersion = results::kOldestReadableVersion;

  // Opens `path` read-only. Throws InputError when the file is missing, unreadable, not
  // HDF5, truncated, not an fdtwin result, or of another schema version.
  explicit ResultReader(const std::string& path);
  ~ResultReader();
  ResultReader(ResultReader&&) noexcept;
  ResultReader& operator=(ResultReader&&) noexcept;
  ResultReader(const ResultReader&) = delete;
  ResultReader& operator=(const ResultReader&) = delete;

  const std::string& path() const { return m_path; }
  int schemaVersion() const { return m_schemaVersion; }

  // --- structure -------------------------------------------------------------------------
  bool exists(const std::string& objectPath) const;  // a group or dataset at that path
  bool isGroup(const std::string& objectPath) const;
  bool isDataset(const std::string& objectPath) const;
  // Names (not paths) of the members of a group, sorted; throws when it is not a group.
  std::vector<std::string> list(const std::string& groupPath) const;
  // Dimensions of a dataset ({} for a scalar).
  std::vector<std::size_t> shape(const std::string& datasetPath) const;
  // The `units` attribute of a dataset, or "" when absent.
  std::string units(const std::string& datasetPath) const;
  // The time scale a time-dependent dataset's rows belong to: `/field_time` for the per-element
  // fields the schema puts on it (version 3 files), else `/time` (every other series, and every
  // series of version 1 and 2 files, which store the fields at each output row).
  std::string timeScaleOf(const std::string& datasetPath) const;

  // --- attributes (of the root "/", a group or a dataset) --------------------------------
  bool hasAttribute(const std::string& objectPath, const std::string& name) const;
  std::vector<std::string> attributeNames(const std::string& objectPath) const;
  std::string stringAttribute(const std::string& objectPath, const std::string& name) const;
  double numberAttribute(const std::string& objectPath, const std::string& name) const;
  // Root attributes as text (numbers formatted), for `fdtwin info` and the viewer; with the
  // attributes of /provenance (version 2), so that both versions look the same.
  std::map<std::string, std::string> rootAttributes() const;
  // The KPIs (empty when /kpi is absent): the scalar datasets of /kpi (version 2), or the
  // numeric attributes of /kpi (version 1).
  std::map<std::string, double> kpi() const;
  // Their units: the `units` of each /kpi dataset, or the `name=unit;` list /kpi@units (v1).
  std::map<std::string, std::string> kpiUnits() const;

  // --- datasets --------------------------------------------------------------------------
  // The whole dataset, flattened in row-major order.
  std::vector<double> readNumbers(const std::string& datasetPath) const;
  std::vector<long long> readIntegers(const std::string& datasetPath) const;
  // A 1-D string dataset.
  std::vector<std::string> readStrings(const std::string& datasetPath) const;
  // A [nt] series (also accepts [nt, 1]).
  std::vector<double> readSeries(const std::string& datasetPath) const { return readNumbers(datasetPath); }
  // Row `row` of a 2-D [nt, n] dataset: n values. The overload reuses `out`'s storage.
  std::vector<double> readRow(const std::string& datasetPath, std::size_t row) const;
  void readRow(const std::string& datasetPath, std::size_t row, std::vector<double>& out) const;
  // Column `column` of a 2-D [nt, n] dataset: nt values (one rack's history).
  std::vector<double> readColumn(const std::string& datasetPath, std::size_t column) const;

 private:
  struct Handles;
  std::string m_path;
  int m_schemaVersion = 0;
  std::unique_ptr<Handles> m_h;
};

}  // namespace fdtwin
