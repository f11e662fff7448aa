#include "core/Units.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <charconv>
#include <cmath>
#include <numbers>
#include <optional>
#include <string>

#include "core/Constants.hpp"
#include "core/Error.hpp"
#include "core/Text.hpp"

namespace fdtwin::units {
namespace {

// Dimensions of the named quantities (m, kg, s, K).
constexpr Dimension kNone{};
constexpr Dimension kLength{1, 0, 0, 0};
constexpr Dimension kArea{2, 0, 0, 0};
constexpr Dimension kVolume{3, 0, 0, 0};
constexpr Dimension kMass{0, 1, 0, 0};
constexpr Dimension kTime{0, 0, 1, 0};
constexpr Dimension kTemperature{0, 0, 0, 1};
constexpr Dimension kPower{2, 1, -3, 0};
constexpr Dimension kEnergy{2, 1, -2, 0};
constexpr Dimension kPressure{-1, 1, -2, 0};
constexpr Dimension kSpeed{1, 0, -1, 0};
constexpr Dimension kAngle{0, 0, 0, 0, 1};

struct NamedUnit {
  const char* name;
  double factor;  // SI value of one of this unit
  Dimension dim;
  const char* group;    // quantity, for the documentation; nullptr: an alias not listed there
  double offset = 0.0;  // added to reach the SI scale (degC: 273.15 K at 0 degC)
};

// Exact factors: 1 Wh = 3600 J, 1 L = 1e-3 m3, 1 bar = 1e5 Pa, 1 knot = 1852 m / 3600 s
// (international nautical mile), 1 t = 1000 kg.
constexpr double kKnot = 1852.0 / 3600.0;
const std::array kUnits{
    NamedUnit{"1", 1.0, kNone, "number"},
    NamedUnit{"%", 1e-2, kNone, "number"},
    NamedUnit{"W", 1.0, kPower, "power"},
    NamedUnit{"kW", 1e3, kPower, "power"},
    NamedUnit{"MW", 1e6, kPower, "power"},
    NamedUnit{"GW", 1e9, kPower, "power"},
    NamedUnit{"J", 1.0, kEnergy, "energy"},
    NamedUnit{"kJ", 1e3, kEnergy, "energy"},
    NamedUnit{"MJ", 1e6, kEnergy, "energy"},
    NamedUnit{"GJ", 1e9, kEnergy, "energy"},
    NamedUnit{"Wh", 3600.0, kEnergy, "energy"},
    NamedUnit{"kWh", 3.6e6, kEnergy, "energy"},
    NamedUnit{"MWh", 3.6e9, kEnergy, "energy"},
    NamedUnit{"GWh", 3.6e12, kEnergy, "energy"},
    NamedUnit{"s", 1.0, kTime, "time"},
    NamedUnit{"min", 60.0, kTime, "time"},
    NamedUnit{"h", constants::kSecondsPerHour, kTime, "time"},
    NamedUnit{"d", constants::kSecondsPerDay, kTime, "time"},
    NamedUnit{"K", 1.0, kTemperature, "temperature"},
    NamedUnit{"degC", 1.0, kTemperature, "temperature", constants::kZeroCelsius},
    NamedUnit{"°C", 1.0, kTemperature, nullptr, constants::kZeroCelsius},
    NamedUnit{"mm", 1e-3, kLength, "length"},
    NamedUnit{"cm", 1e-2, kLength, "length"},
    NamedUnit{"m", 1.0, kLength, "length"},
    NamedUnit{"km", 1e3, kLength, "length"},
    NamedUnit{"nmi", 1852.0, kLength, "length"},
    NamedUnit{"L", 1e-3, kVolume, "volume"},
    NamedUnit{"g", 1e-3, kMass, "mass"},
    NamedUnit{"kg", 1.0, kMass, "mass"},
    NamedUnit{"t", 1e3, kMass, "mass"},
    NamedUnit{"Pa", 1.0, kPressure, "pressure"},
    NamedUnit{"kPa", 1e3, kPressure, "pressure"},
    NamedUnit{"MPa", 1e6, kPressure, "pressure"},
    NamedUnit{"mbar", 1e2, kPressure, "pressure"},
    NamedUnit{"bar", 1e5, kPressure, "pressure"},
    NamedUnit{"knot", kKnot, kSpeed, "speed"},
    NamedUnit{"rad", 1.0, kAngle, "angle"},
    NamedUnit{"deg", std::numbers::pi / 180.0, kAngle, "angle"},
    NamedUnit{"kn", kKnot, kSpeed, nullptr},
};

bool isNameChar(unsigned char c) {
  // Letters, '%', and the bytes of UTF-8 '°' (0xC2 0xB0).
  return std::isalpha(c) || c == '%' || c >= 0x80;
}

std::optional<NamedUnit> lookup(std::string_view name) {
  for (const auto& u : kUnits)
    if (name == u.name) return u;
  return std::nullopt;
}

std::string suggestUnit(std::string_view name) {
  std::vector<std::string> names;
  names.reserve(kUnits.size());
  for (const auto& u : kUnits) names.emplace_back(u.name);
  return nearestWord(name, names);
}

Dimension combine(Dimension a, Dimension b, int sign) {
  return {a.length + sign * b.length, a.mass + sign * b.mass, a.time + sign * b.time,
          a.temperature + sign * b.temperature, a.angle + sign * b.angle};
}
Dimension power(Dimension a, int e) {
  return {a.length * e, a.mass * e, a.time * e, a.temperature * e, a.angle * e};
}

// Recursive-descent parser of unit expressions (grammar in Units.hpp).
class UnitParser {
 public:
  explicit UnitParser(std::string_view text) : m_text(text) {}

