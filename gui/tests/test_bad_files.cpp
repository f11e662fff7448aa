// Bad files never crash the viewer: a clear message in the window, and with --screenshot a
// message on stderr and a non-zero exit status.
#include <gtest/gtest.h>

#include <QFile>
#include <QImage>
#include <QProcess>
#include <QSettings>
#include <QTemporaryDir>

#include "TestSupport.hpp"
#include "app/CommandLine.hpp"
#include "app/MainWindow.hpp"
#include "core/Error.hpp"
#include "view/TimeController.hpp"
#include "view/VtkView.hpp"

using namespace fdtwin::gui;
using namespace fdtwin::gui::test;

namespace {

struct BadCase {
  const char* name;
  const char* args;
  const char* message;  // part of the message the user must see
};

const BadCase kBad[] = {
    {"truncated.h5", "--steps 24 --variant truncated", "HDF5 file is truncated or damaged"},
    {"foreign.h5", "--variant foreign", "not an fdtwin result (missing schema_version)"},
    {"v4.h5", "--steps 4 --variant newer",
     "schema version 4 is not supported (this program reads 1 to 3)"},
    {"text.h5", "--variant text", "not an HDF5 file"},
    {"badcells.h5", "--steps 4 --variant bad-cells", "/hull/cells: refers to point"},
};

struct GuiRun {
  int exitCode;
  QString stderrText;
};

GuiRun runGui(const QStringList& args) {
  QProcess p;
  p.start(FDTWIN_GUI_EXE, args);
  EXPECT_TRUE(p.waitForFinished(60000));
  return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1,
          QString::fromUtf8(p.readAllStandardError())};
}

}  // namespace

TEST(BadFiles, WindowShowsTheMessageAndKeepsWorking) {
  MainWindow w;
  w.resize(1000, 700);
  w.show();
  for (const BadCase& bad : kBad) {
    const QString path = QString::fromStdString(fixture(bad.name, bad.args));
    EXPECT_FALSE(w.openResult(path)) << bad.name;
    EXPECT_TRUE(w.lastError().contains(bad.message)) << w.lastError().toStdString();
    EXPECT_TRUE(w.lastError().contains(path))
        << "the message names the file: " << w.lastError().toStdString();
  }
  // A good file afterwards opens; a bad one after that keeps the good one on screen.
  const QString good = QString::fromStdString(fixture("good.h5", "--steps 12"));
  ASSERT_TRUE(w.openResult(good));
  EXPECT_TRUE(w.lastError().isEmpty());
  // Only files that opened are remembered (File > Recent files).
  const QStringList recent = QSettings("fdtwin", "fdtwin-gui").value("recentFiles").toStringList();
  ASSERT_FALSE(recent.isEmpty());
  EXPECT_EQ(recent.front(), good);
  for (const BadCase& bad : kBad) EXPECT_FALSE(recent.join("\n").contains(bad.name)) << bad.name;
  w.timeController()->setIndex(5);
  EXPECT_FALSE(w.openResult(QString::fromStdString(fixture("v4.h5", "--steps 4 --variant newer"))));
  EXPECT_NE(w.scene().result(), nullptr);
  EXPECT_EQ(w.scene().result()->timeCount(), 12u);
  EXPECT_EQ(w.scene().timeIndex(), 5u);
  EXPECT_FALSE(w.openResult("/nonexistent/x.h5"));
  EXPECT_TRUE(w.lastError().contains("no such file"));
}

TEST(BadFiles, ResultWithoutGeometryStillOpens) {
  MainWindow w;
  w.resize(1000, 700);
  ASSERT_TRUE(w.openResult(QString::fromStdString(fixture("nogeom.h5", "--steps 12 --variant no-geometry"))))
      << w.lastError().toStdString();
  w.show();
  EXPECT_TRUE(waitForFrame(w.view()));
  w.timeController()->setIndex(7);
  EXPECT_EQ(w.scene().result()->racks().count(), 0u);
  EXPECT_FALSE(w.scene().hasSea());
  EXPECT_FALSE(w.scene().pick(100, 100).hit());
}

