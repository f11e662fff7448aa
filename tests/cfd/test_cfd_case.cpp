// The OpenFOAM case of the sea around the hull (solver/cfd) on the coarse mesh: file handling,
// errors, one serial run, validation (flat plate, energy conservation, physics sense), the
// surrogate against the CFD at held-out points, and a short coupled run.
// Figures printed by these tests are quoted in docs/cfd.md.
#include <gtest/gtest.h>
#include <unistd.h>

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "cfd/FoamFile.hpp"
#include "cfd/FoamProcess.hpp"
#include "cfd/SeaCase.hpp"
#include "cfd/Surrogate.hpp"
#include "cfd/Training.hpp"
#include "core/Error.hpp"
#include "io/Case.hpp"
#include "io/ResultReader.hpp"
#include "model/properties/Seawater.hpp"
#include "run/CaseBindings.hpp"
#include "run/CfdFromCase.hpp"
#include "run/RunCase.hpp"

using namespace fdtwin;
using namespace fdtwin::cfd;
namespace fs = std::filesystem;

namespace {
std::string tmpDir(const std::string& name) {
  const fs::path p = fs::temp_directory_path() / ("fdtwin-cfd-" + name + "-" + std::to_string(::getpid()));
  fs::remove_all(p);
  return p.string();
}
#define REQUIRE_OPENFOAM()                                       \
  do {                                                           \
    if (!openFoamAvailable()) {                                  \
      GTEST_SKIP() << "OpenFOAM is not installed";               \
    }                                                            \
  } while (0)

WindowInput uniformSea(double current, double q, double rise, double T = 293.15) {
  WindowInput in;
  in.current = current;
  in.outfallFlow = q;
  in.outfallT = T + rise;
  in.ambient = [T](double) { return T; };
  return in;
}

// CFD parameters of a case that sets nothing (the schema's defaults).
CfdParams defaultCfd() { return io::defaultCfdParams(); }

// A layout that can recirculate: intake and outfall 15 m apart on the port side at mid-draft.
CfdParams recirculating(double outfallX) {
  CfdParams p = defaultCfd();
  p.intake = {HullFace::Port, 70.0, 0.0, 2.5, 2.0};
  p.outfall = {HullFace::Port, outfallX, 0.0, 2.5, 2.0};
  return p;
}
}  // namespace

// --- files ---------------------------------------------------------------------------------
TEST(CfdFiles, FieldReadAndPatchEdit) {
  const std::string dir = tmpDir("files");
  fs::create_directories(dir);
  const std::string f = dir + "/T";
  writeText(f, R"(FoamFile { version 2.0; format ascii; class volScalarField; object T; }
dimensions [0 0 0 1 0 0 0];
internalField nonuniform List<scalar> 3 (290 291 292.5);
boundaryField
{
    inlet { type fixedValue; value uniform 290; }
    hull { type fixedValue; value nonuniform List<scalar> 2(295 296); }
    sides { type symmetry; }
}
)");
  auto t = readScalarField(f);
  ASSERT_EQ(t.internal.size(), 3u);
  EXPECT_DOUBLE_EQ(t.internal[2], 292.5);
  EXPECT_DOUBLE_EQ(t.patch.at("inlet")[0], 290.0);
  EXPECT_EQ(t.patch.at("hull").size(), 2u);
  EXPECT_EQ(t.patch.count("sides"), 0u);
  setPatchEntry(f, "inlet", "value", scalarList({300.0, 301.0}));
  setPatchBody(f, "hull", "type zeroGradient;");
  t = readScalarField(f);
  EXPECT_EQ(t.patch.at("inlet").size(), 2u);
  EXPECT_DOUBLE_EQ(t.patch.at("inlet")[1], 301.0);
  EXPECT_EQ(t.patch.count("hull"), 0u);
  EXPECT_THROW(setPatchEntry(f, "nowhere", "value", "uniform 1"), RunError);
  fs::remove_all(dir);
}

TEST(CfdFiles, GradingMatchesFirstCell) {
  // S = first·(rⁿ − 1)/(r − 1) with r = R^{1/(n−1)}.
  const double R = gradingFor(100.0, 10, 2.0);
  const double r = std::pow(R, 1.0 / 9.0);
  EXPECT_NEAR(2.0 * (std::pow(r, 10) - 1.0) / (r - 1.0), 100.0, 1e-6);
  EXPECT_DOUBLE_EQ(gradingFor(10.0, 10, 2.0), 1.0);
}

