// Viewer benchmark (targets in docs/gui.md): on Mesa llvmpipe under Xvfb,
//   1. opening a result: time from File > Open to the first rendered 3D frame (<= 2 s for a
//      one-year hourly result of the default case);
//   2. moving the time slider one step: time from the slider's new value to the re-rendered
//      frame, charts' cursors included (<= 50 ms with >= 160 racks and >= 2,000 hull panels).
// Frames are timed to completion (glFinish after each paint), not just to submission.
//
// Usage (under xvfb-run -a -s "-screen 0 1600x1000x24"):
//   fdtwin_gui_bench RESULT.h5 [--steps N] [--size WxH]
// Prints one line per figure and a JSON line for docs/performance.md.
#include <QApplication>
#include <QElapsedTimer>
#include <QSlider>
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <random>
#include <string>
#include <vector>

#include "app/MainWindow.hpp"
#include "app/Startup.hpp"
#include "charts/ChartsPanel.hpp"
#include "view/TimeBar.hpp"
#include "view/TimeController.hpp"
#include "view/VtkView.hpp"

using namespace fdtwin::gui;

namespace {

// Runs the event loop until the view has finished one more frame; returns false on timeout.
bool nextFrame(VtkView* view, long before, int timeoutMs = 30000) {
  QElapsedTimer t;
  t.start();
  while (view->frameCount() == before && t.elapsed() < timeoutMs)
    QCoreApplication::processEvents(QEventLoop::AllEvents);
  QCoreApplication::processEvents(QEventLoop::AllEvents);  // the rest of the same repaint (charts)
  return view->frameCount() > before;
}

struct Stats {
  double median, p95, max;
};

Stats stats(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return {v[v.size() / 2], v[std::min(v.size() - 1, v.size() * 95 / 100)], v.back()};
}

}  // namespace

int main(int argc, char** argv) {
  QElapsedTimer process;
  process.start();
  std::string file;
  int steps = 200;
  int width = 1500, height = 950;
  bool charts = true;
  bool translucent = true;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    if (a == "--steps" && i + 1 < argc)
      steps = std::atoi(argv[++i]);
    else if (a == "--no-charts")
      charts = false;  // diagnosis: the 3D view alone
    else if (a == "--opaque-only")
      translucent = false;  // diagnosis: without sea, deck, CFD
    else if (a == "--size" && i + 1 < argc)
      std::sscanf(argv[++i], "%dx%d", &width, &height);
    else
      file = a;
  }
  if (file.empty()) {
    std::fprintf(stderr, "usage: fdtwin_gui_bench RESULT.h5 [--steps N] [--size WxH]\n");
    return 2;
  }
  prepareOpenGL();
  QApplication app(argc, argv);

  MainWindow window;
  window.resize(width, height);
  window.view()->setFinishFrames(true);
  if (!charts) window.charts()->hide();
  window.show();
  if (!nextFrame(window.view(), 0)) {
    std::fprintf(stderr, "no frame: is there an X display with OpenGL?\n");
    return 1;
  }
  const double startupMs = static_cast<double>(process.nsecsElapsed()) / 1e6;

  // 1. Open -> first frame.
  QElapsedTimer t;
  const long before = window.view()->frameCount();
  t.start();
  if (!window.openResult(QString::fromStdString(file))) {
    std::fprintf(stderr, "%s\n", window.lastError().toStdString().c_str());
    return 2;
  }
  const double openedMs = static_cast<double>(t.nsecsElapsed()) / 1e6;
  if (!translucent) {
    window.scene().setSeaVisible(false);
    window.scene().setDeckVisible(false);
    window.scene().setCfdVisible(false);
  }
  if (!nextFrame(window.view(), before)) return 1;
  const double firstFrameMs = static_cast<double>(t.nsecsElapsed()) / 1e6;
  const ResultModel& r = *window.scene().result();
  const int nt = static_cast<int>(r.timeCount());

  // 2. Slider steps: consecutive (+1 from the middle of the run) and far jumps (new chunks).
  QSlider* slider = window.timeBar()->slider();
  std::vector<double> updateMs;  // setValue() alone: HDF5 rows, scalars, cursors, labels
  auto timeStep = [&](int index) {
    const long n = window.view()->frameCount();
    QElapsedTimer s;
    s.start();
    slider->setValue(index);
    updateMs.push_back(static_cast<double>(s.nsecsElapsed()) / 1e6);
    nextFrame(window.view(), n);
    return static_cast<double>(s.nsecsElapsed()) / 1e6;
  };
  std::vector<double> consecutive, jumps, paint;
  int index = nt / 2;
  timeStep(index);
  for (int k = 0; k < steps && nt > 1; ++k) {
    index = index + 1 < nt ? index + 1 : 0;
    consecutive.push_back(timeStep(index));
    paint.push_back(window.view()->lastFrameMs());
  }
  std::mt19937 rng(7);
  for (int k = 0; k < std::max(10, steps / 4) && nt > 1; ++k)
    jumps.push_back(timeStep(static_cast<int>(rng() % static_cast<unsigned>(nt))));

  if (std::getenv("FDTWIN_BENCH_DIAG")) {  // where the time goes, for tuning
    std::vector<double> chartsMs, barMs;
    for (int k = 0; k < 20; ++k) {
      window.charts()->setCursorTime(r.times()[static_cast<std::size_t>(k)]);
      QElapsedTimer s;
      s.start();
      window.charts()->repaint();
      chartsMs.push_back(static_cast<double>(s.nsecsElapsed()) / 1e6);
      s.restart();
      window.timeBar()->repaint();
      barMs.push_back(static_cast<double>(s.nsecsElapsed()) / 1e6);
    }
    std::printf("diag: charts repaint median %.1f ms, time bar repaint median %.1f ms\n",
                stats(chartsMs).median, stats(barMs).median);
  }
  const Stats c = stats(consecutive), j = stats(jumps), p = stats(paint), u = stats(updateMs);
  std::printf("result: %s (%d output times, %zu racks, %zu hull panels), window %dx%d\n", file.c_str(), nt,
              r.racks().count(), r.hull().panelCount(), width, height);
  std::printf("startup (process start to first empty frame): %8.1f ms\n", startupMs);
  std::printf("open result -> first rendered frame:            %8.1f ms (reading and building %.1f ms)\n",
              firstFrameMs, openedMs);
  std::printf(
      "slider +1 step -> re-rendered frame:             median %6.1f  p95 %6.1f  max %6.1f ms (%zu steps)\n",
      c.median, c.p95, c.max, consecutive.size());
  std::printf("  of which the 3D paint (render + blit):          median %6.1f  p95 %6.1f  max %6.1f ms\n",
              p.median, p.p95, p.max);
  std::printf("  of which reading the step and updating the scene: median %6.1f  p95 %6.1f  max %6.1f ms\n",
              u.median, u.p95, u.max);
  std::printf(
      "slider jump to a random time -> frame:           median %6.1f  p95 %6.1f  max %6.1f ms (%zu jumps)\n",
      j.median, j.p95, j.max, jumps.size());
  std::printf(
      "{\"open_first_frame_ms\": %.1f, \"step_median_ms\": %.1f, \"step_p95_ms\": %.1f, "
      "\"jump_median_ms\": %.1f, \"jump_p95_ms\": %.1f, \"racks\": %zu, \"panels\": %zu, \"times\": %d}\n",
      firstFrameMs, c.median, c.p95, j.median, j.p95, r.racks().count(), r.hull().panelCount(), nt);
  return 0;
}
