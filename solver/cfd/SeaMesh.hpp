#pragma once
// The sea domain around a box barge as a multi-block blockMesh (templates in meshes/sea-box/).
//
// CFD frame: x along the hull (stern at 0, bow at L), y to port, z up with the still-water
// surface at z = 0, so the hull occupies [0, L] × [−B/2, B/2] × [−draft, 0] and the hull frame's
// z_h = z + draft. The current flows from the bow to the stern (−x): the barge lies head to
// the current, `inlet` is the plane ahead of the bow and `outlet` the plane aft of the stern.
// Blocks: 3 (x) × 3 (y) × 2 (z) minus the hull = 17. Hull blocks are uniform; the outer
// blocks are graded so that their first cell matches the hull cells. Patches: inlet, outlet,
// surface (rigid lid), seabed, sides (all three `symmetry`), hull (wall); the outfall and intake
// are then cut out of `hull` by topoSet + createPatch (faces whose centres lie in a box).
#include <array>
#include <functional>
#include <string>
#include <vector>

#include "cfd/CfdParams.hpp"
#include "cfd/FoamFile.hpp"

namespace fdtwin::cfd {

// A structured multi-block layout: block boundaries, cells and grading (last/first cell) per
// block interval, which blocks are solid (removed) and how boundary faces are named.
struct BlockLayout {
  std::vector<double> X, Y, Z;
  std::vector<int> nx, ny, nz;
  std::vector<double> gx, gy, gz;
  std::function<bool(int, int, int)> solid;
  // Patch of face `face` (0 x-min, 1 x-max, 2 y-min, 3 y-max, 4 z-min, 5 z-max) of block
  // (i, j, k) when it lies on the domain boundary or against a solid block.
  std::function<std::string(int, int, int, int)> patchName;
  long cellCount() const;
};

// Expansion ratio (last/first cell) of n cells over length S whose first cell is `first`
// (1 when uniform cells are already no larger).
double gradingFor(double S, int n, double first);

// The blockMeshDict text for a layout (from meshes/sea-box/blockMeshDict).
std::string blockMeshDict(const BlockLayout& layout, const std::string& description);

struct SeaDomain {
  BlockLayout layout;
  double L, B, draft, depth;   // hull and sea depth
  double dx, dy, dz;           // hull-block cell sizes
  double xMin, xMax, W;        // domain extent (|y| ≤ W)
};

// Throws InputError (naming the cfd.* key) when a sea chest lies outside its hull face, the
// sea is not deeper than the draft, or outfall and intake would share mesh faces.
SeaDomain seaDomain(const CfdParams& p);
// The flat-plate validation channel (CfdParams::geometry = "flat-plate"): plate length L =
// hull.length in −x from x = L (leading edge) to 0 (outlet), channel height sea_depth, first
// cell `firstCell` high, `cellsAlong` cells along the plate.
SeaDomain flatPlateDomain(const CfdParams& p, double firstCell, int cellsAlong, int cellsUp);

// The centre of a sea chest in the CFD frame, and the box that selects its faces.
Vec3 chestPoint(const CfdParams& p, const SeaChest& c);
std::array<Vec3, 2> chestBox(const SeaDomain& d, const CfdParams& p, const SeaChest& c);

// Folder of the templates (meshes/, cases/cfd/): $FDTWIN_DATA_DIR or the source tree.
std::string dataDir();
// Replaces every @KEY@ of `text` with the value in `values` (throws on a leftover).
std::string fillTemplate(std::string text, const std::vector<std::pair<std::string, std::string>>& values,
                         const std::string& what);

}  // namespace fdtwin::cfd
