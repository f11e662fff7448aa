#include "run/CfdFromCase.hpp"

#include "cfd/SeaMesh.hpp"
#include "core/Error.hpp"
#include "run/CaseBindings.hpp"
#include "run/PlantFromCase.hpp"

namespace fdtwin::io {

cfd::CfdParams cfdParams(const Case& c) {
  cfd::CfdParams p{};
  applyBindings(cfdBindings(), c, p);
  const PlantParams plant = plantParams(c);
  p.hull = plant.hull;
  p.salinity = plant.seawater.salinity;
  // Layout checks up front (before any OpenFOAM work), with the file and line of the key.
  try {
    (void)cfd::seaDomain(p);
  } catch (const InputError& e) {
    std::string key = e.key();
    if (!c.has(key)) key = key.substr(0, key.rfind('.')) + ".face";
    const auto& entry = c.has(key) ? c.entry(key) : CaseEntry{};
    throw InputError(entry.file.empty() ? c.sourcePath() : entry.file, entry.line, e.key(), e.detail());
  }
  return p;
}

}  // namespace fdtwin::io
