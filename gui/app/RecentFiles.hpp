#pragma once
// The File > Recent files menu, kept in QSettings ("fdtwin", "fdtwin-gui"), newest first.
// Files that no longer exist are dropped when the menu is rebuilt.
#include <QObject>
#include <QStringList>

class QMenu;

namespace fdtwin::gui {

class RecentFiles : public QObject {
  Q_OBJECT

 public:
  static constexpr int kMax = 10;
  RecentFiles(QMenu* menu, QObject* parent = nullptr);
  void add(const QString& path);
  QStringList files() const;

 signals:
  void openRequested(const QString& path);

 private:
  void rebuild();
  QMenu* m_menu;
};

}  // namespace fdtwin::gui
