#pragma once
// Utilization u(t) in [0, 1] of a hall's racks. Rack power is P = P_idle + (P_peak - P_idle)·u.
//
// training:  a square-ish wave: compute at `level` for most of each `period`, and in the
//            middle of the period a linear ramp of `ramp` s down to `dipLevel`·`level`, a dip
//            of `dipDuration` s (synchronisation / checkpoint) and a ramp back up. (Centred, so
//            that output rows at multiples of the period sample the settled compute phase
//            rather than the end of a dip.) Shape from H100 training traces (compute ~100 %,
//            dips ~27 % of compute power within about a second; data/h100_training_power).
//            With `dipsResolved` false, u is the mean of that shape over one period,
//            u = level·[1 − (1 − dipLevel)·(dipDuration + ramp)/period] (the same IT energy
//            per period; the dip transients are not followed: docs/decisions.md, "Training
//            dips at hourly output").
// inference: a diurnal cycle, trough at 04:00 and peak at 16:00 local time:
//            u = level·[m + (1 - m)·(1 + cos(2π(h - 16)/24))/2], m = `inferenceMin`.
// idle:      u = 0.
// csv:       a trace (time_s, utilization), linearly interpolated, repeated periodically.
// The profile is continuous in time (ramps, no jumps); nextBreakpoint() gives the kinks so the
// integrator can stop on them and never step over a dip.
#include <limits>
#include <string>
#include <vector>

namespace fdtwin::it {

enum class ProfileKind { Training, Inference, Idle, Csv };

// The keyed members (it.utilization, it.training_*, it.inference_min) have their one default in
// the case schema (io::defaultPlantParams().it.profile); the others are set by their users.
struct ProfileParams {
  ProfileKind kind;
  double level;         // 1
  double period;        // s
  double dipDuration;   // s
  double dipLevel;      // 1
  double ramp;          // s
  bool dipsResolved;    // false: the period mean instead of each dip
  double phase = 0.0;   // s, shifts the training pattern (Plant: hall k is shifted by k·hallPhaseShift)
  double inferenceMin;  // 1
  double startHourOfDay = 0.0;            // local hour at t = 0 (from case.start)
  std::vector<double> csvTime, csvValue;  // for Csv
};

// A job: the racks firstRack … lastRack (0-based, in the order of /racks/name) running one
// profile. The keyed members of its profile come from it.* and it.jobs (run/PlantFromCase).
struct JobParams {
  ProfileParams profile;
  int firstRack, lastRack;
};

class UtilizationProfile {
 public:
  explicit UtilizationProfile(ProfileParams p);
  double at(double t) const;
  // Mean of the training shape over one period (1).
  double trainingMean() const;
  // The first kink strictly after t (+inf when none).
  double nextBreakpoint(double t) const;
  const ProfileParams& params() const { return m_p; }

 private:
  double dipStart() const;  // position of the ramp down inside the period
  ProfileParams m_p;
};

}  // namespace fdtwin::it
