#include "io/ResultReport.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <optional>

#include "core/Constants.hpp"
#include "io/Case.hpp"
#include "io/ResultSchema.hpp"

namespace fdtwin::io {

namespace rs = ::fdtwin::results;

namespace {

constexpr double kDay = 86400.0;

std::string escape(const std::string& s) {
  std::string out;
  for (const char c : s) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      default: out += c;
    }
  }
  return out;
}

std::string number(double v) { return std::isfinite(v) ? fmt::format("{:.4g}", v) : std::string("–"); }

// One line of a chart: values against days.
struct Line {
  std::string label;
  std::vector<double> days, values;
  bool dashed = false;
};

// A "nice" tick step (1, 2 or 5 × 10^k) for about `n` intervals over `range`.
double tickStep(double range, int n) {
  const double raw = range / n;
  const double mag = std::pow(10.0, std::floor(std::log10(raw)));
  for (const double m : {1.0, 2.0, 5.0, 10.0})
    if (raw <= m * mag) return m * mag;
  return 10.0 * mag;
}

// An inline SVG line chart. Long series are drawn from the minimum and maximum of each of at
// most 1,200 buckets, so peaks survive the thinning.
std::string svgChart(const std::string& title, const std::string& unit, const std::vector<Line>& lines) {
  static const char* const colours[] = {"#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd",
                                        "#8c564b", "#e377c2", "#17becf", "#7f7f7f", "#bcbd22"};
  constexpr double W = 860, H = 270, L = 70, R = 16, T = 44, B = 34;
  double x0 = std::numeric_limits<double>::infinity(), x1 = -x0, y0 = x0, y1 = -x0;
  for (const auto& l : lines) {
    for (std::size_t k = 0; k < l.values.size(); ++k) {
      if (!std::isfinite(l.values[k])) continue;
      x0 = std::min(x0, l.days[k]);
      x1 = std::max(x1, l.days[k]);
      y0 = std::min(y0, l.values[k]);
      y1 = std::max(y1, l.values[k]);
    }
  }
  std::string svg = fmt::format(R"(<svg xmlns="http://www.w3.org/2000/svg" width="{}" height="{}" class="chart">)", W, H);
  svg += fmt::format(R"(<text x="{}" y="16" class="title">{} [{}]</text>)", L, escape(title), escape(unit));
  if (!std::isfinite(x0) || x1 <= x0) return svg + R"(<text x="70" y="120">(no data)</text></svg>)";
  if (y1 - y0 < 1e-9 * std::max(1.0, std::abs(y1))) {
    y0 -= 0.5;
    y1 += 0.5;
  }
  const double pad = 0.05 * (y1 - y0);
  y0 -= pad;
  y1 += pad;
  const auto X = [&](double d) { return L + (d - x0) / (x1 - x0) * (W - L - R); };
  const auto Y = [&](double v) { return H - B - (v - y0) / (y1 - y0) * (H - T - B); };
  // Axes, grid and ticks.
  const double ys = tickStep(y1 - y0, 5), xs = tickStep(x1 - x0, 8);
  for (double v = std::ceil(y0 / ys) * ys; v <= y1; v += ys) {
    if (std::abs(v) < 1e-9 * ys) v = 0.0;  // no "-0" from the accumulated steps
    svg += fmt::format(R"(<line x1="{:.1f}" y1="{:.1f}" x2="{:.1f}" y2="{:.1f}" class="grid"/>)", L, Y(v), W - R, Y(v));
    svg += fmt::format(R"(<text x="{:.1f}" y="{:.1f}" class="ytick">{}</text>)", L - 6, Y(v) + 4, number(v));
  }
  for (double d = std::ceil(x0 / xs) * xs; d <= x1; d += xs) {
    svg += fmt::format(R"(<line x1="{:.1f}" y1="{:.1f}" x2="{:.1f}" y2="{:.1f}" class="grid"/>)", X(d), T, X(d), H - B);
    svg += fmt::format(R"(<text x="{:.1f}" y="{:.1f}" class="xtick">{}</text>)", X(d), H - B + 16, number(d));
  }
  svg += fmt::format(R"(<text x="{:.1f}" y="{:.1f}" class="xtick">days since start</text>)", W - R - 50, H - 4);
  svg += fmt::format(R"(<rect x="{}" y="{}" width="{}" height="{}" class="frame"/>)", L, T, W - L - R, H - T - B);
  // Lines and the legend above the plot.
  double legendX = L;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    const Line& l = lines[i];
    const char* colour = colours[i % std::size(colours)];
    std::string points;
    const std::size_t n = l.values.size(), buckets = 1200;
    const std::size_t per = std::max<std::size_t>(1, (n + buckets - 1) / buckets);
    for (std::size_t b = 0; b < n; b += per) {
      std::size_t lo = b, hi = b;
      for (std::size_t k = b; k < std::min(n, b + per); ++k) {
        if (l.values[k] < l.values[lo]) lo = k;
        if (l.values[k] > l.values[hi]) hi = k;
      }
      for (const std::size_t k : {std::min(lo, hi), std::max(lo, hi)}) {
        if (std::isfinite(l.values[k])) points += fmt::format("{:.1f},{:.1f} ", X(l.days[k]), Y(l.values[k]));
        if (lo == hi) break;
      }
    }
    svg += fmt::format(R"(<polyline points="{}" fill="none" stroke="{}" stroke-width="1.3"{}/>)", points, colour,
                       l.dashed ? R"( stroke-dasharray="6,4")" : "");
    svg += fmt::format(R"(<rect x="{:.0f}" y="26" width="12" height="4" fill="{}"/>)", legendX, colour);
    svg += fmt::format(R"(<text x="{:.0f}" y="32" class="legend">{}</text>)", legendX + 16, escape(l.label));
    legendX += 22 + 6.2 * static_cast<double>(l.label.size());
  }
  return svg + "</svg>";
}

