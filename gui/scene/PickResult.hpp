#pragma once
// What a click in the 3D view hit: a rack or a hull panel, its name and its values at the
// current time. Widget-free.
#include <cstddef>
#include <string>
#include <vector>

#include "scene/NamedValue.hpp"

namespace fdtwin::gui {

struct PickResult {
  enum class Kind { None, Rack, Panel };
  Kind kind = Kind::None;
  std::size_t index = 0;
  std::string name;
  std::vector<NamedValue> values;        // temperatures are also shown in degC by text()
  double position[3] = {0.0, 0.0, 0.0};  // picked point, m

  bool hit() const { return kind != Kind::None; }
  // Multi-line description: the name, then one "label: value unit" line per value.
  std::string text() const;
};

}  // namespace fdtwin::gui
