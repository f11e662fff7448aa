#include "sweep/SweepPlan.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <limits>
#include <random>
#include <string_view>
#include <type_traits>
#include <variant>

#include "core/Error.hpp"
#include "core/Schema.hpp"
#include "core/Text.hpp"
#include "core/Units.hpp"
#include "sweep/Kpis.hpp"

namespace fdtwin::sweep {
namespace {

namespace fs = std::filesystem;

constexpr std::size_t kMaxCases = 1000000;

// One key set from text, and where the text was written (for errors).
struct Assignment {
  std::string key, text, file;
  int line = 0;
  std::string note;  // added to an error about this value: "value 2 of 3"
};

std::string joinAssignments(const std::vector<Assignment>& as) {
  std::string s;
  for (const auto& a : as) s += (s.empty() ? "" : ", ") + a.key + " = " + a.text;
  return s;
}

// Re-raises an error from Case::set / Case::load at the place the user wrote the value.
// `context` names the case and its values when the error may come from a combination.
[[noreturn]] void rethrowAt(const InputError& e, const std::vector<Assignment>& as,
                            const std::string& context) {
  if (e.file() == "--set") {
    for (auto it = as.rbegin(); it != as.rend(); ++it) {
      if (it->key != e.key()) continue;
      std::string extra = it->note;
      if (!context.empty()) extra = extra.empty() ? context : fmt::format("{}; {}", extra, context);
      throw InputError(it->file, it->line, it->key,
                       extra.empty() ? e.detail() : fmt::format("{} ({})", e.detail(), extra));
    }
  }
  throw InputError(e.file(), e.line(), e.key(),
                   context.empty() ? e.detail() : fmt::format("{} ({})", e.detail(), context));
}

// Applies `as` to `c` in order. Checks across keys hold for the final set only, so when a
// step fails the whole set is re-read from the base file at once to find the real error.
void applyAll(Case& c, const std::string& basePath, const std::vector<Assignment>& before,
              const std::vector<Assignment>& as, const std::string& context) {
  try {
    Case next = c;
    for (const auto& a : as) next.set(a.key, a.text);
    c = std::move(next);
    return;
  } catch (const InputError&) {
    // fall through to the authoritative check
  }
  std::vector<Assignment> all = before;
  all.insert(all.end(), as.begin(), as.end());
  std::vector<std::string> overrides;
  overrides.reserve(all.size());
  for (const auto& a : all) overrides.push_back(a.key + "=" + a.text);
  try {
    c = Case::load(basePath, overrides);
  } catch (const InputError& e) {
    rethrowAt(e, all, context);
  }
}

std::string unitOf(const std::string& key) {
  const KeyDef* k = findKey(key);
  if (!k) return "-";
  if (k->type == ValueType::Real) return k->unit;
  if (k->type == ValueType::Integer) return "1";
  return "-";
}

std::string number(double v) { return fmt::format("{}", v); }

}  // namespace

std::string valueText(const CaseValue& v) {
  return std::visit(
      [](const auto& x) -> std::string {
        using T = std::decay_t<decltype(x)>;
        if constexpr (std::is_same_v<T, double> || std::is_same_v<T, long long>) {
          return fmt::format("{}", x);  // for a double, the shortest text that reads back to it
        } else if constexpr (std::is_same_v<T, bool>) {
          return x ? "true" : "false";
        } else {
          return tomlString(x);
        }
      },
      v);
}

std::string caseName(std::size_t i, std::size_t n) {
  std::size_t width = 4;
  for (std::size_t m = n > 0 ? n - 1 : 0; m >= 10000; m /= 10) ++width;
  return fmt::format("case-{:0{}}", i, width);
}

std::vector<std::vector<std::size_t>> gridIndices(const std::vector<std::size_t>& sizes) {
  std::size_t n = sizes.empty() ? 0 : 1;
  for (const auto s : sizes) n *= s;
  std::vector<std::vector<std::size_t>> out;
  out.reserve(n);
  std::vector<std::size_t> idx(sizes.size(), 0);
  for (std::size_t c = 0; c < n; ++c) {
    out.push_back(idx);
    for (std::size_t d = sizes.size(); d-- > 0;) {  // the last parameter varies fastest
      if (++idx[d] < sizes[d]) break;
      idx[d] = 0;
    }
  }
  return out;
}

std::vector<std::vector<double>> latinHypercube(std::size_t samples, std::size_t dims, std::uint64_t seed) {
  std::mt19937_64 rng(seed);
  // Uniform in [0, 1) from the top 53 bits; an unbiased integer below n by rejection.
  const auto uniform = [&] { return static_cast<double>(rng() >> 11) * 0x1.0p-53; };
  const auto below = [&](std::uint64_t n) {
    const std::uint64_t limit =
        std::numeric_limits<std::uint64_t>::max() - std::numeric_limits<std::uint64_t>::max() % n;
    std::uint64_t x = rng();
    while (x >= limit) x = rng();
    return x % n;
  };
  std::vector<std::vector<double>> out(samples, std::vector<double>(dims, 0.0));
  const double n = static_cast<double>(samples);
  for (std::size_t d = 0; d < dims; ++d) {
    std::vector<std::size_t> bin(samples);
    for (std::size_t i = 0; i < samples; ++i) bin[i] = i;
    for (std::size_t i = samples; i-- > 1;) std::swap(bin[i], bin[below(i + 1)]);  // Fisher-Yates
    for (std::size_t s = 0; s < samples; ++s) {
      double u = (static_cast<double>(bin[s]) + uniform()) / n;
      // Rounding may carry (k + u)/n onto the next bin's edge: keep the point inside its bin.
      while (u > 0.0 && std::floor(u * n) > static_cast<double>(bin[s])) u = std::nextafter(u, 0.0);
      out[s][d] = u;
    }
  }
  return out;
}

std::vector<std::string> SweepPlan::runArguments(std::size_t i, const std::string& resultPath) const {
  std::vector<std::string> a = {"run", basePath};
  for (const auto& o : overrides) {
    a.push_back("--set");
    a.push_back(o);
  }
  for (const auto& o : cases.at(i).set) {
    a.push_back("--set");
    a.push_back(o);
  }
  a.push_back("-o");
  a.push_back(resultPath);
  if (duration > 0) {
    a.push_back("--duration");
    a.push_back(number(duration));
  }
  if (outputInterval > 0) {
    a.push_back("--output-interval");
    a.push_back(number(outputInterval));
  }
  return a;
}

SweepPlan planSweep(const SweepSpec& spec, const PlanOptions& options) {
  SweepPlan plan;
  plan.name = spec.name;
  plan.mode = spec.mode;
  plan.sweepFile = fs::absolute(spec.file).lexically_normal().string();
  plan.basePath = fs::absolute(spec.basePath).lexically_normal().string();
  plan.seed = spec.mode == Mode::Lhs ? spec.seed : 0;
  plan.slurm = spec.slurm;
  plan.kpis = spec.kpis.empty() ? kpiNames() : spec.kpis;
  plan.duration = spec.duration;
  plan.outputInterval = spec.outputInterval;
  if (options.durationGiven || !options.duration.empty()) {
    plan.duration = units::parseDuration(options.duration, "--duration");
  }
  if (options.outputIntervalGiven || !options.outputInterval.empty()) {
    plan.outputInterval = units::parseDuration(options.outputInterval, "--output-interval");
  }

  // The base case and the keys fixed for every case: [set], then --set.
  Case base = Case::load(plan.basePath);
  std::vector<Assignment> fixed;
  for (const auto& f : spec.fixed) fixed.push_back({f.key, f.value.text, spec.file, f.value.line, ""});
  for (const auto& o : options.overrides) {
    const auto eq = o.find('=');
    const std::string key(trim(std::string_view(o).substr(0, eq)));
    if (eq == std::string::npos || key.empty()) {
      throw InputError("--set", 0, key, fmt::format("expected key.path=value, got \"{}\"", o));
    }
    for (const auto& p : spec.parameters) {
      if (p.key != key) continue;
      throw InputError("--set", 0, key,
                       spec.errorFile == "--param"
                           ? std::string("is also swept by --param; remove one")
                           : fmt::format("is swept by {} (line {}); remove one", spec.file, p.line));
    }
    fixed.push_back({key, o.substr(eq + 1), "--set", 0, ""});
  }
  applyAll(base, plan.basePath, {}, fixed, "");
  for (const auto& a : fixed) {
    const std::string key = findKey(a.key) ? findKey(a.key)->path : a.key;
    const std::string text = key + "=" + valueText(base.entry(key).value);
    plan.overrides.erase(std::remove_if(plan.overrides.begin(), plan.overrides.end(),
                                        [&](const std::string& o) { return o.rfind(key + "=", 0) == 0; }),
                         plan.overrides.end());
    plan.overrides.push_back(text);
  }
  plan.baseToml = base.toToml();
  for (const auto& p : spec.parameters) plan.parameters.push_back({p.key, unitOf(p.key)});

  // The value texts of every case.
  std::vector<std::vector<Assignment>> tuples;
  const std::size_t np = spec.parameters.size();
  const auto valueNote = [&](const Parameter& p, std::size_t k) {
    return p.values.size() > 1 ? fmt::format("value {} of {}", k + 1, p.values.size()) : std::string();
  };
  if (spec.mode == Mode::Grid) {
    std::vector<std::size_t> sizes;
    double total = 1.0;
    for (const auto& p : spec.parameters) {
      sizes.push_back(p.values.size());
      total *= static_cast<double>(p.values.size());
    }
    if (total > static_cast<double>(kMaxCases)) {
      throw InputError(spec.errorFile, 0, "parameters",
                       fmt::format("the grid has {:.0f} cases; a sweep holds at most {}", total, kMaxCases));
    }
    for (const auto& idx : gridIndices(sizes)) {
      std::vector<Assignment> t;
      for (std::size_t d = 0; d < np; ++d) {
        const Parameter& p = spec.parameters[d];
        t.push_back(
            {p.key, p.values[idx[d]].text, spec.errorFile, p.values[idx[d]].line, valueNote(p, idx[d])});
      }
      tuples.push_back(std::move(t));
    }
  } else if (spec.mode == Mode::List) {
    for (std::size_t i = 0; i < spec.parameters.front().values.size(); ++i) {
      std::vector<Assignment> t;
      for (const auto& p : spec.parameters) {
        t.push_back({p.key, p.values[i].text, spec.errorFile, p.values[i].line, valueNote(p, i)});
      }
      tuples.push_back(std::move(t));
    }
  } else {
    // Both ends of each range must be valid values of the key.
    for (const auto& p : spec.parameters) {
      for (const auto& [end, v] : {std::pair<const char*, double>{"min", p.min}, {"max", p.max}}) {
        try {
          Case probe = base;
          probe.set(p.key, number(v));
        } catch (const InputError& e) {
          if (e.key() != p.key) continue;  // a check across keys: judged per case below
          throw InputError(spec.errorFile, p.line, p.key, fmt::format("{}: {}", end, e.detail()));
        }
      }
    }
    const auto u = latinHypercube(static_cast<std::size_t>(spec.samples), np, spec.seed);
    for (const auto& point : u) {
      std::vector<Assignment> t;
      for (std::size_t d = 0; d < np; ++d) {
        const Parameter& p = spec.parameters[d];
        double v = p.min + point[d] * (p.max - p.min);
        if (findKey(p.key)->type == ValueType::Integer) v = std::clamp(std::floor(v + 0.5), p.min, p.max);
        t.push_back({p.key, number(v), spec.errorFile, p.line, ""});
      }
      tuples.push_back(std::move(t));
    }
  }

  plan.cases.reserve(tuples.size());
  for (std::size_t i = 0; i < tuples.size(); ++i) {
    PlannedCase pc;
    pc.name = caseName(i, tuples.size());
    Case c = base;
    // With one parameter the value names the case; with more, the combination may be at fault.
    applyAll(
        c, plan.basePath, fixed, tuples[i],
        np > 1 || spec.mode == Mode::Lhs ? fmt::format("{}: {}", pc.name, joinAssignments(tuples[i])) : "");
    for (const auto& a : tuples[i]) {
      const CaseValue& v = c.entry(a.key).value;
      pc.values.push_back(v);
      pc.set.push_back(a.key + "=" + valueText(v));
    }
    plan.cases.push_back(std::move(pc));
  }
  return plan;
}

}  // namespace fdtwin::sweep
