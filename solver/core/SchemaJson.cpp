// The schema as JSON (`fdtwin schema --json`), for tools that build forms or check cases
// without parsing the Markdown reference.
#include <nlohmann/json.hpp>

#include "core/Schema.hpp"
#include "core/Units.hpp"

namespace fdtwin {
namespace {

const char* ruleKind(CrossRule::Kind k) {
  switch (k) {
    case CrossRule::Kind::Less:
      return "less";
    case CrossRule::Kind::LessOrEqual:
      return "less_or_equal";
    case CrossRule::Kind::SumLess:
      return "sum_less";
    case CrossRule::Kind::RequiredWhen:
      return "required_when";
  }
  return "";
}

// The default as a JSON value in SI: numbers for real and integer keys, true/false, and the
// unquoted text of strings, choices, paths and date-times; null when there is none.
nlohmann::ordered_json defaultJson(const KeyDef& k) {
  if (k.defaultValue.empty()) return nullptr;
  switch (k.type) {
    case ValueType::Real:
      return units::splitNumber(k.defaultValue).number;
    case ValueType::Integer:
      return std::stoll(k.defaultValue);
    case ValueType::Boolean:
      return k.defaultValue == "true";
    case ValueType::Duration:
      return units::splitNumber(k.defaultValue).number;
    case ValueType::TextList:
    case ValueType::Table:
      return nullptr;
    case ValueType::String:
    case ValueType::Choice:
    case ValueType::Path:
    case ValueType::DateTime: {
      const std::string& d = k.defaultValue;
      return d.size() >= 2 && d.front() == '"' && d.back() == '"' ? d.substr(1, d.size() - 2) : d;
    }
  }
  return nullptr;
}

}  // namespace

std::string schemaJson() {
  nlohmann::ordered_json keys = nlohmann::ordered_json::array();
  for (const auto& k : caseSchema()) {
    nlohmann::ordered_json j;
    j["key"] = k.path;
    j["type"] = typeName(k.type);
    j["unit"] = k.unit;
    j["default"] = defaultJson(k);
    j["required"] = k.required;
    j["min"] = k.min ? nlohmann::ordered_json(*k.min) : nlohmann::ordered_json(nullptr);
    j["max"] = k.max ? nlohmann::ordered_json(*k.max) : nlohmann::ordered_json(nullptr);
    j["min_exclusive"] = k.minExclusive;
    j["max_exclusive"] = k.maxExclusive;
    j["range"] = describeRange(k, k.unit);
    j["choices"] = k.choices;
    j["absolute_temperature"] = k.absoluteTemperature;
    j["doc"] = k.description;
    keys.push_back(std::move(j));
  }
  nlohmann::ordered_json rules = nlohmann::ordered_json::array();
  for (const auto& r : crossRules()) {
    nlohmann::ordered_json j;
    j["kind"] = ruleKind(r.kind);
    std::vector<std::string> names;
    if (r.kind == CrossRule::Kind::SumLess) {
      nlohmann::ordered_json terms = nlohmann::ordered_json::array();
      for (const auto& [c, key] : r.terms) {
        terms.push_back({{"coefficient", c}, {"key", key}});
        names.push_back(key);
      }
      j["terms"] = terms;
    } else {
      names.push_back(r.low);
    }
    names.push_back(r.high);
    if (r.kind == CrossRule::Kind::RequiredWhen) j["value"] = r.value;
    j["keys"] = names;
    j["text"] = describeRule(r);
    rules.push_back(std::move(j));
  }
  nlohmann::ordered_json root;
  root["keys"] = keys;
  root["rules"] = rules;
  return root.dump(2) + "\n";
}

}  // namespace fdtwin