// A run that failed part-way keeps its rows with status "failed" and no KPIs: the window
// opens it, plays its rows, and the result panel says that it failed, and why.
TEST(BadFiles, FailedRunOpensWithItsFailureShown) {
  MainWindow w;
  w.resize(1000, 700);
  ASSERT_TRUE(w.openResult(QString::fromStdString(fixture("failed.h5", "--steps 12 --variant failed"))))
      << w.lastError().toStdString();
  w.show();
  EXPECT_TRUE(waitForFrame(w.view()));
  EXPECT_EQ(w.scene().result()->timeCount(), 12u);
  EXPECT_TRUE(w.resultInfoText().contains("This run failed")) << w.resultInfoText().toStdString();
  EXPECT_TRUE(w.resultInfoText().contains("lies outside the table")) << w.resultInfoText().toStdString();
  EXPECT_FALSE(w.resultInfoText().contains("PUE"));  // no KPIs for a partial run

  ASSERT_TRUE(w.openResult(QString::fromStdString(fixture("complete.h5", "--steps 12"))));
  EXPECT_FALSE(w.resultInfoText().contains("This run failed"));
  EXPECT_TRUE(w.resultInfoText().contains("PUE"));
}

TEST(BadFiles, CaseWithErrorsGivesTheReadersMessage) {
  QTemporaryDir dir;
  const QString path = dir.filePath("broken.toml");
  QFile f(path);
  ASSERT_TRUE(f.open(QIODevice::WriteOnly));
  f.write("[case]\nname = \"x\"\nduraton = 5\n");  // misspelt key
  f.close();
  MainWindow w;
  EXPECT_FALSE(w.openCase(path));
  EXPECT_TRUE(w.lastError().contains("broken.toml")) << w.lastError().toStdString();
  EXPECT_TRUE(w.lastError().contains("duraton")) << w.lastError().toStdString();
}

TEST(ScreenshotCli, BadFilesExitNonZeroWithAMessage) {
  QTemporaryDir dir;
  for (const BadCase& bad : kBad) {
    const QString out = dir.filePath(QString(bad.name) + ".png");
    const GuiRun r = runGui({"--screenshot", out, QString::fromStdString(fixture(bad.name, bad.args))});
    EXPECT_EQ(r.exitCode, 2) << bad.name << ": " << r.stderrText.toStdString();
    EXPECT_TRUE(r.stderrText.contains(bad.message)) << r.stderrText.toStdString();
    EXPECT_FALSE(QFile::exists(out));
  }
  const GuiRun usage = runGui({"--screenshot", dir.filePath("x.png")});
  EXPECT_EQ(usage.exitCode, 2);
  EXPECT_TRUE(usage.stderrText.contains("needs a result file")) << usage.stderrText.toStdString();
}

TEST(ScreenshotCli, WritesThePngOfTheWindowAtTimeT) {
  QTemporaryDir dir;
  const QString out = dir.filePath("shot.png");
  const GuiRun r = runGui({"--screenshot", out, "--time", "12h", "--size", "1200x800",
                           QString::fromStdString(fixture("shot.h5", "--steps 48 --cfd"))});
  ASSERT_EQ(r.exitCode, 0) << r.stderrText.toStdString();
  const QImage img(out);
  ASSERT_FALSE(img.isNull());
  EXPECT_EQ(img.size(), QSize(1200, 800));
  EXPECT_GE(distinctColors(img), 100);
}

TEST(ScreenshotCli, ParsesTimesAndRejectsBadOptions) {
  EXPECT_DOUBLE_EQ(CommandLine::parse({"--time", "1.5d", "--screenshot", "a.png", "r.h5"}).time, 1.5 * 86400);
  EXPECT_DOUBLE_EQ(CommandLine::parse({"--time", "7200", "--screenshot", "a.png", "r.h5"}).time, 7200.0);
  EXPECT_DOUBLE_EQ(CommandLine::parse({"--time", "0", "--screenshot", "a.png", "r.h5"}).time, 0.0);
  EXPECT_THROW(CommandLine::parse({"--time", "soon", "r.h5"}), fdtwin::InputError);
  EXPECT_THROW(CommandLine::parse({"--bogus"}), fdtwin::InputError);
  EXPECT_THROW(CommandLine::parse({"a.h5", "b.h5"}), fdtwin::InputError);
  EXPECT_THROW(CommandLine::parse({"--size", "10x10", "a.h5"}), fdtwin::InputError);
  const CommandLine cl = CommandLine::parse({"case.toml"});
  EXPECT_EQ(cl.file, "case.toml");
  EXPECT_TRUE(cl.screenshot.empty());
}
