#include "cfd/SeaMesh.hpp"

#include <algorithm>
#include <cmath>
#include <cstdlib>

#include <fmt/format.h>

#include "core/Error.hpp"

namespace fdtwin::cfd {

HullFace hullFaceFromName(const std::string& n) {
  if (n == "stern") return HullFace::Stern;
  if (n == "bow") return HullFace::Bow;
  if (n == "port") return HullFace::Port;
  if (n == "starboard") return HullFace::Starboard;
  if (n == "bottom") return HullFace::Bottom;
  throw InputError("", 0, "cfd", "unknown hull face '" + n + "' (stern, bow, port, starboard, bottom)");
}

const char* hullFaceName(HullFace f) {
  switch (f) {
    case HullFace::Stern: return "stern";
    case HullFace::Bow: return "bow";
    case HullFace::Port: return "port";
    case HullFace::Starboard: return "starboard";
    case HullFace::Bottom: return "bottom";
  }
  return "?";
}

MeshResolution meshResolution(const std::string& name) {
  // coarse ≈ 14k cells (a window of 100 iterations in a few seconds on one core);
  // production ≈ 590k cells (≥ 500k, docs/cfd.md).
  if (name == "coarse") return {"coarse", 20, 8, 4, 16, 8, 8, 10};
  if (name == "production") return {"production", 80, 32, 12, 64, 32, 28, 28};
  throw InputError("", 0, "cfd.mesh", "unknown mesh resolution '" + name + "' (coarse, production)");
}

long BlockLayout::cellCount() const {
  long n = 0;
  for (size_t k = 0; k < nz.size(); ++k)
    for (size_t j = 0; j < ny.size(); ++j)
      for (size_t i = 0; i < nx.size(); ++i)
        if (!solid(static_cast<int>(i), static_cast<int>(j), static_cast<int>(k)))
          n += static_cast<long>(nx[i]) * ny[j] * nz[k];
  return n;
}

double gradingFor(double S, int n, double first) {
  if (n <= 1 || first * n >= S) return 1.0;
  // S = first·(rⁿ − 1)/(r − 1); solve for the cell-to-cell ratio r by bisection.
  auto total = [&](double r) { return first * (std::pow(r, n) - 1.0) / (r - 1.0); };
  double lo = 1.0 + 1e-12, hi = 2.0;
  while (total(hi) < S) hi *= 1.5;
  for (int it = 0; it < 200; ++it) {
    const double mid = 0.5 * (lo + hi);
    (total(mid) < S ? lo : hi) = mid;
  }
  return std::pow(0.5 * (lo + hi), n - 1);
}

std::string dataDir() {
  const char* d = std::getenv("FDTWIN_DATA_DIR");
  return d && *d ? d : FDTWIN_SOURCE_DIR;
}

std::string fillTemplate(std::string text, const std::vector<std::pair<std::string, std::string>>& values,
                         const std::string& what) {
  for (const auto& [k, v] : values) {
    const std::string key = "@" + k + "@";
    size_t p = 0;
    while ((p = text.find(key, p)) != std::string::npos) {
      text.replace(p, key.size(), v);
      p += v.size();
    }
  }
  // Only the banner mentions @NAME@ literally.
  const size_t left = text.find('@', text.find("FoamFile"));
  if (left != std::string::npos) {
    throw RunError(0.0, what, "template placeholder left unfilled near: " + text.substr(left, 40));
  }
  return text;
}

std::string blockMeshDict(const BlockLayout& L, const std::string& description) {
  const int ni = static_cast<int>(L.X.size()), nj = static_cast<int>(L.Y.size()), nk = static_cast<int>(L.Z.size());
  auto v = [&](int i, int j, int k) { return i + ni * (j + nj * k); };
  std::string vertices, blocks, boundary;
  for (int k = 0; k < nk; ++k)
    for (int j = 0; j < nj; ++j)
      for (int i = 0; i < ni; ++i)
        vertices += fmt::format("    ({:.9g} {:.9g} {:.9g})  // {}\n", L.X[static_cast<size_t>(i)],
                                L.Y[static_cast<size_t>(j)], L.Z[static_cast<size_t>(k)], v(i, j, k));
  // Hex model faces with outward normals (OpenFOAM etc/cellModels).
  static const int faceVerts[6][4] = {{0, 4, 7, 3}, {1, 2, 6, 5}, {0, 1, 5, 4}, {3, 7, 6, 2}, {0, 3, 2, 1}, {4, 5, 6, 7}};
  std::vector<std::pair<std::string, std::string>> patches;  // name → faces text
  auto addFace = [&](const std::string& name, const std::string& face) {
    for (auto& [n, f] : patches)
      if (n == name) { f += face; return; }
    patches.emplace_back(name, face);
  };
  for (int k = 0; k + 1 < nk; ++k)
    for (int j = 0; j + 1 < nj; ++j)
      for (int i = 0; i + 1 < ni; ++i) {
        if (L.solid(i, j, k)) continue;
        const int hv[8] = {v(i, j, k),         v(i + 1, j, k),         v(i + 1, j + 1, k),     v(i, j + 1, k),
                           v(i, j, k + 1),     v(i + 1, j, k + 1),     v(i + 1, j + 1, k + 1), v(i, j + 1, k + 1)};
        const size_t si = static_cast<size_t>(i), sj = static_cast<size_t>(j), sk = static_cast<size_t>(k);
        blocks += fmt::format("    hex ({} {} {} {} {} {} {} {}) ({} {} {}) simpleGrading ({:.9g} {:.9g} {:.9g})\n",
                              hv[0], hv[1], hv[2], hv[3], hv[4], hv[5], hv[6], hv[7], L.nx[si], L.ny[sj], L.nz[sk],
                              L.gx[si], L.gy[sj], L.gz[sk]);
        for (int f = 0; f < 6; ++f) {
          const int di = f == 0 ? -1 : f == 1 ? 1 : 0, dj = f == 2 ? -1 : f == 3 ? 1 : 0, dk = f == 4 ? -1 : f == 5 ? 1 : 0;
          const int a = i + di, b = j + dj, c = k + dk;
          const bool outside = a < 0 || b < 0 || c < 0 || a + 1 >= ni || b + 1 >= nj || c + 1 >= nk;
          if (!outside && !L.solid(a, b, c)) continue;
          addFace(L.patchName(i, j, k, f), fmt::format("            ({} {} {} {})\n", hv[faceVerts[f][0]],
                                                         hv[faceVerts[f][1]], hv[faceVerts[f][2]], hv[faceVerts[f][3]]));
        }
      }
  for (const auto& [name, faces] : patches) {
    const std::string type = name == "hull" ? "wall" : (name == "inlet" || name == "outlet") ? "patch" : "symmetry";
    boundary += fmt::format("    {}\n    {{\n        type {};\n        faces\n        (\n{}        );\n    }}\n", name,
                            type, faces);
  }
  const std::string tmpl = readText(dataDir() + "/meshes/sea-box/blockMeshDict");
  return fillTemplate(tmpl, {{"DESCRIPTION", description}, {"VERTICES", vertices}, {"BLOCKS", blocks},
                             {"BOUNDARY", boundary}},
                      "blockMeshDict");
}

Vec3 chestPoint(const CfdParams& p, const SeaChest& c) {
  const double L = p.hull.length, B = p.hull.beam, d = p.hull.draft;
  switch (c.face) {
    case HullFace::Stern: return {0.0, c.y, -c.depth};
    case HullFace::Bow: return {L, c.y, -c.depth};
    case HullFace::Port: return {c.x, 0.5 * B, -c.depth};
    case HullFace::Starboard: return {c.x, -0.5 * B, -c.depth};
    case HullFace::Bottom: return {c.x, c.y, -d};
  }
  return {0, 0, 0};
}

namespace {
void checkChest(const CfdParams& p, const SeaChest& c, const std::string& key) {
  const double L = p.hull.length, B = p.hull.beam, d = p.hull.draft;
  const bool alongX = c.face == HullFace::Port || c.face == HullFace::Starboard || c.face == HullFace::Bottom;
  const bool acrossY = c.face == HullFace::Stern || c.face == HullFace::Bow || c.face == HullFace::Bottom;
  const bool vertical = c.face != HullFace::Bottom;
  const std::string face = hullFaceName(c.face);
  if (alongX && (c.x <= 0.0 || c.x >= L)) {
    throw InputError("", 0, key + ".x",
                     fmt::format("{} m is outside the {} face of the hull (0 … {} m, hull.length)", c.x, face, L));
  }
  if (acrossY && std::abs(c.y) >= 0.5 * B) {
    throw InputError("", 0, key + ".y",
                     fmt::format("{} m is outside the {} face of the hull (−{} … {} m, half of hull.beam)", c.y, face,
                                 0.5 * B, 0.5 * B));
  }
  if (vertical && (c.depth <= 0.0 || c.depth >= d)) {
    throw InputError("", 0, key + ".depth",
                     fmt::format("{} m is outside the wetted {} face of the hull (0 … {} m below the waterline, "
                                 "hull.draft)",
                                 c.depth, face, d));
  }
}
}  // namespace

SeaDomain seaDomain(const CfdParams& p) {
  const MeshResolution r = meshResolution(p.mesh);
  SeaDomain s;
  s.L = p.hull.length;
  s.B = p.hull.beam;
  s.draft = p.hull.draft;
  s.depth = p.seaDepth;
  if (s.depth <= s.draft * 1.5) {
    throw InputError("", 0, "cfd.sea_depth",
                     fmt::format("the sea ({} m) must be deeper than 1.5 × the draft ({} m)", s.depth, s.draft));
  }
  checkChest(p, p.outfall, "cfd.outfall");
  checkChest(p, p.intake, "cfd.intake");
  const Vec3 o = chestPoint(p, p.outfall);
  const double R = p.mixingZoneRadius;
  // The domain holds the mixing-zone circle around the outfall (plus a margin) and at least
  // the configured multiples of the hull.
  s.xMin = std::min(-p.downstreamLengths * s.L, o[0] - R - 0.2 * s.L);
  s.xMax = std::max(s.L + p.upstreamLengths * s.L, o[0] + R + 0.2 * s.L);
  s.W = std::max(0.5 * s.B + p.lateralBeams * s.B, std::abs(o[1]) + R + s.B);
  s.dx = s.L / r.hullX;
  s.dy = s.B / r.hullY;
  s.dz = s.draft / r.draft;
  BlockLayout& b = s.layout;
  b.X = {s.xMin, 0.0, s.L, s.xMax};
  b.Y = {-s.W, -0.5 * s.B, 0.5 * s.B, s.W};
  b.Z = {-s.depth, -s.draft, 0.0};
  b.nx = {r.downstream, r.hullX, r.upstream};
  b.ny = {r.side, r.hullY, r.side};
  b.nz = {r.below, r.draft};
  b.gx = {1.0 / gradingFor(-s.xMin, r.downstream, s.dx), 1.0, gradingFor(s.xMax - s.L, r.upstream, s.dx)};
  const double gside = gradingFor(s.W - 0.5 * s.B, r.side, s.dy);
  b.gy = {1.0 / gside, 1.0, gside};
  b.gz = {1.0 / gradingFor(s.depth - s.draft, r.below, s.dz), 1.0};
  b.solid = [](int i, int j, int k) { return i == 1 && j == 1 && k == 1; };
  b.patchName = [](int i, int j, int k, int f) -> std::string {
    if (i == 1 && j == 1 && k == 1) return "hull";
    const bool againstHull = (f == 1 && i == 0 && j == 1 && k == 1) || (f == 0 && i == 2 && j == 1 && k == 1) ||
                             (f == 3 && i == 1 && j == 0 && k == 1) || (f == 2 && i == 1 && j == 2 && k == 1) ||
                             (f == 5 && i == 1 && j == 1 && k == 0);
    if (againstHull) return "hull";
    switch (f) {
      case 0: return "outlet";
      case 1: return "inlet";
      case 2: case 3: return "sides";
      case 4: return "seabed";
      default: return "surface";
    }
  };
  // Outfall and intake must not share faces.
  const auto bo = chestBox(s, p, p.outfall), bi = chestBox(s, p, p.intake);
  bool overlap = true;
  for (size_t d = 0; d < 3; ++d) overlap = overlap && bo[0][d] <= bi[1][d] && bi[0][d] <= bo[1][d];
  if (overlap) {
    throw InputError("", 0, "cfd.intake",
                     "the intake and the outfall overlap on the hull at this mesh resolution (cfd.mesh = " + p.mesh +
                         "): move them apart by at least one hull cell");
  }
  return s;
}

SeaDomain flatPlateDomain(const CfdParams& p, double firstCell, int cellsAlong, int cellsUp) {
  SeaDomain s;
  s.L = p.hull.length;
  s.B = 1.0;
  s.draft = 0.0;
  s.depth = p.seaDepth;
  const double lead = 0.25 * s.L;
  s.xMin = 0.0;
  s.xMax = s.L + lead;
  s.W = 0.5;
  s.dx = s.L / cellsAlong;
  s.dy = 1.0;
  s.dz = firstCell;
  BlockLayout& b = s.layout;
  b.X = {0.0, s.L, s.xMax};
  b.Y = {-0.5, 0.5};
  b.Z = {-s.depth, 0.0};
  b.nx = {cellsAlong, std::max(2, cellsAlong / 4)};
  b.ny = {1};
  b.nz = {cellsUp};
  b.gx = {1.0, 1.0};
  b.gy = {1.0};
  b.gz = {gradingFor(s.depth, cellsUp, firstCell)};
  b.solid = [](int, int, int) { return false; };
  b.patchName = [](int i, int, int, int f) -> std::string {
    switch (f) {
      case 0: return "outlet";
      case 1: return "inlet";
      case 2: case 3: return "sides";
      case 4: return i == 0 ? "hull" : "seabed";
      default: return "surface";
    }
  };
  return s;
}

std::array<Vec3, 2> chestBox(const SeaDomain& d, const CfdParams& p, const SeaChest& c) {
  const Vec3 o = chestPoint(p, c);
  const double eps = 1e-3 * std::min({d.dx, d.dy, d.dz});
  // Half widths: the opening's size, but at least just over half a cell so that the box
  // holds at least one face centre in each direction.
  const double hx = std::max(0.5 * c.size, 0.51 * d.dx), hy = std::max(0.5 * c.size, 0.51 * d.dy),
               hz = std::max(0.5 * c.size, 0.51 * d.dz);
  Vec3 h{hx, hy, hz};
  switch (c.face) {
    case HullFace::Stern: case HullFace::Bow: h[0] = eps; break;
    case HullFace::Port: case HullFace::Starboard: h[1] = eps; break;
    case HullFace::Bottom: h[2] = eps; break;
  }
  return {Vec3{o[0] - h[0], o[1] - h[1], o[2] - h[2]}, Vec3{o[0] + h[0], o[1] + h[1], o[2] + h[2]}};
}

}  // namespace fdtwin::cfd
