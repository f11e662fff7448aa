#include "io/ResultReader.hpp"

#include <hdf5.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <stdexcept>
#include <utility>

#include <fmt/format.h>

#include "core/Error.hpp"

namespace fdtwin {
namespace {

// HDF5 prints its error stack to stderr by default; a reader reports errors itself. The
// error settings are per thread in the thread-safe build that Debian ships.
class QuietHdf5 {
 public:
  QuietHdf5() {
    H5Eget_auto2(H5E_DEFAULT, &m_func, &m_data);
    H5Eset_auto2(H5E_DEFAULT, nullptr, nullptr);
  }
  ~QuietHdf5() { H5Eset_auto2(H5E_DEFAULT, m_func, m_data); }
  QuietHdf5(const QuietHdf5&) = delete;
  QuietHdf5& operator=(const QuietHdf5&) = delete;

 private:
  H5E_auto2_t m_func = nullptr;
  void* m_data = nullptr;
};

// Owns one HDF5 identifier and closes it with the matching function.
class Hid {
 public:
  Hid(hid_t id, herr_t (*close)(hid_t)) : m_id(id), m_close(close) {}
  ~Hid() {
    if (m_id >= 0) m_close(m_id);
  }
  Hid(const Hid&) = delete;
  Hid& operator=(const Hid&) = delete;
  hid_t get() const { return m_id; }
  bool ok() const { return m_id >= 0; }

 private:
  hid_t m_id;
  herr_t (*m_close)(hid_t);
};

// One dataset opened for a whole read: its type and dataspace, checked, and its size.
struct DatasetForRead {
  DatasetForRead(hid_t ds, const std::string& file, const std::string& path)
      : id(ds), type(H5Dget_type(ds), H5Tclose), space(H5Dget_space(ds), H5Sclose) {
    if (ds < 0 || !type.ok() || !space.ok()) throw InputError(file, 0, path, "cannot open (file damaged?)");
    count = static_cast<std::size_t>(std::max<hssize_t>(H5Sget_simple_extent_npoints(space.get()), 0));
    // A damaged header may declare far more values than the file stores (300 M rows of /time
    // in a small file: gigabytes allocated, a garbage CSV written). Deflate packs at most
    // ~1032:1, so values whose bytes exceed 1100 × the dataset's storage are not there.
    const double bytes = static_cast<double>(count) * static_cast<double>(std::max<std::size_t>(H5Tget_size(type.get()), 1));
    const double stored = static_cast<double>(H5Dget_storage_size(ds));
    if (bytes > 1100.0 * stored + 65536.0) {
      throw InputError(file, 0, path,
                       fmt::format("declares {} values but stores {:.0f} bytes: the file is damaged (or was not "
                                   "written to its end)",
                                   count, stored));
    }
  }
  hid_t id;
  Hid type;
  Hid space;
  std::size_t count = 0;
};

std::vector<std::string> splitPath(const std::string& path) {
  std::vector<std::string> parts;
  std::string part;
  for (char c : path) {
    if (c == '/') {
      if (!part.empty()) parts.push_back(std::move(part));
      part.clear();
    } else {
      part += c;
    }
  }
  if (!part.empty()) parts.push_back(std::move(part));
  return parts;
}

std::string trimFixed(const char* p, std::size_t n) {
  std::size_t len = 0;
  while (len < n && p[len] != '\0') ++len;
  while (len > 0 && p[len - 1] == ' ') --len;  // space-padded fixed strings
  return std::string(p, len);
}

// Reads `count` strings from an attribute or dataset whose file type is `fileType`.
template <typename ReadFn>
std::vector<std::string> readStringsWith(hid_t fileType, std::size_t count, ReadFn read) {
  std::vector<std::string> out;
  out.reserve(count);
  if (H5Tis_variable_str(fileType) > 0) {
    Hid mem(H5Tcopy(H5T_C_S1), H5Tclose);
    H5Tset_size(mem.get(), H5T_VARIABLE);
    H5Tset_cset(mem.get(), H5Tget_cset(fileType));
    std::vector<char*> ptrs(count, nullptr);
    if (count > 0 && read(mem.get(), ptrs.data()) < 0) throw std::runtime_error("read failed");
    for (char* p : ptrs) {
      out.emplace_back(p ? p : "");
      if (p) H5free_memory(p);
    }
  } else {
    const std::size_t size = H5Tget_size(fileType);
    Hid mem(H5Tcopy(fileType), H5Tclose);
    std::vector<char> buf(size * count + 1, '\0');
    if (count > 0 && read(mem.get(), buf.data()) < 0) throw std::runtime_error("read failed");
    for (std::size_t i = 0; i < count; ++i) out.push_back(trimFixed(buf.data() + i * size, size));
  }
  return out;
}

std::string formatNumber(double v) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.10g", v);
  return buf;
}

}  // namespace