// --- errors --------------------------------------------------------------------------------
TEST(CfdErrors, LayoutOutsideTheHullNamesTheKey) {
  CfdParams p = defaultCfd();
  p.outfall = {HullFace::Port, 200.0, 0.0, 2.5, 2.0};  // hull is 140 m long
  try {
    (void)seaDomain(p);
    FAIL() << "expected InputError";
  } catch (const InputError& e) {
    EXPECT_EQ(e.key(), "cfd.outfall.x");
    EXPECT_NE(std::string(e.what()).find("hull.length"), std::string::npos) << e.what();
  }
  p = defaultCfd();
  p.intake = {HullFace::Stern, 0.0, 0.5, 2.5, 2.0};  // on top of the outfall
  EXPECT_THROW((void)seaDomain(p), InputError);
  // Through the case reader: file and line of the key.
  const Case c = Case::parse("[case]\nname = \"x\"\n[cfd.outfall]\nface = \"bottom\"\nx = 300\n", "bad.toml", ".");
  try {
    (void)io::cfdParams(c);
    FAIL() << "expected InputError";
  } catch (const InputError& e) {
    EXPECT_EQ(e.key(), "cfd.outfall.x");
    EXPECT_EQ(e.file(), "bad.toml");
    EXPECT_EQ(e.line(), 5);
  }
}

TEST(CfdErrors, MissingOpenFoamIsAnInputError) {
  const char* old = std::getenv("PATH");
  const std::string saved = old ? old : "";
  setenv("PATH", "/nonexistent-fdtwin", 1);
  CfdParams p = defaultCfd();
  try {
    SeaCase sc(p, tmpDir("nofoam"));
    setenv("PATH", saved.c_str(), 1);
    FAIL() << "expected InputError";
  } catch (const InputError& e) {
    setenv("PATH", saved.c_str(), 1);
    EXPECT_NE(std::string(e.what()).find("OpenFOAM is not installed"), std::string::npos) << e.what();
    EXPECT_NE(std::string(e.what()).find("openfoam"), std::string::npos) << e.what();
  }
  // The command line: exit status 2 before any work.
  const std::string cmd = "PATH=/nonexistent-fdtwin " FDTWIN_CLI " run " FDTWIN_SOURCE_DIR
                          "/cases/barge-ai-20mw.toml -o " + tmpDir("nofoam-cli") + ".h5 --duration 1h --cfd live -q "
                          ">/dev/null 2>&1";
  const int status = std::system(cmd.c_str());
  EXPECT_EQ(WEXITSTATUS(status), 2);
}

TEST(CfdErrors, FailingRunIsARunErrorWithLogExcerpt) {
  REQUIRE_OPENFOAM();
  CfdParams p = defaultCfd();
  const std::string dir = tmpDir("fail");
  SeaCase sc(p, dir);
  writeText(dir + "/system/fvSchemes.in", "FoamFile { version 2.0; format ascii; class dictionary; object fvSchemes; }\n");
  try {
    (void)sc.runWindow(uniformSea(0.25, 1.0, 5.0), 3600.0, 5);
    FAIL() << "expected RunError";
  } catch (const RunError& e) {
    const std::string m = e.what();
    EXPECT_NE(m.find("FOAM FATAL"), std::string::npos) << m;
    EXPECT_NE(m.find("log.buoyantBoussinesqSimpleFoam"), std::string::npos) << m;
    EXPECT_DOUBLE_EQ(e.simTime(), 3600.0);
  }
  fs::remove_all(dir);
}

