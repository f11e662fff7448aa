#pragma once
// CFD surrogate table (HDF5, docs/cfd.md): steady CFD responses over a grid of current speed
// [m/s] × seawater flow [kg/s] × outfall temperature rise [K], with the layout it was trained
// on as provenance.
//
//   intake_rise        K      T_in − T_amb with the recirculation fixed point closed:
//                              r₀ = rise measured with the outfall at T_amb + ΔT (one CFD run),
//                              rise = r₀/(1 − r₀/ΔT)  (physics sheet §5.4 with r = r₀/ΔT)
//   hull_h             W/m2K  sea-side h of every hull panel (0 for dry panels)
//   mixing_zone_rise   K      largest rise on the mixing-zone circle
//   plume_extent       m      farthest cell warmer than ambient by the plume threshold
//
// Lookups interpolate multilinearly; a point more than 10 % of an axis' span outside the
// table is an error (RunError) rather than an extrapolation; inside that margin the value at
// the table's edge is used.
#include <map>
#include <string>
#include <vector>

#include "cfd/CfdParams.hpp"

namespace fdtwin::cfd {

struct SurrogateTable {
  std::vector<double> current, mdot, rise;  // axes
  // Flattened in C order (current slowest, rise fastest).
  std::vector<double> intakeRise, intakeRiseOnce, mixingZoneRise, plumeExtent;
  std::vector<std::vector<double>> hullH;  // [point][panel]
  std::map<std::string, std::string> provenance;
  size_t index(size_t i, size_t j, size_t k) const { return (i * mdot.size() + j) * rise.size() + k; }
};

// The layout items a table must share with the case that uses it (hull, panels, sea chests,
// mesh, sea depth, salinity), as text.
std::map<std::string, std::string> layoutProvenance(const CfdParams& p);

void saveSurrogate(const std::string& path, const SurrogateTable& t, const std::string& commandLine);

class Surrogate {
 public:
  // Throws InputError when the file is not a surrogate table or its layout differs from p's.
  Surrogate(const std::string& path, const CfdParams& p);
  explicit Surrogate(SurrogateTable t) : m_t(std::move(t)) {}

  double intakeRise(double current, double mdot, double rise) const;
  double mixingZoneRise(double current, double mdot, double rise) const;
  double plumeExtent(double current, double mdot, double rise) const;
  // Hull h per panel at a current speed, averaged over the other two axes.
  std::vector<double> hullH(double current) const;
  const SurrogateTable& table() const { return m_t; }

 private:
  double interpolate(const std::vector<double>& v, double c, double m, double r) const;
  SurrogateTable m_t;
};

}  // namespace fdtwin::cfd
