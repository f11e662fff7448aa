#include "app/RecentFiles.hpp"

#include <QFileInfo>
#include <QMenu>
#include <QSettings>

namespace fdtwin::gui {

RecentFiles::RecentFiles(QMenu* menu, QObject* parent) : QObject(parent), m_menu(menu) { rebuild(); }

QStringList RecentFiles::files() const {
  return QSettings("fdtwin", "fdtwin-gui").value("recentFiles").toStringList();
}

void RecentFiles::add(const QString& path) {
  const QString abs = QFileInfo(path).absoluteFilePath();
  QStringList list = files();
  list.removeAll(abs);
  list.prepend(abs);
  while (list.size() > kMax) list.removeLast();
  QSettings("fdtwin", "fdtwin-gui").setValue("recentFiles", list);
  rebuild();
}

void RecentFiles::rebuild() {
  m_menu->clear();
  int n = 0;
  for (const QString& f : files()) {
    if (!QFileInfo::exists(f)) continue;
    QAction* a = m_menu->addAction(QString("&%1 %2").arg(++n % 10).arg(f));
    connect(a, &QAction::triggered, this, [this, f] { emit openRequested(f); });
  }
  m_menu->setEnabled(n > 0);
}

}  // namespace fdtwin::gui
