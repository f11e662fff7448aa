#pragma once
// Writes a result's time series as one CSV table: time_s, datetime, then every 1-D series of
// one value per output time, and every column of the [nt, k] datasets that have a names list
// (generation per unit, energy balance terms). Per-rack and per-panel data are left out
// (use `fdtwin export`, or h5py, for those). Headers carry units: "power/P_it [W]".
// Widget-free.
#include <ostream>
#include <string>

namespace fdtwin::gui {

class ResultModel;

// Throws std::runtime_error when the file cannot be written.
void writeCsv(const ResultModel& result, const std::string& path);
void writeCsv(const ResultModel& result, std::ostream& out);

}  // namespace fdtwin::gui
