// The widget-free part of the viewer: clock, colour maps, result model, scene model. The
// fixture's temperatures are known in closed form (tests/fixtures/make_result.py):
//   hull panel p at row i:  293.15 + 8 sin(2 pi i / nt) + 2 x_p / 140   (K)
//   rack r at row i:        328.15 + 12 sin(2 pi i / nt) + 0.05 r       (K)
#include <gtest/gtest.h>

#include <vtkActor.h>
#include <vtkCellData.h>
#include <vtkDataArray.h>
#include <vtkLookupTable.h>
#include <vtkMapper.h>
#include <vtkPolyData.h>
#include <vtkRenderer.h>

#include <algorithm>
#include <cmath>
#include <numbers>
#include <sstream>

#include "TestSupport.hpp"
#include "app/CsvExport.hpp"
#include "core/Error.hpp"
#include "scene/ColorMaps.hpp"
#include "scene/SceneModel.hpp"
#include "scene/SimClock.hpp"

using namespace fdtwin::gui;
using fdtwin::gui::test::fixture;

namespace {
constexpr int kSteps = 48;
double phase(std::size_t row) { return std::sin(2.0 * std::numbers::pi * static_cast<double>(row) / kSteps); }
std::string okFile() { return fixture("scene.h5", "--steps 48 --racks 24 --panels 400 --cfd"); }
}  // namespace

TEST(SimClock, FormatsCalendarAndElapsedTime) {
  SimClock utc("2025-07-01T00:00:00+00:00");
  ASSERT_TRUE(utc.hasStart());
  EXPECT_EQ(utc.format(6 * 3600.0 + 2 * 86400.0).toStdString(), "2025-07-03 06:00 (UTC+00:00)");
  SimClock local("2025-12-31T22:30:00+02:00");
  EXPECT_EQ(local.format(3600.0).toStdString(), "2025-12-31 23:30 (UTC+02:00)");
  EXPECT_EQ(local.format(7200.0).toStdString(), "2026-01-01 00:30 (UTC+02:00)");
  SimClock none("");
  EXPECT_FALSE(none.hasStart());
  EXPECT_EQ(none.format(86400.0 + 3661.0).toStdString(), "day 1 01:01:01");
}

TEST(ColorMaps, EndsAndClamping) {
  const auto cold = colorAt(ColorMap::CoolWarm, 0.0), hot = colorAt(ColorMap::CoolWarm, 1.0);
  EXPECT_GT(cold[2], cold[0]);  // blue end
  EXPECT_GT(hot[0], hot[2]);    // red end
  EXPECT_EQ(colorAt(ColorMap::Inferno, -3.0), colorAt(ColorMap::Inferno, 0.0));
  EXPECT_EQ(colorAt(ColorMap::Inferno, 7.0), colorAt(ColorMap::Inferno, 1.0));
  auto lut = makeLookupTable(ColorMap::CoolWarm, 10.0, 20.0);
  double rgb[3];
  lut->GetColor(10.0, rgb);
  EXPECT_NEAR(rgb[2], cold[2], 0.01);
  lut->GetColor(25.0, rgb);  // clamped
  EXPECT_NEAR(rgb[0], hot[0], 0.01);
}

