#include "io/TomlText.hpp"

#include <fmt/format.h>

#include <cmath>
#include <cstring>
#include <optional>
#include <regex>
#include <sstream>

#include "core/DateTime.hpp"
#include "core/Error.hpp"
#include "core/Text.hpp"

namespace fdtwin::io {
namespace {

// "TOML syntax error: …" with toml11's reason and, for two common mistakes, a hint.
InputError syntaxError(const toml::exception& err, const std::string& name) {
  const std::string what = err.what();
  std::istringstream lines(what);
  std::string first;
  std::getline(lines, first);
  first = std::regex_replace(first, std::regex(R"(^\[error\]\s*(toml::\w+:\s*)?)"), "");
  first = trim(first);
  if (!first.empty() && first.back() == '.') first.pop_back();
  // toml11 draws the offending spot as " 3 | text" followed by "   |   ^--- comment" (or
  // "~~~ comment"); keep the last comment and the first line number of the snippet.
  std::string pointer;
  int firstLine = 0;
  const std::regex snippetLine(R"(^\s*(\d+) \|)");
  const std::regex caretLine(R"(^\s*\|\s*(\^-*|~+)\s*(.*)$)");
  for (std::string l; std::getline(lines, l);) {
    std::smatch m;
    if (std::regex_search(l, m, snippetLine) && firstLine == 0) firstLine = std::stoi(m[1].str());
    if (std::regex_search(l, m, caretLine)) pointer = trim(m[2].str());
  }
  if (!pointer.empty() && pointer.back() == '.') pointer.pop_back();
  std::string msg = "TOML syntax error: " + first;
  std::smatch dup;
  if (std::regex_search(first, dup, std::regex(R"re((value|table) \("(.*)"\) already exists)re"))) {
    msg = fmt::format("TOML syntax error: the {} \"{}\" is defined twice (first on line {})", dup[1].str(),
                      dup[2].str(), firstLine);
  } else if (!pointer.empty() && pointer != "here" && first.find(pointer) == std::string::npos) {
    msg += first.empty() ? pointer : ": " + pointer;
  }

  const std::string& text = err.location().line_str();
  std::smatch m;
  if (std::regex_search(
          text, m, std::regex(R"(=\s*([-+]?[0-9][0-9_.eE+-]*)\s*([A-Za-z%][A-Za-z0-9/%()^ ]*)\s*(#.*)?$)"))) {
    msg += fmt::format(" (a value with a unit must be quoted: \"{} {}\")", m[1].str(), trim(m[2].str()));
  } else if (std::regex_search(text, m, std::regex(R"(=\s*([A-Za-z_][A-Za-z0-9_-]*)\s*(#.*)?$)")) &&
             m[1] != "true" && m[1] != "false" && m[1] != "inf" && m[1] != "nan") {
    msg += fmt::format(" (text must be quoted: \"{}\")", m[1].str());
  }
  const int line = err.location().line() > 0 ? static_cast<int>(err.location().line()) : 0;
  return InputError(name, line, "", msg);
}

// toml11 rejects an impossible date-time (2022-02-30T…) as a syntax error without the key, and
// on the wrong line; find the first unquoted date-time value that does not parse and name it.
std::optional<InputError> badDateTime(const std::string& text, const std::string& name) {
  static const std::regex header(R"(^\s*\[+\s*([A-Za-z0-9_.\-]+)\s*\]+)");
  static const std::regex dated(
      R"(^\s*([A-Za-z0-9_.\-]+)\s*=\s*([0-9]{4}-[0-9]{2}-[0-9]{2}[Tt ][0-9:.]+([Zz]|[+-][0-9]{2}:[0-9]{2})?)\s*(#.*)?$)");
  std::istringstream lines(text);
  std::string section;
  int lineNo = 0;
  for (std::string line; std::getline(lines, line);) {
    ++lineNo;
    std::smatch m;
    if (std::regex_search(line, m, header)) {
      section = m[1].str();
    } else if (std::regex_match(line, m, dated)) {
      std::string why;
      if (parseDateTime(m[2].str(), &why)) continue;
      const std::string path = section.empty() ? m[1].str() : section + "." + m[1].str();
      return InputError(
          name, lineNo, path,
          fmt::format("expected a date and time with UTC offset (e.g. 2022-01-01T00:00:00+09:00), "
                      "got {} ({})",
                      m[2].str(), why));
    }
  }
  return std::nullopt;
}

}  // namespace

namespace {

// Length of the UTF-8 sequence starting at s[i] (RFC 3629: no overlong forms, no surrogates,
// nothing above U+10FFFF), or 0 when the bytes there are not UTF-8.
std::size_t utf8Length(const std::string& s, std::size_t i) {
  const auto b = [&](std::size_t k) { return i + k < s.size() ? static_cast<unsigned char>(s[i + k]) : 0u; };
  const unsigned c = b(0);
  const auto cont = [&](std::size_t k, unsigned lo = 0x80, unsigned hi = 0xBF) {
    return b(k) >= lo && b(k) <= hi;
  };
  if (c < 0x80) return 1;
  if (c >= 0xC2 && c <= 0xDF) return cont(1) ? 2 : 0;
  if (c == 0xE0) return cont(1, 0xA0) && cont(2) ? 3 : 0;
  if ((c >= 0xE1 && c <= 0xEC) || c == 0xEE || c == 0xEF) return cont(1) && cont(2) ? 3 : 0;
  if (c == 0xED) return cont(1, 0x80, 0x9F) && cont(2) ? 3 : 0;
  if (c == 0xF0) return cont(1, 0x90) && cont(2) && cont(3) ? 4 : 0;
  if (c >= 0xF1 && c <= 0xF3) return cont(1) && cont(2) && cont(3) ? 4 : 0;
  if (c == 0xF4) return cont(1, 0x80, 0x8F) && cont(2) && cont(3) ? 4 : 0;
  return 0;
}

}  // namespace

void checkTomlText(const std::string& text, const std::string& name) {
  if (text.size() > kMaxTomlBytes) {
    throw InputError(name, 0, "",
                     fmt::format("{} bytes; a TOML file fdtwin reads holds at most {} MiB", text.size(),
                                 kMaxTomlBytes >> 20));
  }
  // One pass: UTF-8, and the nesting of [ and { outside strings and comments.
  int line = 1, depth = 0;
  std::size_t lineStart = 0;
  enum class In { Value, Comment, Basic, Literal, BasicMulti, LiteralMulti } in = In::Value;
  const auto at = [&](std::size_t i, const char* s) { return text.compare(i, std::strlen(s), s) == 0; };
  for (std::size_t i = 0; i < text.size();) {
    const std::size_t n = utf8Length(text, i);
    if (n == 0) {
      throw InputError(name, line, "",
                       fmt::format("not UTF-8: byte 0x{:02X} at column {} (TOML files are UTF-8 text)",
                                   static_cast<unsigned>(static_cast<unsigned char>(text[i])), i - lineStart + 1));
    }
    const char c = text[i];
    std::size_t step = n;
    if (c == '\n') {
      ++line;
      lineStart = i + 1;
      if (in == In::Comment || in == In::Basic || in == In::Literal) in = In::Value;  // TOML reports the rest
    } else if (in == In::Value) {
      if (c == '#') {
        in = In::Comment;
      } else if (at(i, "\"\"\"")) {
        in = In::BasicMulti;
        step = 3;
      } else if (at(i, "'''")) {
        in = In::LiteralMulti;
        step = 3;
      } else if (c == '"') {
        in = In::Basic;
      } else if (c == '\'') {
        in = In::Literal;
      } else if (c == '[' || c == '{') {
        if (++depth > kMaxTomlNesting) {
          throw InputError(name, line, "",
                           fmt::format("arrays and inline tables nested more than {} deep (column {})",
                                       kMaxTomlNesting, i - lineStart + 1));
        }
      } else if ((c == ']' || c == '}') && depth > 0) {
        --depth;
      }
    } else if ((in == In::Basic || in == In::BasicMulti) && c == '\\') {
      // An escape: the character after the backslash (ASCII in every valid escape) cannot end
      // the string; anything else is checked on the next round.
      const bool asciiNext = i + 1 < text.size() && text[i + 1] != '\n' &&
                             static_cast<unsigned char>(text[i + 1]) < 0x80;
      step = asciiNext ? 2 : 1;
    } else if ((in == In::Basic && c == '"') || (in == In::Literal && c == '\'')) {
      in = In::Value;
    } else if ((in == In::BasicMulti && at(i, "\"\"\"")) || (in == In::LiteralMulti && at(i, "'''"))) {
      in = In::Value;
      step = 3;
    }
    i += step;
  }
}

toml::value parseToml(const std::string& text, const std::string& name) {
  checkTomlText(text, name);
  std::istringstream in(text);
  try {
    return toml::parse(in, name);
  } catch (const toml::exception& e) {
    if (auto date = badDateTime(text, name)) throw *date;
    throw syntaxError(e, name);
  } catch (const std::exception& e) {
    throw InputError(name, 0, "", fmt::format("TOML error: {}", e.what()));
  }
}

std::string tomlString(std::string_view s) {
  std::string out = "\"";
  for (const char ch : s) {
    const auto c = static_cast<unsigned char>(ch);
    switch (ch) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\t':
        out += "\\t";
        break;
      case '\r':
        out += "\\r";
        break;
      case '\b':
        out += "\\b";
        break;
      case '\f':
        out += "\\f";
        break;
      default:
        if (c < 0x20 || c == 0x7f) {
          out += fmt::format("\\u{:04X}", static_cast<unsigned>(c));
        } else {
          out += ch;
        }
    }
  }
  return out + "\"";
}

std::string tomlNumber(double v) {
  if (std::abs(v) < 1e15 && v == std::floor(v)) return fmt::format("{:.0f}", v);
  return fmt::format("{:.6g}", v);
}

std::string describeTomlValue(const toml::value& v) {
  switch (v.type()) {
    case toml::value_t::boolean:
      return v.as_boolean() ? "true" : "false";
    case toml::value_t::integer:
      return fmt::format("{}", v.as_integer());
    case toml::value_t::floating:
      return tomlNumber(v.as_floating());
    case toml::value_t::string:
      return tomlString(v.as_string().str);
    case toml::value_t::array:
      return "an array";
    case toml::value_t::table:
      return "a table";
    default:
      return "a date/time";
  }
}

}  // namespace fdtwin::io