// A diverging window: the temperature equation over-relaxed (factor 1.95, an unstable SIMPLE
// setting) blows up within a few iterations; OpenFOAM stops on a floating-point exception. The
// error must say that the CFD diverged, when, and show the residuals that blew up rather than
// the stack trace.
TEST(CfdErrors, DivergingWindowIsReportedWithItsResiduals) {
  REQUIRE_OPENFOAM();
  CfdParams p = defaultCfd();
  const std::string dir = tmpDir("diverge");
  SeaCase sc(p, dir);
  std::string f = readText(dir + "/system/fvSolution.in");
  const std::string relaxT = "T               0.5;";
  ASSERT_NE(f.find(relaxT), std::string::npos);
  f.replace(f.find(relaxT), relaxT.size(), "T               1.95;");
  writeText(dir + "/system/fvSolution.in", f);
  try {
    (void)sc.runWindow(uniformSea(0.25, 1.0, 5.0), 7200.0, 100);
    FAIL() << "expected the window to diverge";
  } catch (const RunError& e) {
    const std::string m = e.what();
    EXPECT_DOUBLE_EQ(e.simTime(), 7200.0);
    EXPECT_NE(m.find("the CFD diverged"), std::string::npos) << m;
    EXPECT_NE(m.find("Initial residual"), std::string::npos) << m;  // the residual lines
    EXPECT_EQ(m.find("PWD is not the cwd"), std::string::npos) << m;  // no environment noise
  }
  fs::remove_all(dir);
}

// --- one serial run and energy conservation --------------------------------------------------
// At steady state the heat entering through the outfall (advection + conduction) leaves through
// the other boundaries (the domain's content no longer changes): within 2 %, the residual
// imbalance of a coarse steady run converged to ~1e-8.
TEST(CfdCase, CoarseSerialRunConservesEnergy) {
  REQUIRE_OPENFOAM();
  CfdParams p = defaultCfd();
  const std::string dir = tmpDir("serial");
  SeaCase sc(p, dir);
  EXPECT_GT(sc.cells(), 10000);
  EXPECT_GE(sc.mesh().patch("outfall").nFaces, 1);
  EXPECT_GE(sc.mesh().patch("intake").nFaces, 1);
  WindowOutput out;
  for (int w = 0; w < 2; ++w) out = sc.runWindow(uniformSea(0.25, 1.0, 5.0), 0.0, 300);
  const double expected = props::seawater(293.15, p.salinity).rho * props::seawater(293.15, p.salinity).cp * 1.0 * 5.0;
  std::printf("cells %ld; outfall heat %.4g W (rho cp Q dT = %.4g W), boundaries %.4g W, imbalance %.4f %%; "
              "mixing-zone rise %.3f K, plume %.1f m; residuals %s\n",
              sc.cells(), out.balance.outfallIn, expected, out.balance.boundaryOut,
              100 * out.balance.relativeImbalance(), out.mixingZoneMaxRise, out.plumeExtent,
              out.residuals.summary().c_str());
  EXPECT_NEAR(out.balance.outfallIn, expected, 0.02 * expected);
  EXPECT_LT(std::abs(out.balance.relativeImbalance()), 0.02);
  EXPECT_EQ(out.horizontal.points.size(), out.horizontal.values.size());
  EXPECT_GT(out.vertical.points.size(), 100u);
  fs::remove_all(dir);
}

// The transient variant (cfd.solver = "transient": buoyantBoussinesqPimpleFoam, windows of
// simulated seconds). From a sea at ambient temperature the outfall's heat first fills the
// domain: heat in = ρc_pQΔT (within 2 %), heat out through the other boundaries smaller than
// heat in, and the stored share shrinking from the first window to the second as the plume
// establishes (towards the steady balance that CoarseSerialRunConservesEnergy checks; measured
// 1.00 at 300 s, 0.74 at 1200 s, 0.09 at 2400 s).
TEST(CfdCase, TransientVariantStoresThenPassesTheHeat) {
  REQUIRE_OPENFOAM();
  CfdParams p = defaultCfd();
  p.solver = "transient";
  p.window = 600.0;
  p.transientStep = 5.0;
  const std::string dir = tmpDir("transient");
  SeaCase sc(p, dir);
  const WindowOutput w1 = sc.runWindow(uniformSea(0.25, 1.0, 5.0), 0.0, 0);  // windows of 600 s
  const WindowOutput w2 = sc.runWindow(uniformSea(0.25, 1.0, 5.0), 600.0, 0);
  const auto sea = props::seawater(293.15, p.salinity);
  const double expected = sea.rho * sea.cp * 1.0 * 5.0;
  std::printf("transient: t = %.0f s, %.0f s; outfall %.4g W (rho cp Q dT %.4g W); stored share %.3f then %.3f; "
              "intake rise %.4f K; %.1f s + %.1f s\n",
              w1.time, w2.time, w2.balance.outfallIn, expected, w1.balance.relativeImbalance(),
              w2.balance.relativeImbalance(), w2.intakeRise, w1.wallSeconds, w2.wallSeconds);
  EXPECT_DOUBLE_EQ(w1.time, 600.0);
  EXPECT_DOUBLE_EQ(w2.time, 1200.0);
  EXPECT_NEAR(w2.balance.outfallIn, expected, 0.02 * expected);
  // Stored share (in − out)/in: at most 1 (nothing leaves that did not come in: a start-up
  // artefact once made it −0.6, fixed by the bounded convection schemes), then shrinking.
  EXPECT_LE(w1.balance.relativeImbalance(), 1.0 + 1e-3);
  EXPECT_LT(w2.balance.relativeImbalance(), w1.balance.relativeImbalance());
  EXPECT_GT(w2.balance.relativeImbalance(), 0.0);
  EXPECT_GT(w2.intakeRise, -0.01);
  EXPECT_LT(w2.intakeRise, 5.0);
  fs::remove_all(dir);
}

