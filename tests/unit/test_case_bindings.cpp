// Case keys bound to parameters (run/CaseBindings.hpp), checks across keys as data, the JSON
// schema and date-times (core/DateTime.hpp).
#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <nlohmann/json.hpp>
#include <set>

#include "core/DateTime.hpp"
#include "core/Error.hpp"
#include "core/Schema.hpp"
#include "io/Case.hpp"
#include "run/CaseBindings.hpp"
#include "run/CfdFromCase.hpp"
#include "run/PlantFromCase.hpp"

namespace fdtwin {
namespace {

// Every key a binding names, with how often it is bound, and the choice words of each binding.
struct BoundKeys {
  std::map<std::string, int> count;
  std::map<std::string, std::vector<std::string>> choices;
};

template <class Params>
void collect(const std::vector<io::KeyBinding<Params>>& bindings, BoundKeys& out) {
  for (const auto& b : bindings) {
    ++out.count[b.key];
    if (!b.choices.empty()) out.choices[b.key] = b.choices;
  }
}

BoundKeys allBindings() {
  BoundKeys b;
  collect(io::plantBindings(), b);
  collect(io::environmentBindings(), b);
  collect(io::cfdBindings(), b);
  for (const auto& k : io::directlyReadKeys()) ++b.count[k];
  return b;
}

TEST(CaseBindings, EveryValueKeyIsBoundExactlyOnceAndEveryBindingNamesAKey) {
  const BoundKeys b = allBindings();
  for (const auto& k : caseSchema()) {
    const bool value = k.type == ValueType::Real || k.type == ValueType::Integer ||
                       k.type == ValueType::Boolean || k.type == ValueType::Choice;
    const auto it = b.count.find(k.path);
    if (value) {
      EXPECT_TRUE(it != b.count.end() && it->second == 1)
          << k.path << " is bound " << (it == b.count.end() ? 0 : it->second) << " times";
    }
  }
  for (const auto& [key, n] : b.count) EXPECT_NE(findKey(key), nullptr) << "a binding names no key: " << key;
}

TEST(CaseBindings, ChoiceBindingsMapExactlyTheSchemasWords) {
  const BoundKeys b = allBindings();
  for (const auto& [key, words] : b.choices) {
    const KeyDef* k = findKey(key);
    ASSERT_NE(k, nullptr) << key;
    EXPECT_EQ(k->type, ValueType::Choice) << key;
    EXPECT_EQ(words, k->choices) << key;
  }
}

// The plant a case that sets nothing describes is defaultPlantParams(): every member a key sets
// reads back as that key's schema default, and as the case's value after plantParams().
TEST(CaseBindings, DefaultPlantIsThePlantOfACaseThatSetsNothing) {
  const Case c = Case::parse("[case]\nname = \"defaults\"\n", "defaults.toml", ".");
  const PlantParams fromCase = io::plantParams(c);
  const PlantParams fromSchema = io::defaultPlantParams();
  for (const auto& b : io::plantBindings()) {
    EXPECT_EQ(b.read(fromSchema), defaultValue(*findKey(b.key))) << b.key;
    EXPECT_EQ(b.read(fromCase), c.entry(b.key).value) << b.key;
  }
  EXPECT_EQ(fromSchema.it.profile.startHourOfDay, fromCase.it.profile.startHourOfDay);
  // The three defaults that had drifted from the schema in the struct and header initialisers.
  EXPECT_EQ(fromSchema.it.hallPhaseShift, 0.0);
  EXPECT_EQ(fromSchema.it.profile.period, 3600.0);
  EXPECT_EQ(fromSchema.seawater.cleaningDuration, 86400.0);
}

TEST(CaseBindings, DefaultEnvironmentIsTheEnvironmentOfACaseThatSetsNothing) {
  const Case c = Case::parse("[case]\nname = \"defaults\"\n", "defaults.toml", ".");
  const auto fromCase = std::dynamic_pointer_cast<const env::SyntheticEnvironment>(io::makeEnvironment(c));
  ASSERT_TRUE(fromCase);
  const auto fromSchema = io::defaultEnvironmentParameters();
  for (const auto& b : io::environmentBindings()) {
    EXPECT_EQ(b.read(fromSchema), defaultValue(*findKey(b.key))) << b.key;
    EXPECT_EQ(b.read(fromCase->parameters()), c.entry(b.key).value) << b.key;
  }
  EXPECT_EQ(fromSchema.seed, 1u);  // the struct's initialiser had drifted to 2022
}

TEST(CaseBindings, DefaultCfdIsTheCfdOfACaseThatSetsNothing) {
  const Case c = Case::parse("[case]\nname = \"defaults\"\n", "defaults.toml", ".");
  const cfd::CfdParams fromCase = io::cfdParams(c);
  const cfd::CfdParams fromSchema = io::defaultCfdParams();
  for (const auto& b : io::cfdBindings()) {
    EXPECT_EQ(b.read(fromSchema), defaultValue(*findKey(b.key))) << b.key;
    EXPECT_EQ(b.read(fromCase), c.entry(b.key).value) << b.key;
  }
  EXPECT_EQ(fromSchema.salinity, fromCase.salinity);
  EXPECT_EQ(fromSchema.hull.length, fromCase.hull.length);
  EXPECT_EQ(fromSchema.intake.depth, 2.5);  // the struct's initialiser had drifted to 0
}

TEST(CaseBindings, SetKeysReachTheirParameters) {
  const Case c = Case::parse(
      "[case]\nname = \"x\"\n[it]\nrack_power_peak = \"130 kW\"\nprofile = \"inference\"\ntraining_dips = "
      "\"mean\"\n"
      "[hull]\nsea_correlation = \"ittc_colburn\"\n[cfd.outfall]\nface = \"port\"\nx = 40\n",
      "x.toml", ".");
  const PlantParams p = io::plantParams(c);
  EXPECT_EQ(p.it.rackPowerPeak, 130e3);
  EXPECT_EQ(p.it.profile.kind, it::ProfileKind::Inference);
  EXPECT_FALSE(p.it.profile.dipsResolved);
  EXPECT_TRUE(p.hull.ittcColburn);
  cfd::CfdParams cp;
  io::applyBindings(io::cfdBindings(), c, cp);
  EXPECT_EQ(cp.outfall.face, cfd::HullFace::Port);
  EXPECT_EQ(cp.outfall.x, 40.0);
}

// --- checks across keys -------------------------------------------------------------------------
TEST(CrossRules, NameKeysOfTheSchemaAndAreDocumented) {
  const std::string md = schemaMarkdown();
  for (const auto& r : crossRules()) {
    std::vector<std::string> keys{r.high};
    if (r.kind == CrossRule::Kind::SumLess) {
      for (const auto& t : r.terms) keys.push_back(t.second);
    } else {
      keys.push_back(r.low);
    }
    for (const auto& k : keys) EXPECT_NE(findKey(k), nullptr) << describeRule(r) << ": " << k;
    EXPECT_NE(md.find("- " + describeRule(r) + "."), std::string::npos) << describeRule(r);
  }
  EXPECT_NE(md.find("`seawater.cleaning_duration` < `seawater.cleaning_interval`"), std::string::npos);
}

// --- JSON ------------------------------------------------------------------------------------------
TEST(SchemaJson, HoldsEveryKeyWithItsSiDefaultAndEveryRule) {
  const auto j = nlohmann::json::parse(schemaJson());
  ASSERT_EQ(j.at("keys").size(), caseSchema().size());
  std::map<std::string, nlohmann::json> keys;
  for (const auto& k : j.at("keys")) keys[k.at("key").get<std::string>()] = k;
  EXPECT_EQ(keys.at("it.rack_power_peak").at("default").get<double>(), 120e3);
  EXPECT_EQ(keys.at("it.rack_power_peak").at("unit"), "W");
  EXPECT_EQ(keys.at("it.rack_power_peak").at("min").get<double>(), 0.0);
  EXPECT_TRUE(keys.at("it.rack_power_peak").at("min_exclusive").get<bool>());
  EXPECT_EQ(keys.at("it.halls").at("default").get<long long>(), 2);
  EXPECT_EQ(keys.at("it.profile").at("choices").size(), 4u);
  EXPECT_EQ(keys.at("case.start").at("default"), "2022-01-01T00:00:00+09:00");
  EXPECT_TRUE(keys.at("case.name").at("required").get<bool>());
  EXPECT_FALSE(keys.at("it.chip_limit").at("doc").get<std::string>().empty());
  EXPECT_EQ(j.at("rules").size(), crossRules().size());
}

// --- date-times ------------------------------------------------------------------------------------
TEST(DateTime, ParsesOffsetsAndNormalises) {
  // 2022-01-01T00:00:00+09:00 is 2021-12-31T15:00:00Z = 1640962800 s (date -d ... +%s).
  const auto t = parseDateTime("2022-01-01T00:00:00+09:00");
  ASSERT_TRUE(t);
  EXPECT_EQ(t->epochSeconds, 1640962800);
  EXPECT_EQ(t->utcOffsetSeconds, 9 * 3600);
  EXPECT_EQ(formatDateTime(*t), "2022-01-01T00:00:00+09:00");
  EXPECT_EQ(parseDateTime("1970-01-01T00:00:00Z")->epochSeconds, 0);
  EXPECT_EQ(formatDateTime(*parseDateTime("2024-02-29t23:59:59.000z")), "2024-02-29T23:59:59+00:00");
  EXPECT_EQ(parseDateTime("1969-12-31 19:00:00-05:00")->epochSeconds, 0);
  EXPECT_EQ(formatDateTime(*parseDateTime("1969-12-31T19:00:00-05:30")), "1969-12-31T19:00:00-05:30");
  std::string why;
  EXPECT_FALSE(parseDateTime("2023-02-29T00:00:00Z", &why));  // not a leap year
  EXPECT_EQ(why, "day out of range for that month");
  EXPECT_FALSE(parseDateTime("2022-01-01T24:00:00Z"));
  EXPECT_FALSE(parseDateTime("2022-01-01T00:00:00"));
  EXPECT_FALSE(parseDateTime("2022-01-01T00:00:00.5Z"));
  EXPECT_FALSE(parseDateTime("2022-01-01T00:00:00+09:00 "));
}

TEST(DateTime, CaseStartIsReadAsTomlOrTextAndExposedAsAnInstant) {
  const Case a = Case::parse("[case]\nname = \"x\"\nstart = 2022-06-01T12:30:00Z\n", "a.toml", ".");
  EXPECT_EQ(a.string("case.start"), "2022-06-01T12:30:00+00:00");
  EXPECT_EQ(a.dateTime("case.start").utcOffsetSeconds, 0);
  EXPECT_EQ(io::startSecondOfDay(a), 12.5 * 3600);
  const Case b = Case::parse("[case]\nname = \"x\"\nstart = \"2022-06-01T21:30:00+09:00\"\n", "b.toml", ".");
  EXPECT_EQ(b.dateTime("case.start").epochSeconds, a.dateTime("case.start").epochSeconds);
  EXPECT_EQ(io::startSecondOfDay(b), 21.5 * 3600);
  // Stored normalised, so the effective case reads back to the same instant.
  const Case back = Case::parse(b.toToml().insert(0, ""), "back.toml", ".");
  EXPECT_EQ(back.string("case.start"), "2022-06-01T21:30:00+09:00");
  Case c = a;
  EXPECT_THROW(c.set("case.start", "2022-13-01T00:00:00Z"), InputError);
  c.set("case.start", "2023-01-01T00:00:00-03:00");
  EXPECT_EQ(c.dateTime("case.start").utcOffsetSeconds, -3 * 3600);
}

}  // namespace
}  // namespace fdtwin
