// Rendering under Xvfb + Mesa llvmpipe, checked on real pixels of the 3D view.
// Fixture temperatures (tests/fixtures/make_result.py, 48 hourly rows): the hull is at its
// warmest at row 12 and its coldest at row 36 (+-8 K around 20 degC); the colour range spans
// both, so the same panel must be red-ish at row 12 and blue-ish at row 36.
#include <gtest/gtest.h>

#include <QImage>
#include <QSlider>
#include <cmath>
#include <memory>

#include "TestSupport.hpp"
#include "app/MainWindow.hpp"
#include "scene/SceneModel.hpp"
#include "view/TimeBar.hpp"
#include "view/TimeController.hpp"
#include "view/VtkView.hpp"

using namespace fdtwin::gui;
using namespace fdtwin::gui::test;

namespace {

std::string file() { return fixture("render.h5", "--steps 48 --racks 40 --panels 600"); }

// Display points (device pixels, y up) at the centres of starboard side panels above the
// waterline that a pick confirms are really the visible surface there.
std::vector<std::array<double, 2>> visibleSidePanels(const SceneModel& scene, const QSize& viewSize) {
  const ResultModel& r = *scene.result();
  const HullGeometry& h = r.hull();
  const int sideDry = h.groupIndex("side_dry");
  double ymin = 1e300;
  for (std::size_t i = 0; i < h.pointCount(); ++i) ymin = std::min(ymin, h.points[3 * i + 1]);
  std::vector<std::array<double, 2>> out;
  for (std::size_t p = 0; p < h.panelCount(); ++p) {
    if (h.group[p] != sideDry) continue;
    std::array<double, 3> c{0, 0, 0};
    bool starboard = true;
    for (int k = 0; k < 4; ++k) {
      const auto id = static_cast<std::size_t>(h.cells[4 * p + k]);
      for (int j = 0; j < 3; ++j) c[j] += h.points[3 * id + j] / 4.0;
      starboard = starboard && std::abs(h.points[3 * id + 1] - ymin) < 1e-6;
    }
    if (!starboard) continue;
    const auto d = scene.toDisplay(c);
    if (d[0] < 2 || d[1] < 2 || d[0] > viewSize.width() - 3 || d[1] > viewSize.height() - 3) continue;
    const PickResult hit = scene.pick(d[0], d[1]);
    if (hit.kind == PickResult::Kind::Panel && hit.index == p) out.push_back(d);
  }
  return out;
}

QRgb pixelAt(const QImage& img, const std::array<double, 2>& display) {
  return img.pixel(static_cast<int>(display[0]), img.height() - 1 - static_cast<int>(display[1]));
}

}  // namespace

TEST(Render, ViewIsNotBlank) {
  auto w = openWindow(file());
  const QImage img = w->view()->grabFramebuffer();
  ASSERT_FALSE(img.isNull());
  // Background gradient, sea, hull colour map, racks, colour bars and their text: hundreds of
  // colours. A black or cleared view has one or two; 60 leaves room for driver differences.
  const int colours = distinctColors(img);
  if (colours < 60) keepImage(img, "not-blank-actual.png");
  EXPECT_GE(colours, 60) << "see " << artifactDir().toStdString();
}

TEST(Render, HullColoursFollowTheSlider) {
  auto w = openWindow(file());
  auto* slider = w->timeBar()->slider();
  slider->setValue(12);
  ASSERT_EQ(w->timeController()->index(), 12);
  const QImage warm = w->view()->grabFramebuffer();
  const auto dpr = w->view()->devicePixelRatioF();
  const auto points = visibleSidePanels(w->scene(), w->view()->size() * dpr);
  ASSERT_GE(points.size(), 5u) << "no visible starboard panels: camera changed?";
  slider->setValue(36);
  ASSERT_EQ(w->scene().timeIndex(), 36u);
  const QImage cold = w->view()->grabFramebuffer();

  double diff = 0.0;
  int warmRed = 0, coldBlue = 0;
  for (const auto& p : points) {
    const QRgb a = pixelAt(warm, p), b = pixelAt(cold, p);
    // Cool-to-warm map, lit: red clearly above blue when warm, and the reverse when cold.
    warmRed += qRed(a) > qBlue(a) + 40;
    coldBlue += qBlue(b) > qRed(b) + 30;
    diff += std::abs(qRed(a) - qRed(b)) + std::abs(qGreen(a) - qGreen(b)) + std::abs(qBlue(a) - qBlue(b));
  }
  diff /= static_cast<double>(points.size());
  const bool ok =
      warmRed == static_cast<int>(points.size()) && coldBlue == static_cast<int>(points.size()) && diff > 120;
  if (!ok) {
    keepImage(warm, "slider-warm-actual.png");
    keepImage(cold, "slider-cold-actual.png");
  }
  EXPECT_EQ(warmRed, static_cast<int>(points.size()))
      << "warm panels not red; see " << artifactDir().toStdString();
  EXPECT_EQ(coldBlue, static_cast<int>(points.size())) << "cold panels not blue";
  EXPECT_GT(diff, 120.0) << "mean RGB change at the panels";
}

// The view at a fixed size against a stored baseline (gui/tests/baselines). Tolerance: Mesa
// llvmpipe is deterministic on one machine, but versions differ in rasterisation of edges and
// text; mean difference <= 4/255 per channel and at most 3 % of pixels off by more than 48.
TEST(Render, MatchesBaseline) {
  SceneModel scene;
  scene.setResult(
      std::make_shared<ResultModel>(fixture("baseline.h5", "--steps 48 --racks 24 --panels 400 --cfd")));
  scene.setTimeIndex(12);
  VtkView view;
  view.setRenderer(scene.renderer());
  view.resize(480, 320);
  view.show();
  ASSERT_TRUE(waitForFrame(&view));
  const QImage actual = view.grabFramebuffer().convertToFormat(QImage::Format_RGB32);
  const QString baselinePath = FDTWIN_GUI_TEST_DIR "/baselines/fixture-row12.png";
  QImage baseline(baselinePath);
  if (baseline.isNull()) {
    keepImage(actual, "fixture-row12.png");
    FAIL() << "no baseline " << baselinePath.toStdString() << "; the actual image is in "
           << artifactDir().toStdString() << " (review it, then copy it there)";
  }
  baseline = baseline.convertToFormat(QImage::Format_RGB32);
  ASSERT_EQ(actual.size(), baseline.size()) << "device pixel ratio other than 1?";
  int off = 0;
  for (int y = 0; y < actual.height(); ++y)
    for (int x = 0; x < actual.width(); ++x) {
      const QRgb a = actual.pixel(x, y), b = baseline.pixel(x, y);
      off += std::max({std::abs(qRed(a) - qRed(b)), std::abs(qGreen(a) - qGreen(b)),
                       std::abs(qBlue(a) - qBlue(b))}) > 48;
    }
  const double mean = meanAbsDiff(actual, baseline);
  const double offFraction = off / static_cast<double>(actual.width() * actual.height());
  if (mean > 4.0 || offFraction > 0.03) keepImage(actual, "fixture-row12-actual.png");
  EXPECT_LE(mean, 4.0) << "see " << artifactDir().toStdString();
  EXPECT_LE(offFraction, 0.03);
}

TEST(Render, ToggleLayersChangesPixels) {
  auto w = openWindow(fixture("layers.h5", "--steps 8 --cfd"));
  const QImage with = w->view()->grabFramebuffer();
  w->scene().setSeaVisible(false);
  w->scene().setCfdVisible(false);
  const QImage without = w->view()->grabFramebuffer();
  EXPECT_GT(meanAbsDiff(with, without), 2.0);
}