// Values of the output rows (`days`, from /time) in display units (scale, offset); an empty
// line when they are not one per row.
Line line(const std::string& label, const std::vector<double>& days, const std::vector<double>& v, double scale,
          double offset = 0.0) {
  Line l;
  l.label = label;
  if (v.size() != days.size()) return l;
  l.days = days;
  l.values.reserve(v.size());
  for (const double x : v) l.values.push_back(x * scale + offset);
  return l;
}

// A [time] series of the result as a line (empty when absent).
Line series(const ResultReader& r, const std::vector<double>& days, const std::string& path, const std::string& label,
            double scale = 1.0, double offset = 0.0) {
  return r.isDataset(path) ? line(label, days, r.readNumbers(path), scale, offset) : Line{label, {}, {}};
}

void keep(std::vector<Line>& lines, Line l) {
  if (!l.values.empty()) lines.push_back(std::move(l));
}

std::string attribute(const std::map<std::string, std::string>& attrs, const std::string& key) {
  const auto it = attrs.find(key);
  return it == attrs.end() ? std::string() : it->second;
}

// The case stored in the result (`case_toml`), or nothing when it cannot be read here.
std::optional<Case> storedCase(const ResultReader& r) {
  try {
    return Case::parse(attribute(r.rootAttributes(), rs::caseToml.name()), r.path() + ":case_toml", ".");
  } catch (const std::exception&) {
    return std::nullopt;
  }
}

}  // namespace

std::vector<LimitCheck> limitChecks(const ResultReader& r) {
  const auto kpi = r.kpi();
  if (kpi.empty()) return {};
  const std::optional<Case> c = storedCase(r);  // the checks that need a case value say so without it
  const auto value = [&](const char* k) { return kpi.count(k) ? kpi.at(k) : std::nan(""); };
  const auto maxOf = [&](const std::string& path) {
    if (!r.isDataset(path)) return std::nan("");
    const auto v = r.readNumbers(path);
    return v.empty() ? std::nan("") : *std::max_element(v.begin(), v.end());
  };
  std::vector<LimitCheck> out;
  const auto atMost = [&](std::string what, double measured, const char* key, const std::string& unit) {
    if (!c) {
      out.push_back({std::move(what), number(measured) + " " + unit, "(the stored case cannot be read)", false});
      return;
    }
    const double limit = c->real(key);
    out.push_back({std::move(what), fmt::format("{} {} (max)", number(measured), unit),
                   fmt::format("≤ {} {} ({})", number(limit), unit, key), measured <= limit});
  };
  atMost("main outfall: rise above the ambient sea", maxOf(rs::coolingRiseAboveAmbient.path), "seawater.discharge_dT_max",
         "K");
  if (c && c->string("power.engine_cooling.mode") == "separate")
    atMost("engine-room outfall: rise above the ambient sea", maxOf(rs::engineCoolingRise.path),
           "power.engine_cooling.discharge_dT_max", "K");
  if (c) {
    const double chip = value("T_chip_max"), limit = c->real("it.chip_limit");
    out.push_back({"hottest chip", fmt::format("{} °C", number(chip - constants::kZeroCelsius)),
                   fmt::format("≤ {} °C (it.chip_limit)", number(limit - constants::kZeroCelsius)), chip <= limit});
  }
  const double outside = value("inlet_allowable_time");
  out.push_back({"server inlet air inside the ASHRAE allowable envelope",
                 fmt::format("{} h outside", number(outside / 3600.0)), "0 h (air.ashrae_class)", outside <= 0.0});
  const double dewLow = value("dew_point_low_time");
  out.push_back({"dew-point margin of the coldest liquid surface", fmt::format("{} h below the alarm margin", number(dewLow / 3600.0)),
                 "0 h (air.dew_point_alarm_margin)", dewLow <= 0.0});
  const double unserved = value("E_unserved");
  out.push_back({"all demand served", fmt::format("{} MWh unserved", number(unserved / 3.6e9)), "0 MWh", unserved <= 0.0});
  const double residual = value("energy_balance_residual");
  out.push_back({"energy balance closes", fmt::format("residual {}", number(residual)), "|residual| ≤ 1e-6",
                 std::abs(residual) <= 1e-6});
  return out;
}

