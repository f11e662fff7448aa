#include "casepanel/CasePanel.hpp"

#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QTimer>
#include <QVBoxLayout>
#include <fstream>

#include "casepanel/CaseEditor.hpp"
#include "core/Error.hpp"
#include "core/Units.hpp"
#include "run/RunController.hpp"

namespace fdtwin::gui {

CasePanel::CasePanel(QWidget* parent) : QWidget(parent) {
  auto* layout = new QVBoxLayout(this);
  m_file = new QLabel(tr("No case loaded (File > Open case)."), this);
  m_file->setWordWrap(true);
  layout->addWidget(m_file);
  m_editor = new CaseEditor(this);
  layout->addWidget(m_editor, 1);
  m_validation = new QLabel(this);
  m_validation->setObjectName("validation");
  m_validation->setWordWrap(true);
  m_validation->setTextInteractionFlags(Qt::TextSelectableByMouse);
  layout->addWidget(m_validation);

  auto* form = new QFormLayout;
  m_output = new QLineEdit(this);
  m_output->setObjectName("output");
  m_duration = new QLineEdit(this);
  m_duration->setObjectName("duration");
  m_duration->setPlaceholderText(tr("the case's (e.g. 2d, 12h)"));
  form->addRow(tr("Result file"), m_output);
  form->addRow(tr("Duration"), m_duration);
  layout->addLayout(form);

  auto* buttons = new QHBoxLayout;
  m_save = new QPushButton(tr("Save as..."), this);
  m_run = new QPushButton(tr("Run"), this);
  m_run->setObjectName("run");
  m_cancel = new QPushButton(tr("Cancel"), this);
  m_cancel->setObjectName("cancel");
  buttons->addWidget(m_save);
  buttons->addStretch(1);
  buttons->addWidget(m_run);
  buttons->addWidget(m_cancel);
  layout->addLayout(buttons);
  m_progress = new QProgressBar(this);
  m_progress->setRange(0, 1000);
  m_progress->hide();
  layout->addWidget(m_progress);
  m_status = new QLabel(this);
  m_status->setObjectName("runStatus");
  m_status->setWordWrap(true);
  m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
  layout->addWidget(m_status);

  m_runner = new RunController(this);
  connect(m_save, &QPushButton::clicked, this, &CasePanel::chooseAndSave);
  connect(m_run, &QPushButton::clicked, this, [this] {
    QString error;
    if (!startRun(&error)) emit message(error, true);
  });
  connect(m_cancel, &QPushButton::clicked, this, &CasePanel::cancelRun);
  connect(m_runner, &RunController::progress, this, &CasePanel::onProgress);
  connect(m_runner, &RunController::finished, this, &CasePanel::onFinished);
  connect(m_editor, &CaseEditor::validated, this, [this](const QString& text, bool error) {
    m_validation->setText(text);
    m_validation->setStyleSheet(error ? "color: #b91c1c;" : "color: #166534;");
    updateButtons();
  });
  updateButtons();
}

CasePanel::~CasePanel() = default;

bool CasePanel::loadCase(const QString& path, QString* error) {
  try {
    const Case c = Case::load(path.toStdString());
    m_casePath = QFileInfo(path).absoluteFilePath();
    m_editor->setCase(c);
  } catch (const std::exception& e) {
    if (error) *error = QString::fromUtf8(e.what());
    return false;
  }
  m_file->setText(tr("Case: %1").arg(m_casePath));
  m_validation->clear();
  const QFileInfo info(m_casePath);
  m_output->setText(QDir(info.absolutePath()).filePath("results/" + info.completeBaseName() + ".h5"));
  updateButtons();
  return true;
}

bool CasePanel::loadCaseFromResult(const QString& resultPath, const QString& toml, QString* error) {
  const QFileInfo info(resultPath);
  try {
    const Case c = Case::parse(toml.toStdString(), info.fileName().toStdString() + " (case_toml)",
                               info.absolutePath().toStdString());
    m_editor->setCase(c);
  } catch (const std::exception& e) {
    if (error) *error = QString::fromUtf8(e.what());
    m_editor->clearCase();
    updateButtons();
    return false;
  }
  m_casePath.clear();
  m_file->setText(tr("Case of the result %1").arg(info.fileName()));
  m_validation->clear();
  m_output->setText(QDir(info.absolutePath()).filePath(info.completeBaseName() + "-rerun.h5"));
  updateButtons();
  return true;
}

bool CasePanel::saveCase(const QString& path, QString* error) {
  const Case* c = m_editor->currentCase();
  QString why;
  if (!c)
    why = tr("no case loaded");
  else if (m_editor->hasInvalidEdits())
    why = tr("fix the invalid values first: %1").arg(m_editor->lastMessage());
  if (why.isEmpty()) {
    std::ofstream out(path.toStdString());
    out << c->toToml();
    out.close();
    if (!out) why = tr("%1: cannot be written").arg(path);
  }
  if (!why.isEmpty()) {
    if (error) *error = why;
    return false;
  }
  emit message(tr("Case saved as %1").arg(path), false);
  return true;
}

void CasePanel::chooseAndSave() {
  const QString path =
      QFileDialog::getSaveFileName(this, tr("Save case as"), m_casePath, tr("Cases (*.toml)"));
  QString error;
  if (!path.isEmpty() && !saveCase(path, &error)) emit message(error, true);
}

QString CasePanel::outputPath() const { return m_output->text().trimmed(); }
void CasePanel::setOutputPath(const QString& path) { m_output->setText(path); }
void CasePanel::setDurationText(const QString& text) { m_duration->setText(text); }
QString CasePanel::statusText() const { return m_status->text(); }

bool CasePanel::startRun(QString* error) {
  auto fail = [&](const QString& why) {
    if (error) *error = why;
    return false;
  };
  const Case* c = m_editor->currentCase();
  if (!c) return fail(tr("Open a case first."));
  if (m_editor->hasInvalidEdits())
    return fail(tr("Fix the invalid values first: %1").arg(m_editor->lastMessage()));
  if (outputPath().isEmpty()) return fail(tr("Choose where the result goes."));
  double duration = -1.0;
  if (!m_duration->text().trimmed().isEmpty()) {
    try {
      duration = units::parseDuration(m_duration->text().trimmed().toStdString(), "duration");
    } catch (const std::exception& e) {
      return fail(QString::fromUtf8(e.what()));
    }
  }
  QDir().mkpath(QFileInfo(outputPath()).absolutePath());
  if (!m_runner->start(*c, outputPath(), duration)) return fail(tr("A run is already going."));
  m_status->setText(tr("Running..."));
  m_progress->setValue(0);
  QTimer::singleShot(kProgressDelayMs, this, [this] {
    if (m_runner->running()) m_progress->show();
  });
  updateButtons();
  return true;
}

void CasePanel::cancelRun() {
  m_runner->cancel();
  m_status->setText(tr("Cancelling..."));
}

void CasePanel::onProgress(double fraction, const QString& text) {
  m_progress->setValue(static_cast<int>(fraction * 1000.0));
  m_status->setText(text);
}

void CasePanel::onFinished(const RunOutcome& outcome) {
  m_progress->hide();
  updateButtons();
  switch (outcome.status) {
    case RunOutcome::Status::Succeeded:
      m_status->setText(tr("Done in %1 s: %2").arg(outcome.wallSeconds, 0, 'f', 1).arg(outcome.resultPath));
      emit resultReady(outcome.resultPath);
      break;
    case RunOutcome::Status::Cancelled:
      m_status->setText(tr("Run cancelled."));
      emit message(tr("Run cancelled."), false);
      break;
    case RunOutcome::Status::Failed:
      m_status->setText(tr("Run failed: %1").arg(outcome.message));
      emit message(tr("Run failed: %1").arg(outcome.message), true);
      // A run that failed part-way kept its rows: show them (the result panel names the failure).
      if (!outcome.resultPath.isEmpty()) emit resultReady(outcome.resultPath);
      break;
  }
  emit runFinished(outcome.status == RunOutcome::Status::Succeeded);
}

void CasePanel::updateButtons() {
  const bool running = m_runner->running();
  const bool ready = m_editor->currentCase() && !m_editor->hasInvalidEdits();
  m_run->setEnabled(ready && !running);
  m_save->setEnabled(ready);
  m_cancel->setEnabled(running);
  m_editor->setEnabled(!running);
}

}  // namespace fdtwin::gui
