#pragma once
// PI controller whose integral is an ODE state, with back-calculation anti-windup
// (Åström & Hägglund, "Advanced PID Control", §3.5):
//   u     = K·e + I                          (unsaturated request)
//   dI/dt = (K/T_i)·e + (u_applied − u)/T_t  (T_t: tracking time, here T_i)
// u_applied is what the actuator really gets (after limits or an override selector), so the
// integral stops winding when the output is clamped, and a controller that is not selected
// by a max/min selector tracks the one that is (bumpless switching).
namespace fdtwin::control {

struct PiController {
  double gain = 1.0;          // K, output per unit error
  double integralTime = 60.0; // T_i, s
  double trackingTime = 60.0; // T_t, s

  double request(double error, double integral) const { return gain * error + integral; }
  double integralRate(double error, double integral, double applied) const {
    return gain / integralTime * error + (applied - request(error, integral)) / trackingTime;
  }
};

}  // namespace fdtwin::control
