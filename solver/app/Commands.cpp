#include "app/Commands.hpp"

#include <unistd.h>

#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <nlohmann/json.hpp>

#include <fmt/format.h>

#include <hdf5.h>
#include <sundials/sundials_config.h>

#include "cfd/FoamProcess.hpp"
#include "core/Constants.hpp"
#include "core/Error.hpp"
#include "core/Schema.hpp"
#include "core/Units.hpp"
#include "io/Case.hpp"
#include "io/ResultCompare.hpp"
#include "io/ResultReader.hpp"
#include "io/ResultReport.hpp"
#include "io/ResultSchema.hpp"
#include "io/TomlText.hpp"
#include "fdtwin/Version.hpp"
#include "run/RunCase.hpp"

namespace fdtwin::app {

namespace fs = std::filesystem;

namespace {
std::string humanDuration(double s) {
  if (s >= constants::kSecondsPerDay) return fmt::format("{:.1f} d", s / constants::kSecondsPerDay);
  if (s >= constants::kSecondsPerHour) return fmt::format("{:.1f} h", s / constants::kSecondsPerHour);
  if (s >= 60.0) return fmt::format("{:.1f} min", s / 60.0);
  return fmt::format("{:.0f} s", s);
}

// Progress: a bar redrawn in place on a terminal; plain lines every 10 % otherwise.
class Progress {
 public:
  explicit Progress(bool quiet) : m_quiet(quiet), m_tty(isatty(fileno(stderr)) != 0) {}
  void operator()(const RunProgress& p) {
    if (m_quiet || p.endTime <= 0) return;
    const double frac = p.simTime / p.endTime;
    const double speed = p.wallSeconds > 0 ? p.simTime / p.wallSeconds : 0.0;
    const double eta = frac > 0 ? p.wallSeconds * (1.0 - frac) / frac : 0.0;
    const std::string text = fmt::format("{:5.1f} %  t = {}  speed {:.0f}x real time  ETA {:.0f} s",
                                         100 * frac, humanDuration(p.simTime), speed, eta);
    if (m_tty) {
      const int width = 30, filled = static_cast<int>(frac * width);
      std::fprintf(stderr, "\r[%s%s] %s", std::string(static_cast<size_t>(filled), '#').c_str(),
                   std::string(static_cast<size_t>(width - filled), ' ').c_str(), text.c_str());
      if (frac >= 1.0) std::fprintf(stderr, "\n");
    } else if (frac >= m_nextReport || frac >= 1.0) {
      std::fprintf(stderr, "progress: %s\n", text.c_str());
      while (m_nextReport <= frac) m_nextReport += 0.1;
    }
    std::fflush(stderr);
  }

