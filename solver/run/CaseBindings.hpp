#pragma once
// The binding of case keys to the parameters they set: one line per key, keyed by the key's
// path in the schema (core/SchemaTable.cpp). The schema holds what a key is (type, unit,
// default, range, documentation); a binding holds where its value goes. run/ is the lowest
// layer that sees both the schema and the model's parameter structs, so the bindings live here
// (docs/decisions.md, "Case keys bound to parameters"). A test checks that every Real, Integer,
// Boolean and Choice key is bound exactly once and that every binding names a key.
//
//   bindKey("it.rack_power_peak", &PlantParams::it, &ItParams::rackPowerPeak)
//   bindChoice("it.profile", {{"training", ProfileKind::Training}, ...}, &PlantParams::it, ...)
//
// A Choice binding maps every allowed word to its enum value: this is the one place where a
// choice's words meet the model's enums.
#include <functional>
#include <stdexcept>
#include <string>
#include <type_traits>
#include <utility>
#include <variant>
#include <vector>

#include "cfd/CfdParams.hpp"
#include "io/Case.hpp"
#include "model/PlantParams.hpp"
#include "model/environment/Environment.hpp"

namespace fdtwin::io {

template <class Params>
struct KeyBinding {
  std::string key;
  std::function<void(Params&, const CaseValue&)> apply;  // sets the member from a typed SI value
  std::function<CaseValue(const Params&)> read;          // the member as the key's value (for tests, tools)
  std::vector<std::string> choices;                      // the words a Choice binding maps
};

namespace detail {

// Follows a chain of pointers to members: follow(p, &PlantParams::it, &ItParams::halls) is p.it.halls.
template <class Root, class... Members>
auto& follow(Root& root, Members... members) {
  return (root.*....*members);
}

template <class T>
void assign(T& target, const CaseValue& v, const std::string& key) {
  if constexpr (std::is_same_v<T, bool>) {
    target = std::get<bool>(v);
  } else if constexpr (std::is_integral_v<T>) {
    target = static_cast<T>(std::get<long long>(v));
  } else if constexpr (std::is_floating_point_v<T>) {
    if (const auto* i = std::get_if<long long>(&v)) {
      target = static_cast<T>(*i);
    } else {
      target = std::get<double>(v);
    }
  } else if constexpr (std::is_same_v<T, std::string>) {
    target = std::get<std::string>(v);
  } else {
    static_assert(std::is_same_v<T, void>, "a binding needs a number, bool or string member");
  }
  (void)key;
}

template <class T>
CaseValue toValue(const T& member) {
  if constexpr (std::is_same_v<T, bool>) {
    return member;
  } else if constexpr (std::is_integral_v<T>) {
    return static_cast<long long>(member);
  } else if constexpr (std::is_floating_point_v<T>) {
    return static_cast<double>(member);
  } else {
    return std::string(member);
  }
}

}  // namespace detail

// Binds `key` to root.*m0.*m1... (a number, bool or string member). (Not "bind": a member of
// std::string type would bring std::bind in by argument-dependent lookup.)
template <class Root, class M0, class... Ms>
KeyBinding<Root> bindKey(std::string key, M0 Root::*first, Ms... rest) {
  return {
      key,
      [first, rest..., key](Root& root, const CaseValue& v) {
        detail::assign(detail::follow(root, first, rest...), v, key);
      },
      [first, rest...](const Root& root) { return detail::toValue(detail::follow(root, first, rest...)); },
      {}};
}

// Binds the Choice `key` to an enum (or bool) member through a table of its words.
template <class Value, class Root, class M0, class... Ms>
KeyBinding<Root> bindChoice(std::string key, std::vector<std::pair<std::string, Value>> words,
                            M0 Root::*first, Ms... rest) {
  std::vector<std::string> names;
  for (const auto& w : words) names.push_back(w.first);
  return {key,
          [words, first, rest..., key](Root& root, const CaseValue& v) {
            const std::string& word = std::get<std::string>(v);
            for (const auto& [name, value] : words) {
              if (name == word) {
                detail::follow(root, first, rest...) = value;
                return;
              }
            }
            throw std::logic_error("binding of " + key + ": no value for \"" + word + "\"");
          },
          [words, first, rest..., key](const Root& root) -> CaseValue {
            const auto& value = detail::follow(root, first, rest...);
            for (const auto& [name, v] : words)
              if (v == value) return name;
            throw std::logic_error("binding of " + key + ": a value without a word");
          },
          std::move(names)};
}

// Keys that set the plant's parameters.
const std::vector<KeyBinding<PlantParams>>& plantBindings();
// Keys that set the synthetic environment (environment.source = "synthetic").
const std::vector<KeyBinding<env::SyntheticEnvironmentParameters>>& environmentBindings();
// Keys that set the CFD side (cfd.*).
const std::vector<KeyBinding<cfd::CfdParams>>& cfdBindings();
// Keys that runCase, the environment factory or the case itself read directly (they choose
// what runs rather than set a parameter): case.duration, solver.rtol, environment.source, ...
const std::vector<std::string>& directlyReadKeys();

// Applies every binding with the value of its key in `c`.
template <class Params>
void applyBindings(const std::vector<KeyBinding<Params>>& bindings, const Case& c, Params& p) {
  for (const auto& b : bindings) b.apply(p, c.entry(b.key).value);
}
// Applies every binding with its key's schema default.
template <class Params>
void applyDefaults(const std::vector<KeyBinding<Params>>& bindings, Params& p) {
  for (const auto& b : bindings) b.apply(p, defaultValue(*findKey(b.key)));
}

// The plant that every key left at its schema default describes (the plant of a case that sets
// nothing). Tests build their plants from this, so they test the plant `fdtwin run` builds.
// Day of the year (0 = 1 January 00:00, fractional) of an instant in its own UTC offset's calendar.
double localDayOfYear(long long epochSeconds, int utcOffsetSeconds);
PlantParams defaultPlantParams();
// The synthetic environment of a case that sets no environment.* key.
env::SyntheticEnvironmentParameters defaultEnvironmentParameters();
// The CFD side of a case that sets nothing (on the default hull and salinity).
cfd::CfdParams defaultCfdParams();

}  // namespace fdtwin::io
