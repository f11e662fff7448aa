#include "core/TextFile.hpp"

#include <fmt/format.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>

#include "core/Error.hpp"

namespace fdtwin {

namespace fs = std::filesystem;

std::string readTextFile(const std::string& path, const std::string& errorFile, int errorLine,
                         const std::string& errorKey, const std::string& what) {
  std::error_code ec;
  const fs::file_status status = fs::status(path, ec);
  std::string why;
  if (ec || !fs::exists(status)) {
    why = "no such file";
  } else if (fs::is_directory(status)) {
    why = "it is a directory";
  } else if (!fs::is_regular_file(status)) {
    why = "not a regular file";
  } else {
    std::ifstream in(path, std::ios::binary);
    if (in) {
      std::string text(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>{});
      if (!in.bad()) return text;
    }
    why = std::strerror(errno);
  }
  throw InputError(errorFile, errorLine, errorKey, fmt::format("{}: {}", what, why));
}

std::string readTextFile(const std::string& path, const std::string& what) {
  return readTextFile(path, path, 0, "", what);
}

}  // namespace fdtwin
