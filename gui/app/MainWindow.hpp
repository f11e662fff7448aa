#pragma once
// The viewer's window: a thin shell that wires the scene model, the 3D view, the time
// controller, the charts and the case panel together, and holds the menus. Errors (a bad
// file, a failed run) appear in a message bar inside the window; nothing is modal, so the
// window never blocks and tests can read what the user would see.
#include <QMainWindow>
#include <QString>
#include <memory>

#include "scene/PickResult.hpp"
#include "scene/SceneModel.hpp"

class QAction;
class QLabel;
class QMenu;
class QTextBrowser;

namespace fdtwin::gui {

class CasePanel;
class ChartsPanel;
class MessageBar;
class RecentFiles;
class TimeBar;
class TimeController;
class VtkView;

class MainWindow : public QMainWindow {
  Q_OBJECT

 public:
  explicit MainWindow(QWidget* parent = nullptr);
  ~MainWindow() override;

  // Open a file by its kind (.h5 result, anything else a case). False (and a message in the
  // window) when it cannot be opened; the previous result stays.
  bool openFile(const QString& path);
  bool openResult(const QString& path);
  bool openCase(const QString& path);
  // Whether opened files go to File > Recent files (not for batch screenshots).
  void setRememberRecent(bool remember) { m_rememberRecent = remember; }
  // Renders and saves the whole window as PNG.
  bool saveScreenshot(const QString& path);
  bool exportCsv(const QString& path);

  // The last error shown in the message bar ("" after a success).
  QString lastError() const;
  QString selectionText() const;
  // The result panel's text (case, provenance, a failed run's error, KPIs).
  QString resultInfoText() const;
  const PickResult& selection() const { return m_selection; }

  SceneModel& scene() { return m_scene; }
  VtkView* view() const { return m_view; }
  TimeController* timeController() const { return m_time; }
  TimeBar* timeBar() const { return m_timeBar; }
  ChartsPanel* charts() const { return m_charts; }
  CasePanel* casePanel() const { return m_casePanel; }

 public slots:
  void resetView();
  void pickAt(double displayX, double displayY);

 signals:
  void resultOpened(const QString& path);

 private:
  void createMenus();
  void onTimeIndex(int index);
  void showError(const QString& message);
  void showSelection();
  void showResultInfo();
  void chooseAndOpenResult();
  void chooseAndOpenCase();
  void chooseScreenshot();
  void chooseCsv();

  SceneModel m_scene;
  std::shared_ptr<const ResultModel> m_result;
  PickResult m_selection;
  VtkView* m_view = nullptr;
  TimeController* m_time = nullptr;
  TimeBar* m_timeBar = nullptr;
  ChartsPanel* m_charts = nullptr;
  CasePanel* m_casePanel = nullptr;
  MessageBar* m_messages = nullptr;
  QLabel* m_selectionLabel = nullptr;
  QTextBrowser* m_resultInfo = nullptr;
  RecentFiles* m_recent = nullptr;
  bool m_rememberRecent = true;
  QAction* m_deckAction = nullptr;
  QAction* m_seaAction = nullptr;
  QAction* m_cfdAction = nullptr;
};

}  // namespace fdtwin::gui
