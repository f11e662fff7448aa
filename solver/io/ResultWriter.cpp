#include "io/ResultWriter.hpp"

#include <fcntl.h>
#include <hdf5.h>
#include <hdf5_hl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <stdexcept>

#include <fmt/format.h>

#include "core/Error.hpp"

namespace fdtwin::io {

struct ResultWriter::Series {
  std::string path;
  hid_t dset = -1;
  size_t width = 0;  // 0: 1-D
  size_t rows = 0;   // rows in the file
  size_t chunkRows = 1;
  std::vector<double> buffer;
  size_t buffered = 0;
};

namespace {
void ensure(herr_t status, const std::string& what) {
  if (status < 0) throw std::runtime_error("HDF5: " + what);
}
hid_t linkCreationProps() {
  hid_t lcpl = H5Pcreate(H5P_LINK_CREATE);
  H5Pset_create_intermediate_group(lcpl, 1);
  return lcpl;
}
void stringAttribute(hid_t obj, const std::string& name, const std::string& value) {
  hid_t type = H5Tcopy(H5T_C_S1);
  H5Tset_size(type, std::max<size_t>(1, value.size()));
  H5Tset_cset(type, H5T_CSET_UTF8);
  H5Tset_strpad(type, H5T_STR_NULLTERM);
  hid_t space = H5Screate(H5S_SCALAR);
  if (H5Aexists(obj, name.c_str()) > 0) H5Adelete(obj, name.c_str());
  hid_t attr = H5Acreate2(obj, name.c_str(), type, space, H5P_DEFAULT, H5P_DEFAULT);
  ensure(H5Awrite(attr, type, value.empty() ? "" : value.c_str()), "write attribute " + name);
  H5Aclose(attr);
  H5Sclose(space);
  H5Tclose(type);
}
// The group (or dataset) at `path`, created as a group when absent; close with H5Oclose.
hid_t openOrCreateGroup(hid_t file, const std::string& path) {
  if (path.empty() || path == "/") return H5Oopen(file, "/", H5P_DEFAULT);
  if (H5Lexists(file, path.c_str(), H5P_DEFAULT) > 0) return H5Oopen(file, path.c_str(), H5P_DEFAULT);
  hid_t lcpl = linkCreationProps();
  hid_t g = H5Gcreate2(file, path.c_str(), lcpl, H5P_DEFAULT, H5P_DEFAULT);
  H5Pclose(lcpl);
  return g;
}
}  // namespace

ResultWriter::ResultWriter(std::string finalPath) : m_final(std::move(finalPath)), m_part(m_final + ".part") {
  namespace fs = std::filesystem;
  const fs::path dir = fs::path(m_final).parent_path();
  if (fs::is_directory(m_final)) {
    throw InputError(m_final, 0, "--output",
                     "is a folder; give the path of a result file (e.g. results/run.h5)");
  }
  if (!dir.empty() && !fs::is_directory(dir)) {
    throw InputError(m_final, 0, "--output", "the output folder '" + dir.string() + "' does not exist");
  }
  // The final rename replaces whatever the path names: only a new name or a regular file
  // (never a device, a FIFO, a socket or a symbolic link) may be there, and at OUT.h5.part.
  for (const std::string& path : {m_final, m_part}) {
    struct stat st {};
    if (::lstat(path.c_str(), &st) == 0 && !S_ISREG(st.st_mode)) {
      throw InputError(m_final, 0, "--output",
                       fmt::format("{} is {}: fdtwin writes a result only to a new name or over a regular file",
                                   path, S_ISLNK(st.st_mode) ? "a symbolic link" : "not a regular file"));
    }
  }
  lockPartialFile();
  H5Eset_auto2(H5E_DEFAULT, nullptr, nullptr);  // errors are reported by return codes
  hid_t fapl = H5Pcreate(H5P_FILE_ACCESS);
  H5Pset_libver_bounds(fapl, H5F_LIBVER_EARLIEST, H5F_LIBVER_V18);
  // Our own lock guards the file (HDF5's flock would conflict with it and comes only after
  // H5F_ACC_TRUNC has already truncated the file of another run).
  H5Pset_file_locking(fapl, 0, 1);
  m_file = H5Fcreate(m_part.c_str(), H5F_ACC_TRUNC, H5P_DEFAULT, fapl);  // ours now: locked
  H5Pclose(fapl);
  if (m_file < 0) {
    std::remove(m_part.c_str());  // the empty file our lock created
    releaseLock();
    throw InputError(m_final, 0, "--output", "cannot create the result file (is the folder writable?)");
  }
}

void ResultWriter::lockPartialFile() {
  // An exclusive lock on OUT.h5.part before anything is created or truncated: a second run on
  // the same output path stops here and leaves the first run's file alone. The file is opened
  // without truncation; the lock is kept until the file is renamed or removed, and it is the
  // lock of the inode the path names (a run that renamed its file between our open and our
  // lock made us lock its final file: try again).
  for (int attempt = 0; attempt < 8; ++attempt) {
    const int fd = ::open(m_part.c_str(), O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0644);
    if (fd < 0) {
      throw InputError(m_final, 0, "--output",
                       fmt::format("cannot create {}: {}", m_part, std::strerror(errno)));
    }
    if (::flock(fd, LOCK_EX | LOCK_NB) != 0) {
      ::close(fd);
      throw InputError(m_final, 0, "--output",
                       fmt::format("another fdtwin run is writing this result ({} is locked): wait for it to "
                                   "finish or give another output path",
                                   m_part));
    }
    struct stat held {}, named {};
    if (::fstat(fd, &held) == 0 && ::stat(m_part.c_str(), &named) == 0 && held.st_ino == named.st_ino &&
        held.st_dev == named.st_dev) {
      m_lockFd = fd;
      return;
    }
    ::close(fd);
  }
  throw InputError(m_final, 0, "--output", "cannot lock " + m_part + ": it keeps being replaced");
}

void ResultWriter::releaseLock() {
  if (m_lockFd >= 0) ::close(m_lockFd);
  m_lockFd = -1;
}

ResultWriter::~ResultWriter() {
  if (m_committed) return;
  for (auto& s : m_series) {
    if (s->dset >= 0) H5Dclose(s->dset);
  }
  if (m_file >= 0) H5Fclose(static_cast<hid_t>(m_file));
  if (m_lockFd >= 0) std::remove(m_part.c_str());  // only a file this writer locked
  releaseLock();
}

void ResultWriter::rootAttribute(const std::string& name, const std::string& value) {
  stringAttribute(static_cast<hid_t>(m_file), name, value);
}

void ResultWriter::rootAttribute(const std::string& name, long long value) {
  hid_t space = H5Screate(H5S_SCALAR);
  hid_t attr =
      H5Acreate2(static_cast<hid_t>(m_file), name.c_str(), H5T_NATIVE_LLONG, space, H5P_DEFAULT, H5P_DEFAULT);
  ensure(H5Awrite(attr, H5T_NATIVE_LLONG, &value), "write attribute " + name);
  H5Aclose(attr);
  H5Sclose(space);
}

void ResultWriter::groupAttribute(const std::string& group, const std::string& name, double value) {
  hid_t g = openOrCreateGroup(static_cast<hid_t>(m_file), group);
  hid_t space = H5Screate(H5S_SCALAR);
  if (H5Aexists(g, name.c_str()) > 0) H5Adelete(g, name.c_str());
  hid_t attr = H5Acreate2(g, name.c_str(), H5T_NATIVE_DOUBLE, space, H5P_DEFAULT, H5P_DEFAULT);
  ensure(H5Awrite(attr, H5T_NATIVE_DOUBLE, &value), "write attribute " + name);
  H5Aclose(attr);
  H5Sclose(space);
  H5Oclose(g);
}

void ResultWriter::groupAttribute(const std::string& group, const std::string& name,
                                  const std::string& value) {
  hid_t g = openOrCreateGroup(static_cast<hid_t>(m_file), group);
  stringAttribute(g, name, value);
  H5Oclose(g);
}

namespace {
// Creates a fixed dataset of `type` and writes `data` (nullptr: nothing); returns it open.
hid_t createFixed(hid_t file, const std::string& path, hid_t fileType, hid_t memType, const void* data,
                  const std::vector<size_t>& dims) {
  std::vector<hsize_t> d(dims.begin(), dims.end());
  hid_t space = H5Screate_simple(static_cast<int>(d.size()), d.data(), nullptr);
  hid_t lcpl = linkCreationProps();
  hid_t ds = H5Dcreate2(file, path.c_str(), fileType, space, lcpl, H5P_DEFAULT, H5P_DEFAULT);
  H5Pclose(lcpl);
  H5Sclose(space);
  if (ds < 0) throw std::runtime_error("HDF5: cannot create " + path);
  if (data) ensure(H5Dwrite(ds, memType, H5S_ALL, H5S_ALL, H5P_DEFAULT, data), "write " + path);
  return ds;
}
hid_t createDoubles(hid_t file, const std::string& path, const std::vector<double>& data,
                    const std::vector<size_t>& dims) {
  return createFixed(file, path, H5T_NATIVE_DOUBLE, H5T_NATIVE_DOUBLE, data.empty() ? nullptr : data.data(),
                     dims);
}
hid_t createInts(hid_t file, const std::string& path, const std::vector<int64_t>& data,
                 const std::vector<size_t>& dims) {
  return createFixed(file, path, H5T_STD_I64LE, H5T_NATIVE_INT64, data.empty() ? nullptr : data.data(), dims);
}
hid_t createStrings(hid_t file, const std::string& path, const std::vector<std::string>& data) {
  hid_t type = H5Tcopy(H5T_C_S1);
  H5Tset_size(type, H5T_VARIABLE);
  H5Tset_cset(type, H5T_CSET_UTF8);
  std::vector<const char*> ptrs;
  ptrs.reserve(data.size());
  for (const auto& s : data) ptrs.push_back(s.c_str());
  hid_t ds = -1;
  try {
    ds = createFixed(file, path, type, type, ptrs.empty() ? nullptr : ptrs.data(), {data.size()});
  } catch (...) {
    H5Tclose(type);
    throw;
  }
  H5Tclose(type);
  return ds;
}
}  // namespace

void ResultWriter::write(const std::string& path, const std::vector<double>& data,
                         const std::vector<size_t>& dims, const std::string& units) {
  hid_t ds = createDoubles(static_cast<hid_t>(m_file), path, data, dims);
  stringAttribute(ds, "units", units);
  H5Dclose(ds);
}

void ResultWriter::writeInts(const std::string& path, const std::vector<int64_t>& data,
                             const std::vector<size_t>& dims, const std::string& units) {
  hid_t ds = createInts(static_cast<hid_t>(m_file), path, data, dims);
  stringAttribute(ds, "units", units);
  H5Dclose(ds);
}

void ResultWriter::writeStrings(const std::string& path, const std::vector<std::string>& data) {
  hid_t ds = createStrings(static_cast<hid_t>(m_file), path, data);
  stringAttribute(ds, "units", "-");
  H5Dclose(ds);
}

// --- items of the result schema ------------------------------------------------------------

void ResultWriter::describe(int64_t dataset, const results::Entry& e, const std::string& units) {
  const hid_t ds = static_cast<hid_t>(dataset);
  if (e.isScale()) ensure(H5DSset_scale(ds, e.name().c_str()), "make " + e.path + " a dimension scale");
  const std::string u = units.empty() ? e.units : units;
  if (!u.empty()) stringAttribute(ds, "units", u);
  stringAttribute(ds, "long_name", e.longName);
  if (!e.formula.empty()) stringAttribute(ds, "formula", e.formula);
  m_written.push_back(&e);
}

void ResultWriter::attribute(const results::Entry& e, const std::string& value) {
  groupAttribute(e.object(), e.name(), value);
}

void ResultWriter::attribute(const results::Entry& e, double value) {
  groupAttribute(e.object(), e.name(), value);
}

void ResultWriter::attribute(const results::Entry& e, long long value) {
  hid_t g = openOrCreateGroup(static_cast<hid_t>(m_file), e.object());
  hid_t space = H5Screate(H5S_SCALAR);
  if (H5Aexists(g, e.name().c_str()) > 0) H5Adelete(g, e.name().c_str());
  hid_t attr = H5Acreate2(g, e.name().c_str(), H5T_NATIVE_LLONG, space, H5P_DEFAULT, H5P_DEFAULT);
  ensure(H5Awrite(attr, H5T_NATIVE_LLONG, &value), "write attribute " + e.path);
  H5Aclose(attr);
  H5Sclose(space);
  H5Oclose(g);
}

void ResultWriter::write(const results::Entry& e, const std::vector<double>& data,
                         const std::vector<size_t>& dims, const std::string& units) {
  hid_t ds = createDoubles(static_cast<hid_t>(m_file), e.path, data, dims);
  describe(ds, e, units);
  H5Dclose(ds);
}

void ResultWriter::writeInts(const results::Entry& e, const std::vector<int64_t>& data,
                             const std::vector<size_t>& dims) {
  hid_t ds = createInts(static_cast<hid_t>(m_file), e.path, data, dims);
  describe(ds, e, "");
  H5Dclose(ds);
}

void ResultWriter::writeStrings(const results::Entry& e, const std::vector<std::string>& data) {
  hid_t ds = createStrings(static_cast<hid_t>(m_file), e.path, data);
  describe(ds, e, "");
  H5Dclose(ds);
}

void ResultWriter::writeIndex(const results::Entry& e, size_t n) {
  std::vector<int64_t> idx(n);
  for (size_t i = 0; i < n; ++i) idx[i] = static_cast<int64_t>(i);
  writeInts(e, idx, {n});
}

void ResultWriter::writeKpi(const results::Entry& e, double value) {
  hid_t space = H5Screate(H5S_SCALAR);
  hid_t lcpl = linkCreationProps();
  hid_t ds = H5Dcreate2(static_cast<hid_t>(m_file), e.path.c_str(), H5T_NATIVE_DOUBLE, space, lcpl,
                        H5P_DEFAULT, H5P_DEFAULT);
  H5Pclose(lcpl);
  H5Sclose(space);
  if (ds < 0) throw std::runtime_error("HDF5: cannot create " + e.path);
  ensure(H5Dwrite(ds, H5T_NATIVE_DOUBLE, H5S_ALL, H5S_ALL, H5P_DEFAULT, &value), "write " + e.path);
  describe(ds, e, "");
  H5Dclose(ds);
}

int ResultWriter::series(const results::Entry& e, size_t width, const std::string& units) {
  const int h = series(e.path, width, units.empty() ? e.units : units);
  describe(m_series[static_cast<size_t>(h)]->dset, e, units);
  return h;
}

void ResultWriter::attachScales() {
  const hid_t file = static_cast<hid_t>(m_file);
  std::vector<std::string> scales;
  for (const results::Entry* e : m_written)
    if (e->isScale()) scales.push_back(e->path);
  for (const results::Entry* e : m_written) {
    if (!e->isScale() && !e->dims.empty()) {  // labels name the dimensions for h5py and HDFView
      hid_t ds = H5Dopen2(file, e->path.c_str(), H5P_DEFAULT);
      for (size_t i = 0; i < e->dims.size() && ds >= 0; ++i)
        ensure(H5DSset_label(ds, static_cast<unsigned>(i), e->dims[i].c_str()), "label " + e->path);
      if (ds >= 0) H5Dclose(ds);
    }
    for (size_t i = 0; i < e->dims.size(); ++i) {
      const std::string scale = results::scalePathFor(e->path, e->dims[i]);
      if (scale.empty() || scale == e->path || std::find(scales.begin(), scales.end(), scale) == scales.end())
        continue;
      hid_t ds = H5Dopen2(file, e->path.c_str(), H5P_DEFAULT);
      hid_t sc = H5Dopen2(file, scale.c_str(), H5P_DEFAULT);
      const herr_t ok = ds >= 0 && sc >= 0 ? H5DSattach_scale(ds, sc, static_cast<unsigned>(i)) : -1;
      if (sc >= 0) H5Dclose(sc);
      if (ds >= 0) H5Dclose(ds);
      ensure(ok, "attach " + scale + " to dimension " + std::to_string(i) + " of " + e->path);
    }
  }
}

int ResultWriter::series(const std::string& path, size_t width, const std::string& units) {
  auto s = std::make_unique<Series>();
  s->path = path;
  s->width = width;
  const size_t w = std::max<size_t>(1, width);
  // ~128 KiB chunks: a viewer reading one time row decompresses little, appends stay cheap.
  s->chunkRows = std::clamp<size_t>(16384 / w, 1, 4096);
  if (m_expectedRows > 0) s->chunkRows = std::min(s->chunkRows, m_expectedRows);
  const int rank = width == 0 ? 1 : 2;
  hsize_t dims[2] = {0, width}, maxdims[2] = {H5S_UNLIMITED, width},
          chunk[2] = {s->chunkRows, std::max<size_t>(1, width)};
  hid_t space = H5Screate_simple(rank, dims, maxdims);
  hid_t dcpl = H5Pcreate(H5P_DATASET_CREATE);
  H5Pset_chunk(dcpl, rank, chunk);
  if (m_deflateLevel > 0) {
    H5Pset_shuffle(dcpl);
    H5Pset_deflate(dcpl, static_cast<unsigned>(m_deflateLevel));
  }
  hid_t lcpl = linkCreationProps();
  s->dset =
      H5Dcreate2(static_cast<hid_t>(m_file), path.c_str(), H5T_NATIVE_DOUBLE, space, lcpl, dcpl, H5P_DEFAULT);
  H5Pclose(lcpl);
  H5Pclose(dcpl);
  H5Sclose(space);
  if (s->dset < 0) throw std::runtime_error("HDF5: cannot create " + path);
  stringAttribute(s->dset, "units", units);
  s->buffer.resize(s->chunkRows * w);
  m_series.push_back(std::move(s));
  return static_cast<int>(m_series.size()) - 1;
}

void ResultWriter::append(int handle, const double* row) {
  Series& s = *m_series[static_cast<size_t>(handle)];
  const size_t w = std::max<size_t>(1, s.width);
  std::copy(row, row + w, s.buffer.begin() + static_cast<std::ptrdiff_t>(s.buffered * w));
  if (++s.buffered == s.chunkRows) flush(s);
}

void ResultWriter::appendRows(int handle, const double* data, size_t rows) {
  const size_t w = std::max<size_t>(1, m_series[static_cast<size_t>(handle)]->width);
  for (size_t r = 0; r < rows; ++r) append(handle, data + r * w);
}

const std::string& ResultWriter::seriesPath(int handle) const { return m_series[static_cast<size_t>(handle)]->path; }

size_t ResultWriter::seriesWidth(int handle) const { return m_series[static_cast<size_t>(handle)]->width; }

void ResultWriter::flush(Series& s) {
  if (s.buffered == 0) return;
  const int rank = s.width == 0 ? 1 : 2;
  hsize_t newDims[2] = {s.rows + s.buffered, s.width};
  ensure(H5Dset_extent(s.dset, newDims), "extend dataset");
  hid_t fspace = H5Dget_space(s.dset);
  hsize_t start[2] = {s.rows, 0}, count[2] = {s.buffered, s.width};
  H5Sselect_hyperslab(fspace, H5S_SELECT_SET, start, nullptr, count, nullptr);
  hid_t mspace = H5Screate_simple(rank, count, nullptr);
  ensure(H5Dwrite(s.dset, H5T_NATIVE_DOUBLE, mspace, fspace, H5P_DEFAULT, s.buffer.data()), "append rows");
  H5Sclose(mspace);
  H5Sclose(fspace);
  s.rows += s.buffered;
  s.buffered = 0;
}

void ResultWriter::commit() {
  for (auto& s : m_series) flush(*s);
  attachScales();
  for (auto& s : m_series) {
    flush(*s);
    H5Dclose(s->dset);
    s->dset = -1;
  }
  ensure(H5Fclose(static_cast<hid_t>(m_file)), "close file");
  m_file = -1;
  std::error_code ec;
  std::filesystem::rename(m_part, m_final, ec);
  if (ec) throw std::runtime_error("cannot rename " + m_part + " to " + m_final + ": " + ec.message());
  m_committed = true;
  releaseLock();
}

}  // namespace fdtwin::io
