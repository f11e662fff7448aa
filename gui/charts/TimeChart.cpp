#include "charts/TimeChart.hpp"

#include <QAreaSeries>
#include <QDateTimeAxis>
#include <QLineSeries>
#include <QMouseEvent>
#include <QValueAxis>
#include <QWheelEvent>
#include <algorithm>
#include <cmath>
#include <limits>

#include "scene/SimClock.hpp"

namespace fdtwin::gui {

struct TimeChart::Line {
  QLineSeries* series;
  std::vector<double> y;
};

struct TimeChart::Area {
  QAreaSeries* series;
  std::vector<double> upper;
  std::vector<double> lower;
};

TimeChart::TimeChart(const QString& title, const QString& yTitle, QWidget* parent)
    : QChartView(new QChart, parent), m_yTitle(yTitle) {
  setObjectName(title);
  chart()->setTitle(title);
  chart()->legend()->setAlignment(Qt::AlignBottom);
  chart()->legend()->setFont(QFont(font().family(), 8));
  chart()->setMargins(QMargins(4, 2, 4, 2));
  chart()->setAnimationOptions(QChart::NoAnimation);
  setRenderHint(QPainter::Antialiasing, false);
  setRubberBand(QChartView::HorizontalRubberBand);
  setMinimumHeight(160);
  m_axisY = new QValueAxis;
  m_axisY->setTitleText(yTitle);
  m_axisY->setLabelFormat("%.4g");
  chart()->addAxis(m_axisY, Qt::AlignLeft);
  connect(chart(), &QChart::plotAreaChanged, this, [this] { placeCursor(); });
}

TimeChart::~TimeChart() = default;

void TimeChart::reset(const std::vector<double>& times, const SimClock& clock) {
  chart()->removeAllSeries();
  m_lines.clear();
  m_areas.clear();
  if (m_axisX) {
    chart()->removeAxis(m_axisX);
    delete m_axisX;
  }
  m_dated = clock.hasStart();
  if (m_dated) {
    // QDateTimeAxis labels in the machine's time zone; placing the start's wall-clock time
    // there shows the result's own local time whatever the machine's zone.
    const QDateTime start = clock.at(0.0);
    m_tStart = static_cast<double>(QDateTime(start.date(), start.time()).toMSecsSinceEpoch());
    m_xPerSecond = 1000.0;
    auto* axis = new QDateTimeAxis;
    axis->setFormat("yyyy-MM-dd");
    axis->setTickCount(5);
    m_axisX = axis;
    connect(axis, &QDateTimeAxis::rangeChanged, this, &TimeChart::onXRangeChanged);
  } else {
    m_tStart = 0.0;
    m_xPerSecond = 1.0 / 86400.0;
    auto* axis = new QValueAxis;
    axis->setTitleText(tr("days"));
    axis->setLabelFormat("%.4g");
    m_axisX = axis;
    connect(axis, &QValueAxis::rangeChanged, this, &TimeChart::onXRangeChanged);
  }
  m_axisX->setLabelsFont(QFont(font().family(), 8));
  chart()->addAxis(m_axisX, Qt::AlignBottom);
  m_x.resize(times.size());
  for (std::size_t i = 0; i < times.size(); ++i) m_x[i] = xOf(times[i]);
  moveCursorTo(-1.0);
}

double TimeChart::xOf(double t) const { return m_tStart + t * m_xPerSecond; }

void TimeChart::addLine(const QString& name, std::vector<double> y, const QColor& color) {
  if (y.size() != m_x.size() || y.empty()) return;
  auto* s = new QLineSeries;
  s->setName(name);
  if (color.isValid()) s->setPen(QPen(color, 1.5));
  chart()->addSeries(s);
  s->attachAxis(m_axisX);
  s->attachAxis(m_axisY);
  m_lines.push_back(std::make_unique<Line>(Line{s, std::move(y)}));
}

void TimeChart::addStacked(const QStringList& names, const std::vector<std::vector<double>>& columns) {
  std::vector<double> lower(m_x.size(), 0.0);
  for (std::size_t k = 0; k < columns.size(); ++k) {
    if (columns[k].size() != m_x.size()) continue;
    std::vector<double> upper(lower);
    for (std::size_t i = 0; i < upper.size(); ++i)
      if (std::isfinite(columns[k][i])) upper[i] += columns[k][i];
    auto* area = new QAreaSeries;
    area->setUpperSeries(new QLineSeries(area));
    area->setLowerSeries(new QLineSeries(area));
    area->setName(k < static_cast<std::size_t>(names.size()) ? names[static_cast<int>(k)]
                                                             : QString("unit %1").arg(k));
    QColor c = QColor::fromHsv(static_cast<int>(30 + 47 * k) % 360, 90, 235);
    area->setBrush(c);
    area->setPen(QPen(c.darker(130), 0.8));
    chart()->addSeries(area);
    area->attachAxis(m_axisX);
    area->attachAxis(m_axisY);
    m_areas.push_back(std::make_unique<Area>(Area{area, upper, lower}));
    lower = std::move(upper);
  }
}

void TimeChart::finish() {
  double lo = std::numeric_limits<double>::infinity(), hi = -lo;
  auto scan = [&](const std::vector<double>& v) {
    for (double y : v)
      if (std::isfinite(y)) lo = std::min(lo, y), hi = std::max(hi, y);
  };
  for (const auto& l : m_lines) scan(l->y);
  for (const auto& a : m_areas) scan(a->upper), scan(a->lower);
  if (!std::isfinite(lo)) lo = 0.0, hi = 1.0;
  const double span = hi - lo;
  const double pad = span > 1e-12 ? 0.05 * span : std::max(0.5, 0.05 * std::abs(hi));
  m_axisY->setRange(lo - pad, hi + pad);
  m_axisY->applyNiceNumbers();  // round tick values
  m_yMin = m_axisY->min();
  m_yMax = m_axisY->max();
  // Enough decimals to tell neighbouring ticks apart (a state of charge moving by 0.01 %
  // around 50 % printed "50" at every tick with a fixed %.4g).
  const double step = (m_yMax - m_yMin) / std::max(1, m_axisY->tickCount() - 1);
  const int decimals = step > 0 ? std::clamp(static_cast<int>(std::ceil(-std::log10(step) - 1e-9)), 0, 9) : 0;
  m_axisY->setLabelFormat(QString("%.%1f").arg(decimals));
  resetZoom();
}

void TimeChart::resetZoom() {
  if (m_x.empty()) return;
  m_axisY->setRange(m_yMin, m_yMax);
  setXRange(m_x.front(), m_x.size() > 1 ? m_x.back() : m_x.front() + 1.0);
}

void TimeChart::zoomX(double lo, double hi) {
  if (m_x.empty() || hi <= lo) return;
  setXRange(std::max(lo, m_x.front()), std::min(hi, m_x.back()));
}

void TimeChart::setXRange(double lo, double hi) {
  if (hi <= lo) hi = lo + 1.0;
  if (auto* d = qobject_cast<QDateTimeAxis*>(m_axisX)) {
    d->setRange(QDateTime::fromMSecsSinceEpoch(static_cast<qint64>(lo)),
                QDateTime::fromMSecsSinceEpoch(static_cast<qint64>(std::ceil(hi))));
  } else if (auto* v = qobject_cast<QValueAxis*>(m_axisX)) {
    v->setRange(lo, hi);
  }
  onXRangeChanged();
}

std::pair<double, double> TimeChart::visibleX() const {
  if (auto* d = qobject_cast<QDateTimeAxis*>(m_axisX))
    return {static_cast<double>(d->min().toMSecsSinceEpoch()),
            static_cast<double>(d->max().toMSecsSinceEpoch())};
  if (auto* v = qobject_cast<QValueAxis*>(m_axisX)) return {v->min(), v->max()};
  return {0.0, 1.0};
}

void TimeChart::onXRangeChanged() {
  if (m_redrawing) return;
  if (auto* d = qobject_cast<QDateTimeAxis*>(m_axisX)) {
    const double days = (visibleX().second - visibleX().first) / 86400e3;
    d->setFormat(days > 60 ? "yyyy-MM-dd" : days > 2 ? "MM-dd hh:mm" : "hh:mm");
  }
  redraw();
  placeCursor();
}

void TimeChart::redraw() {
  if (m_x.empty()) return;
  m_redrawing = true;
  const auto [lo, hi] = visibleX();
  auto first = static_cast<std::size_t>(std::lower_bound(m_x.begin(), m_x.end(), lo) - m_x.begin());
  auto last = static_cast<std::size_t>(std::upper_bound(m_x.begin(), m_x.end(), hi) - m_x.begin());
  first = first > 0 ? first - 1 : 0;
  last = std::min(last + 1, m_x.size());
  const std::size_t n = last - first;
  const std::size_t buckets =
      std::max<std::size_t>(64, static_cast<std::size_t>(chart()->plotArea().width()));
  const std::size_t per = std::max<std::size_t>(1, (n + buckets - 1) / buckets);

  for (const auto& l : m_lines) {
    QList<QPointF> pts;
    pts.reserve(2 * static_cast<qsizetype>(n / per + 1));
    for (std::size_t b = first; b < last; b += per) {
      const std::size_t e = std::min(b + per, last);
      std::size_t iMin = e, iMax = e;
      for (std::size_t i = b; i < e; ++i) {
        if (!std::isfinite(l->y[i])) continue;
        if (iMin == e || l->y[i] < l->y[iMin]) iMin = i;
        if (iMax == e || l->y[i] > l->y[iMax]) iMax = i;
      }
      if (iMin == e) continue;
      const std::size_t a = std::min(iMin, iMax), c = std::max(iMin, iMax);
      pts.append(QPointF(m_x[a], l->y[a]));
      if (c != a) pts.append(QPointF(m_x[c], l->y[c]));
    }
    l->series->replace(pts);
  }
  for (const auto& a : m_areas) {
    QList<QPointF> up, down;
    for (std::size_t b = first; b < last; b += per) {
      const std::size_t e = std::min(b + per, last);
      std::size_t iMax = b;
      for (std::size_t i = b; i < e; ++i)
        if (a->upper[i] > a->upper[iMax]) iMax = i;
      up.append(QPointF(m_x[iMax], a->upper[iMax]));
      down.append(QPointF(m_x[iMax], a->lower[iMax]));
    }
    a->series->upperSeries()->replace(up);
    a->series->lowerSeries()->replace(down);
  }
  m_redrawing = false;
}

int TimeChart::drawnPointCount() const {
  int n = 0;
  for (const auto& l : m_lines) n += static_cast<int>(l->series->count());
  for (const auto& a : m_areas) n += static_cast<int>(a->series->upperSeries()->count());
  return n;
}

int TimeChart::seriesCount() const { return static_cast<int>(m_lines.size() + m_areas.size()); }

void TimeChart::setCursorTime(double t) {
  m_cursorT = t;
  placeCursor();
}

void TimeChart::placeCursor() {
  if (isEmpty() || m_x.empty()) {
    moveCursorTo(-1.0);
    return;
  }
  const QRectF area = chart()->plotArea();
  QAbstractSeries* any = m_lines.empty() ? static_cast<QAbstractSeries*>(m_areas.front()->series)
                                         : static_cast<QAbstractSeries*>(m_lines.front()->series);
  const double x = chart()->mapToPosition(QPointF(xOf(m_cursorT), m_yMin), any).x();
  const bool inside = std::isfinite(x) && x >= area.left() - 0.5 && x <= area.right() + 0.5;
  moveCursorTo(inside ? x : -1.0);
}

// The cursor is drawn by drawForeground, not as a scene item: moving it repaints two thin
// strips of the viewport directly, in the same window update as the 3D view. (A scene item
// reaches the view through a queued call, i.e. a second window update, and each update of a
// window that holds an OpenGL widget is a full composition: ~25 ms on llvmpipe.)
void TimeChart::moveCursorTo(double sceneX) {
  if (sceneX == m_cursorX) return;
  const QRectF area = chart()->plotArea();
  for (double x : {m_cursorX, sceneX})
    if (x >= 0)
      viewport()->update(
          mapFromScene(QRectF(x - 2.0, area.top() - 1, 4.0, area.height() + 2)).boundingRect());
  m_cursorX = sceneX;
}

void TimeChart::drawForeground(QPainter* painter, const QRectF& rect) {
  QChartView::drawForeground(painter, rect);
  if (m_cursorX < 0) return;
  const QRectF area = chart()->plotArea();
  painter->setPen(QPen(QColor(40, 40, 40), 1.5, Qt::DashLine));
  painter->drawLine(QPointF(m_cursorX, area.top()), QPointF(m_cursorX, area.bottom()));
}

double TimeChart::cursorScenePos() const { return m_cursorX; }

void TimeChart::mouseDoubleClickEvent(QMouseEvent* event) {
  resetZoom();
  event->accept();
}

void TimeChart::wheelEvent(QWheelEvent* event) {
  if (m_x.empty() || isEmpty()) return;
  const auto [lo, hi] = visibleX();
  QAbstractSeries* any = m_lines.empty() ? static_cast<QAbstractSeries*>(m_areas.front()->series)
                                         : static_cast<QAbstractSeries*>(m_lines.front()->series);
  const double xm = chart()->mapToValue(event->position(), any).x();
  const double f = event->angleDelta().y() > 0 ? 0.8 : 1.25;
  zoomX(xm - (xm - lo) * f, xm + (hi - xm) * f);
  event->accept();
}

void TimeChart::resizeEvent(QResizeEvent* event) {
  QChartView::resizeEvent(event);
  redraw();
  placeCursor();
}

}  // namespace fdtwin::gui
