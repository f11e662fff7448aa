#pragma once
// Checkpoints: the whole state of a run at one of its output rows, stored in the result file
// under /checkpoint (io/ResultSchema.hpp, docs/results-format.md) so that
// `fdtwin run --resume OUT.h5` continues the run from there (runCase, RunOptions::resumeFrom):
// - the integrator's states y (with their names and units) and quadratures (the integrals of
//   the energy ledger and the plant's totals from t = 0), and its counters;
// - the plant's discrete state (Plant::discreteState) and how many events it had logged;
// - the recorder's running KPI values and row counts (io::Recorder::accumulators).
// A resumed run writes a new file: the rows up to the checkpoint copied from the old one,
// then CVODES restarted at the checkpoint's time from its states (as after any discrete event
// of the plant), so the rows after it agree with an uninterrupted run within the solver's
// tolerance, not bit for bit.
#include <string>
#include <vector>

#include "integrate/Integrator.hpp"
#include "io/ResultReader.hpp"
#include "io/ResultWriter.hpp"
#include "model/Plant.hpp"
#include "run/Recorder.hpp"

namespace fdtwin {

struct Checkpoint {
  double time = 0.0;                      // s, the time of the last output row it covers
  long rows = 0, fieldRows = 0;           // rows of /time and /field_time up to it
  long events = 0;                        // events logged up to it
  std::vector<std::string> stateNames, stateUnits;
  std::vector<double> y, quadratures, discrete, recorder;
  integrate::IntegratorStats stats;       // counters and callback seconds up to it
  double wallSeconds = 0.0;               // wall time of the run up to it
};

// The checkpoint of a run at the row it has just recorded at t.
Checkpoint takeCheckpoint(double t, const std::vector<double>& y, const std::vector<double>& quadratures,
                          const Plant& plant, const io::Recorder& recorder, const integrate::IntegratorStats& stats,
                          double wallSeconds);

// Writes /checkpoint (before the writer commits).
void writeCheckpoint(io::ResultWriter& writer, const Checkpoint& cp);

// Reads and checks /checkpoint of a result file. Throws InputError (the file, what is wrong)
// when the file has none (a complete run made without --checkpoint-interval) or when it does
// not fit the file's rows and events.
Checkpoint readCheckpoint(const ResultReader& result);

// The events of `result` up to the checkpoint.
std::vector<PlantEvent> checkpointEvents(const ResultReader& result, const Checkpoint& cp);

// Appends to every series of `writer` the rows of the same dataset in `from` up to the
// checkpoint (cp.rows of a /time series, cp.fieldRows of a /field_time series). Throws
// InputError when a dataset is missing or has another width.
void copyRowsUpTo(const ResultReader& from, const Checkpoint& cp, io::ResultWriter& writer);

}  // namespace fdtwin
