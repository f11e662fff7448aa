#pragma once
// The terms of a network's global energy balance, by name: what enters the ship boundary
// (sources, W), what leaves it (sinks, W) and what is stored inside it (J). Each component
// adds its terms once, by name, and writes their values; the integrator integrates the
// sources and sinks as quadratures (sources first, then sinks, each in the order added) and
// the recorder writes the same table, so names and values never have to be kept in step.
// Balance over a run: ∫ΣQ_source dt − ∫ΣQ_sink dt = ΔΣE_stored.
#include <string>
#include <vector>

namespace fdtwin::network {

// Stored thermal energy is counted relative to 0 °C [K].
inline constexpr double kThermalEnergyReference = 273.15;

enum class LedgerKind { Source, Sink, Stored };

struct LedgerTerm {
  std::string name;  // "fuel (LHV)", "seawater discharge", "hull plates"
  LedgerKind kind = LedgerKind::Source;
  double value = 0.0;  // W for sources and sinks, J for stored energy
  bool toSea = false;  // a sink whose heat ends in the sea (the heat-to-sea total)
};

class EnergyLedger {
 public:
  // Adds a term; returns its index for set().
  int add(std::string name, LedgerKind kind, bool toSea = false);
  void set(int term, double value) { m_terms[static_cast<size_t>(term)].value = value; }
  const std::vector<LedgerTerm>& terms() const { return m_terms; }
  int count(LedgerKind kind) const;
  std::vector<std::string> names(LedgerKind kind) const;
  // Writes the source values, then the sink values, in the order added (the quadrature
  // layout): out must hold count(Source) + count(Sink) values.
  void flows(double* out) const;
  // Sum of the stored terms, J.
  double stored() const;

 private:
  std::vector<LedgerTerm> m_terms;
  int m_sources = 0;
};

}  // namespace fdtwin::network
