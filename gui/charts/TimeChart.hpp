#pragma once
// One chart of time series with a cursor at the current time. The x axis shows calendar time
// when the result has a start date (elapsed days otherwise). Zoom: drag a band along x, or
// the wheel (x only, around the mouse); double-click resets.
//
// Series keep their full data; what is drawn is a min/max decimation of the visible range to
// about two points per pixel column, redone on every zoom, so a one-year hourly series draws
// as fast as a day and no spike disappears. The cursor is a plain graphics line item moved on
// each time step; the series are not touched.
#include <QChartView>
#include <QColor>
#include <QString>
#include <QStringList>
#include <memory>
#include <vector>

class QAbstractAxis;
class QAreaSeries;
class QLineSeries;
class QValueAxis;

namespace fdtwin::gui {

class SimClock;

class TimeChart : public QChartView {
  Q_OBJECT

 public:
  TimeChart(const QString& title, const QString& yTitle, QWidget* parent = nullptr);
  ~TimeChart() override;

  // Drops all series and sets the x axis for `times` (s since start).
  void reset(const std::vector<double>& times, const SimClock& clock);
  // Adds a line; `y` has one value per time (non-finite values are skipped).
  void addLine(const QString& name, std::vector<double> y, const QColor& color = {});
  // Adds stacked areas, one per column (each one value per time), bottom to top.
  void addStacked(const QStringList& names, const std::vector<std::vector<double>>& columns);
  // Fits the y axis to the data and draws; call after adding series.
  void finish();

  void setCursorTime(double t);
  void resetZoom();
  void zoomX(double lo, double hi);  // in the axis' x units (see xOf)

  int seriesCount() const;
  bool isEmpty() const { return m_lines.empty() && m_areas.empty(); }
  double xOf(double t) const;                  // x-axis value of a simulated time
  double cursorScenePos() const;               // scene x of the cursor line, < 0 hidden (tests)
  std::pair<double, double> visibleX() const;  // x range shown
  int drawnPointCount() const;                 // points handed to Qt Charts after decimation

 protected:
  void mouseDoubleClickEvent(QMouseEvent* event) override;
  void wheelEvent(QWheelEvent* event) override;
  void resizeEvent(QResizeEvent* event) override;
  void drawForeground(QPainter* painter, const QRectF& rect) override;

 private:
  struct Line;
  struct Area;
  void redraw();
  void placeCursor();
  void moveCursorTo(double sceneX);  // < 0: hidden
  void setXRange(double lo, double hi);
  void onXRangeChanged();

  std::vector<double> m_x;  // x-axis value per time
  double m_tStart = 0.0;    // x of t = 0 and scale of seconds on x
  double m_xPerSecond = 1.0;
  bool m_dated = false;
  double m_cursorT = 0.0;
  double m_yMin = 0.0, m_yMax = 1.0;
  std::vector<std::unique_ptr<Line>> m_lines;
  std::vector<std::unique_ptr<Area>> m_areas;
  QAbstractAxis* m_axisX = nullptr;
  QValueAxis* m_axisY = nullptr;
  double m_cursorX = -1.0;  // scene x of the cursor line; < 0: hidden
  QString m_yTitle;
  bool m_redrawing = false;
};

}  // namespace fdtwin::gui
