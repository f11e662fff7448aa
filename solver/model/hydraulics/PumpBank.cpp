#include "model/hydraulics/PumpBank.hpp"

#include <algorithm>
#include <stdexcept>

#include "core/Constants.hpp"

namespace fdtwin::hydraulics {

double motorSizingMargin(double pumpShaftPower) {
  if (pumpShaftPower < 22e3) return 1.25;
  if (pumpShaftPower <= 55e3) return 1.15;
  return 1.10;
}

PumpParams seawaterPumpBank(int running, int spares, double designMassFlow, double designHead, double shutoffRatio,
                            const PumpEfficiencies& e, double rho) {
  return pumpBankParams({running, spares, designMassFlow / rho, designHead, shutoffRatio, e.bep, e.motor, e.drive, rho});
}

PumpParams pumpBankParams(const PumpBankDesign& d) {
  if (d.running < 1 || d.spares < 0 || !(d.designFlow > 0.0) || !(d.designHead > 0.0) ||
      !(d.shutoffRatio > 1.0))
    throw std::invalid_argument(
        "pump bank: need >= 1 running pump, spares >= 0, flow and head > 0, H0/H_d > 1");
  PumpParams p{};
  const double q = d.designFlow / d.running;
  p.curve = quadraticThroughDesignPoint(d.shutoffRatio * d.designHead, q, d.designHead);
  p.bepFlow = q;
  p.bepEfficiency = d.bepEfficiency;
  p.count = d.running;
  const double shaft = d.density * constants::kStandardGravity * q * d.designHead / d.bepEfficiency;
  p.motorRatedPower = motorSizingMargin(shaft) * shaft;
  const double em = d.motorEfficiency;
  p.motorEfficiency = {{0.5, em - 0.004}, {0.75, std::min(em + 0.001, 1.0)}, {1.0, em}};
  p.driveRatedPower = p.motorRatedPower / em;
  const double ed = d.driveEfficiency;
  p.driveEfficiency = {{0.25, ed - 0.028}, {0.5, ed - 0.008}, {1.0, ed}};
  return p;
}

PumpOperatingPoint closedLoopDuty(int running, double designFlow, double loopHead, double bepEfficiency,
                                  double motorEfficiency, double driveEfficiency, double density) {
  if (!(designFlow > 0.0) || !(loopHead > 0.0)) return {};
  PumpBankDesign d{};
  d.running = running;
  d.spares = 0;
  d.designFlow = designFlow;
  d.designHead = (1.0 + kClosedLoopHeadMargin) * loopHead;
  d.shutoffRatio = kClosedLoopShutoffRatio;
  d.bepEfficiency = bepEfficiency;
  d.motorEfficiency = motorEfficiency;
  d.driveEfficiency = driveEfficiency;
  d.density = density;
  const Pump pump(pumpBankParams(d));
  const SystemCurve loop{0.0, loopHead / (designFlow * designFlow)};
  return pump.operatingPoint(pump.speedForFlow(designFlow, loop), loop, density);
}

}  // namespace fdtwin::hydraulics
