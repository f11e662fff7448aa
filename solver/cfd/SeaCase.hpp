#pragma once
// One OpenFOAM case of the sea around the hull, driven window by window.
//
// Construction builds the case folder from cases/cfd/ and meshes/sea-box/ (blockMesh,
// topoSet + createPatch for the outfall and intake, checkMesh) and maps every hull face to a
// plant hull panel. runWindow() writes the window's boundary values (current, stratified
// ambient profile at the inlet/outlet, outfall flow and temperature, intake flow, hull wall
// temperatures) into the latest time folder, runs the solver for one window (serially or
// decomposePar + mpirun -np N … -parallel + reconstructPar) and reads back:
//   intake mean temperature  areaAverage(T) on `intake` (surfaceFieldValue function object)
//   hull heat flux per face  q = ρ·c_p·(ν/Pr + α_t,f)·(T_f − T_c)/d_f, from the written wall
//                            temperature, the wall-function α_t on the face and the wall-
//                            adjacent cell (the `wallHeatFlux` function object does not work
//                            with the Boussinesq solvers in v1912, docs/cfd.md)
//   panel h [W/m²K]          Q_p/(A_p·(T_p − T_amb(depth))) when |T_p − T_amb| ≥ 0.5 K, else
//                            the wall conductance Σρc_pα_eff/d·A/A_p (relative to the first cell)
//   mixing-zone edge rise    max of T − T_amb(z) over the `mixingZone` probes (circle of the
//                            case's radius around the outfall, at three depths)
//   plume extent             largest horizontal distance from the outfall of a cell warmer than
//                            ambient by the threshold
//   energy balance           heat through every patch (advection with phi, conduction as above)
//   slices                   cell values on the layer at intake depth and on the vertical plane
//                            through the outfall along the current
// A window whose residuals or temperatures blow up throws RunError with the log excerpt.
#include <functional>
#include <string>
#include <vector>

#include "cfd/CfdParams.hpp"
#include "cfd/FoamFile.hpp"
#include "cfd/FoamProcess.hpp"
#include "cfd/SeaMesh.hpp"

namespace fdtwin::cfd {

// Undisturbed sea temperature [K] at a depth [m] below the surface.
using AmbientProfile = std::function<double(double depth)>;

struct WindowInput {
  double current = 0.25;       // m/s, from the bow to the stern
  double outfallFlow = 1.0;    // m3/s (also drawn through the intake)
  double outfallT = 300.0;     // K
  AmbientProfile ambient;      // K at depth
  std::vector<double> hullPanelT;  // K per hull panel (HullGeometry order); empty: see hullExcess
  double hullExcess = 0.0;     // K over ambient when hullPanelT is empty; 0 with empty: adiabatic hull
  double turbulenceIntensity = 0.05;  // 1, of the current at the inlet
  double mixingLength = 1.0;          // m, of the current's turbulence at the inlet
};

struct Slice {
  std::vector<Vec3> points;   // m, CFD frame (cell centres)
  std::vector<double> values;  // K
};

struct EnergyBalance {
  double outfallIn = 0.0;   // W, heat entering through the outfall (advection + conduction)
  double boundaryOut = 0.0; // W, heat leaving through every other patch
  double relativeImbalance() const { return outfallIn != 0.0 ? (outfallIn - boundaryOut) / outfallIn : 0.0; }
};

struct WindowOutput {
  double time = 0.0;           // OpenFOAM time reached
  double intakeT = 0.0;        // K, area average over the intake
  double intakeAmbientT = 0.0; // K, ambient at the intake depth
  double intakeRise = 0.0;     // K
  std::vector<double> hPanel;  // W/m2K per hull panel (0 for dry panels and panels without CFD faces)
  std::vector<double> qPanel;  // W/m2, mean heat flux per hull panel into the sea
  double hullHeat = 0.0;       // W, hull → sea
  double mixingZoneMaxRise = 0.0;  // K
  double plumeExtent = 0.0;    // m
  EnergyBalance balance;
  Residuals residuals;
  double wallSeconds = 0.0;    // OpenFOAM processes of this window
  Slice horizontal, vertical;
};

class SeaCase {
 public:
  // Builds the case in `dir` (created; an existing folder is replaced). Throws InputError
  // for a bad layout or a mesh that fails checkMesh, RunError when a tool fails.
  SeaCase(const CfdParams& p, std::string dir);
  WindowOutput runWindow(const WindowInput& in, double simTime, int iterations);

  const PolyMesh& mesh() const { return m_mesh; }
  const SeaDomain& domain() const { return m_domain; }
  const CfdParams& params() const { return m_p; }
  const std::string& dir() const { return m_dir; }
  long cells() const { return m_mesh.nCells; }
  int panelCount() const { return static_cast<int>(m_panelArea.size()); }
  double meshSeconds() const { return m_meshSeconds; }
  // The fixed reference of the Boussinesq density (set by the first window).
  double referenceT() const { return m_TRef; }

 private:
  void writeFunctions();
  void writeInitialFields(const WindowInput& in);
  void applyBoundaries(const std::string& timeDir, const WindowInput& in);
  std::string latestTime() const;
  WindowOutput readWindow(const std::string& timeDir, const WindowInput& in, double simTime);

  CfdParams m_p;
  std::string m_dir;
  SeaDomain m_domain;
  PolyMesh m_mesh;
  std::vector<int> m_hullFacePanel;  // panel of each hull face (−1: none)
  std::vector<double> m_panelArea;   // m2 of CFD hull faces per panel
  std::vector<bool> m_panelWet;
  double m_TRef = 0.0;
  bool m_started = false;
  double m_meshSeconds = 0.0;
  double m_rho = 0, m_cp = 0, m_nu = 0, m_Pr = 0, m_beta = 0;
  std::vector<std::array<double, 3>> m_probes;
};

}  // namespace fdtwin::cfd
