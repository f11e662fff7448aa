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

// What toml11 (Debian's 3.7.1) cannot be trusted with, checked before it parses: text larger
// than kMaxTomlBytes, bytes that are not UTF-8 (a literal string holding one makes it read past
// its buffer: toml11 issue #199, fixed after 3.7.1), and arrays or inline tables nested deeper
// than kMaxTomlNesting (its recursive descent overflows the stack at a few thousand). Throws
// InputError(name, line, "", …) with the line and column.
constexpr std::size_t kMaxTomlBytes = 4u << 20;  // 4 MiB: the shipped cases are < 20 KB
constexpr int kMaxTomlNesting = 64;             // the case schema nests 3 deep
void checkTomlText(const std::string& text, const std::string& name);

// Parses TOML text (after checkTomlText); `name` stands for the file in messages. Throws InputError (file, line,
// "TOML syntax error: …" with hints for an unquoted unit or text; for an impossible date-time
// value, its key). Case files and sweep files are both read through it.
toml::value parseToml(const std::string& text, const std::string& name);

}  // namespace fdtwin::io
