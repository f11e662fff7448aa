// The energy ledger: terms keep their names, kinds and order; the quadrature layout is the
// sources, then the sinks, whatever order the kinds were added in; stored energy is summed
// apart. And the plant's ledger is what the result file's /balance names promise.
#include <gtest/gtest.h>

#include <vector>

#include "model/Plant.hpp"
#include "network/EnergyLedger.hpp"
#include "run/PlantFromCase.hpp"

namespace fdtwin {
namespace {

using network::LedgerKind;

TEST(EnergyLedger, FlowsAreSourcesThenSinksInTheOrderAdded) {
  network::EnergyLedger l;
  const int sink1 = l.add("sink one", LedgerKind::Sink, true);
  const int src1 = l.add("source one", LedgerKind::Source);
  const int stored = l.add("tank", LedgerKind::Stored);
  const int sink2 = l.add("sink two", LedgerKind::Sink);
  const int src2 = l.add("source two", LedgerKind::Source);
  l.set(sink1, 3.0);
  l.set(src1, 1.0);
  l.set(stored, 100.0);
  l.set(sink2, 4.0);
  l.set(src2, 2.0);
  EXPECT_EQ(l.count(LedgerKind::Source), 2);
  EXPECT_EQ(l.count(LedgerKind::Sink), 2);
  EXPECT_EQ(l.count(LedgerKind::Stored), 1);
  EXPECT_EQ(l.names(LedgerKind::Source), (std::vector<std::string>{"source one", "source two"}));
  EXPECT_EQ(l.names(LedgerKind::Sink), (std::vector<std::string>{"sink one", "sink two"}));
  std::vector<double> flows(4, -1.0);
  l.flows(flows.data());
  EXPECT_EQ(flows, (std::vector<double>{1.0, 2.0, 3.0, 4.0}));
  EXPECT_DOUBLE_EQ(l.stored(), 100.0);
  EXPECT_TRUE(l.terms()[static_cast<size_t>(sink1)].toSea);
  EXPECT_FALSE(l.terms()[static_cast<size_t>(sink2)].toSea);
}

// The names (and their order) that results carry in /balance/source_names and sink_names;
// a change here is a change of the result format.
TEST(EnergyLedger, PlantTermsKeepTheirPublishedNamesAndOrder) {
  const Case c = Case::load(std::string(FDTWIN_SOURCE_DIR) + "/cases/barge-ai-20mw.toml");
  Plant plant(io::plantParams(c), io::makeEnvironment(c));
  const auto& l = plant.ledger();
  EXPECT_EQ(l.names(LedgerKind::Source),
            (std::vector<std::string>{"fuel (LHV)", "solar PV electricity", "shore import",
                                      "sunlight absorbed by the hull",
                                      "cooling auxiliaries not supplied (blackout)", "infiltration air warmer than the hall (sensible)",
                                      "latent heat of condensate on the coils"}));
  EXPECT_EQ(
      l.names(LedgerKind::Sink),
      (std::vector<std::string>{"seawater discharge", "engine-room seawater discharge", "engine exhaust to air",
                                "hull to sea", "hull to air", "hotel load", "battery losses",
                                "pump motor and drive losses", "load bank (surplus)", "transformer losses to air",
                                "hall air displaced by infiltration (sensible)"}));
  std::vector<std::string> toSea;
  for (const auto& t : l.terms()) {
    if (t.toSea) toSea.push_back(t.name);
  }
  EXPECT_EQ(toSea,
            (std::vector<std::string>{"seawater discharge", "engine-room seawater discharge", "hull to sea"}));
  EXPECT_EQ(plant.quadratureCount(),
            l.count(LedgerKind::Source) + l.count(LedgerKind::Sink) + static_cast<int>(Plant::kExtraCount));
  // Stored energy: every thermal node relative to 0 °C plus the battery, at the start.
  const auto y = plant.initialState();
  plant.rhs(0.0, y.data(), std::vector<double>(y.size()).data());
  PlantSignals s;
  plant.evaluate(0.0, y.data(), nullptr, s);
  EXPECT_GT(plant.updateLedger(s, y.data()).stored(), 0.0);
  EXPECT_EQ(l.count(LedgerKind::Stored), 5);
}

}  // namespace
}  // namespace fdtwin
