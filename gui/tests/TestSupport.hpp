#pragma once
// Shared helpers of the viewer's tests: synthetic result files (tests/fixtures/make_result.py)
// made once per test process, and a folder for images kept when a test fails.
#include <QImage>
#include <QString>
#include <memory>
#include <string>

namespace fdtwin::gui {
class MainWindow;
class VtkView;
}

namespace fdtwin::gui::test {

// Path of a result written by make_result.py with `args` (cached per process by `name`).
std::string fixture(const std::string& name, const std::string& args);
// Folder where failing image tests keep their actual images ($FDTWIN_GUI_ARTIFACTS or /tmp).
QString artifactDir();
// Saves `image` as artifactDir()/name and returns the path (for failure messages).
QString keepImage(const QImage& image, const QString& name);
// Number of distinct RGB colours in `image`, ignoring colours quantised to `bits` per channel.
int distinctColors(const QImage& image, int bits = 5);
// Processes events until `view` has rendered a frame (true) or `timeoutMs` passed.
bool waitForFrame(VtkView* view, int timeoutMs = 20000);
// A 1300 × 850 main window showing the result at `path`, after its first frame (test
// expectations on the way).
std::unique_ptr<MainWindow> openWindow(const std::string& path);
// Processes events for `ms` milliseconds.
void settle(int ms);
// Mean absolute difference per channel (0..255) between two equally sized images.
double meanAbsDiff(const QImage& a, const QImage& b);

}  // namespace fdtwin::gui::test