struct ResultReader::Handles {
  hid_t file = -1;
  hid_t dapl = -1;  // dataset access: a chunk cache large enough for whole time-chunks
  std::map<std::string, hid_t> datasets;

  ~Handles() {
    QuietHdf5 quiet;
    for (auto& [name, id] : datasets) H5Dclose(id);
    if (dapl >= 0) H5Pclose(dapl);
    if (file >= 0) H5Fclose(file);
  }
};

ResultReader::ResultReader(const std::string& path) : m_path(path), m_h(std::make_unique<Handles>()) {
  QuietHdf5 quiet;
  std::error_code ec;
  if (!std::filesystem::exists(path, ec)) throw InputError(path, 0, "", "no such file");
  if (std::filesystem::is_directory(path, ec))
    throw InputError(path, 0, "", "is a directory, not a result file");
  const htri_t isHdf5 = H5Fis_hdf5(path.c_str());
  if (isHdf5 < 0) throw InputError(path, 0, "", "cannot be read (permissions?)");
  if (isHdf5 == 0) throw InputError(path, 0, "", "not an HDF5 file (an fdtwin result is HDF5)");
  m_h->file = H5Fopen(path.c_str(), H5F_ACC_RDONLY, H5P_DEFAULT);
  if (m_h->file < 0) throw InputError(path, 0, "", "HDF5 file is truncated or damaged and cannot be opened");
  m_h->dapl = H5Pcreate(H5P_DATASET_ACCESS);
  H5Pset_chunk_cache(m_h->dapl, 1031, 32u << 20, 0.75);

  if (H5Aexists_by_name(m_h->file, "/", "schema_version", H5P_DEFAULT) <= 0)
    throw InputError(path, 0, "", "not an fdtwin result (missing schema_version)");
  double version = 0.0;
  try {
    version = numberAttribute("/", "schema_version");
  } catch (const InputError&) {
    std::string text;
    try {
      text = stringAttribute("/", "schema_version");
    } catch (const InputError&) {
      throw InputError(path, 0, "", "not an fdtwin result (schema_version is not a number)");
    }
    try {
      version = std::stod(text);
    } catch (const std::exception&) {
      throw InputError(path, 0, "", "not an fdtwin result (schema_version \"" + text + "\" is not a number)");
    }
  }
  m_schemaVersion = static_cast<int>(version);
  if (m_schemaVersion < kOldestSchemaVersion || m_schemaVersion > kSchemaVersion ||
      version != static_cast<double>(m_schemaVersion))
    throw InputError(path, 0, "",
                     "schema version " + formatNumber(version) + " is not supported (this program reads " +
                         std::to_string(kOldestSchemaVersion) + " to " + std::to_string(kSchemaVersion) +
                         ")");
}

ResultReader::~ResultReader() = default;
ResultReader::ResultReader(ResultReader&&) noexcept = default;
ResultReader& ResultReader::operator=(ResultReader&&) noexcept = default;

bool ResultReader::exists(const std::string& objectPath) const {
  QuietHdf5 quiet;
  std::string walked;
  for (const std::string& part : splitPath(objectPath)) {
    walked += "/" + part;
    if (H5Lexists(m_h->file, walked.c_str(), H5P_DEFAULT) <= 0) return false;
    if (H5Oexists_by_name(m_h->file, walked.c_str(), H5P_DEFAULT) <= 0) return false;
  }
  return true;
}

namespace {
H5I_type_t objectType(hid_t file, const std::string& path) {
  Hid obj(H5Oopen(file, path.c_str(), H5P_DEFAULT), H5Oclose);
  return obj.ok() ? H5Iget_type(obj.get()) : H5I_BADID;
}
}  // namespace

