#pragma once
// Parameters of the CFD side (the `cfd.*` keys of a case, run/CfdFromCase.cpp), in SI units.
// Positions are in the hull frame of model/hull/HullGeometry.hpp: x forward from the stern,
// y to port, depth below the waterline (positive down).
#include <string>

#include "model/PlantParams.hpp"

namespace fdtwin::cfd {

// The hull face a sea chest (outfall or intake opening) sits on.
enum class HullFace { Stern, Bow, Port, Starboard, Bottom };
HullFace hullFaceFromName(const std::string& name);  // "stern", "bow", "port", "starboard", "bottom"
const char* hullFaceName(HullFace f);

// Set by the cfd.outfall.* / cfd.intake.* keys; their defaults are the schema's only.
struct SeaChest {
  HullFace face;
  double x;      // m, along the hull (bottom, port, starboard)
  double y;      // m, across (bottom, stern, bow)
  double depth;  // m below the waterline (stern, bow, port, starboard)
  double size;   // m, side of the square opening (at least one mesh face is used)
};

// Cells of the 17-block sea box (docs/cfd.md): hull-length, hull-beam and draft blocks are
// uniform; the others are graded to match them at the hull.
struct MeshResolution {
  std::string name;
  int hullX, hullY, draft;   // cells along the hull, across the beam, over the draft
  int downstream, upstream;  // cells aft of the stern and ahead of the bow
  int side, below;           // cells beside the hull (each side) and under the keel
};
MeshResolution meshResolution(const std::string& name);  // "coarse" or "production"

// Members a case key sets have no initialiser: io::defaultCfdParams() (run/CaseBindings.hpp)
// fills them from the schema, and io::cfdParams() from a case. The others are fixed here.
struct CfdParams {
  // "sea-box": the sea around the hull. "flat-plate": the validation case of docs/cfd.md, a
  // plate of hull.length (the `hull` patch, at the bottom of a channel of depth sea_depth,
  // after a slip lead-in of a quarter of its length), one cell wide, no outfall or intake.
  std::string geometry = "sea-box";
  HullParams hull;
  SeaChest outfall;
  SeaChest intake;
  std::string mesh;              // "coarse" or "production"
  double seaDepth;               // m, depth of the domain (rigid lid at the surface, slip sea bed)
  double upstreamLengths = 1.0;  // domain ahead of the bow, in hull lengths
  double downstreamLengths = 2.0;
  double lateralBeams = 3.0;     // domain beside the hull (each side), in beams
  std::string solver;            // "steady" (SIMPLE) or "transient" (PIMPLE)
  double window;                 // s, coupling window
  int iterations;                // SIMPLE iterations per window (steady)
  int initialIterations;         // iterations of the first window (cold start)
  double transientStep = 5.0;    // s, PIMPLE time step (transient)
  int ranks;                     // MPI ranks (1: serial)
  double mixingZoneRadius;       // m, around the outfall (IFC: 100 m when none is set)
  double permitDT;               // K, allowed rise at the mixing-zone edge
  double plumeThreshold;         // K, rise that defines the plume's extent
  double hullExcessTraining = 0.05;  // K, hull wall excess over the sea during training (h from the wall conductance; small, so the hull does not warm the intake)
  double salinity;                   // g/kg
  double prandtlOverride = 0.0;  // > 0: molecular Prandtl number of a test fluid (validation only)
};

}  // namespace fdtwin::cfd
