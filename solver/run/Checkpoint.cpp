#include "run/Checkpoint.hpp"

#include <cmath>
#include <cstdint>
#include <initializer_list>

#include <fmt/format.h>

#include "core/Error.hpp"
#include "io/ResultSchema.hpp"

namespace fdtwin {

namespace rs = ::fdtwin::results;

namespace {

// The solver counters in /checkpoint/solver_counts, in its order.
std::vector<double> counters(const integrate::IntegratorStats& s, double wall) {
  return {static_cast<double>(s.steps),
          static_cast<double>(s.rhsEvals),
          static_cast<double>(s.jacEvals),
          static_cast<double>(s.linearSetups),
          static_cast<double>(s.nonlinearIterations),
          static_cast<double>(s.errorTestFailures),
          static_cast<double>(s.nonlinearFailures),
          static_cast<double>(s.rootEvals),
          s.rhsSeconds,
          s.jacSeconds,
          s.quadSeconds,
          s.rootSeconds,
          wall};
}
constexpr size_t kCounters = 13;

}  // namespace

Checkpoint takeCheckpoint(double t, const std::vector<double>& y, const std::vector<double>& quadratures,
                          const Plant& plant, const io::Recorder& recorder, const integrate::IntegratorStats& stats,
                          double wallSeconds) {
  Checkpoint cp;
  cp.time = t;
  cp.rows = recorder.rows();
  cp.fieldRows = recorder.fieldRows();
  cp.events = static_cast<long>(plant.events().size());
  for (const auto& s : plant.layout().states()) {
    cp.stateNames.push_back(s.name);
    cp.stateUnits.push_back(s.unit);
  }
  cp.y = y;
  cp.quadratures = quadratures;
  cp.discrete = plant.discreteState();
  cp.recorder = recorder.accumulators();
  cp.stats = stats;
  cp.wallSeconds = wallSeconds;
  return cp;
}

void writeCheckpoint(io::ResultWriter& w, const Checkpoint& cp) {
  w.attribute(rs::checkpointTime, cp.time);
  w.attribute(rs::checkpointRows, static_cast<long long>(cp.rows));
  w.attribute(rs::checkpointFieldRows, static_cast<long long>(cp.fieldRows));
  w.attribute(rs::checkpointEvents, static_cast<long long>(cp.events));
  const auto indexed = [&](const rs::Entry& index, const rs::Entry& values, const std::vector<double>& v) {
    w.writeIndex(index, v.size());
    w.write(values, v, {v.size()});
  };
  w.writeIndex(rs::checkpointStateIndex, cp.y.size());
  w.writeStrings(rs::checkpointStateName, cp.stateNames);
  w.writeStrings(rs::checkpointStateUnit, cp.stateUnits);
  w.write(rs::checkpointY, cp.y, {cp.y.size()});
  indexed(rs::checkpointQuadratureIndex, rs::checkpointQuadratures, cp.quadratures);
  indexed(rs::checkpointDiscreteIndex, rs::checkpointDiscrete, cp.discrete);
  indexed(rs::checkpointAccumulatorIndex, rs::checkpointRecorder, cp.recorder);
  indexed(rs::checkpointCounterIndex, rs::checkpointSolver, counters(cp.stats, cp.wallSeconds));
}

Checkpoint readCheckpoint(const ResultReader& r) {
  const auto bad = [&](const std::string& why) { return InputError(r.path(), 0, "/checkpoint", why); };
  if (!r.isGroup("/checkpoint")) {
    const std::string status = r.hasAttribute("/", "status") ? r.stringAttribute("/", "status") : "?";
    throw bad(fmt::format("the result has no checkpoint to resume from (status \"{}\"): only a run that was "
                          "interrupted, or one made with --checkpoint-interval, can be resumed",
                          status));
  }
  Checkpoint cp;
  cp.time = r.numberAttribute("/checkpoint", "time");
  const auto count = [&](const char* name) {
    const double v = r.numberAttribute("/checkpoint", name);
    if (!(v >= 0.0 && v < 1e15 && v == std::floor(v))) throw bad(fmt::format("@{} = {} is not a count", name, v));
    return static_cast<long>(v);
  };
  cp.rows = count("rows");
  cp.fieldRows = count("field_rows");
  cp.events = count("events");
  cp.stateNames = r.readStrings(rs::checkpointStateName.path);
  cp.stateUnits = r.readStrings(rs::checkpointStateUnit.path);
  cp.y = r.readNumbers(rs::checkpointY.path);
  cp.quadratures = r.readNumbers(rs::checkpointQuadratures.path);
  cp.discrete = r.readNumbers(rs::checkpointDiscrete.path);
  cp.recorder = r.readNumbers(rs::checkpointRecorder.path);
  const auto c = r.readNumbers(rs::checkpointSolver.path);
  if (c.size() != kCounters) throw bad(fmt::format("{} solver counters, expected {}", c.size(), kCounters));
  for (const std::vector<double>* v : std::initializer_list<const std::vector<double>*>{
           &cp.y, &cp.quadratures, &cp.discrete, &cp.recorder, &c}) {
    for (const double x : *v)
      if (std::isnan(x)) throw bad("a checkpoint value is not a number");
  }
  if (!std::isfinite(cp.time) || cp.time < 0.0) throw bad(fmt::format("@time = {}", cp.time));
  if (cp.y.size() != cp.stateNames.size() || cp.y.size() != cp.stateUnits.size())
    throw bad(fmt::format("{} states with {} names and {} units", cp.y.size(), cp.stateNames.size(),
                          cp.stateUnits.size()));
  auto& s = cp.stats;
  s.steps = static_cast<long>(c[0]);
  s.rhsEvals = static_cast<long>(c[1]);
  s.jacEvals = static_cast<long>(c[2]);
  s.linearSetups = static_cast<long>(c[3]);
  s.nonlinearIterations = static_cast<long>(c[4]);
  s.errorTestFailures = static_cast<long>(c[5]);
  s.nonlinearFailures = static_cast<long>(c[6]);
  s.rootEvals = static_cast<long>(c[7]);
  s.rhsSeconds = c[8];
  s.jacSeconds = c[9];
  s.quadSeconds = c[10];
  s.rootSeconds = c[11];
  cp.wallSeconds = c[12];
  // The rows it covers must be in the file, and its time must be that of its last row.
  const auto times = r.readNumbers(rs::time.path);
  const auto fieldTimes = r.readNumbers(r.timeScaleOf(rs::hullT.path));
  if (cp.rows < 1 || static_cast<size_t>(cp.rows) > times.size() || cp.fieldRows < 1 ||
      static_cast<size_t>(cp.fieldRows) > fieldTimes.size())
    throw bad(fmt::format("it covers {} rows and {} field rows; the file has {} and {}", cp.rows, cp.fieldRows,
                          times.size(), fieldTimes.size()));
  if (times[static_cast<size_t>(cp.rows) - 1] != cp.time || fieldTimes[static_cast<size_t>(cp.fieldRows) - 1] > cp.time)
    throw bad(fmt::format("its time {:.9g} s is not that of its last row ({:.9g} s)", cp.time,
                          times[static_cast<size_t>(cp.rows) - 1]));
  if (static_cast<size_t>(cp.events) > r.shape(rs::eventsTime.path).at(0))
    throw bad(fmt::format("it counts {} events; the file has {}", cp.events, r.shape(rs::eventsTime.path).at(0)));
  return cp;
}

std::vector<PlantEvent> checkpointEvents(const ResultReader& r, const Checkpoint& cp) {
  const auto times = r.readNumbers(rs::eventsTime.path);
  const auto kinds = r.readStrings(rs::eventsKind.path);
  const auto components = r.readStrings(rs::eventsComponent.path);
  const auto n = static_cast<size_t>(cp.events);
  if (kinds.size() < n || components.size() < n || times.size() < n)
    throw InputError(r.path(), 0, "/events", fmt::format("fewer than the checkpoint's {} events", n));
  std::vector<PlantEvent> events;
  events.reserve(n);
  for (size_t k = 0; k < n; ++k) events.push_back({times[k], kinds[k], components[k]});
  return events;
}

void copyRowsUpTo(const ResultReader& from, const Checkpoint& cp, io::ResultWriter& w) {
  for (int h = 0; h < w.seriesCount(); ++h) {
    const std::string& path = w.seriesPath(h);
    if (!from.isDataset(path)) throw InputError(from.path(), 0, path, "missing: the rows cannot be resumed");
    const auto shape = from.shape(path);
    const size_t width = w.seriesWidth(h);
    const bool field = from.timeScaleOf(path) == rs::fieldTime.path;
    const auto rows = static_cast<size_t>(field ? cp.fieldRows : cp.rows);
    const bool fits = shape.size() == (width == 0 ? 1U : 2U) && (width == 0 || shape[1] == width) && shape[0] >= rows;
    if (!fits)
      throw InputError(from.path(), 0, path,
                       fmt::format("its shape does not fit {} rows of width {} of this case", rows, width));
    const auto values = from.readNumbers(path);
    w.appendRows(h, values.data(), rows);
  }
}

}  // namespace fdtwin