bool ResultReader::isGroup(const std::string& objectPath) const {
  if (!exists(objectPath)) return false;
  QuietHdf5 quiet;
  return objectType(m_h->file, objectPath.empty() ? "/" : objectPath) == H5I_GROUP;
}

bool ResultReader::isDataset(const std::string& objectPath) const {
  if (!exists(objectPath)) return false;
  QuietHdf5 quiet;
  return objectType(m_h->file, objectPath) == H5I_DATASET;
}

std::string ResultReader::timeScaleOf(const std::string& datasetPath) const {
  const results::Entry* e = results::find(datasetPath);
  const bool onFieldTime = e && !e->dims.empty() && e->dims.front() == results::fieldTime.name();
  return onFieldTime && isDataset(results::fieldTime.path) ? results::fieldTime.path : results::time.path;
}

std::vector<std::string> ResultReader::list(const std::string& groupPath) const {
  if (!isGroup(groupPath)) throw InputError(m_path, 0, groupPath, "no such group");
  QuietHdf5 quiet;
  Hid group(H5Gopen2(m_h->file, groupPath.c_str(), H5P_DEFAULT), H5Gclose);
  H5G_info_t info;
  if (!group.ok() || H5Gget_info(group.get(), &info) < 0)
    throw InputError(m_path, 0, groupPath, "cannot read the group (file damaged?)");
  std::vector<std::string> names;
  for (hsize_t i = 0; i < info.nlinks; ++i) {
    const ssize_t len =
        H5Lget_name_by_idx(group.get(), ".", H5_INDEX_NAME, H5_ITER_INC, i, nullptr, 0, H5P_DEFAULT);
    if (len < 0) continue;
    std::string name(static_cast<std::size_t>(len) + 1, '\0');
    H5Lget_name_by_idx(group.get(), ".", H5_INDEX_NAME, H5_ITER_INC, i, name.data(), name.size(),
                       H5P_DEFAULT);
    name.resize(static_cast<std::size_t>(len));
    names.push_back(std::move(name));
  }
  std::sort(names.begin(), names.end());
  return names;
}

std::vector<std::size_t> ResultReader::shape(const std::string& datasetPath) const {
  if (!isDataset(datasetPath)) throw InputError(m_path, 0, datasetPath, "no such dataset");
  QuietHdf5 quiet;
  Hid ds(H5Dopen2(m_h->file, datasetPath.c_str(), H5P_DEFAULT), H5Dclose);
  Hid space(H5Dget_space(ds.get()), H5Sclose);
  const int rank = H5Sget_simple_extent_ndims(space.get());
  if (rank < 0) throw InputError(m_path, 0, datasetPath, "cannot read the dataset's shape (file damaged?)");
  std::vector<hsize_t> dims(static_cast<std::size_t>(rank));
  H5Sget_simple_extent_dims(space.get(), dims.data(), nullptr);
  return std::vector<std::size_t>(dims.begin(), dims.end());
}

std::string ResultReader::units(const std::string& datasetPath) const {
  if (!hasAttribute(datasetPath, "units")) return "";
  return stringAttribute(datasetPath, "units");
}

bool ResultReader::hasAttribute(const std::string& objectPath, const std::string& name) const {
  if (!exists(objectPath)) return false;
  QuietHdf5 quiet;
  return H5Aexists_by_name(m_h->file, objectPath.empty() ? "/" : objectPath.c_str(), name.c_str(),
                           H5P_DEFAULT) > 0;
}

std::vector<std::string> ResultReader::attributeNames(const std::string& objectPath) const {
  if (!exists(objectPath)) throw InputError(m_path, 0, objectPath, "no such group or dataset");
  QuietHdf5 quiet;
  Hid obj(H5Oopen(m_h->file, objectPath.empty() ? "/" : objectPath.c_str(), H5P_DEFAULT), H5Oclose);
  std::vector<std::string> names;
  auto collect = [](hid_t, const char* name, const H5A_info_t*, void* data) -> herr_t {
    static_cast<std::vector<std::string>*>(data)->emplace_back(name);
    return 0;
  };
  hsize_t idx = 0;
  if (!obj.ok() || H5Aiterate2(obj.get(), H5_INDEX_NAME, H5_ITER_INC, &idx, collect, &names) < 0)
    throw InputError(m_path, 0, objectPath, "cannot list attributes (file damaged?)");
  return names;
}

