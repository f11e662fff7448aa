// The case reader (io/Case): the bad-input catalogue (tests/cases/bad/, one mistake per file,
// each error's file, line, key and message asserted), --set, extends, defaults, units and the
// TOML round trip of the effective case.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

#include "core/Error.hpp"
#include "io/Case.hpp"
#include "io/TomlText.hpp"

namespace fdtwin {
namespace {

namespace fs = std::filesystem;

std::string casePath(const std::string& relative) {
  return (fs::path(FDTWIN_TEST_DIR) / "cases" / relative).lexically_normal().string();
}

// ---------------------------------------------------------------------------------------------
// Bad inputs: each file holds one mistake.
struct BadCase {
  std::string file;         // under tests/cases/bad/
  int line;                 // 0: no line (missing key)
  std::string key;          // "" for TOML syntax errors
  std::string fragment;     // must appear in the message
  std::string errorFile{};  // where the error is reported, when not `file` (extends)
};

std::ostream& operator<<(std::ostream& os, const BadCase& c) { return os << c.file; }

class BadCaseFile : public ::testing::TestWithParam<BadCase> {};

TEST_P(BadCaseFile, IsRejectedWithFileLineKeyAndMessage) {
  const BadCase& c = GetParam();
  const std::string path = casePath("bad/" + c.file);
  const std::string expectedFile = c.errorFile.empty() ? path : casePath("bad/" + c.errorFile);
  try {
    Case::load(path);
    FAIL() << c.file << " was accepted";
  } catch (const InputError& e) {
    EXPECT_EQ(e.file(), expectedFile) << e.what();
    EXPECT_EQ(e.line(), c.line) << e.what();
    EXPECT_EQ(e.key(), c.key) << e.what();
    EXPECT_NE(e.detail().find(c.fragment), std::string::npos)
        << "message: " << e.detail() << "\nexpected to contain: " << c.fragment;
    // what() is "file:line: key: message" (exit status 2 is the CLI's job).
    std::string prefix = expectedFile;
    if (c.line > 0) prefix += ":" + std::to_string(c.line);
    if (!c.key.empty()) prefix += ": " + c.key;
    EXPECT_EQ(std::string(e.what()), prefix + ": " + e.detail());
  }
}

const std::vector<BadCase> kBadCases{
    // TOML syntax
    {"syntax_error.toml", 3, "", "TOML syntax error: the next token is not a valid string"},
    {"nesting_too_deep.toml", 6, "", "arrays and inline tables nested more than 64 deep (column 72)"},
    {"not_utf8.toml", 3, "", "not UTF-8: byte 0xD8 at column 14 (TOML files are UTF-8 text)"},
    {"name_with_folder.toml", 3, "case.name",
     "expected a name that can be a result file's name, got \"runs/../../x\" (a folder separator"},
    {"description_too_long.toml", 4, "case.description", "expected at most 4000 bytes of text, got 4001"},
    {"duration_beyond_design_life.toml", 4, "case.duration", "must be > 0 s and ≤ 1000000000 s, got 2000000000 s"},
    {"output_interval_too_short.toml", 4, "case.output_interval", "must be 0.001 … 1000000000 s, got 1e-09 s"},
    {"number_beyond_double.toml", 6, "it.rack_power_peak", "(beyond the range of a double)"},
    {"unquoted_unit.toml", 5, "", "a value with a unit must be quoted: \"120 kW\""},
    {"unquoted_text.toml", 5, "", "text must be quoted: \"training\""},
    {"duplicate_key.toml", 3, "", "the value \"name\" is defined twice (first on line 2)"},
    // unknown and misspelt keys and sections
    {"unknown_section.toml", 4, "weather", "unknown section [weather]"},
    {"misspelt_section.toml", 4, "powr.engines",
     "unknown section [powr.engines]; did you mean [power.engines]?"},
    {"unknown_key.toml", 3, "case.colour", "unknown key"},
    {"misspelt_key.toml", 6, "it.racks_per_rwo", "unknown key; did you mean 'it.racks_per_row'?"},
    {"key_in_wrong_section.toml", 5, "it.salinity", "did you mean 'environment.salinity'?"},
    {"extends_in_section.toml", 3, "case.extends", "did you mean 'extends'?"},
    {"section_as_value.toml", 2, "case",
     "[case] is a section: expected a table of keys, got \"section as a value\""},
    // wrong types
    {"string_for_number.toml", 5, "it.rack_power_peak",
     "expected a power in W (e.g. 120e3 or \"120 kW\"), got \"lots\""},
    {"float_for_integer.toml", 5, "it.halls", "expected a whole number, got 2.5"},
    {"number_for_choice.toml", 5, "it.profile", "expected one of: training, inference, idle, csv; got 3"},
    {"misspelt_choice.toml", 5, "it.profile",
     "expected one of: training, inference, idle, csv; got \"trainig\" — did you mean \"training\"?"},
    // (wrap was a boolean before it became a choice: an old case gets told the words)
    {"boolean_for_choice.toml", 5, "environment.wrap", "expected one of: none, years; got true"},
    {"table_for_value.toml", 1, "case.name", "expected a quoted text string, got a table"},
    {"empty_path.toml", 6, "environment.file", "expected a quoted file path, got \"\""},
    {"not_finite.toml", 5, "it.rack_power_peak", "got nan (not a finite number)"},
    // units
    {"bad_unit.toml", 5, "it.rack_power_peak",
     "expected a power in W (e.g. 120e3 or \"120 kW\"), got \"12 m\" (a length, not a power)"},
    {"unknown_unit.toml", 5, "it.rack_power_peak", "unknown unit \"kw\"; did you mean \"kW\"?"},
    // missing required key: reported against the top-level file, no line
    {"missing_required.toml", 0, "case.name", "missing required key"},
    // out of range
    {"negative_flow.toml", 5, "cooling.facility_flow", "must be > 0 kg/s, got -600 kg/s"},
    {"zero_power.toml", 6, "it.rack_power_peak", "must be > 0 W, got 0 W"},
    {"salinity_high.toml", 5, "environment.salinity", "must be 0 … 45 g/kg, got 50 g/kg"},
    {"salinity_negative.toml", 5, "environment.salinity", "must be 0 … 45 g/kg, got -1 g/kg"},
    {"temperature_freezing.toml", 5, "cooling.facility_supply_setpoint",
     "must be 271 … 373.15 K (-2.15 … 100 degC), got 268.15 K (-5 degC)"},
    {"temperature_boiling.toml", 5, "it.chip_limit", "got 378.15 K (105 degC)"},
    {"efficiency_zero.toml", 5, "cooling.pump_efficiency", "must be > 0 and ≤ 1, got 0"},
    {"efficiency_above_one.toml", 5, "power.engines.efficiency", "must be > 0 and ≤ 1, got 1.2"},
    {"efficiency_percent.toml", 5, "cooling.motor_efficiency", "got 95 (a percentage is written \"95 %\")"},
    {"rack_count_zero.toml", 5, "it.racks_per_row", "must be 1 … 200, got 0"},
    // inconsistent values: the key set by the user is blamed, the other one is named
    {"battery_soc_inverted.toml", 5, "power.battery.soc_min",
     "must be less than power.battery.soc_max (0.5, set at "},
    {"soc_initial_outside.toml", 5, "power.battery.soc_initial",
     "must be at most power.battery.soc_max (0.9, default), got 0.95"},
    {"idle_above_peak.toml", 5, "it.rack_power_idle",
     "must be at most it.rack_power_peak (120000 W, default)"},
    {"draft_exceeds_depth.toml", 5, "hull.draft", "must be less than hull.depth (10 m, default), got 12 m"},
    {"depth_below_draft.toml", 5, "hull.depth", "must be greater than hull.draft (5 m, default), got 4 m"},
    {"csv_without_file.toml", 5, "environment.file", "required when environment.source = \"csv\""},
    {"profile_csv_without_file.toml", 5, "it.profile_file", "required when it.profile = \"csv\""},
    {"jobs_gap.toml", 5, "it.jobs",
     "racks 150-159 belong to no job; every one of the 160 racks (0-159) must be in one"},
    {"jobs_overlap.toml", 5, "it.jobs", "job 2 \"inference:90-159\": rack 90 is already in job 1"},
    {"jobs_shares_short.toml", 5, "it.jobs", "the shares add up to 90 %; expected 100 %"},
    {"jobs_unknown_kind.toml", 5, "it.jobs",
     "unknown kind \"trainig\"; expected training, inference, idle or csv"},
    {"jobs_beyond_last_rack.toml", 5, "it.jobs",
     "expected 0 <= FIRST <= LAST <= 159 (the plant has 160 racks"},
    {"jobs_unknown_option.toml", 5, "it.jobs",
     "expected an option phase=DURATION or utilization=FRACTION, got \"level=0.5\""},
    {"cleaning_longer_than_interval.toml", 6, "seawater.cleaning_duration",
     "must be less than seawater.cleaning_interval (172800 s, set at "},
    {"training_dip_too_long.toml", 6, "it.training_dip_duration",
     "it.training_dip_duration + 2 · it.training_ramp = 1810 s must be less than it.training_period (1800 s"},
    {"output_interval_too_long.toml", 4, "case.output_interval",
     "must be at most case.duration (86400 s, set at "},
    // date-times
    {"start_bad_date.toml", 4, "case.start", "(day out of range for that month)"},
    {"start_without_offset.toml", 3, "case.start", "(the UTC offset is missing: add Z or ±hh:mm)"},
    {"start_not_a_date.toml", 3, "case.start",
     "expected a date and time with UTC offset (e.g. 2022-01-01T00:00:00+09:00), got \"1 Jan 2022\""},
    // extends
    {"extends_cycle_a.toml", 2, "extends", "extends cycle: ", "extends_cycle_b.toml"},
    {"extends_cycle_b.toml", 1, "extends", "extends cycle: ", "extends_cycle_a.toml"},
    {"extends_missing.toml", 1, "extends", "cannot read the base case \"does-not-exist.toml\""},
    {"extends_bad_base.toml", 5, "environment.salinity", "must be 0 … 45 g/kg", "salinity_high.toml"},
};

INSTANTIATE_TEST_SUITE_P(Catalogue, BadCaseFile, ::testing::ValuesIn(kBadCases),
                         [](const ::testing::TestParamInfo<BadCase>& info) {
                           return fs::path(info.param.file).stem().string();
                         });

TEST(BadCaseCatalogue, CoversEveryFileInTheFolder) {
  // A file added to tests/cases/bad/ without an entry here would test nothing.
  for (const auto& f : fs::directory_iterator(casePath("bad"))) {
    const std::string name = f.path().filename().string();
    const bool listed =
        std::any_of(kBadCases.begin(), kBadCases.end(), [&](const BadCase& c) { return c.file == name; });
    EXPECT_TRUE(listed) << name << " is not in kBadCases";
  }
  EXPECT_GE(kBadCases.size(), 25u);
}

// The checks before toml11 parses: brackets inside strings and comments do not nest, UTF-8 in
// strings passes (°, Hangul, a 4-byte emoji), overlong forms, surrogates and stray bytes do
// not, and the size limit holds.
TEST(TomlTextCheck, CountsOnlyRealNestingAndReadsUtf8) {
  using io::checkTomlText;
  const std::string deep(70, '[');
  EXPECT_NO_THROW(checkTomlText("a = \"" + deep + "\"\nb = '" + deep + "'\n# " + deep + "\n", "t"));
  EXPECT_NO_THROW(checkTomlText("a = \"\\\"" + deep + "\"\n", "t"));  // an escaped quote
  EXPECT_NO_THROW(checkTomlText("a = '''\n" + deep + "\n'''\nb = \"\"\"\n" + deep + "\n\"\"\"\n", "t"));
  EXPECT_NO_THROW(checkTomlText("unit = \"\u00b0C \xec\x9a\xb8\xec\x82\xb0 \xf0\x9f\x8c\x8a\"\n", "t"));
  EXPECT_NO_THROW(checkTomlText("x = " + std::string(64, '[') + std::string(64, ']') + "\n", "t"));
  EXPECT_THROW(checkTomlText("x = " + std::string(65, '{') + "\n", "t"), InputError);
  for (const std::string bad : {"\xc0\xaf", "\xed\xa0\x80", "\xf4\x90\x80\x80", "\x80", "\xe2\x82"}) {
    try {
      checkTomlText("ok = 1\ns = \"" + bad + "\"\n", "t.toml");
      ADD_FAILURE() << "accepted a non-UTF-8 byte sequence";
    } catch (const InputError& e) {
      EXPECT_EQ(e.line(), 2);
      EXPECT_NE(e.detail().find("at column 6"), std::string::npos) << e.detail();
    }
  }
  EXPECT_THROW(checkTomlText(std::string(io::kMaxTomlBytes + 1, ' '), "t"), InputError);
}

TEST(BadCaseCatalogue, ExtendsCycleShowsTheChain) {
  const std::string a = casePath("bad/extends_cycle_a.toml");
  const std::string b = casePath("bad/extends_cycle_b.toml");
  try {
    Case::load(a);
    FAIL();
  } catch (const InputError& e) {
    EXPECT_EQ(e.detail(), "extends cycle: " + a + " → " + b + " → " + a);
  }
}

TEST(BadCaseCatalogue, MissingFileCannotBeRead) {
  const std::string path = casePath("bad/no-such-case.toml");
  try {
    Case::load(path);
    FAIL();
  } catch (const InputError& e) {
    EXPECT_EQ(e.file(), path);
    EXPECT_EQ(e.line(), 0);
    EXPECT_EQ(e.key(), "");
    EXPECT_EQ(e.detail(), "cannot read case file: no such file");
  }
  try {
    Case::load(casePath("bad"));
    FAIL();
  } catch (const InputError& e) {
    EXPECT_EQ(e.detail(), "cannot read case file: it is a directory");
  }
}

// ---------------------------------------------------------------------------------------------
// Bad --set overrides: file "--set", no line, the key.
struct BadSet {
  std::string name;
  std::string override;
  std::string key;
  std::string fragment;
};

class BadOverride : public ::testing::TestWithParam<BadSet> {};

TEST_P(BadOverride, IsRejectedNamingSetAndKey) {
  const BadSet& c = GetParam();
  try {
    Case::load(casePath("good/minimal.toml"), {c.override});
    FAIL() << c.override << " was accepted";
  } catch (const InputError& e) {
    EXPECT_EQ(e.file(), "--set") << e.what();
    EXPECT_EQ(e.line(), 0) << e.what();
    EXPECT_EQ(e.key(), c.key) << e.what();
    EXPECT_NE(e.detail().find(c.fragment), std::string::npos) << e.detail();
  }
}

INSTANTIATE_TEST_SUITE_P(
    Catalogue, BadOverride,
    ::testing::Values(
        BadSet{"UnknownKey", "it.racks_per_rwo=3", "it.racks_per_rwo",
               "unknown key; did you mean 'it.racks_per_row'?"},
        BadSet{"BadValue", "it.halls=abc", "it.halls", "expected a whole number, got \"abc\""},
        BadSet{"NoEquals", "it.halls", "it.halls", "expected key.path=value, got \"it.halls\""},
        BadSet{"OutOfRange", "environment.salinity=50", "environment.salinity",
               "must be 0 … 45 g/kg, got 50"},
        BadSet{"BadUnit", "it.rack_power_peak=12 m", "it.rack_power_peak", "expected a power in W"},
        BadSet{"BadChoice", "it.profile=inferense", "it.profile", "did you mean \"inference\"?"},
        BadSet{"Inconsistent", "power.battery.soc_min=0.95", "power.battery.soc_min",
               "must be less than power.battery.soc_max (0.9, default), got 0.95"},
        BadSet{"Extends", "extends=other.toml", "extends", "extends can only be given"}),
    [](const ::testing::TestParamInfo<BadSet>& info) { return info.param.name; });

// ---------------------------------------------------------------------------------------------
// Good inputs.

TEST(CaseReader, MinimalCaseTakesDefaults) {
  const std::string path = casePath("good/minimal.toml");
  const Case c = Case::load(path);
  EXPECT_EQ(c.sourcePath(), path);
  EXPECT_EQ(c.string("case.name"), "minimal");
  EXPECT_EQ(c.entry("case.name").file, path);
  EXPECT_EQ(c.entry("case.name").line, 3);
  // Defaults: from the schema, entry().file == "".
  EXPECT_DOUBLE_EQ(c.real("it.rack_power_peak"), 120e3);
  EXPECT_EQ(c.entry("it.rack_power_peak").file, "");
  EXPECT_EQ(c.entry("it.rack_power_peak").line, 0);
  EXPECT_EQ(c.integer("it.halls"), 2);
  EXPECT_EQ(c.string("environment.wrap"), "none");
  EXPECT_EQ(c.string("it.profile"), "training");
  EXPECT_EQ(c.string("case.description"), "");
  EXPECT_DOUBLE_EQ(c.real("cooling.facility_supply_setpoint"), 300.15);
  EXPECT_DOUBLE_EQ(c.real("power.battery.capacity"), 7.2e10);
  // Optional keys without a default stay unset; `extends` is never part of the effective case.
  EXPECT_FALSE(c.has("environment.file"));
  EXPECT_FALSE(c.has("extends"));
  EXPECT_THROW(c.entry("environment.file"), std::out_of_range);
  EXPECT_THROW(c.real("no.such.key"), std::out_of_range);
  EXPECT_THROW(c.integer("it.rack_power_peak"), std::logic_error);
  EXPECT_DOUBLE_EQ(c.real("it.halls"), 2.0);  // an integer reads as a real too
}

TEST(CaseReader, ShippedCaseIsValidAndRoundTrips) {
  const std::string path = std::string(FDTWIN_SOURCE_DIR) + "/cases/barge-ai-20mw.toml";
  const Case c = Case::load(path);
  EXPECT_EQ(c.string("case.name"), "barge-ai-20mw");
  const Case back = Case::parse(c.toToml(), "effective.toml", "/");
  EXPECT_EQ(back.toToml(), c.toToml());
}

TEST(CaseReader, ConvertsWrittenUnitsToSI) {
  const Case c = Case::load(casePath("good/units.toml"));
  EXPECT_DOUBLE_EQ(c.real("case.duration"), 30 * 86400.0);
  EXPECT_DOUBLE_EQ(c.real("case.output_interval"), 900.0);
  EXPECT_DOUBLE_EQ(c.real("environment.salinity"), 34.3);
  EXPECT_DOUBLE_EQ(c.real("environment.current_speed_mean"), 1852.0 / 3600.0);
  EXPECT_DOUBLE_EQ(c.real("it.rack_power_peak"), 130e3);
  EXPECT_DOUBLE_EQ(c.real("it.rack_power_idle"), 25e3);
  EXPECT_DOUBLE_EQ(c.real("it.coolant_flow_per_power"), 2.5e-8);
  EXPECT_DOUBLE_EQ(c.real("it.rack_coolant_volume"), 0.05);
  EXPECT_DOUBLE_EQ(c.real("it.throttle_hysteresis"), 4.0);  // a difference: no offset
  EXPECT_DOUBLE_EQ(c.real("it.chip_limit"), 353.15);        // "80 degC"
  EXPECT_DOUBLE_EQ(c.real("it.liquid_fraction"), 0.8);
  EXPECT_DOUBLE_EQ(c.real("cooling.facility_supply_setpoint"), 300.0);
  EXPECT_DOUBLE_EQ(c.real("cooling.fan_pressure"), 250.0);
  EXPECT_DOUBLE_EQ(c.real("power.battery.capacity"), 7.2e10);
  EXPECT_DOUBLE_EQ(c.real("power.battery.power_max"), 10e6);
  EXPECT_DOUBLE_EQ(c.real("hull.plate_thickness"), 0.02);
}

TEST(CaseReader, ExtendsOverridesTheBase) {
  const std::string base = casePath("good/base.toml");
  const std::string derived = casePath("good/derived.toml");
  const Case c = Case::load(derived);
  EXPECT_EQ(c.string("case.name"), "derived");
  EXPECT_EQ(c.entry("case.name").file, derived);
  EXPECT_EQ(c.string("case.description"), "the base case");  // kept from the base
  EXPECT_EQ(c.entry("case.description").file, base);
  EXPECT_EQ(c.entry("case.description").line, 4);
  EXPECT_EQ(c.integer("it.halls"), 3);
  EXPECT_DOUBLE_EQ(c.real("it.rack_power_peak"), 140e3);
  // A path resolves against the directory of the file that sets it, and is stored absolute.
  EXPECT_EQ(c.string("environment.file"), casePath("good/data/environment.csv"));
  EXPECT_TRUE(fs::path(c.string("environment.file")).is_absolute());
}

TEST(CaseReader, ExtendsChainsAcrossFolders) {
  const Case c = Case::load(casePath("good/sub/grandchild.toml"));
  EXPECT_EQ(c.integer("it.halls"), 4);
  EXPECT_DOUBLE_EQ(c.real("it.rack_power_peak"), 140e3);
  EXPECT_EQ(c.string("case.name"), "derived");
  EXPECT_EQ(c.string("environment.file"), casePath("good/data/environment.csv"));
}

TEST(CaseReader, SetOverridesFilesAndIsValidated) {
  const Case c = Case::load(casePath("good/derived.toml"),
                            {"it.halls=5", "it.rack_power_peak=130 kW", "it.profile=inference",
                             "case.name=2024", "environment.salinity=\"3.5 %\"", "it.halls = 6",
                             "environment.wrap=years", "cooling.facility_supply_setpoint=18degC"});
  EXPECT_EQ(c.integer("it.halls"), 6);  // the last --set wins
  EXPECT_EQ(c.entry("it.halls").file, "--set");
  EXPECT_EQ(c.entry("it.halls").line, 0);
  EXPECT_DOUBLE_EQ(c.real("it.rack_power_peak"), 130e3);
  EXPECT_EQ(c.string("it.profile"), "inference");
  EXPECT_EQ(c.string("case.name"), "2024");  // text keys take the raw text
  EXPECT_DOUBLE_EQ(c.real("environment.salinity"), 35.0);
  EXPECT_EQ(c.string("environment.wrap"), "years");
  EXPECT_DOUBLE_EQ(c.real("cooling.facility_supply_setpoint"), 291.15);
}

TEST(CaseReader, SetPathsResolveAgainstTheWorkingDirectory) {
  const Case c =
      Case::load(casePath("good/minimal.toml"), {"environment.source=csv", "environment.file=env.csv"});
  EXPECT_EQ(c.string("environment.file"), (fs::current_path() / "env.csv").lexically_normal().string());
}

TEST(CaseReader, SetOnALoadedCaseRevalidatesAndKeepsTheCaseOnError) {
  Case c = Case::load(casePath("good/minimal.toml"));
  c.set("power.battery.soc_max", "0.8");
  EXPECT_DOUBLE_EQ(c.real("power.battery.soc_max"), 0.8);
  EXPECT_EQ(c.entry("power.battery.soc_max").file, "--set");
  c.set("it.rack_power_peak", "\"100 kW\"");
  EXPECT_DOUBLE_EQ(c.real("it.rack_power_peak"), 100e3);

  // Rejected values leave the case as it was (the viewer keeps showing a valid case).
  EXPECT_THROW(c.set("power.battery.soc_min", "0.85"), InputError);
  EXPECT_DOUBLE_EQ(c.real("power.battery.soc_min"), 0.1);
  EXPECT_THROW(c.set("it.halls", "0"), InputError);
  EXPECT_EQ(c.integer("it.halls"), 2);
  EXPECT_THROW(c.set("it.hals", "3"), InputError);
  try {
    c.set("hull.draft", "11");
    FAIL();
  } catch (const InputError& e) {
    EXPECT_EQ(e.key(), "hull.draft");
    EXPECT_NE(e.detail().find("must be less than hull.depth"), std::string::npos);
  }
}

TEST(CaseReader, ParsesTextWithABaseDirectory) {
  const std::string dir = casePath("good");
  const Case c = Case::parse(
      "[case]\nname = \"from text\"\n[environment]\nsource = \"csv\"\nfile = \"data/env.csv\"\n"
      "[power.engines]\ncount = 2\nrated_power = \"20 MW\"\n[it]\nhalls = 3.0\n",
      "inline.toml", dir, {"power.engines.count=4"});
  EXPECT_EQ(c.sourcePath(), "inline.toml");
  EXPECT_EQ(c.entry("case.name").file, "inline.toml");
  EXPECT_EQ(c.string("environment.file"), casePath("good/data/env.csv"));
  EXPECT_DOUBLE_EQ(c.real("power.engines.rated_power"), 20e6);
  EXPECT_EQ(c.integer("power.engines.count"), 4);
  EXPECT_EQ(c.integer("it.halls"), 3);  // 3.0 is a whole number
}

TEST(CaseReader, DottedKeysAndInlineTablesAreTheSameKeys) {
  const Case c = Case::parse("case.name = \"dotted\"\npower.engines = { count = 1, rated_power = 5e6 }\n",
                             "d.toml", ".");
  EXPECT_EQ(c.string("case.name"), "dotted");
  EXPECT_EQ(c.integer("power.engines.count"), 1);
  EXPECT_DOUBLE_EQ(c.real("power.engines.rated_power"), 5e6);
}

void expectSameValues(const Case& a, const Case& b) {
  ASSERT_EQ(a.entries().size(), b.entries().size());
  for (const auto& [key, e] : a.entries()) {
    ASSERT_TRUE(b.has(key)) << key;
    const CaseValue& v = b.entry(key).value;
    if (std::holds_alternative<double>(e.value) && std::holds_alternative<long long>(v)) {
      ADD_FAILURE() << key << " changed type";
    }
    EXPECT_EQ(e.value, v) << key;  // exact: toToml writes the shortest round-trip text
  }
}

TEST(CaseReader, ToTomlRoundTrips) {
  for (const std::string file : {"good/minimal.toml", "good/units.toml", "good/sub/grandchild.toml"}) {
    SCOPED_TRACE(file);
    Case c =
        Case::load(casePath(file), {"it.utilization=0.9123456789012345", "power.solar.peak_power=1.1e-300"});
    c.set("case.description", "\"quotes \\\" and \\\\ backslash\\nnew line\\ttab, ünïcode\"");
    const std::string toml = c.toToml();
    const Case back = Case::parse(toml, "effective.toml", "/");
    expectSameValues(c, back);
    EXPECT_EQ(back.toToml(), toml);
    EXPECT_EQ(toml.find("\nextends"), std::string::npos);  // the effective case stands alone
    EXPECT_NE(toml.find("[power.engines]\n"), std::string::npos);
  }
}

}  // namespace
}  // namespace fdtwin
