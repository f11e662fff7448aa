#pragma once
// Thermophysical properties of a single-phase fluid at one state point, SI units.
//
// Filled by props::seawater(T, S) (Seawater.hpp) and props::air(T) (Air.hpp); consumed by
// the convection correlations (hull/Convection.hpp) and the heat-exchanger models.
// Derived members obey nu = mu/rho, alpha = k/(rho*cp), Pr = cp*mu/k exactly (they are
// computed from the four primary properties, not from separate fits).

namespace fdtwin::props {

struct FluidProperties {
  double rho = 0.0;    // density [kg/m^3]
  double cp = 0.0;     // isobaric specific heat capacity [J/(kg K)]
  double k = 0.0;      // thermal conductivity [W/(m K)]
  double mu = 0.0;     // dynamic viscosity [Pa s]
  double nu = 0.0;     // kinematic viscosity mu/rho [m^2/s]
  double alpha = 0.0;  // thermal diffusivity k/(rho cp) [m^2/s]
  double Pr = 0.0;     // Prandtl number cp mu / k [-]
};

// Builds a FluidProperties from the four primary properties, deriving nu, alpha and Pr.
inline FluidProperties makeFluidProperties(double rho, double cp, double k, double mu) {
  FluidProperties p;
  p.rho = rho;
  p.cp = cp;
  p.k = k;
  p.mu = mu;
  p.nu = mu / rho;
  p.alpha = k / (rho * cp);
  p.Pr = cp * mu / k;
  return p;
}

}  // namespace fdtwin::props