std::string ResultReader::stringAttribute(const std::string& objectPath, const std::string& name) const {
  const std::string where = (objectPath == "/" ? "" : objectPath) + "@" + name;
  if (!hasAttribute(objectPath, name)) throw InputError(m_path, 0, where, "attribute missing");
  QuietHdf5 quiet;
  Hid attr(H5Aopen_by_name(m_h->file, objectPath.c_str(), name.c_str(), H5P_DEFAULT, H5P_DEFAULT), H5Aclose);
  Hid type(H5Aget_type(attr.get()), H5Tclose);
  Hid space(H5Aget_space(attr.get()), H5Sclose);
  if (!type.ok() || !space.ok()) throw InputError(m_path, 0, where, "cannot read attribute (file damaged?)");
  if (H5Tget_class(type.get()) != H5T_STRING)
    throw InputError(m_path, 0, where, "expected a string attribute");
  const hssize_t n = H5Sget_simple_extent_npoints(space.get());
  if (n < 1) return "";
  try {
    auto parts = readStringsWith(type.get(), static_cast<std::size_t>(n),
                                 [&](hid_t mem, void* buf) { return H5Aread(attr.get(), mem, buf); });
    return parts.front();
  } catch (const std::runtime_error&) {
    throw InputError(m_path, 0, where, "cannot read attribute (file damaged?)");
  }
}

double ResultReader::numberAttribute(const std::string& objectPath, const std::string& name) const {
  const std::string where = (objectPath == "/" ? "" : objectPath) + "@" + name;
  if (!hasAttribute(objectPath, name)) throw InputError(m_path, 0, where, "attribute missing");
  QuietHdf5 quiet;
  Hid attr(H5Aopen_by_name(m_h->file, objectPath.c_str(), name.c_str(), H5P_DEFAULT, H5P_DEFAULT), H5Aclose);
  Hid type(H5Aget_type(attr.get()), H5Tclose);
  Hid space(H5Aget_space(attr.get()), H5Sclose);
  if (!type.ok() || !space.ok()) throw InputError(m_path, 0, where, "cannot read attribute (file damaged?)");
  const H5T_class_t cls = H5Tget_class(type.get());
  if (cls != H5T_INTEGER && cls != H5T_FLOAT)
    throw InputError(m_path, 0, where, "expected a numeric attribute");
  const hssize_t n = H5Sget_simple_extent_npoints(space.get());
  if (n < 1) throw InputError(m_path, 0, where, "empty attribute");
  std::vector<double> values(static_cast<std::size_t>(n));
  if (H5Aread(attr.get(), H5T_NATIVE_DOUBLE, values.data()) < 0)
    throw InputError(m_path, 0, where, "cannot read attribute (file damaged?)");
  return values.front();
}

std::map<std::string, std::string> ResultReader::rootAttributes() const {
  std::map<std::string, std::string> out;
  const std::string provenance = results::fdtwinVersion.object();
  for (const std::string& object : {std::string("/"), provenance}) {
    if (object != "/" && !isGroup(object)) continue;
    for (const std::string& name : attributeNames(object)) {
      try {
        out[name] = stringAttribute(object, name);
      } catch (const InputError&) {
        try {
          out[name] = formatNumber(numberAttribute(object, name));
        } catch (const InputError&) {
          out[name] = "?";
        }
      }
    }
  }
  return out;
}

namespace {
// The group of the KPIs, "/kpi" (the same in both versions).
std::string kpiGroup() { return results::kpiPue.path.substr(0, results::kpiPue.path.rfind('/')); }
}  // namespace

std::map<std::string, double> ResultReader::kpi() const {
  std::map<std::string, double> out;
  const std::string group = kpiGroup();
  if (!isGroup(group)) return out;
  if (m_schemaVersion >= 2) {
    for (const std::string& name : list(group)) {
      const std::string path = std::string(group).append("/").append(name);
      if (isDataset(path) && shape(path).empty()) out[name] = readNumbers(path).at(0);
    }
    return out;
  }
  for (const std::string& name : attributeNames(group)) {
    try {
      out[name] = numberAttribute(group, name);
    } catch (const InputError&) {
      // not numeric (the `units` string of version 1): not a KPI
    }
  }
  return out;
}

