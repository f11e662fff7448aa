#include "sweep/SweepSchema.hpp"

#include <fmt/format.h>

namespace fdtwin::sweep {

const std::vector<SweepKeyDef>& sweepSchema() {
  using T = SweepKeyType;
  static const std::vector<SweepKeyDef> keys = {
      {"sweep.name",
       T::Text,
       "Name of the sweep, shown in progress and stored in the summary.",
       "the sweep file's name without .toml",
       false,
       {},
       {},
       {}},
      {"sweep.base",
       T::Path,
       "The base case file that every case starts from (relative to the sweep file).",
       "",
       true,
       {},
       {},
       {}},
      {"sweep.mode",
       T::Choice,
       "How parameters combine: `grid` (every combination, the first parameter varying slowest), `list` "
       "(the i-th values of all parameters form case i; all arrays equally long) or `lhs` (a Latin hypercube "
       "of `samples` cases over { min, max } ranges).",
       "\"grid\"",
       false,
       {},
       {},
       {"grid", "list", "lhs"}},
      {"sweep.samples",
       T::Integer,
       "Number of cases of a Latin hypercube (mode = \"lhs\" only).",
       "",
       false,
       1,
       1000000,
       {}},
      {"sweep.seed",
       T::Integer,
       "Seed of the Latin hypercube's random numbers: the same seed gives the same cases on every machine.",
       "1",
       false,
       0,
       9223372036854775807LL,
       {}},
      {"sweep.duration",
       T::Duration,
       "Simulated duration of every case, overriding case.duration.",
       "each case's case.duration",
       false,
       {},
       {},
       {}},
      {"sweep.output_interval",
       T::Duration,
       "Interval between output rows of every case.",
       "each case's case.output_interval",
       false,
       {},
       {},
       {}},
      {"sweep.kpis",
       T::TextList,
       "The KPIs (attributes of /kpi, docs/results-format.md) that the summary collects, in this order.",
       "all KPIs",
       false,
       {},
       {},
       {}},
      {"set",
       T::CaseKeys,
       "Case keys fixed for every case, written as in a case file (`it.profile = \"inference\"` or a "
       "`[set.it]` table).",
       "none",
       false,
       {},
       {},
       {}},
      {"parameters",
       T::Parameters,
       "The swept case keys: `key.path = [v1, v2, …]` (grid, list) or `key.path = { min = …, max = … }` "
       "(lhs). "
       "Values are written as in a case file, units included (`\"20 MWh\"`).",
       "",
       true,
       {},
       {},
       {}},
      {"slurm.partition",
       T::Text,
       "`#SBATCH --partition` of the job-array script.",
       "not written",
       false,
       {},
       {},
       {}},
      {"slurm.account", T::Text, "`#SBATCH --account`.", "not written", false, {}, {}, {}},
      {"slurm.time",
       T::Text,
       "`#SBATCH --time` of one array task (Slurm's format: `MM`, `HH:MM:SS`, `D-HH:MM`).",
       "\"01:00:00\"",
       false,
       {},
       {},
       {}},
      {"slurm.mem",
       T::Text,
       "`#SBATCH --mem` of one array task (e.g. `\"2G\"`).",
       "not written",
       false,
       {},
       {},
       {}},
      {"slurm.cpus_per_task",
       T::Integer,
       "`#SBATCH --cpus-per-task`; each array task runs that many cases at a time.",
       "1",
       false,
       1,
       1024,
       {}},
      {"slurm.cases_per_task",
       T::Integer,
       "Cases per array task (a chunk of consecutive cases).",
       "1",
       false,
       1,
       1000000,
       {}},
      {"slurm.max_parallel",
       T::Integer,
       "Most array tasks running at once (`--array=…%N`); 0: no limit.",
       "0",
       false,
       0,
       1000000,
       {}},
      {"slurm.extra",
       T::TextList,
       "More `#SBATCH` options, each a whole option (`\"--qos=short\"`).",
       "none",
       false,
       {},
       {},
       {}},
  };
  return keys;
}

const SweepKeyDef* findSweepKey(std::string_view path) {
  for (const auto& k : sweepSchema()) {
    if (k.path == path) return &k;
  }
  return nullptr;
}

const std::vector<std::string>& sweepTables() {
  static const std::vector<std::string> tables = {"sweep", "set", "parameters", "slurm"};
  return tables;
}

std::string sweepSchemaMarkdown() {
  const auto typeName = [](const SweepKeyDef& k) -> std::string {
    switch (k.type) {
      case SweepKeyType::Text:
        return "text";
      case SweepKeyType::Integer:
        return "integer";
      case SweepKeyType::Duration:
        return "duration";
      case SweepKeyType::Choice: {
        std::string s = "one of";
        for (std::size_t i = 0; i < k.choices.size(); ++i) s += (i ? ", `" : " `") + k.choices[i] + "`";
        return s;
      }
      case SweepKeyType::Path:
        return "path";
      case SweepKeyType::TextList:
        return "array of texts";
      case SweepKeyType::CaseKeys:
      case SweepKeyType::Parameters:
        return "table of case keys";
    }
    return "";
  };
  std::string md = "| Key | Type | Default | Description |\n| --- | --- | --- | --- |\n";
  for (const auto& k : sweepSchema()) {
    std::string type = typeName(k);
    if (k.type == SweepKeyType::Integer && k.min) {
      type += k.max && *k.max < 1000000000LL ? fmt::format(", {} … {}", *k.min, *k.max)
                                             : fmt::format(", ≥ {}", *k.min);
    }
    const std::string def = k.required ? "**required**" : (k.defaultText.empty() ? "—" : k.defaultText);
    const bool table = k.type == SweepKeyType::CaseKeys || k.type == SweepKeyType::Parameters;
    md += fmt::format("| {} | {} | {} | {} |\n", table ? "`[" + k.path + "]`" : "`" + k.path + "`", type,
                      def.front() == '"' ? "`" + def + "`" : def, k.description);
  }
  return md;
}

}  // namespace fdtwin::sweep
