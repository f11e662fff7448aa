// The case schema (core/Schema): its table is consistent, look-ups and suggestions work, and
// docs/case-format.md is exactly what `fdtwin schema` prints (schemaMarkdown()).
#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <iterator>
#include <set>
#include <sstream>
#include <string>

#include "core/Schema.hpp"
#include "core/Text.hpp"
#include "core/Units.hpp"
#include "io/Case.hpp"

namespace fdtwin {
namespace {

TEST(SchemaDoc, CaseFormatMarkdownIsUpToDate) {
  const std::string path = std::string(FDTWIN_SOURCE_DIR) + "/docs/case-format.md";
  std::ifstream in(path, std::ios::binary);
  const std::string onDisk((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  EXPECT_TRUE(in.good() || in.eof()) << "cannot read " << path;
  EXPECT_TRUE(onDisk == schemaMarkdown())
      << "docs/case-format.md is stale: run build/bin/fdtwin schema > docs/case-format.md";
}

TEST(SchemaDoc, MarkdownDocumentsEveryKeyAndSection) {
  const std::string md = schemaMarkdown();
  for (const auto& k : caseSchema()) EXPECT_NE(md.find("| `" + k.path + "` |"), std::string::npos) << k.path;
  for (const auto& s : schemaSections()) EXPECT_NE(md.find("### [" + s + "]"), std::string::npos) << s;
  EXPECT_NE(md.find("`120e3` (120 kW)"), std::string::npos);
  EXPECT_NE(md.find("271 … 373.15 (-2.15 … 100 degC)"), std::string::npos);
}

TEST(Schema, TableIsConsistent) {
  std::set<std::string> paths;
  for (const auto& k : caseSchema()) {
    SCOPED_TRACE(k.path);
    EXPECT_TRUE(paths.insert(k.path).second) << "declared twice";
    EXPECT_FALSE(k.description.empty());
    EXPECT_FALSE(k.required && !k.defaultValue.empty()) << "a required key has no default";
    if (k.type == ValueType::Real) {
      EXPECT_FALSE(k.unit.empty());
      EXPECT_NO_THROW(units::parseUnit(k.unit));
    }
    if (k.type == ValueType::Choice) {
      EXPECT_FALSE(k.choices.empty());
    }
    if (k.absoluteTemperature) {
      EXPECT_EQ(k.unit, "K");
    }
    // A kelvin key with a default above 150 K is an absolute temperature, never a difference:
    // without the flag, "17.8 degC" would read as 17.8 K (declare it with temperature()).
    if (k.type == ValueType::Real && k.unit == "K" && !k.defaultValue.empty() &&
        units::splitNumber(k.defaultValue).number > 150.0) {
      EXPECT_TRUE(k.absoluteTemperature) << "an absolute temperature without absoluteTemperature";
    }
    if (k.min && k.max) {
      EXPECT_LE(*k.min, *k.max);
    }
    EXPECT_FALSE(isSection(k.path)) << "a key and a section share a name";
  }
}

TEST(Schema, DefaultsAreValidAndConsistent) {
  // Every default goes through the reader's checks (types, ranges, checks across keys).
  const Case c = Case::parse("[case]\nname = \"defaults\"\n", "defaults.toml", ".");
  for (const auto& k : caseSchema()) {
    if (k.path != "extends" && !k.defaultValue.empty()) {
      EXPECT_TRUE(c.has(k.path)) << k.path;
    }
  }
}

TEST(Schema, FindsKeysAndSections) {
  ASSERT_NE(findKey("power.engines.rated_power"), nullptr);
  EXPECT_EQ(findKey("power.engines.rated_power")->unit, "W");
  EXPECT_EQ(findKey("power.engines"), nullptr);
  EXPECT_EQ(findKey("it.racks_per_rwo"), nullptr);
  const auto sections = schemaSections();
  EXPECT_EQ(sections.front(), "case");
  EXPECT_NE(std::find(sections.begin(), sections.end(), "power.engines"), sections.end());
  EXPECT_EQ(std::find(sections.begin(), sections.end(), ""), sections.end());
  EXPECT_TRUE(isSection("power"));
  EXPECT_TRUE(isSection("power.engines"));
  EXPECT_FALSE(isSection("powr"));
  EXPECT_FALSE(isSection("it.halls"));
  EXPECT_TRUE(findKey("it.chip_limit")->absoluteTemperature);
  EXPECT_FALSE(findKey("it.throttle_hysteresis")->absoluteTemperature);
}

TEST(Schema, EditDistanceCountsTranspositionsOnce) {
  EXPECT_EQ(editDistance("rwo", "row"), 1u);
  EXPECT_EQ(editDistance("kitten", "sitting"), 3u);
  EXPECT_EQ(editDistance("", "abc"), 3u);
  EXPECT_EQ(editDistance("kW", "kw"), 0u);  // letter case is ignored
}

TEST(Schema, NearestWordOnlySuggestsCloseWords) {
  const std::vector<std::string> words{"training", "inference", "idle", "csv"};
  EXPECT_EQ(nearestWord("trainig", words), "training");
  EXPECT_EQ(nearestWord("Inference", words), "inference");
  EXPECT_EQ(nearestWord("solar", words), "");
  EXPECT_EQ(nearestWord("x", words), "");
  EXPECT_EQ(nearestWord("kw", {"kW", "K"}), "kW");
}

TEST(Schema, SuggestsTheNearestKey) {
  EXPECT_EQ(suggestKey("it.racks_per_rwo"), "it.racks_per_row");       // typo in the key
  EXPECT_EQ(suggestKey("powr.engines.count"), "power.engines.count");  // typo in the section
  EXPECT_EQ(suggestKey("powr.engines"), "power.engines");              // a section
  EXPECT_EQ(suggestKey("it.salinity"), "environment.salinity");        // right key, wrong section
  EXPECT_EQ(suggestKey("Case.Name"), "case.name");                     // letter case
  EXPECT_EQ(suggestKey("case.colour"), "");                            // nothing close
  EXPECT_EQ(suggestKey("weather"), "");
}

TEST(Schema, DescribesRanges) {
  EXPECT_EQ(describeRange(*findKey("it.rack_power_peak")), "> 0");
  EXPECT_EQ(describeRange(*findKey("it.rack_power_peak"), "W"), "> 0 W");
  EXPECT_EQ(describeRange(*findKey("environment.salinity"), "g/kg"), "0 … 45 g/kg");
  EXPECT_EQ(describeRange(*findKey("cooling.pump_efficiency")), "> 0 and ≤ 1");
  EXPECT_EQ(describeRange(*findKey("cooling.pump_efficiency"), "1"), "> 0 and ≤ 1");
  EXPECT_EQ(describeRange(*findKey("it.chip_limit"), "K"), "271 … 373.15 K (-2.15 … 100 degC)");
  EXPECT_EQ(describeRange(*findKey("it.profile")), "one of: training, inference, idle, csv");
  EXPECT_EQ(describeRange(*findKey("environment.wrap")), "one of: none, years");
  EXPECT_EQ(describeRange(*findKey("case.name")), "");
  EXPECT_EQ(describeRange(*findKey("it.racks_per_row")), "1 … 200");
}

}  // namespace
}  // namespace fdtwin