  Unit parse() {
    Unit u = expression();
    skipSpace();
    if (m_pos != m_text.size()) fail(fmt::format("unexpected \"{}\"", m_text.substr(m_pos)));
    return u;
  }

 private:
  [[noreturn]] void fail(const std::string& why) const {
    throw UnitError(fmt::format("malformed unit \"{}\": {}", m_text, why));
  }
  void skipSpace() {
    while (m_pos < m_text.size() && m_text[m_pos] == ' ') ++m_pos;
  }
  bool atFactorStart() const {
    if (m_pos >= m_text.size()) return false;
    const unsigned char c = static_cast<unsigned char>(m_text[m_pos]);
    return isNameChar(c) || c == '(' || c == '1';
  }

  Unit expression() {
    Unit u = factor();
    int count = 1;
    for (;;) {
      skipSpace();
      if (m_pos >= m_text.size()) break;
      const char c = m_text[m_pos];
      int sign = 1;
      if (c == '/') {
        sign = -1;
        ++m_pos;
      } else if (c == '*') {
        ++m_pos;
      } else if (m_text.substr(m_pos, 2) == "\xC2\xB7") {  // '·'
        m_pos += 2;
      } else if (!atFactorStart()) {
        break;  // ')' or garbage, handled by the caller
      }
      const Unit f = factor();
      u.factor = sign > 0 ? u.factor * f.factor : u.factor / f.factor;
      u.dim = combine(u.dim, f.dim, sign);
      ++count;
    }
    if (count > 1) {
      // A degree inside a compound unit is an interval: no offset.
      u.temperatureScale = false;
      u.offset = 0.0;
    }
    return u;
  }

  Unit factor() {
    skipSpace();
    if (m_pos >= m_text.size()) fail("a unit is missing");
    Unit u;
    const char c = m_text[m_pos];
    if (c == '(') {
      ++m_pos;
      u = expression();
      u.temperatureScale = false;
      u.offset = 0.0;
      skipSpace();
      if (m_pos >= m_text.size() || m_text[m_pos] != ')') fail("missing ')'");
      ++m_pos;
    } else if (c == '1') {
      ++m_pos;  // "1/K": the number one
    } else if (isNameChar(static_cast<unsigned char>(c))) {
      const std::size_t start = m_pos;
      while (m_pos < m_text.size() && isNameChar(static_cast<unsigned char>(m_text[m_pos]))) ++m_pos;
      const std::string_view name = m_text.substr(start, m_pos - start);
      const auto named = lookup(name);
      if (!named) {
        const std::string near = suggestUnit(name);
        throw UnitError(near.empty() ? fmt::format("unknown unit \"{}\"", name)
                                     : fmt::format("unknown unit \"{}\"; did you mean \"{}\"?", name, near));
      }
      u.factor = named->factor;
      u.dim = named->dim;
      u.temperatureScale = named->dim == kTemperature;
      u.offset = named->offset;
    } else {
      fail(fmt::format("unexpected \"{}\"", m_text.substr(m_pos)));
    }
    // Optional exponent: "m3", "m^3", "s^-1", "s-1".
    std::size_t p = m_pos;
    if (p < m_text.size() && m_text[p] == '^') ++p;
    bool negative = false;
    if (p < m_text.size() && m_text[p] == '-') {
      negative = true;
      ++p;
    }
    if (p < m_text.size() && std::isdigit(static_cast<unsigned char>(m_text[p]))) {
      int e = 0;
      while (p < m_text.size() && std::isdigit(static_cast<unsigned char>(m_text[p]))) {
        e = e * 10 + (m_text[p] - '0');
        if (e > 9) fail("exponent too large");
        ++p;
      }
      if (negative) e = -e;
      u.factor = std::pow(u.factor, e);
      u.dim = power(u.dim, e);
      if (e != 1) {
        u.temperatureScale = false;
        u.offset = 0.0;
      }
      m_pos = p;
    } else if (p != m_pos) {
      fail("an exponent is missing after '^' or '-'");
    }
    return u;
  }

