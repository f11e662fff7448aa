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
#include "integrate/Simulation.hpp"
#include "io/Case.hpp"
#include "io/CfdFromCase.hpp"
#include "io/ResultReader.hpp"
#include "model/properties/Seawater.hpp"

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

// A layout that can recirculate: intake and outfall 15 m apart on the port side at mid-draft.
CfdParams recirculating(double outfallX) {
  CfdParams p;
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
  CfdParams p;
  p.outfall = {HullFace::Port, 200.0, 0.0, 2.5, 2.0};  // hull is 140 m long
  try {
    (void)seaDomain(p);
    FAIL() << "expected InputError";
  } catch (const InputError& e) {
    EXPECT_EQ(e.key(), "cfd.outfall.x");
    EXPECT_NE(std::string(e.what()).find("hull.length"), std::string::npos) << e.what();
  }
  p = CfdParams{};
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
  CfdParams p;
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
  CfdParams p;
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

// --- one serial run and energy conservation --------------------------------------------------
// At steady state the heat entering through the outfall (advection + conduction) leaves through
// the other boundaries (the domain's content no longer changes): within 2 % (issue 5).
TEST(CfdCase, CoarseSerialRunConservesEnergy) {
  REQUIRE_OPENFOAM();
  CfdParams p;
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

// --- flat plate ----------------------------------------------------------------------------
// Turbulent flat plate, average: Nu_L = 0.037·Re_L^0.8·Pr^(1/3) (physics sheet §3.2). A 10 m
// plate at 1 m/s (Re_L ≈ 1e7), walls 5 K above the stream. With the molecular Prandtl number
// of a test fluid set to 1 (where Colburn's Pr^(1/3) analogy holds) the k-epsilon/Jayatilleke
// wall treatment must be within 25 % of the correlation. At seawater's Pr ≈ 7 the same
// treatment gives ~1.5× the Colburn value (docs/cfd.md explains why); printed, not asserted.
TEST(CfdValidation, FlatPlateHeatTransfer) {
  REQUIRE_OPENFOAM();
  for (double pr : {1.0, 0.0}) {
    CfdParams p;
    p.geometry = "flat-plate";
    p.hull.length = 10.0;
    p.seaDepth = 1.0;
    p.prandtlOverride = pr;
    const std::string dir = tmpDir("plate");
    SeaCase sc(p, dir);
    WindowInput in = uniformSea(1.0, 0.0, 0.0);
    in.hullExcess = 5.0;
    in.turbulenceIntensity = 0.01;
    in.mixingLength = 0.01;
    WindowOutput out;
    for (int w = 0; w < 4; ++w) out = sc.runWindow(in, 0.0, 300);
    double A = 0.0;
    const auto& hp = sc.mesh().patch("hull");
    for (int f = 0; f < hp.nFaces; ++f) A += sc.mesh().faceArea[static_cast<size_t>(hp.startFace + f)];
    const double h = out.hullHeat / (A * 5.0);
    const auto sea = props::seawater(293.15, p.salinity);
    const double Pr = pr > 0 ? pr : sea.Pr;
    const double k = sea.rho * sea.cp * sea.nu / Pr;  // conductivity of the (test) fluid
    const double Re = 1.0 * p.hull.length / sea.nu;
    const double hCorr = 0.037 * std::pow(Re, 0.8) * std::cbrt(Pr) * k / p.hull.length;
    std::printf("flat plate Pr = %.2f, Re_L = %.3g: CFD h = %.0f W/m2K, correlation %.0f W/m2K (%+.1f %%), %ld cells\n",
                Pr, Re, h, hCorr, 100.0 * (h / hCorr - 1.0), sc.cells());
    if (pr > 0) {
      EXPECT_NEAR(h / hCorr, 1.0, 0.25);
    }
    fs::remove_all(dir);
  }
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
// within 0.1 K (issue 5).
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
