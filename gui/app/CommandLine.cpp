#include "app/CommandLine.hpp"

#include <cstdlib>

#include "core/Error.hpp"
#include "core/Units.hpp"

namespace fdtwin::gui {

std::string CommandLine::usage() {
  return "usage: fdtwin-gui [CASE.toml | RESULT.h5]\n"
         "       fdtwin-gui --screenshot OUT.png [--time T] [--size WxH] RESULT.h5\n"
         "  --screenshot OUT.png  open RESULT.h5, render it at time T, save the window as PNG and exit\n"
         "  --time T              simulated time: seconds or 36h, 2.5d, 90min (default 0)\n"
         "  --size WxH            window size for the screenshot (default 1500x950)\n";
}

CommandLine CommandLine::parse(const std::vector<std::string>& args) {
  CommandLine cl;
  auto value = [&](std::size_t& i, const std::string& option) -> const std::string& {
    if (i + 1 >= args.size()) throw InputError("", 0, option, "expects a value");
    return args[++i];
  };
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    if (a == "-h" || a == "--help") {
      cl.help = true;
    } else if (a == "--screenshot") {
      cl.screenshot = value(i, a);
    } else if (a == "--time") {
      const std::string& t = value(i, a);
      char* end = nullptr;
      const double seconds = std::strtod(t.c_str(), &end);
      if (end && *end == '\0' && !t.empty()) {
        if (seconds < 0) throw InputError("", 0, a, "expected a time >= 0, got \"" + t + "\"");
        cl.time = seconds;
      } else {
        cl.time = units::parseDuration(t, a);
      }
    } else if (a == "--size") {
      const std::string& s = value(i, a);
      const auto x = s.find('x');
      const int w = x == std::string::npos ? 0 : std::atoi(s.substr(0, x).c_str());
      const int h = x == std::string::npos ? 0 : std::atoi(s.substr(x + 1).c_str());
      if (w < 200 || h < 150 || w > 8000 || h > 8000)
        throw InputError("", 0, a, "expected WIDTHxHEIGHT such as 1500x950, got \"" + s + "\"");
      cl.width = w;
      cl.height = h;
    } else if (!a.empty() && a[0] == '-') {
      throw InputError("", 0, a, "unknown option");
    } else if (cl.file.empty()) {
      cl.file = a;
    } else {
      throw InputError("", 0, a, "only one file can be opened");
    }
  }
  if (!cl.screenshot.empty() && cl.file.empty())
    throw InputError("", 0, "--screenshot", "needs a result file (RESULT.h5)");
  return cl;
}

}  // namespace fdtwin::gui
