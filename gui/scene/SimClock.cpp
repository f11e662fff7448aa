#include "scene/SimClock.hpp"

#include <QTimeZone>
#include <cmath>

namespace fdtwin::gui {

SimClock::SimClock(const QString& iso8601) {
  m_start = QDateTime::fromString(iso8601.trimmed(), Qt::ISODateWithMs);
  if (!m_start.isValid()) m_start = QDateTime::fromString(iso8601.trimmed(), Qt::ISODate);
}

QDateTime SimClock::at(double seconds) const {
  if (!m_start.isValid()) return {};
  return m_start.addMSecs(static_cast<qint64>(std::llround(seconds * 1000.0)));
}

QString SimClock::format(double seconds) const {
  if (!m_start.isValid()) return formatElapsed(seconds);
  const QDateTime t = at(seconds);
  const int offset = t.offsetFromUtc();
  const QString sign = offset < 0 ? "-" : "+";
  const int abs = std::abs(offset);
  return t.toString("yyyy-MM-dd HH:mm") + QString(" (UTC%1%2:%3)")
                                              .arg(sign)
                                              .arg(abs / 3600, 2, 10, QChar('0'))
                                              .arg((abs % 3600) / 60, 2, 10, QChar('0'));
}

QString SimClock::formatElapsed(double seconds) {
  const auto total = static_cast<long long>(std::floor(seconds));
  const long long days = total / 86400;
  const long long rest = total % 86400;
  return QString("day %1 %2:%3:%4")
      .arg(days)
      .arg(rest / 3600, 2, 10, QChar('0'))
      .arg((rest % 3600) / 60, 2, 10, QChar('0'))
      .arg(rest % 60, 2, 10, QChar('0'));
}

}  // namespace fdtwin::gui
