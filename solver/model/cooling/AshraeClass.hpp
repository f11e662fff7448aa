#pragma once
// ASHRAE TC 9.9 thermal guideline classes for the server inlet air (ASHRAE, "Thermal Guidelines
// for Data Processing Environments", 5th ed. 2021; table in reference/physics.md §4.3).
//
// Dry-bulb envelopes of the inlet air [K]:
//   recommended  A1-A4: 18 .. 27 degC                 H1: 18 .. 22 degC
//   allowable    A1: 15 .. 32 degC   A2: 10 .. 35 degC   A3: 5 .. 40 degC   A4: 5 .. 45 degC
//                H1: 5 .. 25 degC (the 2021 high-density class; UNVERIFIED here: not in the
//                reference table, taken from the guideline's summary as remembered)
// Upper moisture limits (same guideline): recommended dew point <= 15 degC and rh <= 70 %;
// allowable dew point <= 17 degC and rh <= 80 % (A1), <= 21 degC and 80 % (A2),
// <= 24 degC and 85 % (A3), <= 24 degC and 90 % (A4), <= 17 degC and 80 % (H1). The lower
// moisture limits (dew point -9 .. -12 degC, rh 8 %: the electrostatic-discharge side) are
// not checked.
//
// An inlet state (T, T_dew, rh) is inside an envelope when
//   margin = min(T − T_lo, T_hi − T, T_dew,hi − T_dew, rh_hi − rh·100 K) >= 0
// (rh in [0, 1], scaled by 100 K so that 1 % rh weighs as 1 K); the margin is continuous in the
// state, which makes it a root function for the plant's events.
#include <string>

namespace fdtwin::cooling {

enum class AshraeClass { A1, A2, A3, A4, H1 };

struct AshraeEnvelope {
  double tLow, tHigh;  // K, dry bulb
  double dewHigh;      // K, upper dew point
  double rhHigh;       // 1, upper relative humidity
};

AshraeEnvelope ashraeRecommended(AshraeClass c);
AshraeEnvelope ashraeAllowable(AshraeClass c);
// Signed distance [K] of the inlet state (dry bulb T [K], dew point dew [K], rh [0..1]) inside
// the envelope (negative outside).
double envelopeMargin(const AshraeEnvelope& e, double T, double dew, double rh);
std::string ashraeClassName(AshraeClass c);

}  // namespace fdtwin::cooling
