#pragma once
// The case dock: the case file, its parameter tree (CaseEditor), where the result goes, an
// optional shorter duration, and Run / Cancel with a progress bar. A run goes to a worker
// thread (RunController); the window stays responsive; the progress bar appears only when a
// run lasts longer than kProgressDelayMs (short runs do not flash it). On success
// resultReady() hands the result to the window; failures show the library's message.
#include <QString>
#include <QWidget>

class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;

namespace fdtwin::gui {

class CaseEditor;
class RunController;
struct RunOutcome;

class CasePanel : public QWidget {
  Q_OBJECT

 public:
  static constexpr int kProgressDelayMs = 300;

  explicit CasePanel(QWidget* parent = nullptr);
  ~CasePanel() override;

  bool loadCase(const QString& path, QString* error = nullptr);
  // The case stored in a result (its `case_toml`), for editing and running again.
  bool loadCaseFromResult(const QString& resultPath, const QString& toml, QString* error = nullptr);
  // True when the case came from a case file the user opened (not from a result).
  bool hasCaseFile() const { return !m_casePath.isEmpty(); }
  bool saveCase(const QString& path, QString* error = nullptr);
  // Starts a run of the edited case; false (and why) when it cannot start.
  bool startRun(QString* error = nullptr);

  CaseEditor* editor() const { return m_editor; }
  RunController* runner() const { return m_runner; }
  QString casePath() const { return m_casePath; }
  QString outputPath() const;
  void setOutputPath(const QString& path);
  void setDurationText(const QString& text);  // "" = the case's duration
  QString statusText() const;
  QProgressBar* progressBar() const { return m_progress; }

 public slots:
  void chooseAndSave();
  void cancelRun();

 signals:
  void message(const QString& text, bool error);
  void resultReady(const QString& path);
  void runFinished(bool succeeded);

 private:
  void onProgress(double fraction, const QString& text);
  void onFinished(const RunOutcome& outcome);
  void updateButtons();

  QString m_casePath;
  QLabel* m_file;
  CaseEditor* m_editor;
  QLabel* m_validation;
  QLineEdit* m_output;
  QLineEdit* m_duration;
  QPushButton* m_save;
  QPushButton* m_run;
  QPushButton* m_cancel;
  QProgressBar* m_progress;
  QLabel* m_status;
  RunController* m_runner;
};

}  // namespace fdtwin::gui
