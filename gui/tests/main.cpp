// The viewer's test program: gtest with a QApplication (the widget tests need one) on the
// X display that xvfb-run provides. The OpenGL format matches the program's (main.cpp).
#include <gtest/gtest.h>

#include <QApplication>
#include <QStandardPaths>

#include "app/Startup.hpp"

int main(int argc, char** argv) {
  ::testing::InitGoogleTest(&argc, argv);
  fdtwin::gui::prepareOpenGL();
  QApplication app(argc, argv);
  // Recent files and other settings go to a test location, not the user's.
  QStandardPaths::setTestModeEnabled(true);
  return RUN_ALL_TESTS();
}
