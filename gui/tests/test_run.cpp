// Running a case from the viewer: a worker thread, progress, the result opening when done,
// the library's message when it fails, Cancel. The window keeps processing events meanwhile.
#include <gtest/gtest.h>

#include <QElapsedTimer>
#include <QFile>
#include <QLabel>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>

#include "TestSupport.hpp"
#include "app/MainWindow.hpp"
#include "casepanel/CaseEditor.hpp"
#include "casepanel/CasePanel.hpp"
#include "run/RunController.hpp"
#include "view/VtkView.hpp"

using namespace fdtwin::gui;
using namespace fdtwin::gui::test;

namespace {
const QString kCase = FDTWIN_SOURCE_DIR "/cases/barge-ai-20mw.toml";

// Waits for CasePanel::runFinished; counts the event-loop passes that ended while the run
// was still going (proof that the GUI thread was not blocked by it).
bool waitForRun(CasePanel* panel, int timeoutMs, int* passesWhileRunning = nullptr) {
  QSignalSpy done(panel, &CasePanel::runFinished);
  QElapsedTimer timer;
  timer.start();
  int n = 0;
  while (done.isEmpty() && timer.elapsed() < timeoutMs) {
    QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
    n += panel->runner()->running() ? 1 : 0;
  }
  if (passesWhileRunning) *passesWhileRunning = n;
  return !done.isEmpty();
}
}  // namespace

TEST(RunFromGui, ShortRunOpensItsResult) {
  QTemporaryDir dir;
  MainWindow w;
  w.resize(1200, 800);
  w.show();
  ASSERT_TRUE(w.openCase(kCase)) << w.lastError().toStdString();
  CasePanel* panel = w.casePanel();
  const QString out = dir.filePath("short.h5");
  panel->setOutputPath(out);
  panel->setDurationText("6h");
  QSignalSpy opened(&w, &MainWindow::resultOpened);
  long framesAtOpen = -1;
  QObject::connect(&w, &MainWindow::resultOpened, [&] { framesAtOpen = w.view()->frameCount(); });
  QString error;
  ASSERT_TRUE(panel->startRun(&error)) << error.toStdString();
  EXPECT_FALSE(panel->findChild<QPushButton*>("run")->isEnabled());
  EXPECT_TRUE(panel->findChild<QPushButton*>("cancel")->isEnabled());
  int passes = 0;
  ASSERT_TRUE(waitForRun(panel, 280000, &passes)) << "run did not finish";
  EXPECT_GE(passes, 1) << "the GUI thread was blocked during the run";
  ASSERT_EQ(opened.count(), 1) << panel->statusText().toStdString() << " / " << w.lastError().toStdString();
  EXPECT_EQ(opened.at(0).at(0).toString(), out);
  ASSERT_NE(w.scene().result(), nullptr);
  EXPECT_EQ(w.scene().result()->path(), out.toStdString());
  EXPECT_DOUBLE_EQ(w.scene().result()->times().back(), 6 * 3600.0);
  // The opened result is rendered (the frame may come while waiting for the run to end).
  QElapsedTimer frames;
  frames.start();
  while (w.view()->frameCount() <= framesAtOpen && frames.elapsed() < 20000)
    QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
  EXPECT_GT(w.view()->frameCount(), framesAtOpen);
  EXPECT_TRUE(panel->findChild<QPushButton*>("run")->isEnabled());
}

TEST(RunFromGui, FailureShowsTheLibrarysMessage) {
  MainWindow w;
  ASSERT_TRUE(w.openCase(kCase));
  CasePanel* panel = w.casePanel();
  panel->setOutputPath("/proc/fdtwin-cannot-write-here/x.h5");
  panel->setDurationText("1h");
  QString error;
  ASSERT_TRUE(panel->startRun(&error)) << error.toStdString();
  ASSERT_TRUE(waitForRun(panel, 120000));
  EXPECT_TRUE(w.lastError().startsWith("Run failed: ")) << w.lastError().toStdString();
  EXPECT_TRUE(w.lastError().contains("/proc/fdtwin-cannot-write-here/x.h5")) << w.lastError().toStdString();
  EXPECT_EQ(w.scene().result(), nullptr);
}

TEST(RunFromGui, CancelStopsTheRunAndLeavesNoFile) {
  QTemporaryDir dir;
  MainWindow w;
  ASSERT_TRUE(w.openCase(kCase));
  CasePanel* panel = w.casePanel();
  const QString out = dir.filePath("long.h5");
  panel->setOutputPath(out);
  panel->setDurationText("365d");
  QSignalSpy progress(panel->runner(), &RunController::progress);
  ASSERT_TRUE(panel->startRun());
  QElapsedTimer timer;
  timer.start();
  while (progress.isEmpty() && timer.elapsed() < 60000)
    QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
  ASSERT_FALSE(progress.isEmpty()) << "no progress reached the GUI thread during the run";
  EXPECT_TRUE(panel->runner()->running());
  panel->findChild<QPushButton*>("cancel")->click();
  ASSERT_TRUE(waitForRun(panel, 120000));
  EXPECT_EQ(panel->statusText(), "Run cancelled.");
  EXPECT_FALSE(QFile::exists(out));
  EXPECT_EQ(w.scene().result(), nullptr);
}

TEST(RunFromGui, InvalidDurationIsRefusedBeforeStarting) {
  CasePanel panel;
  ASSERT_TRUE(panel.loadCase(kCase));
  panel.setDurationText("soon");
  QString error;
  EXPECT_FALSE(panel.startRun(&error));
  EXPECT_TRUE(error.contains("expected a duration")) << error.toStdString();
  EXPECT_FALSE(panel.runner()->running());
}
