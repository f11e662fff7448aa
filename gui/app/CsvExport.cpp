#include "app/CsvExport.hpp"

#include <fmt/format.h>

#include <cstdio>
#include <fstream>
#include <stdexcept>
#include <vector>

#include "scene/ResultModel.hpp"

namespace fdtwin::gui {
namespace {

struct Column {
  std::string header;
  std::vector<double> values;
};

// [nt, k] datasets whose columns are named by another dataset.
const char* const kNamedTables[][2] = {{"/power/P_generation", "/power/generator_name"},
                                       {"/balance/sources", "/balance/source_names"},
                                       {"/balance/sinks", "/balance/sink_names"}};

std::string quoted(const std::string& s) {
  if (s.find_first_of(",\"\n") == std::string::npos) return s;
  std::string out = "\"";
  for (char c : s) out += c == '"' ? std::string("\"\"") : std::string(1, c);
  return out + "\"";
}

}  // namespace

void writeCsv(const ResultModel& result, std::ostream& out) {
  const ResultReader& r = result.reader();
  std::vector<Column> columns;
  for (const std::string& group : r.list("/")) {
    const std::string gpath = "/" + group;
    if (!r.isGroup(gpath) || group == "hull" || group == "racks" || group == "events" || group == "cfd")
      continue;
    for (const std::string& name : r.list(gpath)) {
      const std::string path = fmt::format("{}/{}", gpath, name);
      if (!r.isDataset(path)) continue;
      const auto& values = result.series(path);
      if (values.empty()) continue;
      columns.push_back({fmt::format("{}/{} [{}]", group, name, r.units(path)), values});
    }
  }
  for (const auto& table : kNamedTables) {
    const auto names = result.names(table[1]);
    for (std::size_t k = 0; k < names.size(); ++k) {
      auto values = result.seriesColumn(table[0], k);
      if (values.empty()) break;
      columns.push_back(
          {std::string(table[0] + 1) + ":" + names[k] + " [" + r.units(table[0]) + "]", values});
    }
  }
  out << "time_s,datetime";
  for (const Column& c : columns) out << ',' << quoted(c.header);
  out << '\n';
  char buf[32];
  for (std::size_t i = 0; i < result.timeCount(); ++i) {
    const double t = result.times()[i];
    std::snprintf(buf, sizeof buf, "%.10g", t);
    out << buf << ',' << result.clock().at(t).toString(Qt::ISODate).toStdString();
    for (const Column& c : columns) {
      std::snprintf(buf, sizeof buf, "%.10g", c.values[i]);
      out << ',' << buf;
    }
    out << '\n';
  }
}

void writeCsv(const ResultModel& result, const std::string& path) {
  std::ofstream out(path);
  if (!out) throw std::runtime_error(path + ": cannot be written");
  writeCsv(result, out);
  out.close();
  if (!out) throw std::runtime_error(path + ": write failed (disk full?)");
}

}  // namespace fdtwin::gui
