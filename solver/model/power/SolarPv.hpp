#pragma once
// Deck solar PV (physics sheet §6.3): cell temperature from the NOCT model
//   T_cell = T_air + (NOCT − 20 °C)/800·G,
// DC power P = P_stc·(G/1000)·[1 + γ·(T_cell − 25 °C)], AC power after the inverter.
namespace fdtwin::power {

struct SolarPv {
  double peakPower = 1e6;        // W at STC
  double tempCoefficient = -0.004;  // 1/K
  double noct = 318.15;          // K
  double inverterEfficiency = 0.97;

  double cellTemperature(double tAir, double G) const { return tAir + (noct - 293.15) / 800.0 * G; }
  double power(double tAir, double G) const {
    if (G <= 0.0 || peakPower <= 0.0) return 0.0;
    const double dc = peakPower * (G / 1000.0) * (1.0 + tempCoefficient * (cellTemperature(tAir, G) - 298.15));
    return dc > 0.0 ? dc * inverterEfficiency : 0.0;
  }
};

}  // namespace fdtwin::power