  std::string_view m_text;
  std::size_t m_pos = 0;
};

struct Quantity {
  Dimension dim;
  const char* name = nullptr;
};
const std::array kQuantities{
    Quantity{kNone, "a number"},
    Quantity{kPower, "a power"},
    Quantity{kEnergy, "an energy"},
    Quantity{kTime, "a duration"},
    Quantity{kTemperature, "a temperature"},
    Quantity{kLength, "a length"},
    Quantity{kArea, "an area"},
    Quantity{kVolume, "a volume"},
    Quantity{kMass, "a mass"},
    Quantity{Dimension{-3, 1, 0, 0}, "a density"},
    Quantity{Dimension{0, 1, -1, 0}, "a mass flow"},
    Quantity{Dimension{3, 0, -1, 0}, "a volume flow"},
    Quantity{kPressure, "a pressure"},
    Quantity{kSpeed, "a speed"},
    Quantity{kAngle, "an angle"},
    Quantity{Dimension{0, 0, -1, 0}, "a rate"},
    Quantity{Dimension{0, 0, 0, -1}, "a temperature coefficient"},
    Quantity{Dimension{2, 1, -3, -1}, "a thermal conductance"},
    Quantity{Dimension{-2, -1, 3, 1}, "a thermal resistance"},
    Quantity{Dimension{2, 1, -2, -1}, "a heat capacity"},
    Quantity{Dimension{2, 0, -2, 0}, "a specific energy"},
    Quantity{Dimension{0, -1, 3, 1}, "an area-specific thermal resistance"},
    Quantity{Dimension{0, 1, -3, -1}, "a heat transfer coefficient"},
    Quantity{Dimension{1, -1, 2, 0}, "a flow per power"},
    Quantity{Dimension{-2, 0, 2, 0}, "a mass per energy"},
};

std::string nameOf(Dimension dim, bool absoluteTemperature) {
  if (dim == kTemperature && !absoluteTemperature) return "a temperature difference";
  for (const auto& q : kQuantities)
    if (q.dim == dim) return q.name;
  return "a quantity";
}

Unit parseOrThrowForKey(std::string_view siUnit) {
  try {
    return parseUnit(siUnit);
  } catch (const UnitError& e) {
    // A key's unit that does not parse is a defect of the schema table, not of the input.
    throw std::logic_error(fmt::format("schema unit \"{}\" does not parse: {}", siUnit, e.what()));
  }
}

}  // namespace

Unit parseUnit(std::string_view expression) {
  expression = trim(expression);
  if (expression.empty()) throw UnitError("a unit is missing");
  return UnitParser(expression).parse();
}

Written splitNumber(std::string_view text) {
  text = trim(text);
  std::string_view digits = text;
  if (!digits.empty() && digits.front() == '+') digits.remove_prefix(1);
  Written w;
  const auto [ptr, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), w.number);
  if (ec != std::errc() || digits.empty() ||
      !(std::isdigit(static_cast<unsigned char>(digits.front())) || digits.front() == '-' ||
        digits.front() == '.'))
    throw UnitError("it does not start with a number");
  if (!std::isfinite(w.number)) throw UnitError("the number is not finite");
  w.unit =
      std::string(trim(std::string_view(ptr, static_cast<std::size_t>(digits.data() + digits.size() - ptr))));
  return w;
}

