#pragma once
// The time controls under the 3D view: play/pause, step back/forward, the slider, playback
// speed and the current simulated date and time. A thin widget over TimeController.
#include <QWidget>

class QComboBox;
class QLabel;
class QSlider;
class QToolButton;

namespace fdtwin::gui {

class SimClock;
class TimeController;

class TimeBar : public QWidget {
  Q_OBJECT

 public:
  TimeBar(TimeController* controller, QWidget* parent = nullptr);
  void setClock(const SimClock* clock);  // not owned; nullptr for none
  QSlider* slider() const { return m_slider; }
  QString dateText() const;

 private:
  void onIndexChanged(int index);
  void onTimesChanged();

  TimeController* m_controller;
  const SimClock* m_clock = nullptr;
  QToolButton* m_play;
  QSlider* m_slider;
  QComboBox* m_speed;
  QLabel* m_date;
};

}  // namespace fdtwin::gui
