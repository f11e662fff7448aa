#include "app/ScreenshotRun.hpp"

#include <QEventLoop>
#include <QFileInfo>
#include <QTimer>
#include <iostream>

#include "app/MainWindow.hpp"
#include "view/TimeController.hpp"
#include "view/VtkView.hpp"

namespace fdtwin::gui {

int runScreenshot(const CommandLine& cl) {
  const QString file = QString::fromStdString(cl.file);
  MainWindow window;
  window.setRememberRecent(false);
  window.resize(cl.width, cl.height);
  if (!window.openResult(file)) {
    std::cerr << "fdtwin-gui: " << window.lastError().toStdString() << "\n";
    return 2;
  }
  const ResultModel* result = window.scene().result();
  window.timeController()->setIndex(static_cast<int>(result->indexAt(cl.time)));
  if (cl.time > result->times().back() + 1e-6)
    std::cerr << "fdtwin-gui: warning: --time is after the end of the result; showing its last output\n";

  // Wait for the 3D view to have rendered (and the window to have settled) before grabbing.
  QEventLoop loop;
  QTimer timeout;
  timeout.setSingleShot(true);
  QObject::connect(&timeout, &QTimer::timeout, &loop, &QEventLoop::quit);
  QObject::connect(window.view(), &VtkView::frameRendered, &loop, &QEventLoop::quit);
  window.show();
  timeout.start(30000);
  loop.exec();
  if (window.view()->frameCount() == 0) {
    std::cerr << "fdtwin-gui: the 3D view did not render within 30 s (no OpenGL display?)\n";
    return 1;
  }
  QTimer::singleShot(100, &loop, &QEventLoop::quit);  // let layouts and charts settle
  loop.exec();
  if (!window.saveScreenshot(QString::fromStdString(cl.screenshot))) {
    std::cerr << "fdtwin-gui: " << window.lastError().toStdString() << "\n";
    return 1;
  }
  return 0;
}

}  // namespace fdtwin::gui