std::string reportHtml(const ResultReader& r, const std::vector<LimitCheck>& checks) {
  const auto attrs = r.rootAttributes();
  const std::string name = attribute(attrs, rs::caseName.name());
  const std::string status = attribute(attrs, rs::status.name());
  const auto time = r.readNumbers(rs::time.path);
  std::vector<double> days;  // of the output rows, the x of every chart
  days.reserve(time.size());
  for (const double t : time) days.push_back(t / kDay);
  std::string h = R"(<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>fdtwin report: )" + escape(name) + R"(</title>
<style>
body { font-family: sans-serif; margin: 2em; max-width: 920px; color: #222; }
h1 { font-size: 1.5em; } h2 { font-size: 1.15em; margin-top: 1.6em; border-bottom: 1px solid #ccc; }
table { border-collapse: collapse; font-size: 0.9em; } td, th { padding: 2px 10px; border-bottom: 1px solid #eee; text-align: left; }
td.num { text-align: right; font-variant-numeric: tabular-nums; }
.pass { color: #17692d; font-weight: bold; } .fail { color: #b00000; font-weight: bold; }
svg.chart { display: block; margin: 0.6em 0; } .title { font-size: 13px; font-weight: bold; }
.grid { stroke: #e4e4e4; } .frame { fill: none; stroke: #888; }
.ytick { font-size: 10px; text-anchor: end; } .xtick { font-size: 10px; text-anchor: middle; } .legend { font-size: 11px; }
</style></head><body>
)";
  h += "<h1>fdtwin report: " + escape(name) + "</h1>\n<table>\n";
  const auto row = [&](const std::string& k, const std::string& v) {
    h += "<tr><th>" + escape(k) + "</th><td>" + escape(v) + "</td></tr>\n";
  };
  row("result file", r.path());
  row("status", status + (attrs.count("failure") ? ": " + attrs.at("failure") : std::string()));
  row("start", attribute(attrs, rs::startDatetime.name()));
  row("simulated", time.empty() ? "0 d" : fmt::format("{:.4g} d in {} output rows", (time.back() - time.front()) / kDay, time.size()));
  row("written by", "fdtwin " + attribute(attrs, rs::fdtwinVersion.name()) + " on " + attribute(attrs, rs::createdUtc.name()));
  row("command", attribute(attrs, rs::commandLine.name()));
  h += "</table>\n";

  h += "<h2>Limit checks</h2>\n";
  if (checks.empty()) {
    h += "<p class=\"fail\">This run did not complete: it has no KPIs and no limit checks.</p>\n";
  } else {
    h += "<table><tr><th>check</th><th>measured</th><th>limit</th><th></th></tr>\n";
    for (const auto& c : checks) {
      h += fmt::format("<tr><td>{}</td><td>{}</td><td>{}</td><td class=\"{}\">{}</td></tr>\n", escape(c.what),
                       escape(c.measured), escape(c.limit), c.pass ? "pass" : "fail", c.pass ? "pass" : "FAIL");
    }
    h += "</table>\n";
  }

  h += "<h2>Key performance indicators</h2>\n<table><tr><th>KPI</th><th>value</th><th>units</th><th>meaning</th></tr>\n";
  const auto units = r.kpiUnits();
  for (const auto& [k, v] : r.kpi()) {
    const rs::Entry* e = rs::findKpi(k);
    h += fmt::format("<tr><td>{}</td><td class=\"num\">{}</td><td>{}</td><td>{}</td></tr>\n", escape(k),
                     fmt::format("{:.6g}", v), escape(units.count(k) ? units.at(k) : ""),
                     escape(e ? e->longName : ""));
  }
  h += "</table>\n";

  h += "<h2>Key series</h2>\n";
  {
    std::vector<Line> power;
    if (r.isDataset(rs::powerPGeneration.path) && r.isDataset(rs::powerGeneratorName.path)) {
      const auto names = r.readStrings(rs::powerGeneratorName.path);
      for (std::size_t g = 0; g < names.size(); ++g) {
        const auto v = r.readColumn(rs::powerPGeneration.path, g);
        if (!v.empty() && *std::max_element(v.begin(), v.end()) > 0.0) keep(power, line(names[g], days, v, 1e-6));
      }
    }
    keep(power, series(r, days, rs::powerPFacility.path, "facility", 1e-6));
    keep(power, series(r, days, rs::powerPIt.path, "IT", 1e-6));
    keep(power, series(r, days, rs::powerPBattery.path, "battery (discharge > 0)", 1e-6));
    h += svgChart("Electrical power", "MW", power);
  }
  {
    const double c0 = -constants::kZeroCelsius;
    std::vector<Line> temps;
    keep(temps, series(r, days, rs::racksTChipMax.path, "hottest chip", 1.0, c0));
    keep(temps, series(r, days, rs::coolingTFacilitySupply.path, "facility supply", 1.0, c0));
    keep(temps, series(r, days, rs::coolingTDischarge.path, "seawater discharge", 1.0, c0));
    keep(temps, series(r, days, rs::coolingTIntake.path, "seawater intake", 1.0, c0));
    h += svgChart("Temperatures", "°C", temps);
  }
  {
    std::vector<Line> rise;
    keep(rise, series(r, days, rs::coolingRiseAboveAmbient.path, "main outfall"));
    keep(rise, series(r, days, rs::engineCoolingRise.path, "engine-room outfall"));
    if (const auto c = storedCase(r); c && !rise.empty()) {  // no permit line without the case
      const double permit = c->real("seawater.discharge_dT_max");
      rise.push_back({"permit (seawater.discharge_dT_max)", {rise[0].days.front(), rise[0].days.back()},
                      {permit, permit}, true});
    }
    h += svgChart("Outfall rise above the ambient sea", "K", rise);
  }
  {
    Line pue = series(r, days, rs::powerPFacility.path, "P_facility / P_IT,input");
    const Line it = series(r, days, rs::powerPItInput.path, "");
    if (pue.values.size() == it.values.size()) {
      for (std::size_t k = 0; k < pue.values.size(); ++k)
        pue.values[k] = it.values[k] > 0.0 ? pue.values[k] / it.values[k] : std::nan("");
    } else {
      pue.values.clear();
    }
    std::vector<Line> lines;
    keep(lines, pue);
    h += svgChart("PUE (instantaneous)", "1", lines);
  }
  {
    std::vector<Line> soc;
    keep(soc, series(r, days, rs::powerBatterySoc.path, "state of charge", 100.0));
    h += svgChart("Battery", "%", soc);
  }

  h += "<h2>Events</h2>\n";
  const auto et = r.isDataset(rs::eventsTime.path) ? r.readNumbers(rs::eventsTime.path) : std::vector<double>{};
  if (et.empty()) {
    h += "<p>No discrete events.</p>\n";
  } else {
    const auto kinds = r.readStrings(rs::eventsKind.path), comps = r.readStrings(rs::eventsComponent.path);
    constexpr std::size_t kShown = 300;
    h += fmt::format("<p>{} events{}.</p>\n<table><tr><th>t [d]</th><th>kind</th><th>component</th></tr>\n", et.size(),
                     et.size() > kShown ? fmt::format(", the first {} shown", kShown) : std::string());
    for (std::size_t k = 0; k < std::min(et.size(), kShown) && k < kinds.size() && k < comps.size(); ++k) {
      h += fmt::format("<tr><td class=\"num\">{:.4f}</td><td>{}</td><td>{}</td></tr>\n", et[k] / kDay,
                       escape(kinds[k]), escape(comps[k]));
    }
    h += "</table>\n";
  }
  h += "<p style=\"color:#777;font-size:0.8em\">Units and meanings from the result schema (docs/results-format.md); "
       "limits from the case stored in the result.</p>\n</body></html>\n";
  return h;
}

}  // namespace fdtwin::io