TEST(ResultModel, ReadsGeometryTimeAndRows) {
  ResultModel m(okFile());
  EXPECT_EQ(m.timeCount(), static_cast<std::size_t>(kSteps));
  EXPECT_EQ(m.caseName(), "fixture");
  EXPECT_EQ(m.racks().count(), 24u);
  EXPECT_EQ(m.racks().names[0], "hall1-r01-01");
  EXPECT_EQ(m.halls().names.size(), 2u);
  EXPECT_GT(m.hull().panelCount(), 300u);
  EXPECT_DOUBLE_EQ(m.draft(), 5.0);  // top of the side_wet panels
  EXPECT_EQ(m.indexAt(-5.0), 0u);
  EXPECT_EQ(m.indexAt(3600.0 * 10), 10u);
  EXPECT_EQ(m.indexAt(3600.0 * 10.5), 10u);
  EXPECT_EQ(m.indexAt(1e12), static_cast<std::size_t>(kSteps - 1));
  std::vector<double> row;
  m.rackTemperature(12, row);
  EXPECT_NEAR(row[4], 328.15 + 12.0 + 0.2, 1e-9);
  // Range from sampled rows: close to the true swing of +-8 K around 293.15 + [0, 2].
  const ValueRange r = m.hullTemperatureRange();
  EXPECT_LT(r.min, 293.15 - 7.0);
  EXPECT_GT(r.max, 293.15 + 8.5);
  EXPECT_EQ(m.series("/power/P_it").size(), static_cast<std::size_t>(kSteps));
  EXPECT_TRUE(m.series("/power/nope").empty());
  EXPECT_TRUE(m.series("/racks/T_chip").empty());  // 2-D: not a series
  EXPECT_EQ(m.seriesColumn("/power/P_generation", 2).size(), static_cast<std::size_t>(kSteps));
  EXPECT_EQ(m.names("/power/generator_name").size(), 3u);
}

// Fields every 5th output row (case.field_interval = 5 output intervals) and at the last: the
// 3D view shows, at each output row, the last field row at or before it; the hottest-chip
// series keeps every row.
TEST(ResultModel, ShowsTheLastFieldRowAtOrBeforeEachOutputRow) {
  const ResultModel m(fixture("fields5.h5", "--steps 48 --racks 24 --panels 400 --field-every 5"));
  EXPECT_EQ(m.timeCount(), static_cast<std::size_t>(kSteps));
  ASSERT_EQ(m.fieldCount(), 11u);  // rows 0, 5, ..., 45 and 47
  EXPECT_EQ(m.fieldRow(0), 0u);
  EXPECT_EQ(m.fieldRow(4), 0u);
  EXPECT_EQ(m.fieldRow(7), 1u);
  EXPECT_EQ(m.fieldRow(46), 9u);
  EXPECT_EQ(m.fieldRow(47), 10u);
  std::vector<double> row;
  m.rackTemperature(12, row);  // shows output row 10
  EXPECT_NEAR(row[4], 328.15 + 12.0 * phase(10) + 0.2, 1e-9);
  m.hullTemperature(47, row);
  EXPECT_EQ(row.size(), m.hull().panelCount());
  const auto picked = m.rackValues(4, 12);
  ASSERT_FALSE(picked.empty());
  EXPECT_NEAR(picked[0].value, 328.15 + 12.0 * phase(10) + 0.2, 1e-9);
  EXPECT_EQ(m.series("/racks/T_chip_max").size(), static_cast<std::size_t>(kSteps));
}

// A schema version 2 file stores the fields at every output row, on /time.
TEST(ResultModel, OpensVersion2FilesWithFieldsAtEveryRow) {
  const ResultModel m(fixture("v2.h5", "--steps 48 --racks 24 --panels 400 --variant v2"));
  EXPECT_EQ(m.reader().schemaVersion(), 2);
  EXPECT_EQ(m.fieldCount(), static_cast<std::size_t>(kSteps));
  EXPECT_EQ(m.fieldRow(12), 12u);
  std::vector<double> row;
  m.rackTemperature(12, row);
  EXPECT_NEAR(row[4], 328.15 + 12.0 + 0.2, 1e-9);
}

TEST(ResultModel, DraftFromRootAttribute) {
  ResultModel m(fixture("draft.h5", "--steps 4 --draft-attr"));
  EXPECT_DOUBLE_EQ(m.draft(), 5.0);
}