std::map<std::string, std::string> ResultReader::kpiUnits() const {
  std::map<std::string, std::string> out;
  const std::string group = kpiGroup();
  if (!isGroup(group)) return out;
  if (m_schemaVersion >= 2) {
    for (const auto& [name, value] : kpi()) out[name] = units(std::string(group).append("/").append(name));
    return out;
  }
  if (!hasAttribute(group, "units")) return out;
  const std::string all = stringAttribute(group, "units");  // "name=unit;name=unit;..."
  std::size_t pos = 0;
  while (pos < all.size()) {
    const std::size_t semicolon = all.find(';', pos);
    const std::size_t end = semicolon == std::string::npos ? all.size() : semicolon;
    const std::string item = all.substr(pos, end - pos);
    const std::size_t eq = item.find('=');
    if (eq != std::string::npos) out[item.substr(0, eq)] = item.substr(eq + 1);
    pos = end + 1;
  }
  return out;
}

namespace {
hid_t openCached(std::map<std::string, hid_t>& cache, hid_t file, hid_t dapl, const std::string& path) {
  auto it = cache.find(path);
  if (it != cache.end()) return it->second;
  const hid_t ds = H5Dopen2(file, path.c_str(), dapl);
  if (ds >= 0) cache.emplace(path, ds);
  return ds;
}
}  // namespace

std::vector<double> ResultReader::readNumbers(const std::string& datasetPath) const {
  if (!isDataset(datasetPath)) throw InputError(m_path, 0, datasetPath, "no such dataset");
  QuietHdf5 quiet;
  const DatasetForRead d(openCached(m_h->datasets, m_h->file, m_h->dapl, datasetPath), m_path, datasetPath);
  const hid_t ds = d.id;
  const H5T_class_t cls = H5Tget_class(d.type.get());
  if (cls != H5T_INTEGER && cls != H5T_FLOAT) throw InputError(m_path, 0, datasetPath, "expected numbers");
  std::vector<double> out(d.count);
  if (!out.empty() && H5Dread(ds, H5T_NATIVE_DOUBLE, H5S_ALL, H5S_ALL, H5P_DEFAULT, out.data()) < 0)
    throw InputError(m_path, 0, datasetPath, "cannot read data (file truncated or damaged?)");
  return out;
}

std::vector<long long> ResultReader::readIntegers(const std::string& datasetPath) const {
  if (!isDataset(datasetPath)) throw InputError(m_path, 0, datasetPath, "no such dataset");
  QuietHdf5 quiet;
  const DatasetForRead d(openCached(m_h->datasets, m_h->file, m_h->dapl, datasetPath), m_path, datasetPath);
  const hid_t ds = d.id;
  if (H5Tget_class(d.type.get()) != H5T_INTEGER)
    throw InputError(m_path, 0, datasetPath, "expected integers");
  std::vector<long long> out(d.count);
  if (!out.empty() && H5Dread(ds, H5T_NATIVE_LLONG, H5S_ALL, H5S_ALL, H5P_DEFAULT, out.data()) < 0)
    throw InputError(m_path, 0, datasetPath, "cannot read data (file truncated or damaged?)");
  return out;
}

std::vector<std::string> ResultReader::readStrings(const std::string& datasetPath) const {
  if (!isDataset(datasetPath)) throw InputError(m_path, 0, datasetPath, "no such dataset");
  QuietHdf5 quiet;
  const DatasetForRead d(openCached(m_h->datasets, m_h->file, m_h->dapl, datasetPath), m_path, datasetPath);
  const hid_t ds = d.id;
  if (H5Tget_class(d.type.get()) != H5T_STRING) throw InputError(m_path, 0, datasetPath, "expected strings");
  try {
    return readStringsWith(d.type.get(), d.count, [&](hid_t mem, void* buf) {
      return H5Dread(ds, mem, H5S_ALL, H5S_ALL, H5P_DEFAULT, buf);
    });
  } catch (const std::runtime_error&) {
    throw InputError(m_path, 0, datasetPath, "cannot read data (file truncated or damaged?)");
  }
}

