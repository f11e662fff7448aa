#pragma once
// The one time source of the viewer: the current output index, playback and its speed. The
// 3D scene, the charts' cursors, the date label and the slider all follow indexChanged().
// Playback advances by `speed` output steps per second of wall time; when frames cannot keep
// up, it skips steps rather than slowing down. It stops at the last step.
#include <QElapsedTimer>
#include <QObject>
#include <QTimer>
#include <cstddef>
#include <vector>

namespace fdtwin::gui {

class TimeController : public QObject {
  Q_OBJECT

 public:
  explicit TimeController(QObject* parent = nullptr);

  // New time axis (s); resets to index 0 and pauses. Emits indexChanged(0).
  void setTimes(std::vector<double> times);
  int index() const { return m_index; }
  int count() const { return static_cast<int>(m_times.size()); }
  double time() const { return m_times.empty() ? 0.0 : m_times[static_cast<std::size_t>(m_index)]; }
  const std::vector<double>& times() const { return m_times; }
  bool playing() const { return m_timer.isActive(); }
  double speed() const { return m_speed; }

 public slots:
  void setIndex(int index);
  void step(int delta);
  void play();
  void pause();
  void togglePlay();
  void setSpeed(double stepsPerSecond);

 signals:
  void indexChanged(int index);
  void playingChanged(bool playing);
  void timesChanged();

 private:
  void tick();

  std::vector<double> m_times;
  int m_index = 0;
  double m_speed = 24.0;
  double m_carry = 0.0;  // fractional steps not yet taken
  QTimer m_timer;
  QElapsedTimer m_clock;
};

}  // namespace fdtwin::gui