// --- flat plate ----------------------------------------------------------------------------
// Turbulent flat plate, average: Nu_L = 0.037·Re_L^0.8·Pr^(1/3) (physics sheet §3.2). A 10 m
// plate at 1 m/s (Re_L ≈ 1e7), walls 5 K above the stream, k-epsilon with Jayatilleke's
// thermal wall function.
//  - With the molecular Prandtl number of a test fluid set to 1, where the Colburn analogy's
//    Pr^(1/3) form is not in question, h must be within 25 % of the sheet's correlation.
//  - At seawater's Pr ≈ 7 the Colburn form is known to under-predict turbulent heat transfer
//    (the thermal sublayer resistance grows more slowly than Pr^(2/3)); the reference there is
//    Kader's temperature law of the wall (Kader 1981, Int. J. Heat Mass Transfer 24:1541,
//    β(Pr) = (3.85·Pr^(1/3) − 1.3)² + 2.12·ln Pr) evaluated at the edge of a 1/5-power-law
//    boundary layer (Cf_x = 0.0592·Re_x^−0.2, δ = 0.37·x·Re_x^−0.2) and averaged over the
//    plate: h must be within 25 % of it. The ratio to the Colburn value is printed
//    (docs/cfd.md, "Flat plate at seawater Pr").
double kaderPlateAverage(double U, double L, double nu, double Pr, double rhoCp) {
  const double beta = std::pow(3.85 * std::cbrt(Pr) - 1.3, 2) + 2.12 * std::log(Pr);
  constexpr int n = 4000;
  double sum = 0.0;
  for (int i = 0; i < n; ++i) {
    const double x = (i + 0.5) * L / n;
    const double Rex = U * x / nu;
    const double uTau = U * std::sqrt(0.5 * 0.0592 * std::pow(Rex, -0.2));
    const double delta = 0.37 * x * std::pow(Rex, -0.2);
    const double thetaPlus = 2.12 * std::log(1.5 * (1.0 + delta * uTau / nu)) + beta;  // y = δ
    sum += rhoCp * uTau / thetaPlus;
  }
  return sum / n;
}

struct PlateResult {
  double h = 0.0, hColburn = 0.0, hKader = 0.0;
  long cells = 0;
};

