#include "view/TimeBar.hpp"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QSignalBlocker>
#include <QSlider>
#include <QStyle>
#include <QToolButton>

#include <algorithm>

#include "scene/SimClock.hpp"
#include "view/TimeController.hpp"

namespace fdtwin::gui {

TimeBar::TimeBar(TimeController* controller, QWidget* parent) : QWidget(parent), m_controller(controller) {
  auto* layout = new QHBoxLayout(this);
  layout->setContentsMargins(6, 2, 6, 2);
  auto button = [&](QStyle::StandardPixmap icon, const QString& tip) {
    auto* b = new QToolButton(this);
    b->setIcon(style()->standardIcon(icon));
    b->setToolTip(tip);
    b->setAutoRaise(true);
    layout->addWidget(b);
    return b;
  };
  QToolButton* back = button(QStyle::SP_MediaSeekBackward, tr("Step back"));
  m_play = button(QStyle::SP_MediaPlay, tr("Play / pause (Space)"));
  m_play->setObjectName("play");
  QToolButton* forward = button(QStyle::SP_MediaSeekForward, tr("Step forward"));

  m_slider = new QSlider(Qt::Horizontal, this);
  m_slider->setObjectName("timeSlider");
  m_slider->setRange(0, 0);
  m_slider->setPageStep(24);
  m_slider->setMinimumWidth(160);
  layout->addWidget(m_slider, 1);

  m_speed = new QComboBox(this);
  m_speed->setObjectName("speed");
  m_speed->setToolTip(tr("Playback speed: output steps per second"));
  for (double s : {1.0, 4.0, 24.0, 168.0, 720.0}) m_speed->addItem(tr("%1 steps/s").arg(s), s);
  m_speed->setCurrentIndex(2);
  layout->addWidget(m_speed);

  m_date = new QLabel(this);
  m_date->setObjectName("simDate");
  m_date->setMinimumWidth(120);
  m_date->setTextInteractionFlags(Qt::TextSelectableByMouse);
  layout->addWidget(m_date);

  connect(back, &QToolButton::clicked, controller, [controller] { controller->step(-1); });
  connect(forward, &QToolButton::clicked, controller, [controller] { controller->step(1); });
  connect(m_play, &QToolButton::clicked, controller, &TimeController::togglePlay);
  connect(m_slider, &QSlider::valueChanged, controller, &TimeController::setIndex);
  connect(m_speed, &QComboBox::currentIndexChanged, this,
          [this] { m_controller->setSpeed(m_speed->currentData().toDouble()); });
  connect(controller, &TimeController::indexChanged, this, &TimeBar::onIndexChanged);
  connect(controller, &TimeController::timesChanged, this, &TimeBar::onTimesChanged);
  connect(controller, &TimeController::playingChanged, this, [this](bool playing) {
    m_play->setIcon(style()->standardIcon(playing ? QStyle::SP_MediaPause : QStyle::SP_MediaPlay));
  });
  m_controller->setSpeed(m_speed->currentData().toDouble());
  onTimesChanged();
}

void TimeBar::setClock(const SimClock* clock) {
  m_clock = clock;
  onIndexChanged(m_controller->index());
}

QString TimeBar::dateText() const { return m_date->text(); }

void TimeBar::onTimesChanged() {
  const QSignalBlocker block(m_slider);
  m_slider->setRange(0, std::max(0, m_controller->count() - 1));
  m_slider->setValue(m_controller->index());
  setEnabled(m_controller->count() > 0);
}

void TimeBar::onIndexChanged(int index) {
  {
    const QSignalBlocker block(m_slider);
    m_slider->setValue(index);
  }
  if (m_controller->count() == 0) {
    m_date->clear();
    return;
  }
  const double t = m_controller->time();
  const QString when = m_clock ? m_clock->format(t) : SimClock::formatElapsed(t);
  m_date->setText(QString("%1  [%2/%3]").arg(when).arg(index + 1).arg(m_controller->count()));
}

}  // namespace fdtwin::gui
