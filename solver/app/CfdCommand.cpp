#include "app/CfdCommand.hpp"

#include <CLI/CLI.hpp>
#include <chrono>
#include <cstdio>
#include <filesystem>

#include <fmt/format.h>

#include "cfd/Training.hpp"
#include "core/Error.hpp"
#include "io/Case.hpp"
#include "run/CfdFromCase.hpp"

namespace fdtwin::app {

CLI::App* addCfdCommand(CLI::App& app, CfdOptions& opt) {
  auto* cfd = app.add_subcommand("cfd", "CFD of the sea around the hull (OpenFOAM)");
  cfd->require_subcommand(1);
  auto* train = cfd->add_subcommand(
      "train", "Train the CFD surrogate table over a grid of current, flow and outfall rise");
  train->add_option("case", opt.casePath, "Case file (TOML)")->required();
  train->add_option("-o,--output", opt.output, "Surrogate table (HDF5)");
  train->add_option("--set", opt.overrides, "Override a case key: key.path=value (repeatable)");
  train->add_option("--current", opt.current, "Current speeds [m/s] (default: 0.05 0.25 0.5 1.0)")
      ->delimiter(',');
  train
      ->add_option("--flow", opt.flow,
                   "Seawater flows [kg/s] (default: min_speed and 1 x seawater.design_flow)")
      ->delimiter(',');
  train
      ->add_option("--rise", opt.rise,
                   "Outfall temperature rises [K] (default: 2 and seawater.discharge_dT_max)")
      ->delimiter(',');
  train->add_option("--iterations", opt.iterations,
                    "SIMPLE iterations per grid point (default: cfd.initial_iterations)");
  train->add_option("--work-dir", opt.workDir, "OpenFOAM case folder (default: TABLE.cfd)");
  train->add_flag("-q,--quiet", opt.quiet, "No progress output");
  return train;
}

int cfdTrainCommand(const CfdOptions& opt) {
  const Case c = Case::load(opt.casePath, opt.overrides);
  const cfd::CfdParams p = io::cfdParams(c);
  cfd::TrainingGrid g;
  g.current = opt.current.empty() ? std::vector<double>{0.05, 0.25, 0.5, 1.0} : opt.current;
  const double design = c.real("seawater.design_flow");
  g.mdot = opt.flow.empty()
               ? std::vector<double>{std::max(0.05, c.real("seawater.min_speed")) * design, design}
               : opt.flow;
  g.rise = opt.rise.empty() ? std::vector<double>{2.0, c.real("seawater.discharge_dT_max")} : opt.rise;
  g.ambientT = c.real("environment.sst_mean");
  g.iterations = opt.iterations > 0 ? opt.iterations : static_cast<int>(c.integer("cfd.initial_iterations"));
  const std::string work = opt.workDir.empty() ? opt.output + ".cfd" : opt.workDir;
  const auto t0 = std::chrono::steady_clock::now();
  const auto table =
      cfd::trainSurrogate(p, g, work, [&](size_t done, size_t total, const cfd::PointResult& r, double) {
        if (opt.quiet) return;
        const double wall = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
        std::fprintf(
            stderr,
            "cfd train: point %zu/%zu: intake rise %.3f K, mixing-zone rise %.3f K, plume %.0f m (%.0f s)\n",
            done, total, r.intakeRise, r.mixingZoneRise, r.plumeExtent, wall);
      });
  cfd::saveSurrogate(opt.output, table, opt.commandLine);
  std::printf("wrote %s (%zu x %zu x %zu points, %s mesh)\n", opt.output.c_str(), g.current.size(),
              g.mdot.size(), g.rise.size(), p.mesh.c_str());
  return 0;
}

}  // namespace fdtwin::app
