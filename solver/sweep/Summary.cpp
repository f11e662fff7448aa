#include "sweep/Summary.hpp"

#include <hdf5.h>

#include <fmt/format.h>

#include <chrono>
#include <cmath>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <limits>
#include <stdexcept>
#include <variant>
#include <vector>

#include "fdtwin/Version.hpp"
#include "io/ResultReader.hpp"
#include "sweep/Kpis.hpp"

namespace fdtwin::sweep {
namespace {

namespace fs = std::filesystem;
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

struct Row {
  CaseStatus status;
  std::string result;  // file name, "" unless done
  std::vector<double> kpi;
  double wallTime = kNaN;
};

std::string csvField(const std::string& s) {
  if (s.find_first_of(",\"\n\r") == std::string::npos) return s;
  std::string out = "\"";
  for (const char c : s) out += c == '"' ? std::string("\"\"") : std::string(1, c);
  return out + "\"";
}

std::string csvNumber(double v) { return std::isnan(v) ? std::string() : fmt::format("{:.9g}", v); }

std::string utcNow() {
  const std::time_t now = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&now, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

// A minimal HDF5 writer for the summary (the C API, as io/ResultWriter uses it).
class H5 {
 public:
  explicit H5(const std::string& path) : m_path(path) {
    m_file = H5Fcreate(path.c_str(), H5F_ACC_TRUNC, H5P_DEFAULT, H5P_DEFAULT);
    if (m_file < 0) throw std::runtime_error("cannot create " + path);
  }
  ~H5() {
    if (m_file >= 0) H5Fclose(m_file);
  }
  H5(const H5&) = delete;
  H5& operator=(const H5&) = delete;
  void close() {
    if (m_file >= 0 && H5Fclose(m_file) < 0) throw std::runtime_error("cannot write " + m_path);
    m_file = -1;
  }

  void group(const std::string& path) {
    H5Gclose(check(H5Gcreate2(m_file, path.c_str(), H5P_DEFAULT, H5P_DEFAULT, H5P_DEFAULT), path));
  }

  void textAttribute(const std::string& object, const std::string& name, const std::string& value) {
    const hid_t obj = check(H5Oopen(m_file, object.c_str(), H5P_DEFAULT), object);
    const hid_t type = H5Tcopy(H5T_C_S1);
    H5Tset_size(type, std::max<std::size_t>(1, value.size()));
    H5Tset_cset(type, H5T_CSET_UTF8);
    H5Tset_strpad(type, H5T_STR_NULLTERM);
    const hid_t space = H5Screate(H5S_SCALAR);
    const hid_t attr = check(H5Acreate2(obj, name.c_str(), type, space, H5P_DEFAULT, H5P_DEFAULT), name);
    const std::string padded = value.empty() ? std::string(1, '\0') : value;
    check(H5Awrite(attr, type, padded.c_str()), name);
    H5Aclose(attr);
    H5Sclose(space);
    H5Tclose(type);
    H5Oclose(obj);
  }
  void numberAttribute(const std::string& object, const std::string& name, long long value) {
    const hid_t obj = check(H5Oopen(m_file, object.c_str(), H5P_DEFAULT), object);
    const hid_t space = H5Screate(H5S_SCALAR);
    const hid_t attr =
        check(H5Acreate2(obj, name.c_str(), H5T_STD_I64LE, space, H5P_DEFAULT, H5P_DEFAULT), name);
    check(H5Awrite(attr, H5T_NATIVE_LLONG, &value), name);
    H5Aclose(attr);
    H5Sclose(space);
    H5Oclose(obj);
  }
  void numbers(const std::string& path, const std::vector<double>& data, const std::string& units) {
    const hsize_t n = data.size();
    const hid_t space = H5Screate_simple(1, &n, nullptr);
    const hid_t ds = check(
        H5Dcreate2(m_file, path.c_str(), H5T_IEEE_F64LE, space, H5P_DEFAULT, H5P_DEFAULT, H5P_DEFAULT), path);
    if (n > 0) check(H5Dwrite(ds, H5T_NATIVE_DOUBLE, H5S_ALL, H5S_ALL, H5P_DEFAULT, data.data()), path);
    H5Dclose(ds);
    H5Sclose(space);
    textAttribute(path, "units", units);
  }
  void strings(const std::string& path, const std::vector<std::string>& data) {
    const hsize_t n = data.size();
    const hid_t type = H5Tcopy(H5T_C_S1);
    H5Tset_size(type, H5T_VARIABLE);
    H5Tset_cset(type, H5T_CSET_UTF8);
    const hid_t space = H5Screate_simple(1, &n, nullptr);
    const hid_t ds =
        check(H5Dcreate2(m_file, path.c_str(), type, space, H5P_DEFAULT, H5P_DEFAULT, H5P_DEFAULT), path);
    std::vector<const char*> ptrs;
    for (const auto& s : data) ptrs.push_back(s.c_str());
    if (n > 0) check(H5Dwrite(ds, type, H5S_ALL, H5S_ALL, H5P_DEFAULT, ptrs.data()), path);
    H5Dclose(ds);
    H5Sclose(space);
    H5Tclose(type);
    textAttribute(path, "units", "-");
  }

 private:
  hid_t check(hid_t id, const std::string& what) {
    if (id < 0) throw std::runtime_error(fmt::format("cannot write {} in {}", what, m_path));
    return id;
  }
  std::string m_path;
  hid_t m_file = -1;
};

void rename(const std::string& part, const std::string& path) {
  std::error_code ec;
  fs::rename(part, path, ec);
  if (ec) throw std::runtime_error(fmt::format("cannot rename {} to {}: {}", part, path, ec.message()));
}

}  // namespace

SummaryCounts writeSummary(const SweepDir& dir) {
  const SweepPlan& plan = dir.plan();
  const std::size_t n = plan.cases.size();
  std::vector<Row> rows(n);
  SummaryCounts counts;
  for (std::size_t i = 0; i < n; ++i) {
    Row& r = rows[i];
    r.kpi.assign(plan.kpis.size(), kNaN);
    r.status = dir.status(i);
    if (r.status.state == CaseState::Done) {
      try {
        const ResultReader reader(dir.resultPath(i));
        const auto kpi = reader.kpi();
        for (std::size_t k = 0; k < plan.kpis.size(); ++k) {
          const auto it = kpi.find(plan.kpis[k]);
          if (it != kpi.end()) r.kpi[k] = it->second;
        }
        if (reader.hasAttribute(results::wallTime.object(), results::wallTime.name()))
          r.wallTime = reader.numberAttribute(results::wallTime.object(), results::wallTime.name());
        r.result = fs::path(dir.resultPath(i)).filename().string();
      } catch (const std::exception&) {
        r.status.state = CaseState::Pending;  // vanished or damaged since status(): not a result
      }
    }
    (r.status.state == CaseState::Done     ? counts.done
     : r.status.state == CaseState::Failed ? counts.failed
                                           : counts.pending) += 1;
  }
  const auto kpiUnit = [](const std::string& k) { return findKpi(k) ? findKpi(k)->unit : std::string("-"); };

  // CSV
  {
    const std::string path = dir.file("summary.csv");
    std::ofstream out(path + ".part", std::ios::binary | std::ios::trunc);
    out << "case,status";
    for (const auto& p : plan.parameters) out << "," << csvField(p.key + " [" + p.unit + "]");
    for (const auto& k : plan.kpis) out << "," << csvField(k + " [" + kpiUnit(k) + "]");
    out << ",wall_time [s],error\n";
    for (std::size_t i = 0; i < n; ++i) {
      const Row& r = rows[i];
      out << plan.cases[i].name << "," << stateName(r.status.state);
      for (const auto& v : plan.cases[i].values) {
        out << ","
            << std::visit(
                   [](const auto& x) -> std::string {
                     using T = std::decay_t<decltype(x)>;
                     if constexpr (std::is_same_v<T, std::string>) {
                       return csvField(x);
                     } else if constexpr (std::is_same_v<T, bool>) {
                       return x ? "true" : "false";
                     } else {
                       return csvNumber(static_cast<double>(x));
                     }
                   },
                   v);
      }
      for (const double k : r.kpi) out << "," << csvNumber(k);
      out << "," << csvNumber(r.wallTime) << ","
          << csvField(r.status.state == CaseState::Failed ? r.status.message : std::string()) << "\n";
    }
    out.close();
    if (!out) throw std::runtime_error("cannot write " + path + ".part");
    rename(path + ".part", path);
  }

  // HDF5
  {
    const std::string path = dir.file("summary.h5");
    {
      H5 h(path + ".part");
      h.numberAttribute("/", "summary_version", 1);
      h.textAttribute("/", "sweep_name", plan.name);
      h.textAttribute("/", "mode", modeName(plan.mode));
      h.textAttribute("/", "base_case", plan.basePath);
      h.numberAttribute("/", "cases", static_cast<long long>(n));
      h.numberAttribute("/", "done", static_cast<long long>(counts.done));
      h.numberAttribute("/", "failed", static_cast<long long>(counts.failed));
      h.numberAttribute("/", "pending", static_cast<long long>(counts.pending));
      h.textAttribute("/", "fdtwin_version", std::string(kVersion));
      h.textAttribute("/", "created_utc", utcNow());

      h.group("/case");
      std::vector<std::string> names, states, errors, results;
      std::vector<double> wall;
      for (std::size_t i = 0; i < n; ++i) {
        names.push_back(plan.cases[i].name);
        states.push_back(stateName(rows[i].status.state));
        errors.push_back(rows[i].status.state == CaseState::Failed ? rows[i].status.message : "");
        results.push_back(rows[i].result);
        wall.push_back(rows[i].wallTime);
      }
      h.strings("/case/name", names);
      h.strings("/case/status", states);
      h.strings("/case/error", errors);
      h.strings("/case/result", results);
      h.numbers("/case/wall_time", wall, "s");

      h.group("/inputs");
      std::string keys;
      for (std::size_t p = 0; p < plan.parameters.size(); ++p) {
        const std::string dpath = "/inputs/" + plan.parameters[p].key;
        keys += (p ? ";" : "") + plan.parameters[p].key;
        const bool text = n > 0 && (std::holds_alternative<std::string>(plan.cases[0].values[p]) ||
                                    std::holds_alternative<bool>(plan.cases[0].values[p]));
        if (text) {
          std::vector<std::string> col;
          for (const auto& c : plan.cases) {
            const auto& v = c.values[p];
            col.push_back(std::holds_alternative<bool>(v) ? (std::get<bool>(v) ? "true" : "false")
                                                          : std::get<std::string>(v));
          }
          h.strings(dpath, col);
        } else {
          std::vector<double> col;
          for (const auto& c : plan.cases) {
            const auto& v = c.values[p];
            col.push_back(std::holds_alternative<double>(v) ? std::get<double>(v)
                                                            : static_cast<double>(std::get<long long>(v)));
          }
          h.numbers(dpath, col, plan.parameters[p].unit);
        }
      }
      h.textAttribute("/inputs", "keys", keys);

      h.group("/kpi");
      std::string names2;
      for (std::size_t k = 0; k < plan.kpis.size(); ++k) {
        std::vector<double> col;
        for (const auto& r : rows) col.push_back(r.kpi[k]);
        h.numbers("/kpi/" + plan.kpis[k], col, kpiUnit(plan.kpis[k]));
        names2 += (k ? ";" : "") + plan.kpis[k];
      }
      h.textAttribute("/kpi", "names", names2);
      h.close();
    }
    rename(path + ".part", path);
  }
  return counts;
}

}  // namespace fdtwin::sweep
