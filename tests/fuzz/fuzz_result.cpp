// libFuzzer harness: the result reader, as `fdtwin info` and `fdtwin compare` read a file:
// open, attributes, KPIs, then every dataset of the schema it has.
#include "FuzzSupport.hpp"
#include "core/Error.hpp"
#include "io/ResultReader.hpp"
#include "io/ResultSchema.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {  // NOLINT(readability-identifier-naming): libFuzzer's entry point
  try {
    const fdtwin::ResultReader r(fdtwin::fuzz::asFile(data, size, ".h5"));
    (void)r.rootAttributes();
    (void)r.kpi();
    for (const fdtwin::results::Entry* e : fdtwin::results::schema()) {
      if (e->isAttribute() || !r.isDataset(e->path)) continue;
      if (e->type == fdtwin::results::Type::Text)
        (void)r.readStrings(e->path);
      else
        (void)r.readNumbers(e->path);
    }
  } catch (const fdtwin::InputError&) {
    // refused as damaged, foreign or of another version
  }
  return 0;
}
