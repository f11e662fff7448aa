#pragma once
// TOML text shared by the case and sweep readers: string literals, numbers as a user writes
// them, and the "got …" part of an error message.
#include <string>
#include <string_view>
#include <toml.hpp>

namespace fdtwin::io {

std::string tomlString(std::string_view s);             // an escaped TOML basic string literal
std::string tomlNumber(double v);                      // 120000 → "120000", 0.1 → "0.1"
std::string describeTomlValue(const toml::value& v);   // the value as written, for "got …"

// Parses TOML text; `name` stands for the file in messages. Throws InputError (file, line,
// "TOML syntax error: …" with hints for an unquoted unit or text; for an impossible date-time
// value, its key). Case files and sweep files are both read through it.
toml::value parseToml(const std::string& text, const std::string& name);

}  // namespace fdtwin::io
