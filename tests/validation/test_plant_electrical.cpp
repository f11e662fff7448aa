// Electrical distribution in the whole plant: losses from the generator terminals to the chips,
// where their heat goes, and the PUE boundary. References: the typical loss band of datacenter
// distribution (reference/plant-power-ops.md §5: transformers 98.5–99.5 %, UPS 94–97 % or ~99 %
// in eco mode, shelves 96–97.5 %; 2–5 % of IT upstream of the IT input) and ISO/IEC 30134-2 for
// the boundary.
#include <gtest/gtest.h>

#include <string>

#include "../support/PlantHarness.hpp"
#include "../support/Validation.hpp"
#include "io/Case.hpp"
#include "run/CaseBindings.hpp"
#include "run/PlantFromCase.hpp"

namespace fdtwin {
namespace {

PlantSignals defaultBargeAtStart() {
  const Case c = Case::load(std::string(FDTWIN_SOURCE_DIR) + "/cases/barge-ai-20mw.toml");
  Plant plant(io::plantParams(c), io::makeEnvironment(c));
  const auto y = plant.initialState();
  PlantSignals s;
  plant.evaluate(0.0, y.data(), nullptr, s);
  return s;
}

// The default barge's distribution losses upstream of the IT input (transformers, switchboards
// and cables, UPS in eco mode) lie in the published 2–5 % of the IT input; with the rack power
// shelves the chain from the terminals to the chips loses 4–8 % (shelves 2.5–4 %).
TEST(PlantElectrical, DefaultBargeLossesLieInThePublishedBand) {
  const PlantSignals s = defaultBargeAtStart();
  ASSERT_GT(s.P_itServed, 10e6);
  const double upstream = s.elec.transformerLoss + s.elec.cableLoss + s.elec.upsLoss;
  const double share = upstream / s.P_itInput;
  test::reportCheck("losses upstream of the IT input / IT input", "plant-power-ops §5 band 2–5 %", 0.035, share,
                    0.015, "1", "the published band");
  EXPECT_GE(share, 0.02);
  EXPECT_LE(share, 0.05);
  const double chain = s.elec.totalLoss / s.P_itServed;
  EXPECT_GE(chain, 0.04);
  EXPECT_LE(chain, 0.08);
}

// The PUE boundary: the facility's power at the generator terminals is the IT input plus the
// losses upstream of it, cooling and hotel (ISO/IEC 30134-2: IT energy at the IT equipment
// input; generation and its auxiliaries outside). Tolerance 1e-9 relative.
TEST(PlantElectrical, FacilityPowerIsTheItInputPlusUpstreamLossesCoolingAndHotel) {
  const PlantSignals s = defaultBargeAtStart();
  const double upstream = s.elec.transformerLoss + s.elec.cableLoss + s.elec.upsLoss;
  const double expected = s.P_itInput + upstream + s.P_cooling + s.P_hotelServed;
  EXPECT_NEAR(s.P_facility, expected, 1e-9 * expected);
  EXPECT_NEAR(s.P_itInput, s.P_itServed + s.elec.powerShelfLoss, 1e-9 * s.P_itInput);
  EXPECT_GT(s.P_plantAux, 0.0);  // the engine-room pumps: supplied, outside the facility
  EXPECT_NEAR(s.P_demand, s.P_facility + s.P_plantAux, 1e-9 * s.P_demand);
}

}  // namespace
}  // namespace fdtwin