double toSI(std::string_view text, std::string_view siUnit, bool absoluteTemperature) {
  const Written w = splitNumber(text);
  if (w.unit.empty()) return w.number;
  const Unit target = parseOrThrowForKey(siUnit);
  const Unit given = parseUnit(w.unit);
  if (!(given.dim == target.dim)) {
    throw UnitError(
        fmt::format("{}, not {}", nameOf(given.dim, true), nameOf(target.dim, absoluteTemperature)));
  }
  // The degC offset applies only to a lone degree written for an absolute temperature.
  const bool scale = absoluteTemperature && target.temperatureScale && given.temperatureScale;
  const double si = (w.number * given.factor + (scale ? given.offset : 0.0)) / target.factor;
  // Round away the binary noise of the factors ("3.43 %" in g/kg would be 34.300000000000004):
  // 15 significant digits are below what any input means and keep written values exact.
  const std::string text15 = fmt::format("{:.15g}", si);
  double rounded = si;
  const auto res = std::from_chars(text15.data(), text15.data() + text15.size(), rounded);
  return res.ec == std::errc() && std::isfinite(rounded) ? rounded : si;
}

std::string quantityName(std::string_view siUnit, bool absoluteTemperature) {
  return nameOf(parseOrThrowForKey(siUnit).dim, absoluteTemperature);
}

std::string humanize(double siValue, std::string_view siUnit, bool absoluteTemperature) {
  const Unit target = parseOrThrowForKey(siUnit);
  const double value = siValue * target.factor;  // in the base SI unit of the dimension
  if (target.dim == kTemperature && absoluteTemperature)
    return fmt::format("{:.4g} degC", value - constants::kZeroCelsius);
  if (target.dim == kNone) {
    if (siUnit == "1") {
      // Percent reads well for shares, not for tolerances such as 1e-6.
      if (value != 0.0 && std::abs(value) < 1e-3) return "";
      return fmt::format("{:.4g} %", value * 100.0);
    }
    return fmt::format("{:.4g} {}", siValue, siUnit);
  }
  static const std::vector<std::pair<Dimension, std::vector<const char*>>> readable{
      {kPower, {"W", "kW", "MW", "GW"}},  {kEnergy, {"J", "kJ", "MJ", "kWh", "MWh", "GWh"}},
      {kTime, {"s", "min", "h", "d"}},    {kTemperature, {"K"}},
      {kLength, {"mm", "m", "km"}},       {kVolume, {"L", "m3"}},
      {kPressure, {"Pa", "kPa", "bar"}},  {kSpeed, {"m/s"}},
      {Dimension{0, 1, -1, 0}, {"kg/s"}}, {kMass, {"kg", "t"}},
      {Dimension{3, 0, -1, 0}, {"m3/s"}},
  };
  for (const auto& [dim, names] : readable) {
    if (!(dim == target.dim)) continue;
    const char* best = names.front();
    double bestFactor = parseUnit(best).factor;
    for (const char* n : names) {
      const double f = parseUnit(n).factor;
      if (std::abs(value) >= f) {
        best = n;
        bestFactor = f;
      }
    }
    return fmt::format("{:.4g} {}", value / bestFactor, best);
  }
  return "";
}

std::vector<std::pair<std::string, std::string>> knownUnits() {
  std::vector<std::pair<std::string, std::string>> groups;
  for (const auto& u : kUnits) {
    if (!u.group) continue;
    auto it = std::find_if(groups.begin(), groups.end(), [&](const auto& g) { return g.first == u.group; });
    if (it == groups.end()) {
      groups.emplace_back(u.group, u.name);
    } else {
      it->second += std::string(" ") + u.name;
    }
  }
  return groups;
}

double parseDuration(const std::string& text, const std::string& key) {
  const auto bad = [&](const std::string& why) {
    return InputError(
        "", 0, key,
        fmt::format("expected a duration such as 30d, 12h, 15min, 90s or 3600 (seconds), got \"{}\"{}", text,
                    why.empty() ? "" : " (" + why + ")"));
  };
  double seconds = 0.0;
  try {
    seconds = toSI(text, "s");
  } catch (const UnitError& e) {
    throw bad(e.what());
  }
  if (!std::isfinite(seconds)) throw bad("not a finite number of seconds");
  if (!(seconds > 0.0)) throw bad("must be > 0");
  return seconds;
}

}  // namespace fdtwin::units