std::vector<double> ResultReader::readRow(const std::string& datasetPath, std::size_t row) const {
  std::vector<double> out;
  readRow(datasetPath, row, out);
  return out;
}

namespace {
// Reads the block [start0, start0 + count0) x [start1, start1 + count1) of a 2-D dataset.
void readBlock(hid_t ds, hsize_t start0, hsize_t count0, hsize_t start1, hsize_t count1, double* out) {
  Hid fileSpace(H5Dget_space(ds), H5Sclose);
  const hsize_t start[2] = {start0, start1};
  const hsize_t count[2] = {count0, count1};
  const hsize_t memDims[1] = {count0 * count1};
  Hid memSpace(H5Screate_simple(1, memDims, nullptr), H5Sclose);
  if (!fileSpace.ok() ||
      H5Sselect_hyperslab(fileSpace.get(), H5S_SELECT_SET, start, nullptr, count, nullptr) < 0 ||
      H5Dread(ds, H5T_NATIVE_DOUBLE, memSpace.get(), fileSpace.get(), H5P_DEFAULT, out) < 0)
    throw std::runtime_error("read failed");
}

std::vector<hsize_t> dimsOf(hid_t ds) {
  Hid space(H5Dget_space(ds), H5Sclose);
  const int rank = space.ok() ? H5Sget_simple_extent_ndims(space.get()) : -1;
  if (rank < 0) return {};
  std::vector<hsize_t> dims(static_cast<std::size_t>(rank));
  H5Sget_simple_extent_dims(space.get(), dims.data(), nullptr);
  return dims;
}
}  // namespace

void ResultReader::readRow(const std::string& datasetPath, std::size_t row, std::vector<double>& out) const {
  QuietHdf5 quiet;
  auto it = m_h->datasets.find(datasetPath);
  hid_t ds = it != m_h->datasets.end() ? it->second : -1;
  if (ds < 0) {
    if (!isDataset(datasetPath)) throw InputError(m_path, 0, datasetPath, "no such dataset");
    ds = openCached(m_h->datasets, m_h->file, m_h->dapl, datasetPath);
    if (ds < 0) throw InputError(m_path, 0, datasetPath, "cannot open (file damaged?)");
  }
  const std::vector<hsize_t> dims = dimsOf(ds);
  if (dims.size() != 2) throw InputError(m_path, 0, datasetPath, "expected a 2-D [time, item] dataset");
  if (row >= dims[0])
    throw std::out_of_range(datasetPath + ": row " + std::to_string(row) + " of " + std::to_string(dims[0]));
  out.resize(dims[1]);
  if (dims[1] == 0) return;
  try {
    readBlock(ds, row, 1, 0, dims[1], out.data());
  } catch (const std::runtime_error&) {
    throw InputError(m_path, 0, datasetPath, "cannot read data (file truncated or damaged?)");
  }
}

std::vector<double> ResultReader::readColumn(const std::string& datasetPath, std::size_t column) const {
  if (!isDataset(datasetPath)) throw InputError(m_path, 0, datasetPath, "no such dataset");
  QuietHdf5 quiet;
  const hid_t ds = openCached(m_h->datasets, m_h->file, m_h->dapl, datasetPath);
  if (ds < 0) throw InputError(m_path, 0, datasetPath, "cannot open (file damaged?)");
  const std::vector<hsize_t> dims = dimsOf(ds);
  if (dims.size() != 2) throw InputError(m_path, 0, datasetPath, "expected a 2-D [time, item] dataset");
  if (column >= dims[1])
    throw std::out_of_range(datasetPath + ": column " + std::to_string(column) + " of " +
                            std::to_string(dims[1]));
  std::vector<double> out(dims[0]);
  if (dims[0] == 0) return out;
  try {
    readBlock(ds, 0, dims[0], column, 1, out.data());
  } catch (const std::runtime_error&) {
    throw InputError(m_path, 0, datasetPath, "cannot read data (file truncated or damaged?)");
  }
  return out;
}

}  // namespace fdtwin
