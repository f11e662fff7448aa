#include "network/EnergyLedger.hpp"

namespace fdtwin::network {

int EnergyLedger::add(std::string name, LedgerKind kind, bool toSea) {
  m_terms.push_back({std::move(name), kind, 0.0, toSea});
  if (kind == LedgerKind::Source) ++m_sources;
  return static_cast<int>(m_terms.size()) - 1;
}

int EnergyLedger::count(LedgerKind kind) const {
  int n = 0;
  for (const auto& t : m_terms) n += t.kind == kind ? 1 : 0;
  return n;
}

std::vector<std::string> EnergyLedger::names(LedgerKind kind) const {
  std::vector<std::string> out;
  for (const auto& t : m_terms) {
    if (t.kind == kind) out.push_back(t.name);
  }
  return out;
}

void EnergyLedger::flows(double* out) const {
  double* source = out;
  double* sink = out + m_sources;
  for (const auto& t : m_terms) {
    if (t.kind == LedgerKind::Source) *source++ = t.value;
    if (t.kind == LedgerKind::Sink) *sink++ = t.value;
  }
}

double EnergyLedger::stored() const {
  double e = 0.0;
  for (const auto& t : m_terms) {
    if (t.kind == LedgerKind::Stored) e += t.value;
  }
  return e;
}

}  // namespace fdtwin::network
