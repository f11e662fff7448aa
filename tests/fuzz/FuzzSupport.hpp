#pragma once
// Shared by the libFuzzer harnesses (tests/fuzz, `make fuzz`): the input as text, and as a
// file for the readers that take a path. A harness lets only InputError pass: any other
// exception, a crash, a leak or undefined behaviour (ASan, UBSan) is a finding.
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <fstream>
#include <string>

namespace fdtwin::fuzz {

inline std::string text(const std::uint8_t* data, std::size_t size) {
  return std::string(reinterpret_cast<const char*>(data), size);
}

// The input written to a file of this process (overwritten by each input).
inline std::string asFile(const std::uint8_t* data, std::size_t size, const char* suffix) {
  const std::string path = "/tmp/fdtwin-fuzz-" + std::to_string(::getpid()) + suffix;
  std::ofstream(path, std::ios::binary | std::ios::trunc).write(reinterpret_cast<const char*>(data),
                                                                  static_cast<std::streamsize>(size));
  return path;
}

}  // namespace fdtwin::fuzz
