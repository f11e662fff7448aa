#pragma once
// Reading and editing OpenFOAM's ascii files without OpenFOAM: fields (internalField and
// per-patch `value` entries), the polyMesh (points, faces, owner, neighbour, boundary) and
// the geometry fdtwin needs from it (face centres, areas and normals, cell centres of the
// hexahedral block meshes it generates), plus in-place edits of one patch entry of a field
// (the window-to-window boundary updates; foamDictionary cannot take the long lists of
// per-face hull temperatures on its command line).
// All functions throw RunError ("where" = the file) on a file they cannot read.
#include <array>
#include <map>
#include <string>
#include <vector>

namespace fdtwin::cfd {

using Vec3 = std::array<double, 3>;

std::string readText(const std::string& path);
void writeText(const std::string& path, const std::string& text);  // via a temporary + rename

// A scalar field file (volScalarField or surfaceScalarField). `uniform` values are expanded
// to the patch size when the mesh is known (sizes), else kept as one value.
struct ScalarField {
  std::vector<double> internal;                     // one per cell (or one value if uniform)
  std::map<std::string, std::vector<double>> patch;  // `value` of each patch that writes one
};
ScalarField readScalarField(const std::string& path);

// Replaces (or adds) `key value;` inside boundaryField/<patchName> of a field file.
void setPatchEntry(const std::string& path, const std::string& patchName, const std::string& key,
                   const std::string& value);
// Replaces the whole body of boundaryField/<patchName> (between its braces).
void setPatchBody(const std::string& path, const std::string& patchName, const std::string& body);

// "uniform 293.15" / "nonuniform List<scalar> N (…)" as OpenFOAM writes them.
std::string uniformValue(double v);
std::string scalarList(const std::vector<double>& v);

struct PatchInfo {
  std::string name, type;
  int nFaces = 0, startFace = 0;
};

struct PolyMesh {
  std::vector<Vec3> points;
  std::vector<std::vector<int>> faces;
  std::vector<int> owner, neighbour;
  std::vector<PatchInfo> patches;
  int nCells = 0;
  // Derived geometry.
  std::vector<Vec3> faceCentre, faceNormal;  // unit outward (boundary) / owner→neighbour normal
  std::vector<double> faceArea;
  std::vector<Vec3> cellCentre;              // mean of the cell's face centres (exact for cuboids)

  static PolyMesh read(const std::string& caseDir);
  const PatchInfo& patch(const std::string& name) const;  // throws RunError when absent
  bool hasPatch(const std::string& name) const;
};

}  // namespace fdtwin::cfd
