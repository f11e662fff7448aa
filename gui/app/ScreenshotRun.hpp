#pragma once
// `fdtwin-gui --screenshot`: open a result in a window, show time T, wait for the 3D view's
// first frame, save the whole window as PNG. Errors go to stderr; returns the exit status
// (0 ok, 2 bad input such as a foreign or truncated file, 1 anything else).
#include "app/CommandLine.hpp"

namespace fdtwin::gui {

int runScreenshot(const CommandLine& cl);

}  // namespace fdtwin::gui
