#pragma once
// The result's plots, 2 x 2: power (IT, cooling, hotel, battery; generation by unit stacked),
// PUE (instantaneous P_facility / P_it), temperatures (seawater intake and discharge, facility
// supply, hottest chip) and battery state of charge. Each follows the time cursor. Series the
// result lacks are left out; a chart with none says so in its title.
#include <QWidget>
#include <memory>

namespace fdtwin::gui {

class ResultModel;
class TimeChart;

class ChartsPanel : public QWidget {
  Q_OBJECT

 public:
  explicit ChartsPanel(QWidget* parent = nullptr);

  void setResult(const std::shared_ptr<const ResultModel>& result);
  void clear();
  void setCursorTime(double t);

  TimeChart* powerChart() const { return m_power; }
  TimeChart* pueChart() const { return m_pue; }
  TimeChart* temperatureChart() const { return m_temperature; }
  TimeChart* batteryChart() const { return m_battery; }

 private:
  TimeChart* m_power;
  TimeChart* m_pue;
  TimeChart* m_temperature;
  TimeChart* m_battery;
};

}  // namespace fdtwin::gui
