#include "model/cooling/AshraeClass.hpp"

#include <algorithm>

namespace fdtwin::cooling {

namespace {
constexpr double kC = 273.15;  // K at 0 degC
}  // namespace

AshraeEnvelope ashraeRecommended(AshraeClass c) {
  if (c == AshraeClass::H1) return {kC + 18.0, kC + 22.0, kC + 15.0, 0.70};
  return {kC + 18.0, kC + 27.0, kC + 15.0, 0.70};
}

AshraeEnvelope ashraeAllowable(AshraeClass c) {
  switch (c) {
    case AshraeClass::A1:
      return {kC + 15.0, kC + 32.0, kC + 17.0, 0.80};
    case AshraeClass::A2:
      return {kC + 10.0, kC + 35.0, kC + 21.0, 0.80};
    case AshraeClass::A3:
      return {kC + 5.0, kC + 40.0, kC + 24.0, 0.85};
    case AshraeClass::A4:
      return {kC + 5.0, kC + 45.0, kC + 24.0, 0.90};
    case AshraeClass::H1:
      break;
  }
  return {kC + 5.0, kC + 25.0, kC + 17.0, 0.80};
}

double envelopeMargin(const AshraeEnvelope& e, double T, double dew, double rh) {
  return std::min({T - e.tLow, e.tHigh - T, e.dewHigh - dew, (e.rhHigh - rh) * 100.0});
}

std::string ashraeClassName(AshraeClass c) {
  switch (c) {
    case AshraeClass::A1:
      return "A1";
    case AshraeClass::A2:
      return "A2";
    case AshraeClass::A3:
      return "A3";
    case AshraeClass::A4:
      return "A4";
    case AshraeClass::H1:
      break;
  }
  return "H1";
}

}  // namespace fdtwin::cooling