PlateResult flatPlate(double prandtlOverride, const std::string& mesh) {
  CfdParams p = defaultCfd();
  p.geometry = "flat-plate";
  p.mesh = mesh;
  p.hull.length = 10.0;
  p.seaDepth = 1.0;
  p.prandtlOverride = prandtlOverride;
  const std::string dir = tmpDir("plate");
  SeaCase sc(p, dir);
  WindowInput in = uniformSea(1.0, 0.0, 0.0);
  in.hullExcess = 5.0;
  in.turbulenceIntensity = 0.01;
  in.mixingLength = 0.01;
  double A = 0.0;
  const auto& hp = sc.mesh().patch("hull");
  for (int f = 0; f < hp.nFaces; ++f) A += sc.mesh().faceArea[static_cast<size_t>(hp.startFace) + static_cast<size_t>(f)];
  // Windows of 300 iterations until h moves by less than 0.3 % from one window to the next
  // (the coarse mesh needs ~6, the finer one ~12: the boundary layer's k-epsilon field settles
  // slowly, and an unconverged h on the finer mesh was 3x too high after 4 windows).
  double h = 0.0, previous = 0.0;
  int windows = 0;
  while (windows < 24) {
    const WindowOutput out = sc.runWindow(in, 0.0, 300);
    ++windows;
    previous = h;
    h = out.hullHeat / (A * 5.0);
    if (windows >= 2 && std::abs(h - previous) < 0.003 * std::abs(h)) break;
  }
  EXPECT_LT(std::abs(h - previous), 0.003 * std::abs(h)) << "flat plate not converged after " << windows << " windows";
  const auto sea = props::seawater(293.15, p.salinity);
  const double Pr = prandtlOverride > 0 ? prandtlOverride : sea.Pr;
  const double k = sea.rho * sea.cp * sea.nu / Pr;  // conductivity of the (test) fluid
  const double Re = 1.0 * p.hull.length / sea.nu;
  PlateResult r;
  r.h = h;
  r.hColburn = 0.037 * std::pow(Re, 0.8) * std::cbrt(Pr) * k / p.hull.length;
  r.hKader = kaderPlateAverage(1.0, p.hull.length, sea.nu, Pr, sea.rho * sea.cp);
  r.cells = sc.cells();
  std::printf("flat plate (%s mesh, %ld cells, %d iterations) Pr = %.2f, Re_L = %.3g: CFD h = %.0f W/m2K; "
              "Colburn %.0f (%+.1f %%); Kader %.0f (%+.1f %%)\n",
              mesh.c_str(), r.cells, 300 * windows, Pr, Re, r.h, r.hColburn, 100.0 * (r.h / r.hColburn - 1.0), r.hKader,
              100.0 * (r.h / r.hKader - 1.0));
  fs::remove_all(dir);
  return r;
}

TEST(CfdValidation, FlatPlateHeatTransfer) {
  REQUIRE_OPENFOAM();
  const PlateResult unit = flatPlate(1.0, "coarse");
  EXPECT_NEAR(unit.h / unit.hColburn, 1.0, 0.25);  // the sheet's correlation, Pr = 1
  const PlateResult sea = flatPlate(0.0, "coarse");
  EXPECT_NEAR(sea.h / sea.hKader, 1.0, 0.25);  // Kader's law, seawater Pr
}

// The finer mesh (twice the cells along and across the boundary layer, same wall-cell height:
// wall functions need y+ ≥ 30): within 10 %. Not in `make check` (several minutes); run with
//   build/bin/fdtwin_cfd_tests --gtest_also_run_disabled_tests --gtest_filter='*FinerMesh*'
TEST(CfdValidation, DISABLED_FlatPlateHeatTransferFinerMesh) {
  REQUIRE_OPENFOAM();
  const PlateResult unit = flatPlate(1.0, "production");
  EXPECT_NEAR(unit.h / unit.hColburn, 1.0, 0.10);
  const PlateResult sea = flatPlate(0.0, "production");
  EXPECT_NEAR(sea.h / sea.hKader, 1.0, 0.10);
}

// --- physics sense ---------------------------------------------------------------------------
// Still water, outfall next to the intake → the intake warms; the outfall downstream of the
// intake (along the current) → less; more current → less.
TEST(CfdValidation, RecirculationPhysicsSense) {
  REQUIRE_OPENFOAM();
  auto rise = [](double outfallX, double current) {
    const std::string dir = tmpDir("sense");
    SeaCase sc(recirculating(outfallX), dir);
    const auto o = sc.runWindow(uniformSea(current, 1.0, 8.0), 0.0, 300);
    std::printf("outfall at x = %.0f m, current %.2f m/s: intake rise %.3f K, mixing-zone rise %.3f K\n", outfallX,
                current, o.intakeRise, o.mixingZoneMaxRise);
    fs::remove_all(dir);
    return o.intakeRise;
  };
  const double still = rise(85.0, 0.0);
  const double upstreamWeak = rise(85.0, 0.1);
  const double downstreamStill = rise(40.0, 0.0);
  const double downstreamWeak = rise(40.0, 0.1);
  EXPECT_GT(still, 0.1);                            // still water, outfall next to the intake
  EXPECT_LT(downstreamWeak, 0.5 * upstreamWeak);    // outfall moved downstream along the current
  EXPECT_LT(downstreamWeak, 0.5 * downstreamStill); // more current (0 → 0.1 m/s)
  // Not asserted (docs/cfd.md): with the outfall in line upstream on the same side, more current
  // sweeps the attached plume onto the intake (0.49 K at 0.1 m/s, 0.71 K at 0.5 m/s, coarse mesh).
}

