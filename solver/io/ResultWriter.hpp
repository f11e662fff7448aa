#pragma once
// Streaming HDF5 writer for result files (schema: docs/results-format.md).
// Writes to "<path>.part" and renames to <path> only in commit(); a writer destroyed without
// commit() removes the partial file, so a failed or killed run never leaves a file at the
// final path. The partial file is locked (flock) before it is created or truncated, so a
// second run on the same path stops with an InputError and leaves the first run's file alone;
// an output path that is not a new name or a regular file (device, FIFO, socket, symbolic
// link) is refused. Time series are extendible datasets, chunked along time, shuffled and deflated;
// rows are buffered and flushed in blocks so memory stays flat and writes stay few.
//
// The overloads taking a results::Entry (io/ResultSchema.hpp) write an item of the result
// schema: its path, `units` and `long_name` (and a KPI's `formula`) come from the entry, and
// commit() attaches every dimension of every such dataset to its dimension scale (H5DS).
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "io/ResultSchema.hpp"

namespace fdtwin::io {

class ResultWriter {
 public:
  // Throws InputError when the file cannot be created (unwritable folder, ...).
  explicit ResultWriter(std::string finalPath);
  ~ResultWriter();
  ResultWriter(const ResultWriter&) = delete;
  ResultWriter& operator=(const ResultWriter&) = delete;

  void rootAttribute(const std::string& name, const std::string& value);
  void rootAttribute(const std::string& name, long long value);
  void groupAttribute(const std::string& group, const std::string& name, double value);
  void groupAttribute(const std::string& group, const std::string& name, const std::string& value);

  // Fixed datasets. dims: {n} or {n, m} (row-major data).
  void write(const std::string& path, const std::vector<double>& data, const std::vector<size_t>& dims,
             const std::string& units);
  void writeInts(const std::string& path, const std::vector<int64_t>& data, const std::vector<size_t>& dims,
                 const std::string& units);
  void writeStrings(const std::string& path, const std::vector<std::string>& data);

  // Time series: width 0 → [nt], width m → [nt, m]. Returns a handle for append().
  int series(const std::string& path, size_t width, const std::string& units);
  // Rows expected per series (caps the chunk size, so short runs do not compress empty chunks).
  void expectRows(size_t rows) { m_expectedRows = rows; }
  size_t expectedRows() const { return m_expectedRows; }
  // Deflate level 0..9 of the time series created after this call (0: stored uncompressed;
  // otherwise with the shuffle filter, which groups the doubles' bytes so deflate finds runs).
  void setCompression(int level) { m_deflateLevel = level; }
  void append(int handle, const double* row);
  void append(int handle, double value) { append(handle, &value); }
  // `rows` rows at once (rows·max(1, width) values, row-major).
  void appendRows(int handle, const double* data, size_t rows);
  // The series created so far (a resumed run copies their rows: run/Checkpoint).
  int seriesCount() const { return static_cast<int>(m_series.size()); }
  const std::string& seriesPath(int handle) const;
  size_t seriesWidth(int handle) const;

  // --- items of the result schema -------------------------------------------------------
  // An attribute entry ("/object@name"); the group is created when needed.
  void attribute(const results::Entry& e, const std::string& value);
  void attribute(const results::Entry& e, double value);
  void attribute(const results::Entry& e, long long value);
  // Static datasets. `units` replaces the entry's units where they depend on the run (`/time`).
  void write(const results::Entry& e, const std::vector<double>& data, const std::vector<size_t>& dims,
             const std::string& units = "");
  void writeInts(const results::Entry& e, const std::vector<int64_t>& data, const std::vector<size_t>& dims);
  void writeStrings(const results::Entry& e, const std::vector<std::string>& data);
  // The index dataset of a dimension (0 .. n-1), a dimension scale.
  void writeIndex(const results::Entry& e, size_t n);
  // A KPI: a scalar dataset with units, long_name and formula.
  void writeKpi(const results::Entry& e, double value);
  int series(const results::Entry& e, size_t width, const std::string& units = "");

  // Flushes, closes and renames the file to its final path.
  void commit();
  const std::string& finalPath() const { return m_final; }
  const std::string& partialPath() const { return m_part; }

  struct Series;

 private:
  void flush(Series& s);
  void lockPartialFile();
  void releaseLock();
  void describe(int64_t dataset, const results::Entry& e, const std::string& units);
  void attachScales();
  std::string m_final, m_part;
  int64_t m_file = -1;
  int m_lockFd = -1;  // holds the flock on m_part until commit() renames it or the destructor removes it
  std::vector<std::unique_ptr<Series>> m_series;
  bool m_committed = false;
  size_t m_expectedRows = 0;
  int m_deflateLevel = 1;
  std::vector<const results::Entry*> m_written;  // schema datasets, for attachScales()
};

}  // namespace fdtwin::io
