#include "io/ResultWriter.hpp"

#include <hdf5.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <stdexcept>

#include <fmt/format.h>

#include "core/Error.hpp"

namespace fdtwin::io {

struct ResultWriter::Series {
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
hid_t openOrCreateGroup(hid_t file, const std::string& path) {
  if (path.empty() || path == "/") return H5Gopen2(file, "/", H5P_DEFAULT);
  if (H5Lexists(file, path.c_str(), H5P_DEFAULT) > 0) return H5Gopen2(file, path.c_str(), H5P_DEFAULT);
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
    throw InputError(m_final, 0, "--output", "is a folder; give the path of a result file (e.g. results/run.h5)");
  }
  if (!dir.empty() && !fs::is_directory(dir)) {
    throw InputError(m_final, 0, "--output", "the output folder '" + dir.string() + "' does not exist");
  }
  H5Eset_auto2(H5E_DEFAULT, nullptr, nullptr);  // errors are reported by return codes
  hid_t fapl = H5Pcreate(H5P_FILE_ACCESS);
  H5Pset_libver_bounds(fapl, H5F_LIBVER_EARLIEST, H5F_LIBVER_V18);
  m_file = H5Fcreate(m_part.c_str(), H5F_ACC_TRUNC, H5P_DEFAULT, fapl);
  H5Pclose(fapl);
  if (m_file < 0) {
    throw InputError(m_final, 0, "--output", "cannot create the result file (is the folder writable?)");
  }
}

ResultWriter::~ResultWriter() {
  if (m_committed) return;
  for (auto& s : m_series) {
    if (s->dset >= 0) H5Dclose(s->dset);
  }
  if (m_file >= 0) H5Fclose(static_cast<hid_t>(m_file));
  std::remove(m_part.c_str());
}

void ResultWriter::rootAttribute(const std::string& name, const std::string& value) {
  stringAttribute(static_cast<hid_t>(m_file), name, value);
}

void ResultWriter::rootAttribute(const std::string& name, long long value) {
  hid_t space = H5Screate(H5S_SCALAR);
  hid_t attr = H5Acreate2(static_cast<hid_t>(m_file), name.c_str(), H5T_NATIVE_LLONG, space, H5P_DEFAULT, H5P_DEFAULT);
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
  H5Gclose(g);
}

void ResultWriter::groupAttribute(const std::string& group, const std::string& name, const std::string& value) {
  hid_t g = openOrCreateGroup(static_cast<hid_t>(m_file), group);
  stringAttribute(g, name, value);
  H5Gclose(g);
}

void ResultWriter::write(const std::string& path, const std::vector<double>& data, const std::vector<size_t>& dims,
                         const std::string& units) {
  std::vector<hsize_t> d(dims.begin(), dims.end());
  hid_t space = H5Screate_simple(static_cast<int>(d.size()), d.data(), nullptr);
  hid_t lcpl = linkCreationProps();
  hid_t ds = H5Dcreate2(static_cast<hid_t>(m_file), path.c_str(), H5T_NATIVE_DOUBLE, space, lcpl, H5P_DEFAULT, H5P_DEFAULT);
  if (ds < 0) throw std::runtime_error("HDF5: cannot create " + path);
  if (!data.empty()) ensure(H5Dwrite(ds, H5T_NATIVE_DOUBLE, H5S_ALL, H5S_ALL, H5P_DEFAULT, data.data()), "write " + path);
  stringAttribute(ds, "units", units);
  H5Dclose(ds);
  H5Pclose(lcpl);
  H5Sclose(space);
}

void ResultWriter::writeInts(const std::string& path, const std::vector<int64_t>& data, const std::vector<size_t>& dims,
                             const std::string& units) {
  std::vector<hsize_t> d(dims.begin(), dims.end());
  hid_t space = H5Screate_simple(static_cast<int>(d.size()), d.data(), nullptr);
  hid_t lcpl = linkCreationProps();
  hid_t ds = H5Dcreate2(static_cast<hid_t>(m_file), path.c_str(), H5T_STD_I64LE, space, lcpl, H5P_DEFAULT, H5P_DEFAULT);
  if (ds < 0) throw std::runtime_error("HDF5: cannot create " + path);
  if (!data.empty()) ensure(H5Dwrite(ds, H5T_NATIVE_INT64, H5S_ALL, H5S_ALL, H5P_DEFAULT, data.data()), "write " + path);
  stringAttribute(ds, "units", units);
  H5Dclose(ds);
  H5Pclose(lcpl);
  H5Sclose(space);
}

void ResultWriter::writeStrings(const std::string& path, const std::vector<std::string>& data) {
  hid_t type = H5Tcopy(H5T_C_S1);
  H5Tset_size(type, H5T_VARIABLE);
  H5Tset_cset(type, H5T_CSET_UTF8);
  hsize_t n = data.size();
  hid_t space = H5Screate_simple(1, &n, nullptr);
  hid_t lcpl = linkCreationProps();
  hid_t ds = H5Dcreate2(static_cast<hid_t>(m_file), path.c_str(), type, space, lcpl, H5P_DEFAULT, H5P_DEFAULT);
  if (ds < 0) throw std::runtime_error("HDF5: cannot create " + path);
  std::vector<const char*> ptrs;
  ptrs.reserve(data.size());
  for (const auto& s : data) ptrs.push_back(s.c_str());
  if (n > 0) ensure(H5Dwrite(ds, type, H5S_ALL, H5S_ALL, H5P_DEFAULT, ptrs.data()), "write " + path);
  stringAttribute(ds, "units", "-");
  H5Dclose(ds);
  H5Pclose(lcpl);
  H5Sclose(space);
  H5Tclose(type);
}

int ResultWriter::series(const std::string& path, size_t width, const std::string& units) {
  auto s = std::make_unique<Series>();
  s->width = width;
  const size_t w = std::max<size_t>(1, width);
  // ~128 KiB chunks: a viewer reading one time row decompresses little, appends stay cheap.
  s->chunkRows = std::clamp<size_t>(16384 / w, 1, 4096);
  if (m_expectedRows > 0) s->chunkRows = std::min(s->chunkRows, m_expectedRows);
  const int rank = width == 0 ? 1 : 2;
  hsize_t dims[2] = {0, width}, maxdims[2] = {H5S_UNLIMITED, width}, chunk[2] = {s->chunkRows, std::max<size_t>(1, width)};
  hid_t space = H5Screate_simple(rank, dims, maxdims);
  hid_t dcpl = H5Pcreate(H5P_DATASET_CREATE);
  H5Pset_chunk(dcpl, rank, chunk);
  H5Pset_shuffle(dcpl);
  H5Pset_deflate(dcpl, 4);
  hid_t lcpl = linkCreationProps();
  s->dset = H5Dcreate2(static_cast<hid_t>(m_file), path.c_str(), H5T_NATIVE_DOUBLE, space, lcpl, dcpl, H5P_DEFAULT);
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
}

}  // namespace fdtwin::io
