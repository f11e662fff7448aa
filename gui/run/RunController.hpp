#pragma once
// Runs a case with the solver library (fdtwin::runCase) on a worker thread. Progress and the
// outcome reach the GUI thread only through queued signals; the solver polls an atomic cancel
// flag between output steps. One run at a time; destroying the controller cancels a run and
// waits for it (the solver removes its partial file).
#include <QElapsedTimer>
#include <QFutureWatcher>
#include <QObject>
#include <QString>
#include <atomic>

#include "io/Case.hpp"

namespace fdtwin::gui {

struct RunOutcome {
  enum class Status { Succeeded, Failed, Cancelled };
  Status status = Status::Failed;
  QString resultPath;  // when Succeeded, or Failed part-way with its rows kept
  QString message;     // the library's message when Failed
  double wallSeconds = 0.0;
};

class RunController : public QObject {
  Q_OBJECT

 public:
  explicit RunController(QObject* parent = nullptr);
  ~RunController() override;

  // Starts a run of `c` writing `outputPath`; `duration` in s (< 0: the case's). False when a
  // run is already going.
  bool start(const Case& c, const QString& outputPath, double duration = -1.0);
  void cancel();
  bool running() const { return m_running; }

 signals:
  // fraction in [0, 1]; text like "day 3.5 of 7, 12 s".
  void progress(double fraction, const QString& text);
  void finished(const fdtwin::gui::RunOutcome& outcome);

 private:
  void onFinished();

  QFutureWatcher<RunOutcome> m_watcher;
  std::atomic<bool> m_cancel{false};
  bool m_running = false;
};

}  // namespace fdtwin::gui
