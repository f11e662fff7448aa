#include "view/TimeController.hpp"

#include <algorithm>
#include <cmath>

namespace fdtwin::gui {

TimeController::TimeController(QObject* parent) : QObject(parent) {
  m_timer.setInterval(33);
  connect(&m_timer, &QTimer::timeout, this, &TimeController::tick);
}

void TimeController::setTimes(std::vector<double> times) {
  pause();
  m_times = std::move(times);
  m_index = 0;
  emit timesChanged();
  emit indexChanged(0);
}

void TimeController::setIndex(int index) {
  if (m_times.empty()) return;
  index = std::clamp(index, 0, count() - 1);
  if (index == m_index) return;
  m_index = index;
  emit indexChanged(m_index);
}

void TimeController::step(int delta) { setIndex(m_index + delta); }

void TimeController::play() {
  if (m_times.size() < 2 || playing()) return;
  if (m_index >= count() - 1) setIndex(0);
  m_carry = 0.0;
  m_clock.start();
  m_timer.start();
  emit playingChanged(true);
}

void TimeController::pause() {
  if (!playing()) return;
  m_timer.stop();
  emit playingChanged(false);
}

void TimeController::togglePlay() { playing() ? pause() : play(); }

void TimeController::setSpeed(double stepsPerSecond) { m_speed = std::max(0.1, stepsPerSecond); }

void TimeController::tick() {
  const double seconds = static_cast<double>(m_clock.restart()) / 1000.0;
  m_carry += seconds * m_speed;
  const int steps = static_cast<int>(std::floor(m_carry));
  if (steps < 1) return;
  m_carry -= steps;
  setIndex(m_index + steps);
  if (m_index >= count() - 1) pause();
}

}  // namespace fdtwin::gui
