#include "sweep/SweepSchema.hpp"

#include <fmt/format.h>

#include <optional>
#include <utility>

namespace fdtwin::sweep {

namespace {

// A key of the sweep file; the small builders below keep the table to one line of facts per key.
KeyDef key(std::string path, ValueType type, std::string description, std::string defaultValue = {},
           std::string defaultNote = {}) {
  KeyDef k;
  k.path = std::move(path);
  k.type = type;
  k.description = std::move(description);
  k.defaultValue = std::move(defaultValue);
  k.defaultNote = std::move(defaultNote);
  return k;
}

KeyDef required(KeyDef k) {
  k.required = true;
  return k;
}

KeyDef integer(std::string path, std::string description, std::string defaultValue, double min,
               std::optional<double> max) {
  KeyDef k = key(std::move(path), ValueType::Integer, std::move(description), std::move(defaultValue));
  k.min = min;
  k.max = max;
  return k;
}

}  // namespace

const std::vector<KeyDef>& sweepSchema() {
  using T = ValueType;
  static const std::vector<KeyDef> keys = [] {
    std::vector<KeyDef> k = {
        [] {
          KeyDef k = key("sweep.name", T::String,
                         "Name of the sweep, shown in progress and stored in the summary; it names the sweep "
                         "folder results/<name>, so one file name (no '/', '\\', ':' or control characters; not "
                         "starting with '.').",
                         {}, "the sweep file's name without .toml");
          k.fileName = true;
          return k;
        }(),
        required(key("sweep.base", T::Path,
                     "The base case file that every case starts from (relative to the sweep file).")),
        key("sweep.mode", T::Choice,
            "How parameters combine: `grid` (every combination, the first parameter varying slowest), `list` "
            "(the i-th values of all parameters form case i; all arrays equally long) or `lhs` (a Latin "
            "hypercube of `samples` cases over { min, max } ranges).",
            "\"grid\""),
        integer("sweep.samples", "Number of cases of a Latin hypercube (mode = \"lhs\" only).", {}, 1, 1000000),
        integer("sweep.seed",
                "Seed of the Latin hypercube's random numbers: the same seed gives the same cases on every "
                "machine.",
                "1", 0, std::nullopt),
        key("sweep.duration", T::Duration, "Simulated duration of every case, overriding case.duration.", {},
            "each case's case.duration"),
        key("sweep.output_interval", T::Duration, "Interval between output rows of every case.", {},
            "each case's case.output_interval"),
        key("sweep.kpis", T::TextList,
            "The KPIs (attributes of /kpi, docs/results-format.md) that the summary collects, in this order.", {},
            "all KPIs"),
        key("set", T::Table,
            "Case keys fixed for every case, written as in a case file (`it.profile = \"inference\"` or a "
            "`[set.it]` table).",
            {}, "none"),
        required(key("parameters", T::Table,
                     "The swept case keys: `key.path = [v1, v2, …]` (grid, list) or `key.path = { min = …, max = "
                     "… }` (lhs). Values are written as in a case file, units included (`\"20 MWh\"`).")),
        key("slurm.partition", T::String, "`#SBATCH --partition` of the job-array script.", {}, "not written"),
        key("slurm.account", T::String, "`#SBATCH --account`.", {}, "not written"),
        key("slurm.time", T::String,
            "`#SBATCH --time` of one array task (Slurm's format: `MM`, `HH:MM:SS`, `D-HH:MM`).", "\"01:00:00\""),
        key("slurm.mem", T::String, "`#SBATCH --mem` of one array task (e.g. `\"2G\"`).", {}, "not written"),
        integer("slurm.cpus_per_task", "`#SBATCH --cpus-per-task`; each array task runs that many cases at a time.",
                "1", 1, 1024),
        integer("slurm.cases_per_task", "Cases per array task (a chunk of consecutive cases).", "1", 1, 1000000),
        integer("slurm.max_parallel", "Most array tasks running at once (`--array=…%N`); 0: no limit.", "0", 0,
                1000000),
        key("slurm.extra", T::TextList,
            "More `#SBATCH` options, each a whole option (`\"--qos=short\"`); not those the script writes "
            "from other keys (`--array`, `--output`, `--open-mode`, `--signal`, `--job-name`, `--ntasks`, "
            "`--cpus-per-task`, `--time`, `--partition`, `--account`, `--mem`).",
            {}, "none"),
        key("slurm.setup", T::TextList,
            "Shell lines each array task runs before fdtwin starts (`\"module load openfoam\"`), one line each.",
            {}, "none"),
    };
    k[2].choices = {"grid", "list", "lhs"};
    return k;
  }();
  return keys;
}

const KeyDef* findSweepKey(std::string_view path) {
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
  const auto typeText = [](const KeyDef& k) -> std::string {
    switch (k.type) {
      case ValueType::String:
        return "text";
      case ValueType::Choice: {
        std::string s = "one of";
        for (std::size_t i = 0; i < k.choices.size(); ++i) s += (i ? ", `" : " `") + k.choices[i] + "`";
        return s;
      }
      case ValueType::Table:
        return "table of case keys";
      default:
        return typeName(k.type);
    }
  };
  std::string md = "| Key | Type | Default | Description |\n| --- | --- | --- | --- |\n";
  for (const auto& k : sweepSchema()) {
    std::string type = typeText(k);
    if (k.type == ValueType::Integer && k.min) {
      const auto lo = static_cast<long long>(*k.min);
      type += k.max ? fmt::format(", {} … {}", lo, static_cast<long long>(*k.max)) : fmt::format(", ≥ {}", lo);
    }
    std::string def = "—";
    if (k.required) {
      def = "**required**";
    } else if (!k.defaultValue.empty()) {
      def = k.defaultValue.front() == '"' ? "`" + k.defaultValue + "`" : k.defaultValue;
    } else if (!k.defaultNote.empty()) {
      def = k.defaultNote;
    }
    md += fmt::format("| {} | {} | {} | {} |\n", k.type == ValueType::Table ? "`[" + k.path + "]`" : "`" + k.path + "`",
                      type, def, k.description);
  }
  return md;
}

}  // namespace fdtwin::sweep
