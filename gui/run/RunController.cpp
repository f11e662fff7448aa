#include "run/RunController.hpp"

#include <QMetaObject>
#include <QPointer>
#include <QtConcurrent/QtConcurrentRun>
#include <chrono>

#include "core/Constants.hpp"
#include "run/RunCase.hpp"

namespace fdtwin::gui {

RunController::RunController(QObject* parent) : QObject(parent) {
  connect(&m_watcher, &QFutureWatcher<RunOutcome>::finished, this, &RunController::onFinished);
}

RunController::~RunController() {
  if (m_running) {
    m_cancel = true;
    m_watcher.waitForFinished();
  }
}

bool RunController::start(const Case& c, const QString& outputPath, double duration) {
  if (m_running) return false;
  m_cancel = false;
  m_running = true;
  RunOptions options;
  options.outputPath = outputPath.toStdString();
  options.duration = duration;
  options.commandLine = "fdtwin-gui (run from the viewer)";
  // The worker posts progress at most every 100 ms; QPointer guards against a controller
  // destroyed before a queued call arrives (the destructor waits for the worker anyway).
  QPointer<RunController> self(this);
  auto report = [self, last = std::chrono::steady_clock::time_point{}](const RunProgress& p) mutable {
    const auto now = std::chrono::steady_clock::now();
    if (now - last < std::chrono::milliseconds(100) && p.simTime < p.endTime) return;
    last = now;
    const double fraction = p.endTime > 0 ? p.simTime / p.endTime : 0.0;
    const QString text = QString("day %1 of %2, %3 s")
                             .arg(p.simTime / constants::kSecondsPerDay, 0, 'f', 1)
                             .arg(p.endTime / constants::kSecondsPerDay, 0, 'f', 1)
                             .arg(p.wallSeconds, 0, 'f', 0);
    QMetaObject::invokeMethod(
        self.data(),
        [self, fraction, text] {
          if (self) emit self->progress(fraction, text);
        },
        Qt::QueuedConnection);
  };
  const std::atomic<bool>* cancel = &m_cancel;
  m_watcher.setFuture(QtConcurrent::run([c, options, report, cancel]() mutable {
    RunOutcome out;
    const auto t0 = std::chrono::steady_clock::now();
    try {
      const RunSummary summary = runCase(c, options, report, cancel);
      out.status = RunOutcome::Status::Succeeded;
      out.resultPath =
          QString::fromStdString(summary.outputPath.empty() ? options.outputPath : summary.outputPath);
    } catch (const RunCancelled&) {
      out.status = RunOutcome::Status::Cancelled;
      out.message = "run cancelled";
    } catch (const RunFailedPartWay& e) {  // the rows so far are kept (status "failed")
      out.status = RunOutcome::Status::Failed;
      out.message = QString::fromUtf8(e.what());
      out.resultPath = QString::fromStdString(e.keptPath);
    } catch (const std::exception& e) {  // InputError, anything else from the library
      out.status = RunOutcome::Status::Failed;
      out.message = QString::fromUtf8(e.what());
    }
    out.wallSeconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    return out;
  }));
  return true;
}

void RunController::cancel() {
  if (m_running) m_cancel = true;
}

void RunController::onFinished() {
  m_running = false;
  emit finished(m_watcher.result());
}

}  // namespace fdtwin::gui
