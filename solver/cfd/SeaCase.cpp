#include "cfd/SeaCase.hpp"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <limits>
#include <sstream>

#include <fmt/format.h>

#include "core/Constants.hpp"
#include "core/Error.hpp"
#include "model/hull/HullGeometry.hpp"
#include "model/properties/Seawater.hpp"

namespace fdtwin::cfd {

namespace fs = std::filesystem;

namespace {

constexpr double kG = constants::kStandardGravity;

std::string vec(const Vec3& v) { return fmt::format("({:.9g} {:.9g} {:.9g})", v[0], v[1], v[2]); }

bool isNumber(const std::string& s) {
  if (s.empty()) return false;
  char* end = nullptr;
  std::strtod(s.c_str(), &end);
  return end && *end == '\0';
}

// Last numeric time folder (or start-time folder of a function object) under dir.
std::string lastTimeIn(const std::string& dir) {
  std::string best;
  double bestT = -1e300;
  if (!fs::is_directory(dir)) return best;
  for (const auto& e : fs::directory_iterator(dir)) {
    const std::string n = e.path().filename().string();
    if (!e.is_directory() || !isNumber(n)) continue;
    const double t = std::strtod(n.c_str(), nullptr);
    if (t > bestT) {
      bestT = t;
      best = n;
    }
  }
  return best;
}

}  // namespace

SeaCase::SeaCase(const CfdParams& p, std::string dir) : m_p(p), m_dir(std::move(dir)) {
  const bool plate = p.geometry == "flat-plate";
  // Plate: first cell ≈ 2.5 mm (y+ ≈ 30–60 at 0.5–1 m/s), 40 cells along, 30 up; on any mesh
  // but "coarse" twice that along and up with the same wall cell (wall functions need y+ ≥ 30).
  const int refine = p.mesh == "coarse" ? 1 : 2;
  m_domain = plate ? flatPlateDomain(m_p, 0.005, 40 * refine, 30 * refine) : seaDomain(m_p);
  requireOpenFoam({"blockMesh", "topoSet", "createPatch", "checkMesh",
                   p.solver == "transient" ? "buoyantBoussinesqPimpleFoam" : "buoyantBoussinesqSimpleFoam"});
  if (p.ranks > 1) requireOpenFoam({"mpirun", "decomposePar", "reconstructPar"});
  const auto t0 = std::chrono::steady_clock::now();
  std::error_code ec;
  fs::remove_all(m_dir, ec);
  fs::create_directories(m_dir + "/system", ec);
  if (ec) throw InputError(m_dir, 0, "cfd", "cannot create the CFD case folder: " + ec.message());
  const std::string tmpl = dataDir() + "/cases/cfd";
  fs::copy(tmpl + "/constant", m_dir + "/constant", fs::copy_options::recursive);
  // System files: the steady set, or the transient variant over it.
  for (const char* f : {"controlDict", "fvSchemes", "fvSolution", "decomposeParDict"})
    fs::copy_file(tmpl + "/system/" + f, m_dir + "/system/" + f + ".in");
  if (p.solver == "transient")
    for (const char* f : {"controlDict", "fvSchemes", "fvSolution"})
      fs::copy_file(tmpl + "/system/transient/" + f, m_dir + "/system/" + f + ".in",
                    fs::copy_options::overwrite_existing);
  // Properties of seawater at the reference temperature (set for real by the first window;
  // the mesh tools need a readable case only).
  writeText(m_dir + "/system/blockMeshDict",
            blockMeshDict(m_domain.layout,
                          fmt::format("Sea box around a {} x {} x {} m hull, {} mesh ({} cells)", m_domain.L,
                                      m_domain.B, m_domain.draft, p.mesh, m_domain.layout.cellCount())));
  const auto bo = chestBox(m_domain, p, p.outfall), bi = chestBox(m_domain, p, p.intake);
  if (!plate)
    writeText(m_dir + "/system/topoSetDict", fillTemplate(readText(dataDir() + "/meshes/sea-box/topoSetDict"),
                                                          {{"OUTFALL_BOX", vec(bo[0]) + " " + vec(bo[1])},
                                                           {"INTAKE_BOX", vec(bi[0]) + " " + vec(bi[1])}},
                                                          "topoSetDict"));
  if (!plate) fs::copy_file(dataDir() + "/meshes/sea-box/createPatchDict", m_dir + "/system/createPatchDict");
  // A minimal controlDict for the mesh tools (ascii, so fdtwin can read the mesh).
  writeText(m_dir + "/system/controlDict",
            fillTemplate(readText(m_dir + "/system/controlDict.in"),
                         {{"END_TIME", "0"}, {"ITERATIONS", "1"}, {"WINDOW", "1"}, {"DELTA_T", "1"}},
                         "controlDict"));
  writeText(m_dir + "/system/fvSchemes", readText(m_dir + "/system/fvSchemes.in"));
  writeText(m_dir + "/system/fvSolution",
            fillTemplate(readText(m_dir + "/system/fvSolution.in"), {{"RESIDUAL", "1e-12"}}, "fvSolution"));
  if (plate) {
    writeText(m_dir + "/system/functions", "\n");
  } else {
    writeFunctions();
  }
  runFoam(m_dir, "blockMesh", {}, "blockMesh", 0.0);
  if (!plate) {
    runFoam(m_dir, "topoSet", {}, "topoSet", 0.0);
    runFoam(m_dir, "createPatch", {"-overwrite"}, "createPatch", 0.0);
  }
  try {
    runFoam(m_dir, "checkMesh", {}, "checkMesh", 0.0);
  } catch (const RunError& e) {
    throw InputError(m_dir + "/log.checkMesh", 0, "cfd.mesh", std::string("checkMesh failed: ") + e.what());
  }
  {
    const std::string log = readText(m_dir + "/log.checkMesh");
    if (log.find("Mesh OK.") == std::string::npos) {
      throw InputError(m_dir + "/log.checkMesh", 0, "cfd.mesh",
                       "the generated mesh fails checkMesh\n" + logExcerpt(m_dir + "/log.checkMesh", 40));
    }
  }
  m_mesh = PolyMesh::read(m_dir);
  for (const char* name : {"outfall", "intake"}) {
    if (plate) break;
    if (!m_mesh.hasPatch(name) || m_mesh.patch(name).nFaces == 0) {
      throw InputError("", 0, std::string("cfd.") + name,
                       std::string("no hull face of the mesh lies at the ") + name + " position");
    }
  }
  // Hull faces → plant panels (panel normals point into the sea, boundary faces out of the
  // domain, i.e. into the hull).
  const hull::HullGeometry geom(p.hull);
  const auto& panels = geom.panels();
  m_panelArea.assign(panels.size(), 0.0);
  m_panelWet.resize(panels.size());
  for (size_t k = 0; k < panels.size(); ++k) m_panelWet[k] = panels[k].wet();
  const auto& hp = m_mesh.patch("hull");
  m_hullFacePanel.assign(static_cast<size_t>(hp.nFaces), -1);
  for (int f = 0; f < hp.nFaces; ++f) {
    const size_t gf = static_cast<size_t>(hp.startFace) + static_cast<size_t>(f);
    const Vec3 c = m_mesh.faceCentre[gf], n = m_mesh.faceNormal[gf];
    const double xh = c[0], yh = c[1], zh = c[2] + p.hull.draft;
    for (size_t k = 0; k < panels.size(); ++k) {
      const auto& pn = panels[k];
      if (!pn.wet()) continue;
      const double dot = -(n[0] * pn.normal[0] + n[1] * pn.normal[1] + n[2] * pn.normal[2]);
      if (dot < 0.9) continue;
      double lo[3] = {1e300, 1e300, 1e300}, hi[3] = {-1e300, -1e300, -1e300};
      for (int corner : pn.corners) {
        const auto& q = geom.points()[static_cast<size_t>(corner)];
        for (int d = 0; d < 3; ++d) {
          lo[d] = std::min(lo[d], q[static_cast<size_t>(d)]);
          hi[d] = std::max(hi[d], q[static_cast<size_t>(d)]);
        }
      }
      const double tol = 1e-6 * p.hull.length;
      const double pt[3] = {xh, yh, zh};
      bool inside = true;
      for (int d = 0; d < 3; ++d) inside = inside && pt[d] >= lo[d] - tol && pt[d] <= hi[d] + tol;
      if (inside) {
        m_hullFacePanel[static_cast<size_t>(f)] = static_cast<int>(k);
        m_panelArea[k] += m_mesh.faceArea[gf];
        break;
      }
    }
  }
  m_meshSeconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
}

void SeaCase::writeFunctions() {
  // Mixing-zone probes: a circle around the outfall at three depths, skipping points in the
  // hull or outside the domain.
  const Vec3 o = chestPoint(m_p, m_p.outfall);
  const double R = m_p.mixingZoneRadius, d = m_p.hull.draft;
  std::vector<double> depths = {0.5, std::max(0.5, -o[2]), d + 1.0};
  std::sort(depths.begin(), depths.end());
  depths.erase(std::unique(depths.begin(), depths.end()), depths.end());
  m_probes.clear();
  std::string pts;
  for (double depth : depths) {
    if (depth >= m_p.seaDepth) continue;
    for (int a = 0; a < 72; ++a) {
      const double phi = 2.0 * M_PI * a / 72.0;
      const Vec3 q{o[0] + R * std::cos(phi), o[1] + R * std::sin(phi), -depth};
      const bool inHull =
          q[0] > 0 && q[0] < m_p.hull.length && std::abs(q[1]) < 0.5 * m_p.hull.beam && depth < d;
      const bool inDomain = q[0] > m_domain.xMin && q[0] < m_domain.xMax && std::abs(q[1]) < m_domain.W;
      if (inHull || !inDomain) continue;
      m_probes.push_back(q);
      pts += "            " + vec(q) + "\n";
    }
  }
  const std::string text =
      fmt::format(R"(// Generated by fdtwin (solver/cfd/SeaCase.cpp): read back after every window.
intakeT
{{
    type            surfaceFieldValue;
    libs            ("libfieldFunctionObjects.so");
    writeControl    writeTime;
    log             false;
    writeFields     false;
    regionType      patch;
    name            intake;
    operation       areaAverage;
    fields          (T);
}}

mixingZone
{{
    type            probes;
    libs            ("libsampling.so");
    writeControl    writeTime;
    fields          (T);
    probeLocations
    (
{}    );
}}
)",
                  pts);
  writeText(m_dir + "/system/functions", text);
}

