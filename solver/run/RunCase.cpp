#include "run/RunCase.hpp"

#include <chrono>
#include <cmath>
#include <cstring>
#include <ctime>
#include <limits>
#include <memory>
#include <optional>
#include <string_view>

#include <fmt/format.h>

#include "cfd/CfdCoupler.hpp"
#include "core/Error.hpp"
#include "core/Schema.hpp"
#include "core/UtcTime.hpp"
#include "fdtwin/Version.hpp"
#include "integrate/Integrator.hpp"
#include "io/ResultSchema.hpp"
#include "io/KeyValue.hpp"
#include "io/ResultWriter.hpp"
#include "io/XdmfWriter.hpp"
#include "model/Plant.hpp"
#include "run/CfdFromCase.hpp"
#include "run/CfdRecorder.hpp"
#include "run/Checkpoint.hpp"
#include "run/PlantFromCase.hpp"
#include "run/Recorder.hpp"

namespace fdtwin {

RunSummary runCase(const Case& c, const RunOptions& options, const ProgressCallback& progress,
                   const std::atomic<bool>* cancel) {
  using Clock = std::chrono::steady_clock;
  const auto wall0 = Clock::now();
  auto wall = [&] { return std::chrono::duration<double>(Clock::now() - wall0).count(); };

  const double duration = options.duration > 0 ? options.duration : c.real("case.duration");
  const double dtOut = options.outputInterval > 0 ? options.outputInterval : c.real("case.output_interval");
  const double rtol = c.real("solver.rtol");
  // Input first (the run's clock, environment CSV, output path), so a bad input stops before
  // any work. A duration or interval given here (sweeps, the viewer) keeps its key's range.
  for (const auto& [key, value] : {std::pair<const char*, double>{"case.duration", duration},
                                   std::pair<const char*, double>{"case.output_interval", dtOut}}) {
    if (const std::string why = io::outOfRange(*findKey(key), value); !why.empty()) throw InputError("", 0, key, why);
  }
  const double rows = std::ceil(duration / dtOut - 1e-9) + 1.0;
  if (rows > static_cast<double>(options.maxRows)) {
    throw InputError("", 0, "case.output_interval",
                     fmt::format("the run would write {:.0f} output rows (duration / output interval + 1), more "
                                 "than the {} allowed: choose a longer output interval or raise the limit with "
                                 "--max-rows",
                                 rows, options.maxRows));
  }
  const PlantParams params = io::plantParams(c);
  auto environment = io::makeEnvironment(c, duration);
  // A resumed run: its checkpoint, read and checked before anything is written.
  std::unique_ptr<ResultReader> resumed;
  std::optional<Checkpoint> start;
  std::string commandLine = options.commandLine;
  if (!options.resumeFrom.empty()) {
    resumed = std::make_unique<ResultReader>(options.resumeFrom);
    start = readCheckpoint(*resumed);
    const auto bad = [&](const std::string& why) { return InputError(options.resumeFrom, 0, "--resume", why); };
    if (!options.cfdMode.empty() || resumed->isGroup("/cfd"))
      throw bad("a CFD-coupled run cannot be resumed yet (its OpenFOAM fields are not in the checkpoint): run it "
                "again, or without --cfd");
    const double tol = 1e-9 * std::max(1.0, duration);
    if (start->time >= duration - tol)
      throw bad(fmt::format("the checkpoint is at t = {:.9g} s, the end of the run: give a longer --duration to "
                            "continue it",
                            start->time));
    if (std::abs(static_cast<double>(start->rows - 1) * dtOut - start->time) > tol)
      throw bad(fmt::format("the checkpoint at t = {:.9g} s is not on the output rows of this run ({} rows of {:.9g} s)",
                            start->time, start->rows, dtOut));
    const std::string before = resumed->rootAttributes()["command_line"];
    commandLine = fmt::format("{} ; resumed at t = {:.9g} s by: {}", before, start->time, options.commandLine);
  }
  io::ResultWriter writer(options.outputPath);

  Plant plant(params, environment);
  std::vector<double> y = plant.initialState();
  if (start) {
    const auto& states = plant.layout().states();
    bool same = start->stateNames.size() == states.size();
    for (size_t i = 0; same && i < states.size(); ++i) same = start->stateNames[i] == states[i].name;
    if (!same)
      throw InputError(options.resumeFrom, 0, "/checkpoint/state_name",
                       fmt::format("the checkpoint's {} states are not the {} states of this case's plant (a result of "
                                   "another fdtwin version?)",
                                   start->stateNames.size(), states.size()));
    y = start->y;
  }
  // --- CFD coupling: the coupler installs the plant's hooks and runs the first window.
  std::unique_ptr<cfd::CfdCoupler> coupler;
  if (!options.cfdMode.empty()) {
    coupler = std::make_unique<cfd::CfdCoupler>(io::cfdParams(c), plant, options.cfdMode, options.cfdTable,
                                                options.outputPath + ".cfd");
    coupler->exchange(0.0, y.data());
  }
  // --- end CFD coupling
  std::vector<double> scales;
  for (const auto& s : plant.layout().states()) scales.push_back(s.scale);
  integrate::Integrator integrator(plant, scales, rtol, c.real("solver.max_step"));
  if (start) {
    integrator.initialize(start->time, y, start->quadratures, start->stats);
  } else {
    integrator.initialize(0.0, y);
  }

  writer.expectRows(static_cast<size_t>(std::ceil(duration / dtOut - 1e-9)) + 1);
  writer.setCompression(static_cast<int>(c.integer("case.output_compression")));
  writer.attribute(results::fdtwinVersion, std::string(kVersion));
  writer.attribute(results::createdUtc, utcTimestamp());
  // Rows of the per-element fields: every field_interval, a whole number of output rows.
  const double fieldRows = std::round(c.real("case.field_interval") / dtOut);
  const long fieldEvery = fieldRows < 1.0 ? 1L : fieldRows > 1e15 ? 1000000000000000L : static_cast<long>(fieldRows);
  io::Recorder recorder(writer, plant,
                        {c.string("case.name"), c.toToml(), commandLine, c.string("case.start")},
                        params.seawater.salinity, fieldEvery);
  double t = 0.0;
  long outputs = 0;
  const double wallBefore = start ? start->wallSeconds : 0.0;  // of the run up to its checkpoint
  auto runWall = [&] { return wallBefore + wall(); };
  if (start) {  // the rows up to the checkpoint from the old file, then its state
    copyRowsUpTo(*resumed, *start, writer);
    try {
      recorder.restore(start->recorder, start->quadratures);
      plant.restoreDiscreteState(start->discrete, checkpointEvents(*resumed, *start));
    } catch (const std::invalid_argument& e) {
      throw InputError(options.resumeFrom, 0, "/checkpoint", std::string("does not fit this case: ") + e.what());
    }
    t = start->time;
    outputs = start->rows - 1;
    resumed.reset();
  } else {
    recorder.record(0.0, y.data(), integrator.quadratures(0.0));
  }
  // The checkpoint stored at the end: the last one every checkpointInterval, or the last row's
  // when the run is interrupted.
  std::optional<Checkpoint> checkpoint;
  double lastCheckpoint = t;
  auto takeCheckpointHere = [&] {
    checkpoint = takeCheckpoint(t, y, integrator.quadratures(t), plant, recorder, integrator.stats(), runWall());
    lastCheckpoint = t;
  };
  const long nOut = static_cast<long>(std::ceil(duration / dtOut - 1e-9));
  auto outputTime = [&](long k) { return std::min(duration, static_cast<double>(k) * dtOut); };
  double nextOut = outputTime(outputs + 1);
  const double tol = 1e-9 * std::max(1.0, duration);
  constexpr double kNever = std::numeric_limits<double>::infinity();
  // The next discontinuity after t, where the integrator must stop (a step must not straddle
  // it): the plant's time events, the end of the run, and the live CFD windows (each hands the
  // plant a new intake rise and hull h). The surrogate's exchanges only record, on a
  // continuous plant: they are sampled like output rows, from the interpolant.
  auto nextStop = [&](double after) {
    const bool stepwise = coupler && coupler->changesPlant();
    return std::min({duration, plant.nextTimeEvent(after), stepwise ? coupler->nextExchange(after) : kNever});
  };
  double tStop = nextStop(t);
  RunSummary summary;
  // Ends the result file: status, events, solver statistics, the /cfd group and, for a run
  // that completed, the KPIs (also returned in summary.kpi); committed, with its XDMF companion.
  auto closeResult = [&](const char* status) {
    const bool complete = std::string_view(status) == "complete";
    writer.attribute(results::status, std::string(status));
    for (const auto& [k, v] : recorder.finish(integrator.stats(), runWall(), rtol, complete)) summary.kpi[k] = v;
    if (coupler)
      io::recordCfd(writer, *coupler, c.string("case.start"), summary.kpi, complete);  // /cfd group, CFD KPIs
    if (checkpoint) writeCheckpoint(writer, *checkpoint);
    writer.commit();
    io::writeXdmf(options.outputPath);
  };
  try {
    while (outputs < nOut) {
      // Output rows and surrogate exchanges do not stop the integrator: it returns them from
      // its interpolant when it has stepped past them, so the output interval does not set
      // the step count. Rows at a discontinuity come after its events (the state after them).
      const double tOut = std::min({nextOut, tStop, coupler ? coupler->nextExchange(t) : kNever});
      const auto result = integrator.advance(tOut, tStop, t, y);
      bool changed = false;
      if (result == integrate::StepResult::Root) {
        changed = plant.handleRoots(t, y.data(), integrator.rootsFound());
      } else if (result == integrate::StepResult::ReachedStop) {
        changed = plant.handleTimeEvents(t, y.data());
      }
      if (coupler && coupler->due(t) && t < duration - tol) {  // CFD window boundary: exchange fields
        coupler->exchange(t, y.data());
        changed = changed || coupler->changesPlant();
      }
      if (changed) integrator.reinitialize(t, y);
      // The plant's events may have moved (an engine start schedules its ready time).
      if (result != integrate::StepResult::ReachedOutput || changed) tStop = nextStop(t);
      if (t == nextOut) {  // exact: the integrator returns output times as asked (advance)
        recorder.record(t, y.data(), integrator.quadratures(t), outputs + 1 == nOut);
        ++outputs;
        nextOut = outputTime(outputs + 1);
        if (options.checkpointInterval > 0.0 &&
            (t >= lastCheckpoint + options.checkpointInterval - tol || outputs == nOut))
          takeCheckpointHere();
        if (progress) progress({t, duration, wall()});
        if (cancel && cancel->load()) throw RunCancelled();
        // A signal (Ctrl-C, a batch system's time limit): stop at this row, keep the rows so far
        // and the state to resume from.
        if (const int sig = options.interrupt ? options.interrupt->load() : 0; sig != 0 && outputs < nOut) {
          takeCheckpointHere();
          const std::string why = fmt::format(
              "stopped by signal {} ({}) at t = {:.6g} s; the {} rows up to it are kept with a checkpoint "
              "(to go on: fdtwin run --resume {})",
              sig, strsignal(sig), t, outputs + 1, options.outputPath);
          writer.attribute(results::failure, why);
          closeResult("interrupted");
          throw RunInterrupted(sig, fmt::format("{}; status \"interrupted\"", why), options.outputPath);
        }
      }
    }
  } catch (const RunError& e) {
    // A solver or CFD failure: the rows written so far stay a valid result file, marked as
    // failed (no /kpi: KPIs describe whole runs), and the error says where they are.
    const double lastRow = outputTime(outputs);
    writer.attribute(results::failure, std::string(e.what()));
    closeResult("failed");
    throw RunFailedPartWay(
        e.simTime(), e.where(),
        fmt::format("{}\nthe {} rows up to t = {:.6g} s are kept in {} (status \"failed\")", e.message(),
                    outputs + 1, lastRow, options.outputPath),
        options.outputPath);
  }
  closeResult("complete");
  summary.outputPath = options.outputPath;
  summary.wallSeconds = runWall();
  summary.steps = integrator.stats().steps;
  return summary;
}

}  // namespace fdtwin
