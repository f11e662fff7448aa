#include "core/UtcTime.hpp"

#include <fmt/format.h>

#include <chrono>
#include <ctime>

namespace fdtwin {

std::string utcTimestamp(bool milliseconds) {
  const auto now = std::chrono::system_clock::now();
  const std::time_t t = std::chrono::system_clock::to_time_t(now);
  std::tm tm{};
  gmtime_r(&t, &tm);  // the reentrant form: runs and the GUI's worker threads call this
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%S", &tm);
  if (!milliseconds) return fmt::format("{}Z", buf);
  const auto ms =
      std::chrono::duration_cast<std::chrono::milliseconds>(now.time_since_epoch()).count() % 1000;
  return fmt::format("{}.{:03}Z", buf, ms);
}

}  // namespace fdtwin