TEST(ResultModel, RefusesInconsistentFiles) {
  try {
    ResultModel m(fixture("badcells.h5", "--steps 4 --variant bad-cells"));
    FAIL() << "opened";
  } catch (const fdtwin::InputError& e) {
    EXPECT_NE(std::string(e.what()).find("/hull/cells: refers to point"), std::string::npos) << e.what();
  }
  try {
    ResultModel m(fixture("badshape.h5", "--steps 4 --variant bad-shape"));
    FAIL() << "opened";
  } catch (const fdtwin::InputError& e) {
    EXPECT_NE(std::string(e.what()).find("/hull/T: expected shape [4, "), std::string::npos) << e.what();
  }
}

TEST(SceneModel, ScalarsFollowTheTimeIndex) {
  SceneModel scene;
  auto result = std::make_shared<ResultModel>(okFile());
  scene.setResult(result);
  const HullGeometry& g = result->hull();
  for (std::size_t row : {0u, 12u, 36u}) {
    scene.setTimeIndex(row);
    EXPECT_EQ(scene.timeIndex(), row);
    for (std::size_t p = 0; p < g.panelCount(); p += 29) {
      double cx = 0.0;
      for (int k = 0; k < 4; ++k) cx += g.points[3 * static_cast<std::size_t>(g.cells[4 * p + k])] / 4.0;
      EXPECT_NEAR(scene.hullLayer().shownValue(p), 20.0 + 8.0 * phase(row) + 2.0 * cx / 140.0, 1e-9) << p;
    }
    EXPECT_NEAR(scene.rackLayer().shownValue(3), 55.0 + 12.0 * phase(row) + 0.15, 1e-9);
  }
  // The actors' cell scalars are what is drawn.
  auto* poly = vtkPolyData::SafeDownCast(scene.rackLayer().rackActor()->GetMapper()->GetInput());
  ASSERT_NE(poly, nullptr);
  EXPECT_EQ(poly->GetNumberOfCells(), 24 * RackLayer::kFacesPerRack);
  EXPECT_NEAR(poly->GetCellData()->GetScalars()->GetTuple1(vtkIdType{6} * 3), scene.rackLayer().shownValue(3),
              1e-12);
  EXPECT_TRUE(scene.hasSea());
}

TEST(SceneModel, DeckIsItsOwnActor) {
  SceneModel scene;
  auto result = std::make_shared<ResultModel>(okFile());
  scene.setResult(result);
  const auto deck = static_cast<std::size_t>(result->hull().groupIndex("deck"));
  std::size_t deckPanels = 0;
  for (int gi : result->hull().group) deckPanels += static_cast<std::size_t>(gi) == deck;
  auto* poly = vtkPolyData::SafeDownCast(scene.hullLayer().deckActor()->GetMapper()->GetInput());
  EXPECT_EQ(static_cast<std::size_t>(poly->GetNumberOfCells()), deckPanels);
  EXPECT_EQ(scene.hullLayer().panelOf(scene.hullLayer().deckActor(), 0) >= 0, true);
  EXPECT_EQ(scene.hullLayer().panelOf(scene.hullLayer().deckActor(), 100000), -1);
}

TEST(SceneModel, DescribesRacksAndPanels) {
  SceneModel scene;
  scene.setResult(std::make_shared<ResultModel>(okFile()));
  scene.setTimeIndex(12);
  const PickResult rack = scene.describeRack(5);
  EXPECT_EQ(rack.kind, PickResult::Kind::Rack);
  EXPECT_EQ(rack.name, "hall1-r02-03");  // 12 racks per hall in 4 rows of 3
  ASSERT_GE(rack.values.size(), 3u);
  EXPECT_EQ(rack.values[0].label, "T_chip");
  EXPECT_NEAR(rack.values[0].value, 328.15 + 12.0 + 0.25, 1e-9);
  EXPECT_NE(rack.text().find("T_chip: 67.25 °C (340.40 K)"), std::string::npos) << rack.text();
  const PickResult panel = scene.describePanel(0);
  EXPECT_EQ(panel.name, "hull panel 0 (bottom)");
  EXPECT_EQ(panel.values[0].unit, "K");
  EXPECT_FALSE(scene.describeRack(999).hit());
}