std::string SeaCase::latestTime() const {
  const std::string t = lastTimeIn(m_dir);
  return t.empty() ? "0" : t;
}

void SeaCase::writeInitialFields(const WindowInput& in) {
  // The reference state of the Boussinesq model: the ambient at the surface.
  m_TRef = in.ambient(0.0);
  const auto sea = props::seawater(m_TRef, m_p.salinity);
  m_rho = sea.rho;
  m_cp = sea.cp;
  m_nu = sea.nu;
  m_Pr = m_p.prandtlOverride > 0 ? m_p.prandtlOverride : sea.Pr;
  const double dT = 0.5;  // β = −(1/ρ)·∂ρ/∂T by central difference of the same correlation
  m_beta =
      -(props::seawater(m_TRef + dT, m_p.salinity).rho - props::seawater(m_TRef - dT, m_p.salinity).rho) /
      (2.0 * dT * m_rho);
  const std::string tmpl = dataDir() + "/cases/cfd";
  writeText(m_dir + "/constant/transportProperties",
            fillTemplate(readText(tmpl + "/constant/transportProperties"),
                         {{"NU", fmt::format("{:.6g}", m_nu)},
                          {"BETA", fmt::format("{:.6g}", m_beta)},
                          {"T_REF", fmt::format("{:.6g}", m_TRef)},
                          {"PR", fmt::format("{:.6g}", m_Pr)}},
                         "transportProperties"));
  std::vector<double> Tcell(static_cast<size_t>(m_mesh.nCells));
  for (size_t c = 0; c < Tcell.size(); ++c) Tcell[c] = in.ambient(std::max(0.0, -m_mesh.cellCentre[c][2]));
  const std::vector<std::pair<std::string, std::string>> values = {
      {"U_CURRENT", "(0 0 0)"},
      {"Q_OUTFALL", "0"},
      {"Q_INTAKE", "0"},
      {"T_INTERNAL", scalarList(Tcell)},
      {"T_INLET", uniformValue(m_TRef)},
      {"T_OUTLET", uniformValue(m_TRef)},
      {"T_HULL", "type zeroGradient;"},
      {"T_OUTFALL", fmt::format("{:.9g}", m_TRef)},
      {"T_REF", fmt::format("{:.9g}", m_TRef)},
      {"PRGH_OUTLET", "uniform 0"},
      {"K_AMBIENT", "1e-6"},
      {"EPS_AMBIENT", "1e-9"},
      {"OUTFALL_MIXING_LENGTH", fmt::format("{:.4g}", 0.07 * std::max(0.1, m_p.outfall.size))}};
  fs::create_directories(m_dir + "/0");
  for (const char* f : {"U", "T", "p_rgh", "p", "k", "epsilon", "nut", "alphat"})
    writeText(m_dir + "/0/" + f, fillTemplate(readText(tmpl + "/0/" + f), values, std::string("0/") + f));
}

