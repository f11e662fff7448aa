// The sweep-file reader (sweep/SweepSpec): a catalogue of bad sweep files, each with one
// mistake, whose error must name the file, the line and the key and say what was expected
// (with "did you mean …?" for misspellings), exactly as case files do; the good forms of
// [set] and [parameters]; quick grids from the command line; the schema's documentation.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "core/Error.hpp"
#include "sweep/SweepPlan.hpp"
#include "sweep/SweepSchema.hpp"
#include "sweep/SweepSpec.hpp"

namespace fdtwin::sweep {
namespace {

namespace fs = std::filesystem;

const std::string kBase = std::string(FDTWIN_SOURCE_DIR) + "/cases/barge-ai-20mw.toml";

// Writes `text` (with BASE replaced by the default case's path) to a fresh file.
std::string writeSweep(const std::string& name, std::string text) {
  const auto at = text.find("BASE");
  if (at != std::string::npos) text.replace(at, 4, kBase);
  const fs::path dir = fs::temp_directory_path() / "fdtwin-sweep-spec";
  fs::create_directories(dir);
  std::string path = (dir / name).string();
  std::ofstream(path, std::ios::binary) << text;
  return path;
}

struct BadSweep {
  std::string name;
  std::string text;
  int line;              // 0: none
  std::string key;       // "" for syntax errors
  std::string fragment;  // must appear in the message
};

std::ostream& operator<<(std::ostream& os, const BadSweep& b) { return os << b.name; }

class BadSweepFile : public ::testing::TestWithParam<BadSweep> {};

TEST_P(BadSweepFile, IsRejectedWithFileLineKeyAndMessage) {
  const BadSweep& b = GetParam();
  const std::string path = writeSweep(b.name + ".toml", b.text);
  try {
    planSweep(SweepSpec::load(path));
    FAIL() << b.name << " was accepted";
  } catch (const InputError& e) {
    EXPECT_EQ(e.file(), path) << e.what();
    EXPECT_EQ(e.line(), b.line) << e.what();
    EXPECT_EQ(e.key(), b.key) << e.what();
    EXPECT_NE(e.detail().find(b.fragment), std::string::npos)
        << "message: " << e.detail() << "\nexpected to contain: " << b.fragment;
  }
}

const std::vector<BadSweep> kBadSweeps{
    {"extra_array", "[sweep]\nbase = \"BASE\"\n[parameters]\nit.halls = [1, 2]\n[slurm]\nextra = [\"--qos=short\", \"--array=0-99\"]\n",
     6, "slurm.extra", "\"--array=0-99\" is written by fdtwin: the array's indices are the sweep's chunks"},
    {"extra_short_time", "[sweep]\nbase = \"BASE\"\n[parameters]\nit.halls = [1, 2]\n[slurm]\nextra = [\"-t 10\"]\n", 6,
     "slurm.extra", "\"-t 10\" is written by fdtwin: use slurm.time"},
    {"extra_output", "[sweep]\nbase = \"BASE\"\n[parameters]\nit.halls = [1, 2]\n[slurm]\nextra = [\"--output=x.log\"]\n", 6,
     "slurm.extra", "is written by fdtwin: each task's log is DIR/logs/slurm-<job>_<task>.out"},
    {"setup_two_lines", "[sweep]\nbase = \"BASE\"\n[parameters]\nit.halls = [1, 2]\n[slurm]\nsetup = [\"module load a\\nrm -rf x\"]\n", 6,
     "slurm.setup", "expected one shell line per item"},
    {"name_outside_results", "[sweep]\nbase = \"BASE\"\nname = \"../../x\"\n[parameters]\nit.halls = [1, 2]\n", 3,
     "sweep.name", "expected a name that can be a result file's name, got \"../../x\" (it starts with '.'"},
    {"nesting_too_deep", "[sweep]\nbase = \"BASE\"\n[parameters]\nit.halls = " + std::string(65, '[') + "\n", 4, "",
     "arrays and inline tables nested more than 64 deep"},
    {"syntax", "[sweep]\nbase = \"BASE\"\nmode = grid\n[parameters]\nit.halls = [1, 2]\n", 3, "",
     "TOML syntax error"},
    {"misspelt_table", "[sweeps]\nbase = \"BASE\"\n", 1, "sweeps",
     "unknown table [sweeps]; did you mean [sweep]?"},
    {"misspelt_key", "[sweep]\nbase = \"BASE\"\nmdoe = \"grid\"\n[parameters]\nit.halls = [1, 2]\n", 3,
     "sweep.mdoe", "unknown key; did you mean 'sweep.mode'?"},
    {"key_in_wrong_table", "[sweep]\nbase = \"BASE\"\n[parameters]\nit.halls = [1, 2]\n[slurm]\nseed = 3\n",
     6, "slurm.seed", "did you mean 'sweep.seed'?"},
    {"missing_base", "[sweep]\nmode = \"grid\"\n[parameters]\nit.halls = [1, 2]\n", 0, "sweep.base",
     "missing required key"},
    {"missing_parameters", "[sweep]\nbase = \"BASE\"\n", 0, "parameters",
     "a sweep needs at least one parameter"},
    {"misspelt_mode", "[sweep]\nbase = \"BASE\"\nmode = \"gird\"\n[parameters]\nit.halls = [1, 2]\n", 3,
     "sweep.mode", "expected one of: grid, list, lhs; got \"gird\" — did you mean \"grid\"?"},
    {"misspelt_case_key", "[sweep]\nbase = \"BASE\"\n[parameters]\nit.racks_per_rwo = [8, 10]\n", 4,
     "it.racks_per_rwo", "unknown case key in [parameters]; did you mean 'it.racks_per_row'?"},
    {"misspelt_set_key",
     "[sweep]\nbase = \"BASE\"\n[set]\nit.utilisation = 0.5\n[parameters]\nit.halls = [1, 2]\n", 4,
     "it.utilisation", "unknown case key in [set]; did you mean 'it.utilization'?"},
    {"scalar_parameter", "[sweep]\nbase = \"BASE\"\n[parameters]\nit.halls = 2\n", 4, "it.halls",
     "expected an array of values, e.g. [1, 2, 3], got 2"},
    {"empty_values", "[sweep]\nbase = \"BASE\"\n[parameters]\nit.halls = []\n", 4, "it.halls",
     "the array of values is empty"},
    {"range_in_grid", "[sweep]\nbase = \"BASE\"\n[parameters]\nit.halls = { min = 1, max = 3 }\n", 4,
     "it.halls", "(a { min, max } range is for mode = \"lhs\")"},
    {"value_out_of_range", "[sweep]\nbase = \"BASE\"\n[parameters]\nit.racks_per_row = [8,\n  0]\n", 5,
     "it.racks_per_row", "must be 1 … 200, got 0 (value 2 of 2)"},
    {"value_wrong_unit", "[sweep]\nbase = \"BASE\"\n[parameters]\npower.battery.capacity = [\"10 MW\"]\n", 4,
     "power.battery.capacity", "(a power, not an energy)"},
    {"misspelt_choice",
     "[sweep]\nbase = \"BASE\"\n[parameters]\nit.profile = [\"training\", \"inferense\"]\n", 4, "it.profile",
     "did you mean \"inference\"?"},
    {"list_lengths",
     "[sweep]\nbase = \"BASE\"\nmode = \"list\"\n[parameters]\nit.halls = [1, 2]\nit.racks_per_row = [8, 9, "
     "10]\n",
     6, "it.racks_per_row", "has 3 values but 'it.halls' (line 5) has 2"},
    {"swept_and_fixed", "[sweep]\nbase = \"BASE\"\n[set]\nit.halls = 2\n[parameters]\nit.halls = [1, 2]\n", 6,
     "it.halls", "is both swept here and fixed in [set] (line 4)"},
    {"combination",
     "[sweep]\nbase = \"BASE\"\n[parameters]\npower.battery.soc_min = [0.1, 0.95]\nit.halls = [1]\n", 4,
     "power.battery.soc_min",
     "must be less than power.battery.soc_max (0.9, default), got 0.95 (value 2 of 2; case-0001: "},
    {"lhs_without_samples",
     "[sweep]\nbase = \"BASE\"\nmode = \"lhs\"\n[parameters]\nit.utilization = { min = 0.5, max = 1 }\n", 3,
     "sweep.samples", "mode = \"lhs\" needs the number of cases"},
    {"samples_in_grid", "[sweep]\nbase = \"BASE\"\nsamples = 8\n[parameters]\nit.halls = [1, 2]\n", 3,
     "sweep.samples", "samples is only for mode = \"lhs\""},
    {"lhs_array",
     "[sweep]\nbase = \"BASE\"\nmode = \"lhs\"\nsamples = 4\n[parameters]\nit.utilization = [0.5, 1]\n", 6,
     "it.utilization", "(arrays of values are for grid and list sweeps)"},
    {"lhs_text_key",
     "[sweep]\nbase = \"BASE\"\nmode = \"lhs\"\nsamples = 4\n[parameters]\nit.profile = { min = 0, max = 1 "
     "}\n",
     6, "it.profile", "this key is not a number"},
    {"lhs_range_unit",
     "[sweep]\nbase = \"BASE\"\nmode = \"lhs\"\nsamples = 4\n[parameters]\npower.battery.capacity = { min = "
     "\"1 MW\", max = \"4 MWh\" }\n",
     6, "power.battery.capacity", "min: expected an energy in J, got \"1 MW\" (a power, not an energy)"},
    {"lhs_range_order",
     "[sweep]\nbase = \"BASE\"\nmode = \"lhs\"\nsamples = 4\n[parameters]\nit.utilization = { min = 0.9, max "
     "= 0.5 }\n",
     6, "it.utilization", "min must be less than max"},
    {"lhs_range_key",
     "[sweep]\nbase = \"BASE\"\nmode = \"lhs\"\nsamples = 4\n[parameters]\nit.utilization = { min = 0.5, mx "
     "= 0.9 }\n",
     6, "it.utilization", "unknown range key 'mx' (did you mean 'max'?)"},
    {"lhs_range_outside",
     "[sweep]\nbase = \"BASE\"\nmode = \"lhs\"\nsamples = 4\n[parameters]\nit.utilization = { min = 0.5, max "
     "= 1.5 }\n",
     6, "it.utilization", "max: must be 0 … 1, got 1.5"},
    {"unknown_kpi", "[sweep]\nbase = \"BASE\"\nkpis = [\"PUE\", \"fuel\"]\n[parameters]\nit.halls = [1]\n", 3,
     "sweep.kpis", "unknown KPI \"fuel\""},
    {"misspelt_kpi", "[sweep]\nbase = \"BASE\"\nkpis = [\"PEU\"]\n[parameters]\nit.halls = [1]\n", 3,
     "sweep.kpis", "unknown KPI \"PEU\"; did you mean \"PUE\"?"},
    {"bad_duration", "[sweep]\nbase = \"BASE\"\nduration = \"1 week\"\n[parameters]\nit.halls = [1]\n", 3,
     "sweep.duration", "expected a duration such as 30d"},
    {"bad_slurm_time", "[sweep]\nbase = \"BASE\"\n[parameters]\nit.halls = [1]\n[slurm]\ntime = \"1 hour\"\n",
     6, "slurm.time", "expected a Slurm time limit"},
    {"bad_slurm_option",
     "[sweep]\nbase = \"BASE\"\n[parameters]\nit.halls = [1]\n[slurm]\nextra = [\"qos=short\"]\n", 6,
     "slurm.extra", "expected a whole sbatch option"},
    {"zero_cases_per_task",
     "[sweep]\nbase = \"BASE\"\n[parameters]\nit.halls = [1]\n[slurm]\ncases_per_task = 0\n", 6,
     "slurm.cases_per_task", "must be 1 … 1000000, got 0"},
};

INSTANTIATE_TEST_SUITE_P(Catalogue, BadSweepFile, ::testing::ValuesIn(kBadSweeps),
                         [](const ::testing::TestParamInfo<BadSweep>& info) { return info.param.name; });

TEST(SweepSpec, BaseErrorsNameTheBaseFile) {
  const std::string path =
      writeSweep("no_base.toml", "[sweep]\nbase = \"nowhere.toml\"\n[parameters]\nit.halls = [1]\n");
  try {
    planSweep(SweepSpec::load(path));
    FAIL() << "accepted";
  } catch (const InputError& e) {
    EXPECT_EQ(e.file(), (fs::path(path).parent_path() / "nowhere.toml").string());
    EXPECT_NE(std::string(e.what()).find("cannot read case file"), std::string::npos) << e.what();
  }
}

TEST(SweepSpec, CaseKeysInEveryTomlForm) {
  // Dotted keys, quoted dotted keys and sub-tables name the same case keys.
  const std::string path = writeSweep("forms.toml",
                                      "[sweep]\nbase = \"BASE\"\nname = \"forms\"\n"
                                      "[set]\nit.utilization = 0.9\n\"it.profile\" = \"inference\"\n"
                                      "[set.power.battery]\ncapacity = \"5 MWh\"\n"
                                      "[parameters]\n\"it.halls\" = [1, 2]\n"
                                      "[parameters.it]\nracks_per_row = [4, 5]\n");
  const SweepSpec s = SweepSpec::load(path);
  EXPECT_EQ(s.name, "forms");
  ASSERT_EQ(s.fixed.size(), 3u);
  ASSERT_EQ(s.parameters.size(), 2u);
  const SweepPlan plan = planSweep(s);
  EXPECT_EQ(plan.cases.size(), 4u);
  const std::vector<std::string> fixed = {"it.utilization=0.9", "it.profile=\"inference\"",
                                          "power.battery.capacity=18000000000"};
  for (const auto& f : fixed) {
    EXPECT_NE(std::find(plan.overrides.begin(), plan.overrides.end(), f), plan.overrides.end()) << f;
  }
}

TEST(SweepSpec, CommandLineGrid) {
  const SweepSpec s = SweepSpec::fromCommandLine(
      kBase, {"it.halls=1,2", "it.profile=training,\"inference\"", "it.rack_power_peak=100kW"});
  EXPECT_EQ(s.mode, Mode::Grid);
  ASSERT_EQ(s.parameters.size(), 3u);
  EXPECT_EQ(s.parameters[1].values.size(), 2u);
  const SweepPlan plan = planSweep(s);
  ASSERT_EQ(plan.cases.size(), 4u);
  EXPECT_EQ(plan.cases[3].set, (std::vector<std::string>{"it.halls=2", "it.profile=\"inference\"",
                                                         "it.rack_power_peak=100000"}));

  const auto fails = [&](const std::vector<std::string>& params, const std::string& key,
                         const std::string& fragment) {
    try {
      planSweep(SweepSpec::fromCommandLine(kBase, params));
      ADD_FAILURE() << "accepted: " << params.front();
    } catch (const InputError& e) {
      EXPECT_EQ(e.file(), "--param") << e.what();
      EXPECT_EQ(e.key(), key) << e.what();
      EXPECT_NE(e.detail().find(fragment), std::string::npos) << e.what();
    }
  };
  fails({"it.halls"}, "it.halls", "expected key.path=v1,v2,…");
  fails({"it.hals=1,2"}, "it.hals", "did you mean 'it.halls'?");
  fails({"it.halls=1,,2"}, "it.halls", "empty value");
  fails({"it.halls=1,0"}, "it.halls", "(value 2 of 2)");
  fails({"it.halls=1", "it.halls=2"}, "it.halls", "is given twice");
  try {
    planSweep(SweepSpec::fromCommandLine(kBase, {}));
    ADD_FAILURE() << "a case file without --param was accepted";
  } catch (const InputError& e) {
    EXPECT_NE(std::string(e.what()).find("--param"), std::string::npos) << e.what();
  }
  PlanOptions po;
  po.overrides = {"it.halls=3"};
  try {
    planSweep(SweepSpec::fromCommandLine(kBase, {"it.halls=1,2"}), po);
    ADD_FAILURE() << "--set of a swept key was accepted";
  } catch (const InputError& e) {
    EXPECT_EQ(e.file(), "--set");
    EXPECT_NE(e.detail().find("is also swept"), std::string::npos) << e.what();
  }
}

TEST(SweepSpec, SplitValuesKeepsQuotedAndBracketedCommas) {
  EXPECT_EQ(splitValues("1,2, 3"), (std::vector<std::string>{"1", "2", "3"}));
  EXPECT_EQ(splitValues("\"a,b\",c"), (std::vector<std::string>{"\"a,b\"", "c"}));
  EXPECT_EQ(splitValues("[1,2],3"), (std::vector<std::string>{"[1,2]", "3"}));
  EXPECT_EQ(splitValues("120 kW,130 kW"), (std::vector<std::string>{"120 kW", "130 kW"}));
}

TEST(SweepSpec, IsSweepFile) {
  EXPECT_FALSE(isSweepFile(kBase));
  EXPECT_TRUE(isSweepFile(writeSweep("detect.toml", "# a sweep\n[sweep]\nbase = \"BASE\"\n")));
  EXPECT_TRUE(isSweepFile(writeSweep("detect2.toml", "[ sweeps ]\n")));  // misspelt: its reader says so
}

TEST(SweepSchema, DocsCarryTheGeneratedReference) {
  const std::string path = std::string(FDTWIN_SOURCE_DIR) + "/docs/sweeps.md";
  std::ifstream in(path, std::ios::binary);
  const std::string doc((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  EXPECT_NE(doc.find(sweepSchemaMarkdown()), std::string::npos)
      << "docs/sweeps.md does not hold the current sweep-file reference: paste the output of "
         "`fdtwin sweep --schema` into its \"Sweep-file reference\" section";
  for (const auto& k : sweepSchema()) EXPECT_FALSE(k.description.empty()) << k.path;
}

}  // namespace
}  // namespace fdtwin::sweep
