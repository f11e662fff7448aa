// Plant performance benchmarks (docs/performance.md). Not a test: it prints measurements.
//   fdtwin_bench_plant year [--repeat N] [--case FILE]
//       one simulated year of the default case, hourly output: wall time (median of N),
//       steps, RHS and Jacobian evaluations, share of wall time outside the model callbacks
//   fdtwin_bench_plant year-resolved [--repeat N] [--case FILE]
//       the same with every training checkpoint dip resolved (it.training_dips = "resolved")
//   fdtwin_bench_plant year-minute [--repeat N] [--case FILE]
//       the year of `year` at one-minute output (525,601 rows): what the rows cost beyond
//       the integration
//   fdtwin_bench_plant scaling [--repeat N]
//       the same plant with 10, 100, 1,000 and 10,000 racks for one simulated week (plant
//       sized with the racks, training dips resolved), cost per rack
//   fdtwin_bench_plant year-file [--repeat N]
//       reading and checking the shipped hourly year data/environment/ulsan-2022.csv
#include <sys/resource.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "io/CsvEnvironment.hpp"
#include "io/ResultReader.hpp"
#include "io/ResultSchema.hpp"
#include "run/RunCase.hpp"

namespace {

using namespace fdtwin;

// CPU time of this process (user + system): on a shared 2-core machine wall time also measures
// the neighbours; CPU time of a single-threaded run does not. Both are reported.
double cpuSeconds() {
  rusage ru{};
  getrusage(RUSAGE_SELF, &ru);
  return static_cast<double>(ru.ru_utime.tv_sec + ru.ru_stime.tv_sec) +
         1e-6 * static_cast<double>(ru.ru_utime.tv_usec + ru.ru_stime.tv_usec);
}

struct Measure {
  double cpu = 0.0;
  double wall = 0.0, rhs = 0.0, jac = 0.0, quad = 0.0, root = 0.0;
  double steps = 0.0, rhsEvals = 0.0, jacEvals = 0.0, states = 0.0;
};

// An attribute of the result, found through its declaration in the result schema.
double number(const ResultReader& r, const results::Entry& e) { return r.numberAttribute(e.object(), e.name()); }

// outputInterval <= 0: the case's own (case.output_interval).
Measure runOnce(const Case& c, double duration, double outputInterval = -1.0) {
  const std::string out = (std::filesystem::temp_directory_path() / "fdtwin_bench.h5").string();
  RunOptions o;
  o.outputPath = out;
  o.duration = duration;
  o.outputInterval = outputInterval;
  const double cpu0 = cpuSeconds();
  const RunSummary s = runCase(c, o);
  const double cpu = cpuSeconds() - cpu0;
  const ResultReader r(out);
  Measure m;
  m.cpu = cpu;
  m.wall = s.wallSeconds;
  m.rhs = number(r, results::rhsTime);
  m.jac = number(r, results::jacobianTime);
  m.quad = number(r, results::quadratureTime);
  m.root = number(r, results::rootTime);
  m.steps = number(r, results::solverSteps);
  m.states = number(r, results::solverStates);
  m.rhsEvals = number(r, results::solverRhsEvals);
  m.jacEvals = number(r, results::solverJacEvals);
  std::filesystem::remove(out);
  std::filesystem::remove(std::filesystem::path(out).replace_extension(".xdmf"));
  return m;
}

Measure median(const Case& c, double duration, int repeat, double outputInterval = -1.0) {
  std::vector<Measure> runs;
  runs.reserve(static_cast<std::size_t>(std::max(repeat, 0)));
  for (int i = 0; i < repeat; ++i) runs.push_back(runOnce(c, duration, outputInterval));
  std::sort(runs.begin(), runs.end(), [](const Measure& a, const Measure& b) { return a.cpu < b.cpu; });
  return runs[runs.size() / 2];
}

// outputInterval <= 0: the case's own output interval (hourly for the default case).
int year(const std::string& casePath, int repeat, bool resolvedDips, double outputInterval = -1.0) {
  Case c = Case::load(casePath);
  if (resolvedDips) c.set("it.training_dips", "\"resolved\"");
  const Measure m = median(c, 365.0 * 86400.0, repeat, outputInterval);
  const double dtOut = outputInterval > 0 ? outputInterval : c.real("case.output_interval");
  const std::string output = dtOut == 3600.0 ? "hourly"
                             : dtOut == 60.0 ? "one-minute"
                                             : fmt::format("{:g} s", dtOut);
  const double model = m.rhs + m.jac + m.quad + m.root;
  std::printf(
      "| case | simulated | CPU (median of %d) | wall | steps | RHS evals | Jacobian evals | RHS time | "
      "Jacobian time | quadrature + roots | outside callbacks |\n",
      repeat);
  std::printf("|---|---|---|---|---|---|---|---|---|---|---|\n");
  std::printf(
      "| %s%s | 365 d, %s output | %.2f s | %.2f s | %.0f | %.0f | %.0f | %.2f s | %.2f s | %.2f s | "
      "%.0f %% |\n",
      c.string("case.name").c_str(), resolvedDips ? ", dips resolved" : "", output.c_str(), m.cpu, m.wall,
      m.steps, m.rhsEvals, m.jacEvals, m.rhs, m.jac, m.quad + m.root, 100.0 * (m.wall - model) / m.wall);
  return 0;
}

int scaling(const std::string& casePath, int repeat) {
  std::printf(
      "| racks | states | CPU, 7 d (median of %d) | wall | steps | CPU per rack | per rack vs 1,000 |\n",
      repeat);
  std::printf("|---|---|---|---|---|---|---|\n");
  struct Size {
    int rows, perRow;
  };
  const Size sizes[] = {{1, 5}, {5, 10}, {25, 20}, {100, 50}};  // x 2 halls
  double perRack1000 = 0.0;
  std::vector<std::pair<int, double>> rows;
  for (const auto& sz : sizes) {
    Case c = Case::load(casePath);
    c.set("it.training_dips", "\"resolved\"");  // every dip: the heavier, step-rich load
    const int racks = 2 * sz.rows * sz.perRow;
    const double k = racks / 160.0;  // plant sized with the IT load
    c.set("it.rows_per_hall", std::to_string(sz.rows));
    c.set("it.racks_per_row", std::to_string(sz.perRow));
    for (const char* key :
         {"power.engines.rated_power", "cooling.facility_flow", "cooling.facility_volume",
          "cooling.tcs_volume", "cooling.hall_heat_capacity", "cooling.air_flow", "seawater.design_flow",
          "power.hotel_load", "power.battery.capacity", "power.battery.power_max"}) {
      c.set(key, std::to_string(c.real(key) * k));
    }
    // The CDU plate packs scale by their channels, the seawater plate bank by its units.
    c.set("cooling.cdu_channels", std::to_string(std::max(1L, std::lround(c.real("cooling.cdu_channels") * k))));
    c.set("seawater.hx_units", std::to_string(std::max(1L, std::lround(c.real("seawater.hx_units") * k))));
    const Measure m = median(c, 7 * 86400.0, repeat);
    const double perRack = m.cpu / racks;
    if (racks == 1000) perRack1000 = perRack;
    rows.emplace_back(racks, perRack);
    std::printf("| %d | %d | %.2f s | %.2f s | %.0f | %.2f ms |", racks, static_cast<int>(m.states), m.cpu,
                m.wall, m.steps, 1e3 * perRack);
    std::printf(" %s |\n", racks >= 1000 && perRack1000 > 0
                               ? std::to_string(perRack / perRack1000).substr(0, 4).c_str()
                               : "-");
  }
  return 0;
}

// Reading the shipped Ulsan year (8,760 hourly rows): CPU time, median of `repeat`.
int yearFile(int repeat) {
  const std::string path = std::string(FDTWIN_SOURCE_DIR) + "/data/environment/ulsan-2022.csv";
  std::vector<double> cpu;
  std::size_t rows = 0;
  for (int i = 0; i < repeat; ++i) {
    const double cpu0 = cpuSeconds();
    const env::CsvEnvironment env(path);
    cpu.push_back(cpuSeconds() - cpu0);
    rows = env.size();
  }
  std::sort(cpu.begin(), cpu.end());
  std::printf("year file: %zu rows, CPU %.1f ms (median of %d)\n", rows, 1e3 * cpu[cpu.size() / 2], repeat);
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  std::string mode = argc > 1 ? argv[1] : "year";
  int repeat = 3;
  std::string casePath = std::string(FDTWIN_SOURCE_DIR) + "/cases/barge-ai-20mw.toml";
  for (int i = 2; i + 1 < argc; i += 2) {
    const std::string a = argv[i];
    if (a == "--repeat") repeat = std::max(1, std::atoi(argv[i + 1]));
    if (a == "--case") casePath = argv[i + 1];
  }
  try {
    if (mode == "year") return year(casePath, repeat, false);
    if (mode == "year-resolved") return year(casePath, repeat, true);
    if (mode == "year-minute") return year(casePath, repeat, false, 60.0);
    if (mode == "scaling") return scaling(casePath, repeat);
    if (mode == "year-file") return yearFile(repeat);
  } catch (const std::exception& e) {
    std::fprintf(stderr, "benchmark failed: %s\n", e.what());
    return 1;
  }
  std::fprintf(stderr,
               "usage: fdtwin_bench_plant year|year-resolved|year-minute|scaling|year-file [--repeat N] "
               "[--case FILE]\n");
  return 2;
}