// --- surrogate -------------------------------------------------------------------------------
// Trained on a 2 × 1 × 2 grid (current × flow × rise), compared with the CFD at held-out points:
// within 0.1 K, small against the 1-3 K rises the surrogate predicts.
TEST(CfdSurrogate, HeldOutPointsWithinTenthKelvin) {
  REQUIRE_OPENFOAM();
  const CfdParams p = recirculating(85.0);
  TrainingGrid g;
  g.current = {0.05, 0.15};
  g.mdot = {1000.0};
  g.rise = {4.0, 8.0};
  g.iterations = 300;
  const std::string dir = tmpDir("train");
  const SurrogateTable t = trainSurrogate(p, g, dir);
  const std::string file = dir + "-table.h5";
  saveSurrogate(file, t, "test");
  const Surrogate s(file, p);
  SeaCase sc(p, dir + "-live");
  for (const auto& [c, r] : std::vector<std::pair<double, double>>{{0.1, 6.0}, {0.05, 6.0}, {0.1, 4.0}}) {
    const PointResult live = solvePoint(sc, p, c, 1000.0, r, g.ambientT, 300);
    const double sur = s.intakeRise(c, 1000.0, r);
    std::printf("held out: current %.2f m/s, rise %.1f K: CFD intake rise %.3f K, surrogate %.3f K (%+.3f K)\n", c, r,
                live.intakeRise, sur, sur - live.intakeRise);
    EXPECT_NEAR(sur, live.intakeRise, 0.1);
  }
  // Far outside the table: an error, not an extrapolation.
  EXPECT_THROW((void)s.intakeRise(1.0, 1000.0, 6.0), RunError);
  // Another layout: the table is refused.
  CfdParams other = p;
  other.outfall.x = 40.0;
  EXPECT_THROW(Surrogate(file, other), InputError);
  fs::remove_all(dir);
  fs::remove_all(dir + "-live");
  fs::remove(file);
}

// --- coupled run -----------------------------------------------------------------------------
// Three one-hour windows of the 20 MW barge, live OpenFOAM: the result holds /cfd and the
// mixing-zone KPIs.
TEST(CfdCoupling, ShortLiveRun) {
  REQUIRE_OPENFOAM();
  const Case c = Case::load(std::string(FDTWIN_SOURCE_DIR) + "/cases/barge-ai-20mw.toml", {"cfd.iterations=60"});
  RunOptions ro;
  ro.outputPath = tmpDir("live") + ".h5";
  ro.duration = 3 * 3600.0;
  ro.outputInterval = 1800.0;
  ro.cfdMode = "live";
  const RunSummary s = runCase(c, ro);
  const ResultReader r(ro.outputPath);
  const auto time = r.readNumbers("/cfd/time");
  ASSERT_EQ(time.size(), 3u);
  EXPECT_DOUBLE_EQ(time[2], 7200.0);
  EXPECT_EQ(r.shape("/cfd/slice_horizontal/T").at(0), 3u);
  EXPECT_EQ(r.shape("/cfd/slice_vertical/points").at(1), 3u);
  EXPECT_EQ(r.units("/cfd/intake_rise"), "K");
  ASSERT_TRUE(s.kpi.count("mixing_zone_dT_max"));
  EXPECT_GT(s.kpi.at("mixing_zone_dT_max"), 0.0);
  EXPECT_EQ(s.kpi.at("permit_breach"), s.kpi.at("mixing_zone_dT_max") > 3.0 ? 1.0 : 0.0);
  EXPECT_LT(std::abs(s.kpi.at("energy_balance_residual")), 1e-4);
  std::printf("live run: %.1f s wall, %.1f s in OpenFOAM (%.1f %% outside), mixing-zone rise %.3f K\n", s.wallSeconds,
              s.kpi.at("cfd_wall_time"), 100.0 * (1.0 - s.kpi.at("cfd_wall_time") / s.wallSeconds),
              s.kpi.at("mixing_zone_dT_max"));
  fs::remove(ro.outputPath);
  fs::remove_all(ro.outputPath + ".cfd");
}
