#pragma once
// The viewer's command line:
//   fdtwin-gui [CASE.toml | RESULT.h5]
//   fdtwin-gui --screenshot OUT.png [--time T] [--size WxH] RESULT.h5
// T is a simulated time: seconds, or with a unit (36h, 2.5d, 90min); the frame shown is the
// last output at or before T. Widget-free, so it is tested without a display.
#include <optional>
#include <string>
#include <vector>

namespace fdtwin::gui {

struct CommandLine {
  std::string file;
  std::string screenshot;  // empty: interactive
  double time = 0.0;       // s
  int width = 1500;
  int height = 950;
  bool help = false;

  // Throws InputError (key = the option) for a bad command line.
  static CommandLine parse(const std::vector<std::string>& args);
  static std::string usage();
};

}  // namespace fdtwin::gui
