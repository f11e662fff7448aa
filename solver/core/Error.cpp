#include "core/Error.hpp"

#include <fmt/format.h>

#include "core/Constants.hpp"

namespace fdtwin {
namespace {
std::string formatInput(const std::string& file, int line, const std::string& key, const std::string& msg) {
  std::string where = file;
  if (line > 0) where += fmt::format(":{}", line);
  if (!key.empty()) where += where.empty() ? key : ": " + key;
  return where.empty() ? msg : where + ": " + msg;
}
}  // namespace

InputError::InputError(std::string file, int line, std::string key, const std::string& message)
    : std::runtime_error(formatInput(file, line, key, message)),
      m_file(std::move(file)),
      m_line(line),
      m_key(std::move(key)),
      m_detail(message) {}

RunError::RunError(double simTime, std::string where, const std::string& message)
    : std::runtime_error(fmt::format("at t = {:.6g} s ({:.4g} d), in {}: {}", simTime,
                                     simTime / constants::kSecondsPerDay, where, message)),
      m_simTime(simTime),
      m_where(std::move(where)),
      m_message(message) {}

}  // namespace fdtwin