void SeaCase::applyBoundaries(const std::string& timeDir, const WindowInput& in) {
  const std::string t = m_dir + "/" + timeDir + "/";
  auto patchDepths = [&](const std::string& name) {
    const auto& pi = m_mesh.patch(name);
    std::vector<double> z(static_cast<size_t>(pi.nFaces));
    for (int f = 0; f < pi.nFaces; ++f)
      z[static_cast<size_t>(f)] =
          -m_mesh.faceCentre[static_cast<size_t>(pi.startFace) + static_cast<size_t>(f)][2];
    return z;
  };
  auto profile = [&](const std::vector<double>& depth) {
    std::vector<double> v(depth.size());
    for (size_t i = 0; i < v.size(); ++i) v[i] = in.ambient(std::max(0.0, depth[i]));
    return v;
  };
  // Current.
  const std::string u = fmt::format("uniform ({:.9g} 0 0)", -in.current);
  setPatchEntry(t + "U", "inlet", "value", u);
  const double q = in.outfallFlow;
  const bool chests = m_mesh.hasPatch("outfall");
  if (chests) {
    setPatchEntry(t + "U", "outfall", "volumetricFlowRate", fmt::format("constant {:.9g}", q));
    setPatchEntry(t + "U", "intake", "volumetricFlowRate", fmt::format("constant {:.9g}", q));
  }
  // Ambient: inlet profile, backflow at the outlet, hydrostatic p_rgh of that profile at the
  // outlet: p_rgh(z) = g·(z·ρ_k(z) + ∫_z^0 ρ_k dz'), ρ_k = 1 − β(T − T_ref) (docs/cfd.md).
  const auto zin = patchDepths("inlet"), zout = patchDepths("outlet");
  setPatchEntry(t + "T", "inlet", "value", scalarList(profile(zin)));
  setPatchEntry(t + "T", "outlet", "inletValue", scalarList(profile(zout)));
  std::vector<double> prgh(zout.size());
  for (size_t i = 0; i < zout.size(); ++i) {
    const double depth = std::max(0.0, zout[i]);
    const int n = std::max(4, static_cast<int>(depth / 0.05));
    double integral = 0.0;  // ∫ over depth of ρ_k, trapezoid
    for (int k = 0; k < n; ++k) {
      const double a = depth * k / n, b = depth * (k + 1) / n;
      integral +=
          0.5 * (b - a) * (2.0 - m_beta * (in.ambient(a) - m_TRef) - m_beta * (in.ambient(b) - m_TRef));
    }
    const double rk = 1.0 - m_beta * (in.ambient(depth) - m_TRef);
    prgh[i] = kG * (-depth * rk + integral);
  }
  setPatchEntry(t + "p_rgh", "outlet", "value", scalarList(prgh));
  // Turbulence of the current: k = 1.5·(I·U)², ε = C_μ^¾·k^{3/2}/l (floored in still water).
  const double uref = std::max(in.current, 0.01);
  const double k = 1.5 * std::pow(in.turbulenceIntensity * uref, 2);
  const double eps = std::pow(0.09, 0.75) * std::pow(k, 1.5) / in.mixingLength;
  setPatchEntry(t + "k", "inlet", "value", uniformValue(k));
  setPatchEntry(t + "epsilon", "inlet", "value", uniformValue(eps));
  // Outfall.
  if (chests) setPatchEntry(t + "T", "outfall", "value", uniformValue(in.outfallT));
  // Hull walls.
  const auto& hp = m_mesh.patch("hull");
  if (in.hullPanelT.empty() && in.hullExcess == 0.0) {
    setPatchBody(t + "T", "hull", "type            zeroGradient;");
  } else {
    std::vector<double> tw(static_cast<size_t>(hp.nFaces));
    for (int f = 0; f < hp.nFaces; ++f) {
      const size_t gf = static_cast<size_t>(hp.startFace) + static_cast<size_t>(f);
      const double amb = in.ambient(std::max(0.0, -m_mesh.faceCentre[gf][2]));
      const int panel = m_hullFacePanel[static_cast<size_t>(f)];
      tw[static_cast<size_t>(f)] = !in.hullPanelT.empty() && panel >= 0
                                       ? in.hullPanelT.at(static_cast<size_t>(panel))
                                       : amb + in.hullExcess;
    }
    setPatchBody(t + "T", "hull",
                 "type            fixedValue;\n        value           " + scalarList(tw) + ";");
  }
}

