#include "TestSupport.hpp"

#include <unistd.h>

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QTimer>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <set>
#include <stdexcept>

#include <gtest/gtest.h>

#include "app/MainWindow.hpp"
#include "view/VtkView.hpp"

namespace fdtwin::gui::test {

std::unique_ptr<MainWindow> openWindow(const std::string& path) {
  auto w = std::make_unique<MainWindow>();
  w->resize(1300, 850);
  EXPECT_TRUE(w->openResult(QString::fromStdString(path))) << w->lastError().toStdString();
  w->show();
  EXPECT_TRUE(waitForFrame(w->view()));
  return w;
}

std::string fixture(const std::string& name, const std::string& args) {
  static std::map<std::string, std::string> made;
  static const std::filesystem::path dir =
      std::filesystem::temp_directory_path() / ("fdtwin-gui-tests-" + std::to_string(::getpid()));
  static const struct Cleanup {
    ~Cleanup() { std::filesystem::remove_all(dir); }
  } cleanup;
  auto it = made.find(name);
  if (it != made.end()) return it->second;
  std::filesystem::create_directories(dir);
  std::string path = (dir / name).string();
  const std::string cmd =
      "/usr/bin/python3 " FDTWIN_TEST_DIR "/fixtures/make_result.py '" + path + "' " + args;
  if (std::system(cmd.c_str()) != 0) throw std::runtime_error("fixture failed: " + cmd);
  made[name] = path;
  return path;
}

QString artifactDir() {
  const char* env = std::getenv("FDTWIN_GUI_ARTIFACTS");
  QString dir = env && *env ? QString(env) : QDir::tempPath() + "/fdtwin-gui-artifacts";
  QDir().mkpath(dir);
  return dir;
}

QString keepImage(const QImage& image, const QString& name) {
  QString path = artifactDir() + "/" + name;
  image.save(path);
  return path;
}

int distinctColors(const QImage& image, int bits) {
  const QImage img = image.convertToFormat(QImage::Format_RGB32);
  std::set<unsigned> colours;
  const int shift = 8 - bits;
  for (int y = 0; y < img.height(); ++y) {
    const auto* line = reinterpret_cast<const QRgb*>(img.constScanLine(y));
    for (int x = 0; x < img.width(); ++x) {
      const QRgb c = line[x];
      colours.insert((static_cast<unsigned>(qRed(c)) >> shift) << 16 |
                     (static_cast<unsigned>(qGreen(c)) >> shift) << 8 |
                     (static_cast<unsigned>(qBlue(c)) >> shift));
    }
  }
  return static_cast<int>(colours.size());
}

bool waitForFrame(VtkView* view, int timeoutMs) {
  const long before = view->frameCount();
  QElapsedTimer timer;
  timer.start();
  while (view->frameCount() == before && timer.elapsed() < timeoutMs)
    QCoreApplication::processEvents(QEventLoop::AllEvents, 50);
  return view->frameCount() > before;
}

void settle(int ms) {
  QElapsedTimer timer;
  timer.start();
  while (timer.elapsed() < ms) QCoreApplication::processEvents(QEventLoop::AllEvents, 10);
}

double meanAbsDiff(const QImage& a, const QImage& b) {
  if (a.size() != b.size() || a.isNull()) return 255.0;
  const QImage x = a.convertToFormat(QImage::Format_RGB32), y = b.convertToFormat(QImage::Format_RGB32);
  double sum = 0.0;
  for (int r = 0; r < x.height(); ++r) {
    const auto* p = reinterpret_cast<const QRgb*>(x.constScanLine(r));
    const auto* q = reinterpret_cast<const QRgb*>(y.constScanLine(r));
    for (int c = 0; c < x.width(); ++c)
      sum += std::abs(qRed(p[c]) - qRed(q[c])) + std::abs(qGreen(p[c]) - qGreen(q[c])) +
             std::abs(qBlue(p[c]) - qBlue(q[c]));
  }
  return sum / (3.0 * x.width() * x.height());
}

}  // namespace fdtwin::gui::test
