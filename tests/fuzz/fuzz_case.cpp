// libFuzzer harness: the case reader (TOML text → schema-checked Case), as `fdtwin validate`.
#include "FuzzSupport.hpp"
#include "core/Error.hpp"
#include "io/Case.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {  // NOLINT(readability-identifier-naming): libFuzzer's entry point
  try {
    // A base folder with nothing in it: `extends` and paths cannot reach real files.
    const fdtwin::Case c = fdtwin::Case::parse(fdtwin::fuzz::text(data, size), "fuzz.toml", "/nonexistent-fdtwin-fuzz");
    (void)c.toToml();
  } catch (const fdtwin::InputError&) {
    // refused with file, line and key: the expected outcome for most inputs
  }
  return 0;
}
