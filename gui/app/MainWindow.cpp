#include "app/MainWindow.hpp"

#include <QApplication>
#include <QDockWidget>
#include <QFileDialog>
#include <QFileInfo>
#include <QKeySequence>
#include <QLabel>
#include <QMenuBar>
#include <QSplitter>
#include <QStatusBar>
#include <QTextBrowser>
#include <QVBoxLayout>
#include <cmath>

#include "app/CsvExport.hpp"
#include "app/MessageBar.hpp"
#include "app/RecentFiles.hpp"
#include "casepanel/CasePanel.hpp"
#include "charts/ChartsPanel.hpp"
#include "view/TimeBar.hpp"
#include "view/TimeController.hpp"
#include "view/VtkView.hpp"

namespace fdtwin::gui {

MainWindow::MainWindow(QWidget* parent) : QMainWindow(parent) {
  setWindowTitle("fdtwin viewer");
  m_time = new TimeController(this);

  auto* central = new QWidget(this);
  auto* layout = new QVBoxLayout(central);
  layout->setContentsMargins(0, 0, 0, 0);
  layout->setSpacing(0);
  m_messages = new MessageBar(central);
  layout->addWidget(m_messages);
  auto* split = new QSplitter(Qt::Vertical, central);
  m_view = new VtkView(split);
  m_view->setRenderer(m_scene.renderer());
  m_charts = new ChartsPanel(split);
  split->addWidget(m_view);
  split->addWidget(m_charts);
  split->setStretchFactor(0, 3);
  split->setStretchFactor(1, 2);
  layout->addWidget(split, 1);
  m_timeBar = new TimeBar(m_time, central);
  layout->addWidget(m_timeBar);
  setCentralWidget(central);

  auto* selectionDock = new QDockWidget(tr("Selection"), this);
  selectionDock->setObjectName("selectionDock");
  m_selectionLabel = new QLabel(tr("Click a rack or a hull panel."), selectionDock);
  m_selectionLabel->setObjectName("selection");
  m_selectionLabel->setAlignment(Qt::AlignTop | Qt::AlignLeft);
  m_selectionLabel->setMargin(6);
  m_selectionLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
  m_selectionLabel->setMinimumWidth(220);
  selectionDock->setWidget(m_selectionLabel);
  addDockWidget(Qt::RightDockWidgetArea, selectionDock);
  auto* infoDock = new QDockWidget(tr("Result"), this);
  infoDock->setObjectName("resultDock");
  m_resultInfo = new QTextBrowser(infoDock);
  infoDock->setWidget(m_resultInfo);
  addDockWidget(Qt::RightDockWidgetArea, infoDock);

  auto* caseDock = new QDockWidget(tr("Case"), this);
  caseDock->setObjectName("caseDock");
  m_casePanel = new CasePanel(caseDock);
  caseDock->setWidget(m_casePanel);
  addDockWidget(Qt::LeftDockWidgetArea, caseDock);
  resizeDocks({caseDock, selectionDock}, {330, 250}, Qt::Horizontal);

  createMenus();
  connect(m_time, &TimeController::indexChanged, this, &MainWindow::onTimeIndex);
  connect(m_view, &VtkView::clicked, this, &MainWindow::pickAt);
  connect(m_casePanel, &CasePanel::message, this,
          [this](const QString& text, bool error) { error ? showError(text) : m_messages->showInfo(text); });
  connect(m_casePanel, &CasePanel::resultReady, this, &MainWindow::openResult);
  statusBar()->showMessage(tr("Open a result (.h5) or a case (.toml) from the File menu."));
}

MainWindow::~MainWindow() {
  m_time->pause();
  // The view releases its GL resources while the scene's actors still exist.
  delete m_view;
}

void MainWindow::createMenus() {
  QMenu* file = menuBar()->addMenu(tr("&File"));
  file->addAction(tr("Open &case..."), QKeySequence::Open, this, &MainWindow::chooseAndOpenCase);
  file->addAction(tr("Open &result..."), QKeySequence(tr("Ctrl+R")), this, &MainWindow::chooseAndOpenResult);
  QMenu* recent = file->addMenu(tr("Recent &files"));
  m_recent = new RecentFiles(recent, this);
  connect(m_recent, &RecentFiles::openRequested, this, &MainWindow::openFile);
  file->addAction(tr("&Save case as..."), QKeySequence::SaveAs, m_casePanel, &CasePanel::chooseAndSave);
  file->addSeparator();
  file->addAction(tr("Export &screenshot (PNG)..."), this, &MainWindow::chooseScreenshot);
  file->addAction(tr("Export time series (&CSV)..."), this, &MainWindow::chooseCsv);
  file->addSeparator();
  file->addAction(tr("&Quit"), QKeySequence::Quit, this, &QWidget::close);

  QMenu* view = menuBar()->addMenu(tr("&View"));
  view->addAction(tr("&Reset view"), QKeySequence(tr("Ctrl+0")), this, &MainWindow::resetView);
  auto toggle = [&](const QString& name, auto apply) {
    QAction* a = view->addAction(name);
    a->setCheckable(true);
    a->setChecked(true);
    connect(a, &QAction::toggled, this, [this, apply](bool on) {
      apply(on);
      m_view->update();
    });
    return a;
  };
  m_deckAction = toggle(tr("Show &deck"), [this](bool on) { m_scene.setDeckVisible(on); });
  m_seaAction = toggle(tr("Show &sea surface"), [this](bool on) { m_scene.setSeaVisible(on); });
  m_cfdAction = toggle(tr("Show C&FD slices"), [this](bool on) { m_scene.setCfdVisible(on); });
  view->addSeparator();
  view->addAction(tr("&Play / pause"), QKeySequence(Qt::Key_Space), m_time, &TimeController::togglePlay);
  view->addAction(tr("Step &forward"), QKeySequence(Qt::Key_Period), m_time, [this] { m_time->step(1); });
  view->addAction(tr("Step &back"), QKeySequence(Qt::Key_Comma), m_time, [this] { m_time->step(-1); });
}

bool MainWindow::openFile(const QString& path) {
  const QString suffix = QFileInfo(path).suffix().toLower();
  return suffix == "h5" || suffix == "hdf5" || suffix == "hdf" ? openResult(path) : openCase(path);
}

bool MainWindow::openResult(const QString& path) {
  std::shared_ptr<const ResultModel> result;
  try {
    result = std::make_shared<const ResultModel>(path.toStdString());
    m_scene.setResult(result);
  } catch (const std::exception& e) {
    // The scene may be half built: go back to the previous result.
    try {
      m_scene.setResult(m_result);
      if (m_result) m_scene.setTimeIndex(static_cast<std::size_t>(m_time->index()));
    } catch (const std::exception&) {
      m_scene.clear();
    }
    showError(tr("Cannot open the result: %1").arg(QString::fromUtf8(e.what())));
    return false;
  }
  m_result = result;
  m_selection = {};
  m_scene.setDeckVisible(m_deckAction->isChecked());
  m_scene.setSeaVisible(m_seaAction->isChecked());
  m_scene.setCfdVisible(m_cfdAction->isChecked());
  m_timeBar->setClock(&m_result->clock());
  m_time->setTimes(m_result->times());
  try {
    m_charts->setResult(m_result);
  } catch (const std::exception& e) {
    m_charts->clear();
    showError(tr("Charts not drawn: %1").arg(QString::fromUtf8(e.what())));
  }
  m_messages->clearMessage();
  // The result's own case goes into the case panel (edit, run again), unless the user opened
  // a case file there.
  if (!m_casePanel->hasCaseFile() && !m_result->caseToml().empty()) {
    QString why;
    if (!m_casePanel->loadCaseFromResult(path, QString::fromStdString(m_result->caseToml()), &why))
      m_messages->showInfo(tr("The result's case cannot be edited here: %1").arg(why));
  }
  for (const std::string& note : m_scene.notes()) m_messages->showInfo(QString::fromStdString(note));
  if (m_rememberRecent) m_recent->add(path);
  setWindowTitle(QString("%1 - fdtwin viewer").arg(QFileInfo(path).fileName()));
  showSelection();
  showResultInfo();
  // The 3D fields may have fewer rows than the charts (case.field_interval): say so.
  const QString fields = m_result->fieldCount() == m_result->timeCount()
                             ? QString()
                             : tr(" (3D fields at %1 of them)").arg(m_result->fieldCount());
  statusBar()->showMessage(tr("Opened %1: %2 output times%3, %4 racks, %5 hull panels")
                               .arg(path)
                               .arg(m_result->timeCount())
                               .arg(fields)
                               .arg(m_result->racks().count())
                               .arg(m_result->hull().panelCount()));
  m_view->update();
  emit resultOpened(path);
  return true;
}

bool MainWindow::openCase(const QString& path) {
  QString error;
  if (!m_casePanel->loadCase(path, &error)) {
    showError(tr("Cannot open the case: %1").arg(error));
    return false;
  }
  m_messages->clearMessage();
  if (m_rememberRecent) m_recent->add(path);
  statusBar()->showMessage(tr("Case %1 loaded").arg(path));
  return true;
}

void MainWindow::showError(const QString& message) {
  m_messages->showError(message);
  statusBar()->showMessage(message);
}

QString MainWindow::lastError() const { return m_messages->errorText(); }
QString MainWindow::selectionText() const { return m_selectionLabel->text(); }

void MainWindow::resetView() {
  m_scene.resetCamera();
  m_view->update();
}

void MainWindow::onTimeIndex(int index) {
  if (!m_result) return;
  try {
    m_scene.setTimeIndex(static_cast<std::size_t>(index));
  } catch (const std::exception& e) {
    m_time->pause();
    showError(tr("Cannot read time step %1: %2").arg(index).arg(QString::fromUtf8(e.what())));
  }
  m_charts->setCursorTime(m_time->time());
  showSelection();
  m_view->update();
}

void MainWindow::pickAt(double x, double y) {
  if (!m_result) return;
  try {
    m_selection = m_scene.pick(x, y);
    m_scene.setHighlight(m_selection);
    m_view->update();
  } catch (const std::exception& e) {
    showError(QString::fromUtf8(e.what()));
    return;
  }
  showSelection();
}

void MainWindow::showSelection() {
  if (!m_result || !m_selection.hit()) {
    m_selectionLabel->setText(tr("Click a rack or a hull panel."));
    return;
  }
  // Values at the current time.
  try {
    m_selection = m_selection.kind == PickResult::Kind::Rack ? m_scene.describeRack(m_selection.index)
                                                             : m_scene.describePanel(m_selection.index);
  } catch (const std::exception& e) {
    showError(QString::fromUtf8(e.what()));
  }
  m_selectionLabel->setText(QString::fromStdString(m_selection.text()) + "\n\n" + m_timeBar->dateText());
}

void MainWindow::showResultInfo() {
  QString html = QString("<b>%1</b><br>").arg(QString::fromStdString(m_result->caseName()).toHtmlEscaped());
  for (const char* key : {"start_datetime", "fdtwin_version", "created_utc"}) {
    auto it = m_result->attributes().find(key);
    if (it != m_result->attributes().end())
      html += QString("%1: %2<br>").arg(key, QString::fromStdString(it->second).toHtmlEscaped());
  }
  // A run that failed or was interrupted part-way keeps its rows (no KPIs): say so first.
  auto status = m_result->attributes().find("status");
  if (status != m_result->attributes().end() && (status->second == "failed" || status->second == "interrupted")) {
    auto why = m_result->attributes().find("failure");
    const QString what = status->second == "failed" ? tr("This run failed; the rows up to the failure are shown.")
                                                    : tr("This run was interrupted; the rows up to then are shown.");
    html += QString("<p style='color:#b00000'><b>%1</b><br>%2</p>")
                .arg(what, why == m_result->attributes().end() ? QString()
                                                               : QString::fromStdString(why->second).toHtmlEscaped());
  }
  html += "<table>";
  for (const auto& [name, value] : m_result->reader().kpi())
    html += QString("<tr><td>%1</td><td align=right>%2</td></tr>")
                .arg(QString::fromStdString(name))
                .arg(value, 0, 'g', 6);
  html += "</table>";
  m_resultInfo->setHtml(html);
}

QString MainWindow::resultInfoText() const { return m_resultInfo->toPlainText(); }

bool MainWindow::saveScreenshot(const QString& path) {
  const QImage image = grab().toImage();
  if (image.isNull() || !image.save(path, "PNG")) {
    showError(tr("Cannot write the screenshot %1").arg(path));
    return false;
  }
  statusBar()->showMessage(tr("Saved %1").arg(path));
  return true;
}

bool MainWindow::exportCsv(const QString& path) {
  if (!m_result) {
    showError(tr("Open a result first."));
    return false;
  }
  try {
    writeCsv(*m_result, path.toStdString());
  } catch (const std::exception& e) {
    showError(QString::fromUtf8(e.what()));
    return false;
  }
  statusBar()->showMessage(tr("Saved %1").arg(path));
  return true;
}

void MainWindow::chooseAndOpenResult() {
  const QString path =
      QFileDialog::getOpenFileName(this, tr("Open result"), {}, tr("fdtwin results (*.h5);;All (*)"));
  if (!path.isEmpty()) openResult(path);
}

void MainWindow::chooseAndOpenCase() {
  const QString path = QFileDialog::getOpenFileName(this, tr("Open case"), {}, tr("Cases (*.toml);;All (*)"));
  if (!path.isEmpty()) openCase(path);
}

void MainWindow::chooseScreenshot() {
  const QString path =
      QFileDialog::getSaveFileName(this, tr("Export screenshot"), "fdtwin.png", tr("PNG (*.png)"));
  if (!path.isEmpty()) saveScreenshot(path);
}

void MainWindow::chooseCsv() {
  const QString path =
      QFileDialog::getSaveFileName(this, tr("Export CSV"), "timeseries.csv", tr("CSV (*.csv)"));
  if (!path.isEmpty()) exportCsv(path);
}

}  // namespace fdtwin::gui
