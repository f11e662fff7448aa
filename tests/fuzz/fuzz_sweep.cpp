// libFuzzer harness: the sweep-file reader and planner, as `fdtwin sweep FILE` before it runs.
#include "FuzzSupport.hpp"
#include "core/Error.hpp"
#include "sweep/SweepPlan.hpp"
#include "sweep/SweepSpec.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {  // NOLINT(readability-identifier-naming): libFuzzer's entry point
  try {
    const auto spec = fdtwin::sweep::SweepSpec::load(fdtwin::fuzz::asFile(data, size, ".toml"));
    (void)spec;
  } catch (const fdtwin::InputError&) {
    // refused with file, line and key
  }
  return 0;
}