WindowOutput SeaCase::runWindow(const WindowInput& in, double simTime, int iterations) {
  if (!in.ambient) throw RunError(simTime, "CFD", "no ambient sea profile given");
  if (!m_started) {
    writeInitialFields(in);
    m_started = true;
  }
  const std::string t0 = latestTime();
  applyBoundaries(t0, in);
  const double start = std::strtod(t0.c_str(), nullptr);
  const bool transient = m_p.solver == "transient";
  const double end = transient ? start + m_p.window : start + iterations;
  const std::string app = transient ? "buoyantBoussinesqPimpleFoam" : "buoyantBoussinesqSimpleFoam";
  std::vector<std::pair<std::string, std::string>> cv = {
      {"END_TIME", fmt::format("{:.10g}", end)},
      {"ITERATIONS", std::to_string(iterations)},
      {"WINDOW", fmt::format("{:.10g}", m_p.window)},
      {"DELTA_T", fmt::format("{:.10g}", m_p.transientStep)}};
  writeText(m_dir + "/system/controlDict",
            fillTemplate(readText(m_dir + "/system/controlDict.in"), cv, "controlDict"));
  writeText(m_dir + "/system/fvSolution",
            fillTemplate(readText(m_dir + "/system/fvSolution.in"), {{"RESIDUAL", "1e-12"}}, "fvSolution"));
  writeText(m_dir + "/system/fvSchemes", readText(m_dir + "/system/fvSchemes.in"));
  writeText(m_dir + "/system/decomposeParDict",
            fillTemplate(readText(m_dir + "/system/decomposeParDict.in"),
                         {{"RANKS", std::to_string(m_p.ranks)}}, "decomposeParDict"));
  double wall = 0.0;
  if (m_p.ranks > 1) {
    wall += runFoam(m_dir, "decomposePar", {"-force", "-latestTime"}, "decomposePar", simTime).wallSeconds;
    wall += runFoam(m_dir, app, {}, app, simTime, m_p.ranks).wallSeconds;
    wall += runFoam(m_dir, "reconstructPar", {"-latestTime"}, "reconstructPar", simTime).wallSeconds;
  } else {
    wall += runFoam(m_dir, app, {}, app, simTime).wallSeconds;
  }
  const std::string t1 = latestTime();
  const std::string log = m_dir + "/log." + app;
  WindowOutput out;
  out.residuals = parseResiduals(log);
  out.wallSeconds = wall;
  if (out.residuals.nonFinite) {
    throw RunError(simTime, "CFD window ending at OpenFOAM time " + fmt::format("{:.10g}", end),
                   "the CFD diverged (non-finite residuals)\n" + logExcerpt(log));
  }
  if (t1 == t0) {
    throw RunError(simTime, "CFD " + app, "the solver wrote no new time folder\n" + logExcerpt(log));
  }
  out = [&] {
    WindowOutput o = readWindow(t1, in, simTime);
    o.residuals = out.residuals;
    o.wallSeconds = wall;
    return o;
  }();
  return out;
}

