#include "model/seawater/SeawaterSystem.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numbers>

#include "core/Constants.hpp"
#include "model/cooling/EpsilonNtu.hpp"
#include "model/hydraulics/PumpBank.hpp"
#include "model/properties/Seawater.hpp"

namespace fdtwin::seawater {

void SeawaterSystem::declareStates(network::StateLayout& layout) {
  m_states.integralSupply = layout.add("seawater pump PI integral (supply)", "seawater", "1", 1.0, 1.0);
  m_states.integralDischarge = layout.add("seawater pump PI integral (discharge)", "seawater", "1", 1.0, 1.0);
  m_states.dischargeRise = layout.add("seawater outfall rise above ambient (measured)", "seawater", "K", 10.0, 5.0);
}

void SeawaterSystem::rhs(const double* y, double* ydot, double tFs, double dischargeRise) const {
  const auto& c = m_states;
  controllerRates(tFs, y[c.dischargeRise], y[c.integralSupply], y[c.integralDischarge],
                  &ydot[c.integralSupply], &ydot[c.integralDischarge]);
  ydot[c.dischargeRise] = (dischargeRise - y[c.dischargeRise]) / kSensorLag;
}

namespace {

constexpr double kReferenceT = 293.15;  // K, seawater properties for the hydraulic design

cooling::PlateExchangerParams plateParams(const SeawaterParams& p) {
  cooling::PlateExchangerParams x{};
  x.channelsPerSide = p.hxChannels;
  x.plateWidth = p.hxPlateWidth;
  x.plateLength = p.hxPlateLength;
  x.corrugationDepth = p.hxCorrugationDepth;
  x.enlargementFactor = p.hxEnlargement;
  x.chevronAngle = p.hxChevronAngle * std::numbers::pi / 180.0;
  x.plateThickness = p.hxPlateThickness;
  x.plateConductivity = 21.9;  // W/(m K), titanium grade 1/2 (physics sheet §2.3)
  x.foulingHot = p.hxFoulingFacility;
  x.foulingCold = 0.0;  // the seawater side's R_f(t) is added to 1/U_clean
  x.salinityHot = 0.0;  // facility loop: fresh water
  x.salinityCold = p.salinity;
  return x;
}

double plateDrop(const cooling::PlateExchanger& hx, const SeawaterParams& p) {
  const props::FluidProperties sw = props::seawater(kReferenceT, p.salinity);
  return hx.side(p.designFlow / p.hxUnits, sw, sw.mu).pressureDrop;
}

hydraulics::SystemCurve systemCurveFor(const SeawaterParams& p, double rho, double hxDrop) {
  const double q = p.designFlow / rho;
  return {p.pumpHeadStatic, (p.pipingHeadLoss + hxDrop / (rho * constants::kStandardGravity)) / (q * q)};
}

}  // namespace

SeawaterSystem::SeawaterSystem(const SeawaterParams& p, const CoolingParams& c)
    : m_p(p),
      m_c(c),
      m_rho(props::seawater(kReferenceT, p.salinity).rho),
      m_hx(plateParams(p)),
      m_hxDrop(plateDrop(m_hx, p)),
      m_system(systemCurveFor(p, m_rho, m_hxDrop)),
      m_designHead(m_system.staticHead + m_system.resistance * (p.designFlow / m_rho) * (p.designFlow / m_rho)),
      m_pump(hydraulics::seawaterPumpBank(p.pumpCount, p.pumpSpares, p.designFlow, m_designHead, p.pumpShutoffRatio,
                                          {c.pumpEfficiency, c.motorEfficiency, c.vfdEfficiency}, m_rho)),
      m_minSpeed(std::max(p.minSpeed, m_pump.speedForFlow(kMinimumFlowShare * p.designFlow / m_rho, m_system))) {
  m_pi.gain = p.controllerGain;
  m_pi.integralTime = p.controllerIntegralTime;
  m_pi.trackingTime = p.controllerIntegralTime;
}

double SeawaterSystem::speed(double tFs, double dTMeasured, double i1, double i2) const {
  const double u1 = m_pi.request(tFs - m_c.facilitySupplySetpoint, i1);
  const double u2 = m_pi.request(dTMeasured - m_p.dischargeDTMax, i2);
  return std::clamp(std::max(u1, u2), m_minSpeed, 1.0);
}

void SeawaterSystem::controllerRates(double tFs, double dTMeasured, double i1, double i2, double* rate1,
                                     double* rate2) const {
  const double e1 = tFs - m_c.facilitySupplySetpoint, e2 = dTMeasured - m_p.dischargeDTMax;
  const double n = speed(tFs, dTMeasured, i1, i2);
  *rate1 = m_pi.integralRate(e1, i1, n);
  *rate2 = m_pi.integralRate(e2, i2, n);
}

double SeawaterSystem::cleaningStart(double t) const {
  const double T = m_p.cleaningInterval;
  const double k = std::max(1.0, std::floor(t / T));  // the first cleaning is at one interval
  return k * T;
}

SeawaterSystem::Steady SeawaterSystem::steadyState(double load, double tAmb, double facilityC, double tSupplySet,
                                                   double extraHeat) const {
  auto qAt = [&](double n, double tFr) { return evaluate(n, tFr, tAmb, facilityC, 0.0, extraHeat); };
  auto bisect = [](double lo, double hi, auto tooLow) {
    for (int it = 0; it < 80; ++it) {
      const double mid = 0.5 * (lo + hi);
      (tooLow(mid) ? lo : hi) = mid;
    }
    return 0.5 * (lo + hi);
  };
  // The facility return that rejects the load at speed n, and the seawater side there.
  const auto returnFor = [&](double n) {
    return bisect(tAmb, tAmb + 200.0, [&](double x) { return qAt(n, x).Q_hx < load; });
  };
  const double tFrSet = tSupplySet + load / facilityC;
  const double minN = m_minSpeed;
  // The supply loop's speed: the one that rejects the load with the supply at its set point.
  double n = bisect(minN, 1.0, [&](double x) { return qAt(x, tFrSet).Q_hx < load; });
  // If that breaks the permit, the discharge loop's: the rise above ambient at the limit, with
  // the load rejected (the supply then runs below its set point).
  if (qAt(n, returnFor(n)).riseAboveAmbient > m_p.dischargeDTMax) {
    n = bisect(minN, 1.0, [&](double x) { return qAt(x, returnFor(x)).riseAboveAmbient > m_p.dischargeDTMax; });
  }
  return {n, returnFor(n)};
}

void SeawaterSystem::setSteadyControllers(double* y, const Steady& steady, double tFs, double tAmb,
                                          double facilityC, double extraHeat) const {
  const auto sw = evaluate(steady.speed, steady.tReturn, tAmb, facilityC, 0.0, extraHeat);
  const double gain = m_p.controllerGain;
  y[m_states.dischargeRise] = sw.riseAboveAmbient;
  y[m_states.integralSupply] = steady.speed - gain * (tFs - m_c.facilitySupplySetpoint);
  y[m_states.integralDischarge] = steady.speed - gain * (sw.riseAboveAmbient - m_p.dischargeDTMax);
}

double SeawaterSystem::nextCleaningEvent(double t) const {
  double next = std::numeric_limits<double>::infinity();
  // Start and end of the cleaning at or before t, and the start of the next one.
  const double cs = cleaningStart(t);
  for (double e : {cs, cleaningEnd(t), cs + m_p.cleaningInterval}) {
    if (e > t + 1e-6) next = std::min(next, e);
  }
  return next;
}

bool SeawaterSystem::cleaningStarted(double t) {
  constexpr double eps = 1e-6;
  const double cleaning = cleaningStart(t + eps);
  if (cleaning <= t + eps && cleaning > m_lastCleaning + eps) {  // a cleaning starts, not yet logged
    m_lastCleaning = cleaning;
    return true;
  }
  return false;
}

double SeawaterSystem::fouling(double t) const {
  const double T = m_p.cleaningInterval, D = m_p.cleaningDuration;
  auto kernSeaton = [&](double age) {
    return cooling::foulingResistance(std::max(0.0, age), m_p.foulingMax, m_p.foulingTau);
  };
  if (t < T) return kernSeaton(t);  // clean at t = 0, before the first cleaning
  const double start = cleaningStart(t);
  if (t >= start + D) return kernSeaton(t - (start + D));
  // Cleaning in progress: from the fouling reached since the previous cleaning ended (or since
  // t = 0 for the first) down to 0.
  const bool first = start < 1.5 * T;
  const double before = kernSeaton(first ? T : T - D);
  return before * (1.0 - (t - start) / D);
}

double SeawaterSystem::massFlow(double speed) const {
  return m_rho * m_pump.operatingPoint(speed, m_system, m_rho).flow;
}

double SeawaterSystem::cleanUa(double mdotSeawater, double tSeawater, double tFr) const {
  const double units = m_p.hxUnits;
  return units * m_hx.evaluate(m_c.facilityFlow / units, tFr, mdotSeawater / units, tSeawater).ua;
}

SeawaterState SeawaterSystem::evaluate(double n, double tFr, double tAmbient, double facilityC, double foulingR,
                                       double extraHeat) const {
  return evaluateAt(n, tFr, tAmbient, tAmbient, facilityC, foulingR, extraHeat, m_p.recirculation);
}

SeawaterState SeawaterSystem::evaluateWithIntakeRise(double n, double tFr, double tAmbient, double facilityC,
                                                     double foulingR, double extraHeat, double intakeRise) const {
  SeawaterState s = evaluateAt(n, tFr, tAmbient, tAmbient + intakeRise, facilityC, foulingR, extraHeat, 0.0);
  s.riseAboveAmbient = s.T_dis - tAmbient;
  return s;
}

// tIntakeFree: the intake temperature before the recirculation closed form (the ambient sea, or
// the ambient plus the CFD's intake rise); the plates' properties are taken at tAmbient.
SeawaterState SeawaterSystem::evaluateAt(double n, double tFr, double tAmbient, double tIntakeFree,
                                         double facilityC, double foulingR, double extraHeat,
                                         double recirculation) const {
  SeawaterState s;
  s.speed = n;
  const hydraulics::PumpOperatingPoint op = m_pump.operatingPoint(n, m_system, m_rho);
  s.mdot = m_rho * op.flow;
  s.cp = props::seawaterCp(tAmbient, m_p.salinity);
  s.foulingR = foulingR;
  s.Q_extra = extraHeat;
  s.head = op.head;
  s.pumpEfficiency = op.efficiency;
  if (!(s.mdot > 0.0)) {  // pumps stopped: nothing flows, nothing is exchanged
    s.T_in = s.T_afterPlates = s.T_dis = tIntakeFree;
    s.riseAboveAmbient = s.T_dis - tAmbient;
    s.Q_seawater = extraHeat;
    return s;
  }
  const double cSw = s.mdot * s.cp;
  const double uaClean = cleanUa(s.mdot, tAmbient, tFr);
  const double areaBank = m_p.hxUnits * m_hx.area();
  s.ua = areaBank / (areaBank / uaClean + s.foulingR);
  const double cMin = std::min(cSw, facilityC), cMax = std::max(cSw, facilityC);
  s.epsCmin = cooling::effectiveness(s.ua / cMin, cMin / cMax, cooling::FlowArrangement::Counterflow) * cMin;
  s.P_shaft = op.shaftPower;
  s.P_el = op.electricPower;
  const double r = recirculation;
  const double k = r / ((1.0 - r) * cSw);
  const double denom = 1.0 + k * s.epsCmin;
  s.T_in = (tIntakeFree + k * s.epsCmin * tFr + k * (s.P_shaft + extraHeat)) / denom;
  s.Q_hx = s.epsCmin * (tFr - s.T_in);
  s.T_afterPlates = s.T_in + s.Q_hx / cSw;
  s.dQhx_dTfr = s.epsCmin / denom;
  s.Q_seawater = s.Q_hx + extraHeat + s.P_shaft;
  s.dT = s.Q_seawater / cSw;
  s.T_dis = s.T_in + s.dT;
  s.riseAboveAmbient = s.T_dis - tAmbient;
  return s;
}

}  // namespace fdtwin::seawater
