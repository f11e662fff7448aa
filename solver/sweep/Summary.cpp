#include "sweep/Summary.hpp"

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

#include "core/UtcTime.hpp"
#include "fdtwin/Version.hpp"
#include "io/ResultReader.hpp"
#include "io/ResultWriter.hpp"
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

  // HDF5, through the result files' writer (written as .part, renamed on commit).
  {
    io::ResultWriter h(dir.file("summary.h5"));
    h.rootAttribute("summary_version", 1LL);
    h.rootAttribute("sweep_name", plan.name);
    h.rootAttribute("mode", modeName(plan.mode));
    h.rootAttribute("base_case", plan.basePath);
    h.rootAttribute("cases", static_cast<long long>(n));
    h.rootAttribute("done", static_cast<long long>(counts.done));
    h.rootAttribute("failed", static_cast<long long>(counts.failed));
    h.rootAttribute("pending", static_cast<long long>(counts.pending));
    h.rootAttribute("fdtwin_version", std::string(kVersion));
    h.rootAttribute("created_utc", utcTimestamp());

    std::vector<std::string> names, states, errors, results;
    std::vector<double> wall;
    for (std::size_t i = 0; i < n; ++i) {
      names.push_back(plan.cases[i].name);
      states.push_back(stateName(rows[i].status.state));
      errors.push_back(rows[i].status.state == CaseState::Failed ? rows[i].status.message : "");
      results.push_back(rows[i].result);
      wall.push_back(rows[i].wallTime);
    }
    h.writeStrings("/case/name", names);
    h.writeStrings("/case/status", states);
    h.writeStrings("/case/error", errors);
    h.writeStrings("/case/result", results);
    h.write("/case/wall_time", wall, {n}, "s");

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
        h.writeStrings(dpath, col);
      } else {
        std::vector<double> col;
        for (const auto& c : plan.cases) {
          const auto& v = c.values[p];
          col.push_back(std::holds_alternative<double>(v) ? std::get<double>(v)
                                                          : static_cast<double>(std::get<long long>(v)));
        }
        h.write(dpath, col, {n}, plan.parameters[p].unit);
      }
    }
    h.groupAttribute("/inputs", "keys", keys);

    std::string kpiNames;
    for (std::size_t k = 0; k < plan.kpis.size(); ++k) {
      std::vector<double> col;
      col.reserve(rows.size());
      for (const auto& r : rows) col.push_back(r.kpi[k]);
      h.write("/kpi/" + plan.kpis[k], col, {n}, kpiUnit(plan.kpis[k]));
      kpiNames += (k ? ";" : "") + plan.kpis[k];
    }
    h.groupAttribute("/kpi", "names", kpiNames);
    h.commit();
  }
  return counts;
}

}  // namespace fdtwin::sweep