WindowOutput SeaCase::readWindow(const std::string& timeDir, const WindowInput& in, double simTime) {
  const std::string t = m_dir + "/" + timeDir + "/";
  WindowOutput out;
  out.time = std::strtod(timeDir.c_str(), nullptr);
  const ScalarField T = readScalarField(t + "T");
  const ScalarField phi = readScalarField(t + "phi");
  const ScalarField alphat = readScalarField(t + "alphat");
  if (T.internal.size() != static_cast<size_t>(m_mesh.nCells)) {
    throw RunError(simTime, t + "T", "the temperature field does not match the mesh");
  }
  // Divergence guard: temperatures far outside every boundary value.
  double lo = in.outfallT, hi = in.outfallT;
  for (double d = 0; d <= m_p.seaDepth; d += 1.0) {
    lo = std::min(lo, in.ambient(d));
    hi = std::max(hi, in.ambient(d));
  }
  for (double v : in.hullPanelT) {
    lo = std::min(lo, v);
    hi = std::max(hi, v);
  }
  lo -= 5.0 + in.hullExcess;
  hi += 5.0 + std::abs(in.hullExcess);
  for (double v : T.internal) {
    if (!std::isfinite(v) || v < lo || v > hi) {
      throw RunError(
          simTime, "CFD at OpenFOAM time " + timeDir,
          fmt::format("the CFD diverged: a cell temperature of {:.4g} K lies outside {:.4g} … {:.4g} K\n", v,
                      lo, hi) +
              logExcerpt(m_dir + "/log." +
                         (m_p.solver == "transient" ? std::string("buoyantBoussinesqPimpleFoam")
                                                    : std::string("buoyantBoussinesqSimpleFoam"))));
    }
  }
  auto ambientAt = [&](double z) { return in.ambient(std::max(0.0, -z)); };
  // Heat through every patch, relative to T_ref (Σφ ≈ 0): advection + conduction.
  double outfallIn = 0.0, others = 0.0;
  for (const auto& pi : m_mesh.patches) {
    const auto itT = T.patch.find(pi.name);
    const auto itPhi = phi.patch.find(pi.name);
    if (itPhi == phi.patch.end() || pi.nFaces == 0) continue;  // symmetry: no flux
    const auto itA = alphat.patch.find(pi.name);
    double q = 0.0;  // W out of the domain
    for (int f = 0; f < pi.nFaces; ++f) {
      const size_t gf = static_cast<size_t>(pi.startFace) + static_cast<size_t>(f),
                   fs_ = static_cast<size_t>(f);
      const int c = m_mesh.owner[gf];
      const double Tc = T.internal[static_cast<size_t>(c)];
      const double Tf = itT == T.patch.end()      ? Tc
                        : itT->second.size() == 1 ? itT->second[0]
                                                  : itT->second.at(fs_);
      const double ph = itPhi->second.size() == 1 ? itPhi->second[0] : itPhi->second.at(fs_);
      const double at = itA == alphat.patch.end() ? 0.0
                        : itA->second.size() == 1 ? itA->second[0]
                                                  : itA->second.at(fs_);
      const auto& cf = m_mesh.faceCentre[gf];
      const auto& cc = m_mesh.cellCentre[static_cast<size_t>(c)];
      const auto& n = m_mesh.faceNormal[gf];
      const double dist = std::abs((cf[0] - cc[0]) * n[0] + (cf[1] - cc[1]) * n[1] + (cf[2] - cc[2]) * n[2]);
      const double cond =
          m_rho * m_cp * (m_nu / m_Pr + at) * (Tf - Tc) / dist * m_mesh.faceArea[gf];  // into the sea
      q += m_rho * m_cp * ph * (Tf - m_TRef) - cond;
      if (pi.name == "hull") {
        const int panel = m_hullFacePanel[fs_];
        if (panel >= 0) {
          if (out.qPanel.empty()) {
            out.qPanel.assign(m_panelArea.size(), 0.0);
            out.hPanel.assign(m_panelArea.size(), 0.0);
          }
          out.qPanel[static_cast<size_t>(panel)] += cond;
          // Accumulate A·ΔT in hPanel for now, and the conductance into a side list.
          out.hPanel[static_cast<size_t>(panel)] += (Tf - ambientAt(cf[2])) * m_mesh.faceArea[gf];
        }
        out.hullHeat += cond;
      }
    }
    if (pi.name == "outfall")
      outfallIn -= q;
    else
      others += q;
  }
  out.balance.outfallIn = outfallIn;
  out.balance.boundaryOut = others;
  // Panel h from Q_p / (A_p·ΔT_p); conductance fallback for a wall at the sea temperature.
  if (out.qPanel.empty()) {
    out.qPanel.assign(m_panelArea.size(), 0.0);
    out.hPanel.assign(m_panelArea.size(), 0.0);
  }
  {
    std::vector<double> conductance(m_panelArea.size(), 0.0);
    const auto& hp = m_mesh.patch("hull");
    const auto itA = alphat.patch.find("hull");
    for (int f = 0; f < hp.nFaces; ++f) {
      const int panel = m_hullFacePanel[static_cast<size_t>(f)];
      if (panel < 0 || itA == alphat.patch.end()) continue;
      const size_t gf = static_cast<size_t>(hp.startFace) + static_cast<size_t>(f);
      const auto& cf = m_mesh.faceCentre[gf];
      const auto& cc = m_mesh.cellCentre[static_cast<size_t>(m_mesh.owner[gf])];
      const auto& n = m_mesh.faceNormal[gf];
      const double dist = std::abs((cf[0] - cc[0]) * n[0] + (cf[1] - cc[1]) * n[1] + (cf[2] - cc[2]) * n[2]);
      const double at = itA->second.size() == 1 ? itA->second[0] : itA->second.at(static_cast<size_t>(f));
      conductance[static_cast<size_t>(panel)] +=
          m_rho * m_cp * (m_nu / m_Pr + at) / dist * m_mesh.faceArea[gf];
    }
    for (size_t p = 0; p < m_panelArea.size(); ++p) {
      const double A = m_panelArea[p];
      if (A <= 0.0 || !m_panelWet[p]) {
        out.hPanel[p] = 0.0;
        out.qPanel[p] = 0.0;
        continue;
      }
      const double dTmean = out.hPanel[p] / A;
      const double Q = out.qPanel[p];
      out.hPanel[p] = std::abs(dTmean) >= 0.5 ? Q / (A * dTmean) : conductance[p] / A;
      out.qPanel[p] = Q / A;
    }
  }
  if (!m_mesh.hasPatch("outfall")) return out;  // flat plate: no sea chests
  // Intake: the function object's area average, or the field on the patch.
  {
    const std::string foDir = m_dir + "/postProcessing/intakeT";
    const std::string st = lastTimeIn(foDir);
    double v = NAN;
    if (!st.empty()) {
      std::ifstream inF(foDir + "/" + st + "/surfaceFieldValue.dat");
      std::string line, last;
      while (std::getline(inF, line))
        if (!line.empty() && line[0] != '#') last = line;
      if (!last.empty()) {
        std::istringstream ls(last);
        double tt = 0;
        ls >> tt >> v;
      }
    }
    if (!std::isfinite(v)) {
      const auto& ip = m_mesh.patch("intake");
      double sa = 0, st2 = 0;
      for (int f = 0; f < ip.nFaces; ++f) {
        const size_t gf = static_cast<size_t>(ip.startFace) + static_cast<size_t>(f);
        sa += m_mesh.faceArea[gf];
        st2 += m_mesh.faceArea[gf] * T.internal[static_cast<size_t>(m_mesh.owner[gf])];
      }
      v = st2 / sa;
    }
    out.intakeT = v;
    out.intakeAmbientT = ambientAt(chestPoint(m_p, m_p.intake)[2]);
    out.intakeRise = out.intakeT - out.intakeAmbientT;
  }
  // Mixing-zone edge: the probes' last line.
  {
    const std::string foDir = m_dir + "/postProcessing/mixingZone";
    const std::string st = lastTimeIn(foDir);
    std::vector<Vec3> found;
    std::vector<double> vals;
    std::ifstream inF(foDir + "/" + st + "/T");
    std::string line, last;
    while (std::getline(inF, line)) {
      if (line.rfind("# Probe ", 0) == 0) {
        const size_t a = line.find('('), b = line.find(')');
        std::istringstream ps(line.substr(a + 1, b - a - 1));
        Vec3 pnt{};
        ps >> pnt[0] >> pnt[1] >> pnt[2];
        found.push_back(pnt);
      } else if (!line.empty() && line[0] != '#') {
        last = line;
      }
    }
    std::istringstream ls(last);
    double tt = 0, v = 0;
    ls >> tt;
    while (ls >> v) vals.push_back(v);
    double mx = 0.0;
    for (size_t i = 0; i < std::min(found.size(), vals.size()); ++i)
      mx = std::max(mx, vals[i] - ambientAt(found[i][2]));
    out.mixingZoneMaxRise = mx;
  }
  // Plume extent and slices from the cell field.
  const Vec3 o = chestPoint(m_p, m_p.outfall), ip = chestPoint(m_p, m_p.intake);
  double zLayer = 0, dzBest = 1e300, yPlane = 0, dyBest = 1e300;
  for (const auto& c : m_mesh.cellCentre) {
    if (std::abs(c[2] - ip[2]) < dzBest) {
      dzBest = std::abs(c[2] - ip[2]);
      zLayer = c[2];
    }
    if (std::abs(c[1] - o[1]) < dyBest) {
      dyBest = std::abs(c[1] - o[1]);
      yPlane = c[1];
    }
  }
  const double tolZ = 1e-6 * m_p.seaDepth + 1e-9, tolY = 1e-6 * m_domain.W + 1e-9;
  for (size_t c = 0; c < m_mesh.cellCentre.size(); ++c) {
    const auto& cc = m_mesh.cellCentre[c];
    const double rise = T.internal[c] - ambientAt(cc[2]);
    if (rise > m_p.plumeThreshold)
      out.plumeExtent = std::max(out.plumeExtent, std::hypot(cc[0] - o[0], cc[1] - o[1]));
    if (std::abs(cc[2] - zLayer) <= tolZ) {
      out.horizontal.points.push_back(cc);
      out.horizontal.values.push_back(T.internal[c]);
    }
    if (std::abs(cc[1] - yPlane) <= tolY) {
      out.vertical.points.push_back(cc);
      out.vertical.values.push_back(T.internal[c]);
    }
  }
  return out;
}

}  // namespace fdtwin::cfd