 private:
  bool m_quiet, m_tty;
  double m_nextReport = 0.1;
};

void printKpis(const std::map<std::string, double>& kpi) {
  auto get = [&](const char* k) {
    auto it = kpi.find(k);
    return it == kpi.end() ? NAN : it->second;
  };
  const double GWh = 3.6e12;
  std::printf("%-34s %14s\n", "KPI", "value");
  std::printf("%-34s %14.4f\n", "PUE (ISO/IEC 30134-2)", get("PUE"));
  std::printf("%-34s %14.4f\n", "fuel-to-IT efficiency", get("fuel_to_it_efficiency"));
  std::printf("%-34s %14.3f\n", "IT energy [GWh]", get("E_it") / GWh);
  std::printf("%-34s %14.3f\n", "facility energy [GWh]", get("E_facility") / GWh);
  std::printf("%-34s %14.3f\n", "unserved energy [GWh]", get("E_unserved") / GWh);
  std::printf("%-34s %14.2f\n", "hottest chip [degC]", get("T_chip_max") - constants::kZeroCelsius);
  std::printf("%-34s %14.0f\n", "hottest rack (index)", get("hottest_rack"));
  std::printf("%-34s %14.2f\n", "chip spread within a row [K]", get("T_chip_spread_max"));
  std::printf("%-34s %14.2f\n", "largest outfall rise over sea [K]", get("outfall_rise_max"));
  std::printf("%-34s %14.3f\n", "distribution losses / IT", get("distribution_loss_share"));
  std::printf("%-34s %14.1f\n", "trim chiller running [h]", get("chiller_run_time") / 3600.0);
  std::printf("%-34s %14.4f\n", "trim chiller share of PUE", get("chiller_pue_share"));
  std::printf("%-34s %14.1f\n", "fuel [t]", get("fuel_total") / 1000.0);
  std::printf("%-34s %14.1f\n", "CO2 [t]", get("CO2_total") / 1000.0);
  std::printf("%-34s %14.3f\n", "heat to sea [GWh]", get("heat_to_sea") / GWh);
  std::printf("%-34s %14.0f\n", "rack throttling events", get("throttle_events"));
  std::printf("%-34s %14.2f\n", "warmest server inlet [degC]", get("T_inlet_max") - constants::kZeroCelsius);
  std::printf("%-34s %14.0f\n", "hours outside allowable inlet", get("inlet_allowable_time") / 3600.0);
  std::printf("%-34s %14.2f\n", "smallest dew-point margin [K]", get("dew_point_margin_min"));
  std::printf("%-34s %14.2e\n", "energy balance residual", get("energy_balance_residual"));
  if (kpi.count("mixing_zone_dT_max")) {  // only a CFD-coupled run has the mixing-zone KPIs
    std::printf("%-34s %14.3f\n", "mixing-zone edge rise max [K]", get("mixing_zone_dT_max"));
    std::printf("%-34s %14.3f  %s\n", "permit at the edge [K]", get("permit_dT"),
                get("permit_breach") > 0 ? "BREACH" : "ok");
  }
}
}  // namespace

std::string versionText() {
  unsigned major = 0, minor = 0, release = 0;
  H5get_libversion(&major, &minor, &release);
  return fmt::format("fdtwin {}\nSUNDIALS {} (CVODES), HDF5 {}.{}.{}, {}", kVersion, SUNDIALS_VERSION, major, minor,
                     release, cfd::openFoamDescription());
}

void placeCasePath(Options& opt) {
  if (!opt.resumeFrom.empty()) {  // the case is the one stored in the result
    if (!opt.casePath.empty())
      throw InputError("", 0, "--resume",
                       "takes its case from the result (" + opt.resumeFrom + "); leave out the case file \"" +
                           opt.casePath + "\"");
    return;
  }
  if (opt.cfd.size() == 2 && opt.cfd[0] == "live" && opt.casePath.empty()) {
    opt.casePath = opt.cfd[1];
    opt.cfd.resize(1);
  }
  if (opt.casePath.empty()) {
    if (opt.cfd.size() == 2 && opt.cfd[0] == "surrogate")
      throw InputError("", 0, "--cfd",
                       "surrogate takes its table and the run its case: fdtwin run CASE.toml --cfd surrogate "
                       "TABLE.h5 (got only \"" + opt.cfd[1] + "\")");
    throw InputError("", 0, "run", "the case file is missing: fdtwin run CASE.toml [options]");
  }
}

namespace {
// `run --resume RESULT.h5`: the case stored in the result (its effective case), which only a
// longer --duration may change.
Case resumedCase(const Options& opt) {
  for (const auto& [given, what] : {std::pair<bool, const char*>{!opt.overrides.empty(), "--set"},
                                    {opt.outputIntervalGiven || !opt.outputInterval.empty(), "--output-interval"},
                                    {!opt.cfd.empty(), "--cfd"}}) {
    if (given)
      throw InputError("", 0, "--resume",
                       std::string("continues the stored case as it was: ") + what +
                           " cannot change it (only --duration may extend it)");
  }
  std::string toml;
  {
    const ResultReader r(opt.resumeFrom);
    toml = r.stringAttribute("/", "case_toml");
  }
  return Case::parse(toml, opt.resumeFrom + " (case_toml)", fs::path(opt.resumeFrom).parent_path().string());
}
}  // namespace

int runCommand(const Options& opt) {
  const bool resuming = !opt.resumeFrom.empty();
  Case c = resuming ? resumedCase(opt) : Case::load(opt.casePath, opt.overrides);
  RunOptions ro;
  ro.commandLine = opt.commandLine;
  ro.maxRows = opt.maxRows;
  ro.interrupt = opt.interrupt;
  ro.resumeFrom = opt.resumeFrom;
  if (!opt.checkpointInterval.empty()) {
    ro.checkpointInterval = units::parseDuration(opt.checkpointInterval, "--checkpoint-interval");
    if (!(ro.checkpointInterval > 0.0 && ro.checkpointInterval <= 1e9))
      throw InputError("--checkpoint-interval", 0, "--checkpoint-interval",
                       "expected a simulated time between 0 and 1e9 s, e.g. 7d");
  }
  // --output-interval and --duration are the run's case.output_interval and case.duration: the
  // keys' ranges and checks apply, and the case stored in the result is the one that ran. A
  // --duration shorter than the case's output interval makes it the interval (one row at the end).
  const auto setKey = [&](const char* option, const std::string& key, double seconds) {
    try {
      c.set(key, io::tomlNumber(seconds));
    } catch (const InputError& e) {
      throw InputError(option, 0, e.key(), e.detail());
    }
  };
  const bool durationGiven = opt.durationGiven || !opt.duration.empty();
  const bool intervalGiven = opt.outputIntervalGiven || !opt.outputInterval.empty();
  const double duration = durationGiven ? units::parseDuration(opt.duration, "--duration") : c.real("case.duration");
  const double interval = intervalGiven ? units::parseDuration(opt.outputInterval, "--output-interval")
                                        : std::min(c.real("case.output_interval"), duration);
  // In the order that keeps case.output_interval <= case.duration on the way.
  if (durationGiven && interval > c.real("case.duration")) setKey("--duration", "case.duration", duration);
  if (interval != c.real("case.output_interval"))
    setKey(intervalGiven ? "--output-interval" : "--duration", "case.output_interval", interval);
  if (durationGiven && duration != c.real("case.duration")) setKey("--duration", "case.duration", duration);
  if (!opt.cfd.empty()) {  // --cfd live|surrogate: couple the plant to the sea
    ro.cfdMode = opt.cfd[0];
    if (opt.cfd.size() > 1) ro.cfdTable = opt.cfd[1];
    if (ro.cfdMode != "live" && ro.cfdMode != "surrogate")
      throw InputError("", 0, "--cfd", "expected `live` or `surrogate TABLE.h5`, got `" + ro.cfdMode + "`");
  }
  ro.outputPath = opt.output;
  if (ro.outputPath.empty() && resuming) ro.outputPath = opt.resumeFrom;
  if (ro.outputPath.empty()) {
    fs::create_directories("results");
    ro.outputPath = "results/" + c.string("case.name") + ".h5";
  }
  Progress progress(opt.quiet || opt.json);
  const RunSummary s = runCase(c, ro, [&](const RunProgress& p) { progress(p); });
  if (opt.json) {
    nlohmann::json j;
    j["result"] = s.outputPath;
    j["wall_time_s"] = s.wallSeconds;
    j["steps"] = s.steps;
    for (const auto& [k, v] : s.kpi) j["kpi"][k] = v;
    std::cout << j.dump(2) << "\n";
  } else {
    printKpis(s.kpi);
    std::printf("\nresult: %s  (%.2f s wall, %ld steps)\n", s.outputPath.c_str(), s.wallSeconds, s.steps);
  }
  return 0;
}

int validateCommand(const Options& opt) {
  const Case c = Case::load(opt.casePath, opt.overrides);
  int explicitKeys = 0;
  for (const auto& [k, e] : c.entries()) explicitKeys += e.file.empty() ? 0 : 1;
  std::printf("%s: valid (%d keys set, %zu with defaults)\n", opt.casePath.c_str(), explicitKeys,
              c.entries().size() - static_cast<size_t>(explicitKeys));
  return 0;
}

int schemaCommand(const Options& opt) {
  if (opt.results) {
    std::fputs((opt.json ? results::json() : results::markdown()).c_str(), stdout);
    return 0;
  }
  std::fputs(opt.json ? schemaJson().c_str() : schemaMarkdown().c_str(), stdout);
  return 0;
}

int infoCommand(const Options& opt) {
  const ResultReader r(opt.resultPath);
  const auto attrs = r.rootAttributes();
  auto attr = [&](const char* k) {
    auto it = attrs.find(k);
    return it == attrs.end() ? std::string("?") : it->second;
  };
  const auto time = r.readNumbers(results::time.path);
  if (opt.json) {  // the same facts for scripts: attributes, rows, KPIs with their units
    nlohmann::json j;
    j["file"] = opt.resultPath;
    j["schema_version"] = r.schemaVersion();
    for (const auto& [k, v] : attrs) j["attributes"][k] = v;
    j["output_rows"] = time.size();
    j["simulated_s"] = time.empty() ? 0.0 : time.back() - time.front();
    const auto units = r.kpiUnits();
    for (const auto& [k, v] : r.kpi()) {
      j["kpi"][k]["value"] = v;
      j["kpi"][k]["units"] = units.count(k) ? units.at(k) : "";
    }
    std::cout << j.dump(2) << "\n";
    return 0;
  }
  std::printf("file            %s\n", opt.resultPath.c_str());
  std::printf("schema version  %d\n", r.schemaVersion());
  std::printf("case            %s\n", attr("case_name").c_str());
  std::printf("written by      fdtwin %s on %s\n", attr("fdtwin_version").c_str(),
              attr("created_utc").c_str());
  std::printf("command         %s\n", attr("command_line").c_str());
  std::printf("start           %s\n", attr("start_datetime").c_str());
  std::printf("status          %s%s\n", attr("status").c_str(),
              attrs.count("failure") ? (": " + attrs.at("failure")).c_str() : "");
  std::printf("output rows     %zu (%s simulated)\n", time.size(),
              time.empty() ? "0 s" : humanDuration(time.back() - time.front()).c_str());
  if (r.isDataset(results::racksName.path))
    std::printf("racks           %zu\n", r.shape(results::racksName.path).at(0));
  if (r.isDataset(results::hullArea.path))
    std::printf("hull panels     %zu\n", r.shape(results::hullArea.path).at(0));
  std::printf("\n");
  printKpis(r.kpi());
  return 0;
}

int compareCommand(const Options& opt) {
  const ResultReader a(opt.resultPath), b(opt.otherResultPath);
  const io::Comparison c = io::compareResults(a, b, opt.rtol);
  const auto show = [](double v) { return std::isinf(v) ? std::string("differs") : fmt::format("{:.3g}", v); };
  if (opt.json) {
    nlohmann::json j;
    j["a"] = opt.resultPath;
    j["b"] = opt.otherResultPath;
    j["rtol"] = opt.rtol;
    j["beyond"] = c.beyond;
    for (const auto& d : c.items) {
      nlohmann::json item{{"path", d.path}, {"a", d.a}, {"b", d.b}, {"where", d.where}};
      item["relative"] = std::isinf(d.relative) ? nlohmann::json(nullptr) : nlohmann::json(d.relative);
      j["items"].push_back(item);
    }
    std::cout << j.dump(2) << "\n";
    return c.beyond == 0 ? 0 : 1;
  }
  std::printf("A  %s\nB  %s\n\n", opt.resultPath.c_str(), opt.otherResultPath.c_str());
  std::printf("%-40s %16s %16s %10s  %s\n", "item (largest difference first)", "A", "B", "rel. diff", "where");
  std::size_t shown = 0;
  for (const auto& d : c.items) {
    if (d.relative <= opt.rtol && shown >= c.beyond + 10) break;  // every one beyond, then ten more
    ++shown;
    std::printf("%-40s %16.9g %16.9g %10s  %s%s\n", d.path.c_str(), d.a, d.b, show(d.relative).c_str(),
                d.relative > opt.rtol ? "BEYOND " : "", d.where.c_str());
  }
  std::printf("\n%zu of %zu items differ by more than rtol %g (provenance not compared)\n", c.beyond, c.items.size(),
              opt.rtol);
  return c.beyond == 0 ? 0 : 1;
}

int reportCommand(const Options& opt) {
  const ResultReader r(opt.resultPath);
  const auto checks = io::limitChecks(r);
  const std::string html = io::reportHtml(r, checks);
  const std::string part = opt.reportPath + ".part";
  {
    std::ofstream out(part, std::ios::binary);
    out << html;
    if (!out.flush()) throw InputError(opt.reportPath, 0, "-o", "cannot write the report");
  }
  std::error_code ec;
  fs::rename(part, opt.reportPath, ec);
  if (ec) throw InputError(opt.reportPath, 0, "-o", "cannot write the report: " + ec.message());
  const auto failed = std::count_if(checks.begin(), checks.end(), [](const io::LimitCheck& c) { return !c.pass; });
  for (const auto& c : checks)
    std::printf("%-56s %-28s %-44s %s\n", c.what.c_str(), c.measured.c_str(), c.limit.c_str(), c.pass ? "pass" : "FAIL");
  std::printf("wrote %s (%zu limit checks, %ld failed)\n", opt.reportPath.c_str(), checks.size(),
              static_cast<long>(failed));
  return failed == 0 ? 0 : 1;
}

int exportCommand(const Options& opt) {
  const ResultReader r(opt.resultPath);
  std::error_code ec;
  fs::create_directories(opt.csvDir, ec);
  if (ec || !fs::is_directory(opt.csvDir)) {
    throw InputError(opt.csvDir, 0, "--csv", "cannot create the output folder: " + ec.message());
  }
  // Every [nt] series of these groups, plus the per-unit generation, as one CSV.
  std::vector<std::string> names = {"time_s"};
  std::vector<std::vector<double>> cols = {r.readNumbers(results::time.path)};
  const size_t nt = cols[0].size();
  for (const char* group : {"/cooling", "/chiller", "/power", "/environment", "/balance"}) {
    if (!r.isGroup(group)) continue;
    for (const auto& name : r.list(group)) {
      const std::string path = std::string(group) + "/" + name;
      if (!r.isDataset(path)) continue;
      const results::Entry* entry = results::find(path);
      if (entry && entry->kind != results::Kind::Series) continue;  // names and index datasets
      const auto shape = r.shape(path);
      // A series whose rows do not match /time is a damaged file, not a column to leave out.
      if (entry && !shape.empty() && shape[0] != nt && r.timeScaleOf(path) == results::time.path) {
        throw InputError(opt.resultPath, 0, path,
                         fmt::format("has {} rows but /time has {}: the file is damaged", shape[0], nt));
      }
      if (shape.size() == 1 && shape[0] == nt && !r.units(path).empty() && r.units(path) != "-") {
        names.push_back(path.substr(1) + " [" + r.units(path) + "]");
        cols.push_back(r.readNumbers(path));
      } else if (shape.size() == 2 && shape[0] == nt && path == "/power/P_generation") {
        const auto gens = r.readStrings("/power/generator_name");
        for (size_t g = 0; g < shape[1]; ++g) {
          names.push_back("power/P_generation/" + gens.at(g) + " [W]");
          cols.push_back(r.readColumn(path, g));
        }
      }
    }
  }
  const fs::path series = fs::path(opt.csvDir) / "timeseries.csv";
  std::ofstream out(series);
  if (!out) throw InputError(series.string(), 0, "--csv", "cannot write");
  for (size_t k = 0; k < names.size(); ++k) out << (k ? "," : "") << names[k];
  out << "\n";
  for (size_t i = 0; i < nt; ++i) {
    for (size_t k = 0; k < cols.size(); ++k) out << (k ? "," : "") << fmt::format("{:.9g}", cols[k][i]);
    out << "\n";
  }
  const fs::path kpiPath = fs::path(opt.csvDir) / "kpi.csv";
  std::ofstream kout(kpiPath);
  // Units of the KPIs: each /kpi dataset's `units` (the /kpi@units list in version 1 files).
  std::map<std::string, std::string> unitOf = r.kpiUnits();
  kout << "kpi,value,unit\n";
  for (const auto& [k, v] : r.kpi()) {
    kout << k << "," << fmt::format("{:.9g}", v) << "," << (unitOf.count(k) ? unitOf[k] : "") << "\n";
  }
  std::printf("wrote %s (%zu rows, %zu columns) and %s\n", series.string().c_str(), nt, names.size(),
              kpiPath.string().c_str());
  return 0;
}

}  // namespace fdtwin::app
