#include "model/hydraulics/Pump.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <utility>

#include "core/Constants.hpp"

namespace fdtwin::hydraulics {
namespace {

// Floor of the efficiency parabola, as a share of eta_BEP (see the header).
constexpr double kEfficiencyFloor = 0.01;

}  // namespace

PumpCurveCoefficients quadraticThroughDesignPoint(double shutoffHead, double designFlow, double designHead) {
  if (!(designFlow > 0.0) || !(shutoffHead > designHead))
    throw std::invalid_argument("pump curve: need designFlow > 0 and shut-off head above the design head");
  return {shutoffHead, 0.0, -(shutoffHead - designHead) / (designFlow * designFlow)};
}

Pump::Pump(PumpParams params)
    : m_p(std::move(params)), m_motor(m_p.motorEfficiency), m_drive(m_p.driveEfficiency) {
  if (!(m_p.curve.shutoffHead > 0.0) || !(m_p.curve.quadratic < 0.0) || m_p.curve.linear > 0.0)
    throw std::invalid_argument("pump curve: need H0 > 0, a1 <= 0 and a2 < 0");
  if (!(m_p.bepFlow > 0.0) || !(m_p.bepEfficiency > 0.0 && m_p.bepEfficiency <= 1.0))
    throw std::invalid_argument("pump: need a best-efficiency flow > 0 and an efficiency in (0, 1]");
  if (m_p.count < 1 || !(m_p.motorRatedPower > 0.0) || !(m_p.driveRatedPower > 0.0))
    throw std::invalid_argument("pump: need at least one pump and rated motor and drive powers > 0");
}

double Pump::head(double flowPerPump, double speed) const {
  const auto& c = m_p.curve;
  return c.shutoffHead * speed * speed + c.linear * speed * flowPerPump +
         c.quadratic * flowPerPump * flowPerPump;
}

double Pump::hydraulicEfficiency(double flowPerPump, double speed) const {
  if (!(speed > 0.0)) return kEfficiencyFloor * m_p.bepEfficiency;
  const double r = flowPerPump / (speed * m_p.bepFlow);
  return m_p.bepEfficiency * std::max(2.0 * r - r * r, kEfficiencyFloor);
}

double Pump::minimumSpeed(const SystemCurve& system) const {
  return std::sqrt(std::max(system.staticHead, 0.0) / m_p.curve.shutoffHead);
}

PumpOperatingPoint Pump::operatingPoint(double speed, const SystemCurve& system, double density) const {
  PumpOperatingPoint op;
  op.speed = speed;
  const double n = m_p.count;
  const double a = system.resistance - m_p.curve.quadratic / (n * n);
  const double b = -m_p.curve.linear * speed / n;
  const double c = system.staticHead - m_p.curve.shutoffHead * speed * speed;
  if (c >= 0.0) {
    op.head = system.staticHead;
    return op;  // at or below N_min: no flow, pumps stopped
  }
  op.flow = -2.0 * c / (b + std::sqrt(b * b - 4.0 * a * c));
  op.flowPerPump = op.flow / n;
  op.head = system.staticHead + system.resistance * op.flow * op.flow;
  op.efficiency = hydraulicEfficiency(op.flowPerPump, speed);
  op.hydraulicPower = density * constants::kStandardGravity * op.flow * op.head;
  const double shaftPerPump = op.hydraulicPower / (n * op.efficiency);
  const double motorInPerPump = m_motor.inputPower(shaftPerPump, m_p.motorRatedPower);
  const double driveInPerPump = m_drive.inputPower(motorInPerPump, m_p.driveRatedPower);
  op.shaftPower = n * shaftPerPump;
  op.motorLoss = n * (motorInPerPump - shaftPerPump);
  op.driveLoss = n * (driveInPerPump - motorInPerPump);
  op.electricPower = n * driveInPerPump;
  return op;
}

double Pump::speedForFlow(double totalFlow, const SystemCurve& system) const {
  const double q = std::max(totalFlow, 0.0) / m_p.count;
  // H0 N^2 + (a1 q) N + (a2 q^2 - H_sys) = 0 with H0 > 0 and a constant term <= 0 when
  // H_static >= 0: one root N >= 0.
  const double a = m_p.curve.shutoffHead;
  const double b = m_p.curve.linear * q;
  const double c =
      m_p.curve.quadratic * q * q - system.staticHead - system.resistance * totalFlow * totalFlow;
  const double root = std::sqrt(b * b - 4.0 * a * c);
  // b <= 0 (a1 <= 0): (-b + root)/(2a) adds two non-negative terms.
  return (-b + root) / (2.0 * a);
}

}  // namespace fdtwin::hydraulics
