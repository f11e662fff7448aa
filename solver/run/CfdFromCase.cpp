#include "run/CfdFromCase.hpp"

#include "cfd/SeaMesh.hpp"
#include "core/Error.hpp"
#include "run/PlantFromCase.hpp"

namespace fdtwin::io {

cfd::CfdParams cfdParams(const Case& c) {
  cfd::CfdParams p;
  p.hull = plantParams(c).hull;
  p.salinity = c.real("environment.salinity");
  p.mesh = c.string("cfd.mesh");
  p.solver = c.string("cfd.solver");
  p.seaDepth = c.real("cfd.sea_depth");
  p.window = c.real("cfd.coupling_window");
  p.iterations = static_cast<int>(c.integer("cfd.iterations"));
  p.initialIterations = static_cast<int>(c.integer("cfd.initial_iterations"));
  p.ranks = static_cast<int>(c.integer("cfd.ranks"));
  p.mixingZoneRadius = c.real("cfd.mixing_zone_radius");
  p.permitDT = c.real("cfd.permit_dT");
  p.plumeThreshold = c.real("cfd.plume_threshold");
  auto chest = [&](const std::string& k) {
    cfd::SeaChest s;
    s.face = cfd::hullFaceFromName(c.string(k + ".face"));
    s.x = c.real(k + ".x");
    s.y = c.real(k + ".y");
    s.depth = c.real(k + ".depth");
    s.size = c.real(k + ".size");
    return s;
  };
  p.outfall = chest("cfd.outfall");
  p.intake = chest("cfd.intake");
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
