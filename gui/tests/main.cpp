// The viewer's test program: gtest with a QApplication (the widget tests need one) on the
// X display that xvfb-run provides. The OpenGL format matches the program's (main.cpp).
#include <gtest/gtest.h>

#include <QApplication>

#include "app/Startup.hpp"

int main(int argc, char** argv) {
  ::testing::InitGoogleTest(&argc, argv);
  fdtwin::gui::prepareOpenGL();
  QApplication app(argc, argv);
  return RUN_ALL_TESTS();
}
