#pragma once
// Simulated calendar time: the result's `start_datetime` (ISO 8601 with a UTC offset) plus the
// simulated time t in seconds. Widget-free (QtCore only).
#include <QDateTime>
#include <QString>

namespace fdtwin::gui {

class SimClock {
 public:
  SimClock() = default;
  // `iso8601` like "2025-07-01T00:00:00+00:00"; an empty or unparsable text gives a clock that
  // shows elapsed time only ("day 3 06:00").
  explicit SimClock(const QString& iso8601);

  bool hasStart() const { return m_start.isValid(); }
  QDateTime at(double seconds) const;  // invalid without a start
  // "2025-07-03 06:00 (UTC+00:00)" or, without a start, "day 2 06:00:00".
  QString format(double seconds) const;
  // Elapsed time as "12 d 06:00" (for axes and status lines).
  static QString formatElapsed(double seconds);

 private:
  QDateTime m_start;
};

}  // namespace fdtwin::gui
