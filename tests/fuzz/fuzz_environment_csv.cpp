// libFuzzer harness: the environment CSV reader (io/CsvEnvironment) and sampling it.
#include "FuzzSupport.hpp"
#include "core/Error.hpp"
#include "io/CsvEnvironment.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {  // NOLINT(readability-identifier-naming): libFuzzer's entry point
  try {
    fdtwin::env::CsvEnvironmentSettings settings;
    settings.startEpochSeconds = 1640962800;  // 2022-01-01T00:00:00+09:00, the default case.start
    const fdtwin::env::CsvEnvironment env(fdtwin::fuzz::asFile(data, size, ".csv"), settings);
    for (const double t : {env.startTime(), 0.5 * (env.startTime() + env.endTime()), env.endTime()}) (void)env.at(t);
  } catch (const fdtwin::InputError&) {
    // refused with file, line and column
  }
  return 0;
}
