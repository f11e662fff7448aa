#pragma once
// `fdtwin cfd train CASE -o TABLE.h5`: trains the CFD surrogate table (solver/cfd/Training.hpp).
#include <string>
#include <vector>

namespace CLI {
class App;
}

namespace fdtwin::app {

struct CfdOptions {
  std::string casePath, output = "cfd-surrogate.h5", workDir, commandLine;
  std::vector<std::string> overrides;
  std::vector<double> current, flow, rise;  // grid axes (defaults from the case when empty)
  int iterations = 0;                       // per point (0: cfd.initial_iterations)
  bool quiet = false;
};

// Adds the `cfd` command with its `train` subcommand; returns the `train` subcommand.
CLI::App* addCfdCommand(CLI::App& app, CfdOptions& opt);
int cfdTrainCommand(const CfdOptions& opt);

}  // namespace fdtwin::app
