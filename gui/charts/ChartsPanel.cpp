#include "charts/ChartsPanel.hpp"

#include <QGridLayout>
#include <algorithm>
#include <cmath>
#include <limits>

#include "charts/TimeChart.hpp"
#include "core/Constants.hpp"
#include "scene/ResultModel.hpp"

namespace fdtwin::gui {

namespace rs = ::fdtwin::results;
namespace {

constexpr double kKelvin = constants::kZeroCelsius;  // K at 0 degC: the viewer shows degC

std::vector<double> scaled(const std::vector<double>& v, double factor, double offset = 0.0) {
  std::vector<double> out(v.size());
  std::transform(v.begin(), v.end(), out.begin(), [&](double x) { return x * factor + offset; });
  return out;
}

// Hottest chip per output time (degC): /racks/T_chip_max, or the row maximum of /racks/T_chip
// in files before schema version 3 (which store it at every output row).
std::vector<double> hottestChip(const ResultModel& r) {
  if (const auto& max = r.series(rs::racksTChipMax.path); !max.empty()) return scaled(max, 1.0, -kKelvin);
  if (!r.hasRackTemperature() || r.racks().count() == 0 || r.fieldCount() != r.timeCount()) return {};
  const std::vector<double> all = r.reader().readNumbers(rs::racksTChip.path);
  const std::size_t nr = r.racks().count();
  std::vector<double> out(r.timeCount(), std::numeric_limits<double>::quiet_NaN());
  for (std::size_t i = 0; i < out.size(); ++i) {
    const auto begin = all.begin() + static_cast<std::ptrdiff_t>(i * nr);
    out[i] = *std::max_element(begin, begin + static_cast<std::ptrdiff_t>(nr)) - kKelvin;
  }
  return out;
}

}  // namespace

ChartsPanel::ChartsPanel(QWidget* parent) : QWidget(parent) {
  auto* grid = new QGridLayout(this);
  grid->setContentsMargins(0, 0, 0, 0);
  grid->setSpacing(2);
  m_power = new TimeChart(tr("Power"), tr("MW"), this);
  m_pue = new TimeChart(tr("PUE"), tr("P_facility / P_IT,input"), this);
  m_temperature = new TimeChart(tr("Temperatures"), tr("°C"), this);
  m_battery = new TimeChart(tr("Battery state of charge"), tr("%"), this);
  grid->addWidget(m_power, 0, 0);
  grid->addWidget(m_pue, 0, 1);
  grid->addWidget(m_temperature, 1, 0);
  grid->addWidget(m_battery, 1, 1);
}

void ChartsPanel::clear() {
  for (TimeChart* c : {m_power, m_pue, m_temperature, m_battery}) {
    c->reset({}, SimClock());
    c->chart()->setTitle(c->objectName());
  }
}

void ChartsPanel::setResult(const std::shared_ptr<const ResultModel>& result) {
  clear();
  if (!result) return;
  const ResultModel& r = *result;
  for (TimeChart* c : {m_power, m_pue, m_temperature, m_battery}) c->reset(r.times(), r.clock());

  // Power, MW: generation stacked under the loads.
  const auto units = r.names(rs::powerGeneratorName.path);
  std::vector<std::vector<double>> generation;
  QStringList names;
  for (std::size_t k = 0; k < units.size(); ++k) {
    auto col = r.seriesColumn(rs::powerPGeneration.path, k);
    if (col.empty()) break;
    generation.push_back(scaled(col, 1e-6));
    names << QString::fromStdString(units[k]);
  }
  m_power->addStacked(names, generation);
  m_power->addLine(tr("IT"), scaled(r.series(rs::powerPIt.path), 1e-6), QColor(20, 20, 20));
  m_power->addLine(tr("cooling"), scaled(r.series(rs::powerPCooling.path), 1e-6), QColor(30, 100, 200));
  m_power->addLine(tr("hotel"), scaled(r.series(rs::powerPHotel.path), 1e-6), QColor(120, 120, 120));
  m_power->addLine(tr("battery (+ discharging)"), scaled(r.series(rs::powerPBattery.path), 1e-6),
                   QColor(0, 150, 80));
  m_power->finish();

  // PUE, instantaneous, at its boundary (IT power at the IT equipment input; files written
  // before the distribution losses have only the chips' power): undefined while no IT load is
  // served.
  const auto& fac = r.series(rs::powerPFacility.path);
  const auto& itInput = r.series(rs::powerPItInput.path);
  const auto& it = itInput.empty() ? r.series(rs::powerPIt.path) : itInput;
  if (!fac.empty() && fac.size() == it.size()) {
    std::vector<double> pue(fac.size());
    for (std::size_t i = 0; i < pue.size(); ++i)
      pue[i] = it[i] > 1.0 ? fac[i] / it[i] : std::numeric_limits<double>::quiet_NaN();
    m_pue->addLine(tr("PUE"), pue, QColor(120, 40, 160));
  }
  m_pue->finish();

  m_temperature->addLine(tr("seawater intake"), scaled(r.series(rs::coolingTIntake.path), 1.0, -kKelvin),
                         QColor(30, 100, 200));
  m_temperature->addLine(tr("seawater discharge"),
                         scaled(r.series(rs::coolingTDischarge.path), 1.0, -kKelvin), QColor(220, 120, 20));
  m_temperature->addLine(tr("facility supply"),
                         scaled(r.series(rs::coolingTFacilitySupply.path), 1.0, -kKelvin),
                         QColor(0, 150, 150));
  m_temperature->addLine(tr("hottest chip"), hottestChip(r), QColor(200, 30, 30));
  m_temperature->finish();

  m_battery->addLine(tr("state of charge"), scaled(r.series(rs::powerBatterySoc.path), 100.0),
                     QColor(0, 150, 80));
  m_battery->finish();

  for (TimeChart* c : {m_power, m_pue, m_temperature, m_battery})
    if (c->isEmpty()) c->chart()->setTitle(c->objectName() + tr(" (not in this result)"));
}

void ChartsPanel::setCursorTime(double t) {
  for (TimeChart* c : {m_power, m_pue, m_temperature, m_battery}) c->setCursorTime(t);
}

}  // namespace fdtwin::gui
