// fdtwin-gui: the desktop viewer (docs/gui.md). Everything but this file is fdtwin_gui_lib.
#include <QApplication>
#include <iostream>

#include "app/CommandLine.hpp"
#include "app/MainWindow.hpp"
#include "app/ScreenshotRun.hpp"
#include "app/Startup.hpp"
#include "core/Error.hpp"

int main(int argc, char** argv) {
  using namespace fdtwin::gui;
  CommandLine cl;
  try {
    cl = CommandLine::parse(std::vector<std::string>(argv + 1, argv + argc));
  } catch (const fdtwin::InputError& e) {
    std::cerr << "fdtwin-gui: " << e.what() << "\n" << CommandLine::usage();
    return 2;
  }
  if (cl.help) {
    std::cout << CommandLine::usage();
    return 0;
  }
  prepareOpenGL();
  QApplication app(argc, argv);
  QApplication::setApplicationName("fdtwin-gui");
  QApplication::setOrganizationName("fdtwin");
  if (!cl.screenshot.empty()) return runScreenshot(cl);

  MainWindow window;
  window.resize(cl.width, cl.height);
  window.show();
  if (!cl.file.empty()) window.openFile(QString::fromStdString(cl.file));
  return QApplication::exec();
}
