#pragma once
// Records a plant run into a result file (io/ResultSchema.hpp, docs/results-format.md): every
// item through its schema entry. The static geometry once,
// then one row of every time series per output time (the per-element fields of the hull and
// the racks only every `fieldEvery`-th row and at the last, on `/field_time`), then the KPIs,
// events and solver statistics. Tracks the running maxima the KPIs need at every row, so
// nothing is read back and no KPI depends on the field interval.
#include <string>
#include <vector>

#include "integrate/Integrator.hpp"
#include "io/ResultWriter.hpp"
#include "model/Plant.hpp"

namespace fdtwin::io {

struct Provenance {
  std::string caseName, caseToml, commandLine, startDatetime;
};

class Recorder {
 public:
  // fieldEvery >= 1: output rows per row of the per-element fields (case.field_interval).
  Recorder(ResultWriter& writer, Plant& plant, const Provenance& prov, double salinity, long fieldEvery = 1);
  // One output row at (t, y); quad = the plant's quadratures integrated from 0 to t; last:
  // the run's final row (always a field row).
  void record(double t, const double* y, const std::vector<double>& quad, bool last = false);
  // KPIs (returned and written to /kpi), events, solver statistics. A run that failed
  // (complete = false) keeps its rows, events and statistics but gets no /kpi group: KPIs
  // describe a whole run.
  std::vector<std::pair<std::string, double>> finish(const integrate::IntegratorStats& stats, double wallTime,
                                                     double rtol, bool complete = true);

  // For checkpoints (run/Checkpoint): the running values the KPIs need (E_0, maxima, times
  // outside the envelopes, the previous row's time) and the row counts; restore() continues
  // from them, with the quadratures at the last row, after the rows were copied to the writer.
  std::vector<double> accumulators() const;
  void restore(const std::vector<double>& accumulators, const std::vector<double>& quad);
  long rows() const { return m_rows; }
  long fieldRows() const { return m_fieldRows; }

 private:
  ResultWriter& m_w;
  Plant& m_plant;
  PlantSignals m_sig;
  std::vector<double> m_row;
  double m_E0 = 0.0, m_residual = 0.0;
  double m_chipMax = 0.0, m_dTMax = 0.0, m_riseMax = 0.0, m_ltMax = 0.0;
  double m_spreadMax = 0.0;  // K, largest max − min of T_chip within one rack row
  int m_hottestRack = 0;     // the rack that reached m_chipMax
  // Air side: warmest inlet, time outside the envelopes, smallest dew-point margin, time below alarm [s].
  double m_inletMax = 0.0, m_recTime = 0.0, m_allowTime = 0.0, m_dewMin = 1e300, m_dewLowTime = 0.0;
  double m_prevT = 0.0;
  int h_rowIn = -1, h_rowEx = -1, h_W = -1, h_rh = -1, h_dew = -1, h_dewMargin = -1, h_cond = -1;
  std::vector<double> m_lastQuad;
  double m_lastT = 0.0;  // s, time of the last row
  bool m_first = true;
  long m_fieldEvery = 1, m_rows = 0, m_fieldRows = 0;  // output rows per field row; rows and field rows so far
  std::string m_timeUnits;  // `/time@units`, also of /events/time
  // series handles
  int h_time, h_fieldTime, h_TchipMax, h_Tchip, h_Tout, h_Pit, h_Tair, h_Tamb, h_Tin, h_Tdis, h_dT, h_mdot, h_Qsw, h_Ppumps, h_speed,
      h_Tfs, h_Tfr, h_Rf, h_hullT, h_PitTot, h_Pcool, h_Photel, h_Pfac, h_Pdem, h_Punserved, h_Pdumped,
      h_Pgen, h_Pbat, h_soc, h_online, h_fuel, h_co2, h_envSst, h_envAir, h_envG, h_envWind, h_envCurrent,
      h_src, h_snk, h_srcE, h_snkE, h_Estored, h_rise, h_ecQ, h_ecTamb, h_ecTin, h_ecTdis, h_ecRise, h_ecMdot,
      h_ecP, h_ecTlt, h_Paux, h_PitIn, h_lossTx, h_lossCable, h_lossUps, h_lossShelf, h_chQ, h_chP, h_chCop,
      h_chStages, h_chTl, h_chTcd, h_PswPumps, h_UaHx;
};

}  // namespace fdtwin::io