TEST(SceneModel, CfdSlicesWhenPresentAndDefensiveOtherwise) {
  SceneModel scene;
  scene.setResult(std::make_shared<ResultModel>(okFile()));
  ASSERT_TRUE(scene.cfdLayer().present());
  EXPECT_EQ(scene.cfdLayer().sliceNames(), (std::vector<std::string>{"slice_horizontal", "slice_vertical"}));
  EXPECT_EQ(scene.cfdLayer().shownRow(0), 0);
  scene.setTimeIndex(kSteps - 1);  // coupling times every 12 rows: the last is row 36
  EXPECT_EQ(scene.cfdLayer().shownRow(0), 3);
  EXPECT_TRUE(scene.notes().empty());

  SceneModel odd;
  odd.setResult(std::make_shared<ResultModel>(fixture("oddcfd.h5", "--steps 4 --variant odd-cfd")));
  EXPECT_FALSE(odd.cfdLayer().present());
  ASSERT_FALSE(odd.notes().empty());
  EXPECT_NE(odd.notes()[0].find("/cfd/slice/points: expected shape [n, 3]"), std::string::npos)
      << odd.notes()[0];

  SceneModel surrogate;  // /cfd series but no slices: nothing drawn, nothing to say
  surrogate.setResult(
      std::make_shared<ResultModel>(fixture("surrogate.h5", "--steps 8 --variant cfd-surrogate")));
  EXPECT_FALSE(surrogate.cfdLayer().present());
  EXPECT_TRUE(surrogate.notes().empty());

  SceneModel none;
  none.setResult(std::make_shared<ResultModel>(fixture("nocfd.h5", "--steps 4")));
  EXPECT_FALSE(none.cfdLayer().present());
  EXPECT_TRUE(none.notes().empty());
}

TEST(CsvExport, OneRowPerTimeWithUnitsInHeaders) {
  ResultModel m(fixture("csv.h5", "--steps 6"));
  std::ostringstream out;
  writeCsv(m, out);
  std::istringstream in(out.str());
  std::string header, line;
  std::getline(in, header);
  EXPECT_EQ(header.rfind("time_s,datetime,", 0), 0u) << header;
  EXPECT_NE(header.find(",power/P_it [W]"), std::string::npos) << header;
  EXPECT_NE(header.find(",cooling/T_intake [K]"), std::string::npos);
  EXPECT_NE(header.find(",power/P_generation:solar [W]"), std::string::npos);
  EXPECT_EQ(header.find("hull/"), std::string::npos);  // per-panel data left out
  const auto columns = std::count(header.begin(), header.end(), ',') + 1;
  int rows = 0;
  while (std::getline(in, line)) {
    EXPECT_EQ(std::count(line.begin(), line.end(), ',') + 1, columns) << line;
    if (rows == 2) {
      EXPECT_EQ(line.rfind("7200,2025-07-01T02:00:00Z,", 0), 0u) << line;
    }
    ++rows;
  }
  EXPECT_EQ(rows, 6);
  EXPECT_THROW(writeCsv(m, std::string("/nonexistent-dir/x.csv")), std::runtime_error);
}

// A schema version 1 file written by the program before version 2 (tests/fixtures/v1) opens
// with its geometry, time axis, series and KPIs.
TEST(ResultModel, OpensVersion1Files) {
  const ResultModel m(FDTWIN_TEST_DIR "/fixtures/v1/natick-pod-2h.h5");
  EXPECT_EQ(m.reader().schemaVersion(), 1);
  EXPECT_EQ(m.timeCount(), 3u);
  EXPECT_EQ(m.racks().count(), 12u);
  EXPECT_TRUE(m.hasHullTemperature());
  EXPECT_TRUE(m.hasRackTemperature());
  EXPECT_EQ(m.caseName(), "natick-pod");
  EXPECT_EQ(m.series("/power/P_it").size(), 3u);
  EXPECT_EQ(m.reader().kpi().size(), 12u);
  EXPECT_EQ(m.attributes().at("fdtwin_version"), "0.1.0");
}
