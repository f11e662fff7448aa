#pragma once
#include <string>

namespace fdtwin::gui {

// One labelled value in file units (SI), e.g. {"T_chip", 331.2, "K"}.
struct NamedValue {
  std::string label;
  double value = 0.0;
  std::string unit;
};

}  // namespace fdtwin::gui
