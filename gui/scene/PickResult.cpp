#include "scene/PickResult.hpp"

#include <cmath>
#include <cstdio>

#include "core/Constants.hpp"

namespace fdtwin::gui {
namespace {
std::string formatValue(const NamedValue& v) {
  char buf[128];
  if (v.unit == "K") {
    std::snprintf(buf, sizeof buf, "%s: %.2f °C (%.2f K)", v.label.c_str(), v.value - constants::kZeroCelsius,
                  v.value);
  } else if (v.unit == "W" && std::abs(v.value) >= 1e3) {
    std::snprintf(buf, sizeof buf, "%s: %.2f kW", v.label.c_str(), v.value / 1e3);
  } else {
    std::snprintf(buf, sizeof buf, "%s: %.4g %s", v.label.c_str(), v.value, v.unit.c_str());
  }
  return buf;
}
}  // namespace

std::string PickResult::text() const {
  if (!hit()) return "nothing picked";
  std::string out = name;
  for (const NamedValue& v : values) {
    out += '\n';
    out += formatValue(v);
  }
  return out;
}

}  // namespace fdtwin::gui
