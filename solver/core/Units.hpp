#pragma once
// Physical units at the input boundary. Inside fdtwin every quantity is SI (STYLE.md habit 2);
// this module turns what a user writes ("120 kW", "18 degC", "1.5 L/min/kW", "30d") into the
// SI unit a case key declares, once, in the reader.
//
// A unit expression is a product/quotient of unit names, each with an optional integer
// exponent: "kW", "m3", "m^3", "kg/s", "W/(m2 K)", "L/min/kW", "1/K", "%". A '/' divides by the
// single factor that follows it (so "L/min/kW" = L / min / kW); a space, '*' or '·' multiplies.
// Every unit name maps to an SI factor and a dimension (exponents of m, kg, s, K); a written
// quantity converts to a key's unit when the dimensions agree.
//
// Temperatures: degC (or °C) is a temperature *scale* only when the expression is exactly one
// temperature unit and the key is an absolute temperature (KeyDef::absoluteTemperature):
// "18 degC" → 291.15 K. For temperature differences (it.throttle_hysteresis,
// seawater.discharge_dT_max) and inside compound units ("W/degC") a degree Celsius is the same
// size as a kelvin and no offset is applied: "5 degC" of hysteresis is 5 K.
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace fdtwin::units {

// Exponents of the SI base units that case quantities use (and of the plane angle).
struct Dimension {
  int length = 0;       // m
  int mass = 0;         // kg
  int time = 0;         // s
  int temperature = 0;  // K
  // Plane angle is dimensionless in SI; it is kept apart here so that "35 deg" cannot be given
  // for a fraction (as in Boost.Units, which also treats it as a base dimension).
  int angle = 0;  // rad
  friend bool operator==(const Dimension&, const Dimension&) = default;
};

// A unit expression resolved to SI: value_SI = factor · value + offset.
struct Unit {
  double factor = 1.0;
  Dimension dim;
  double offset = 0.0;            // 273.15 for a lone degC used as an absolute temperature
  bool temperatureScale = false;  // the expression is exactly one temperature unit (K, degC)
};

// A unit that is unknown or does not fit. what() is a short reason ("unknown unit \"kw\"; did
// you mean \"kW\"?", "a length, not a power"); the case reader wraps it into an InputError
// with file, line and key.
class UnitError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// Parses a unit expression. Throws UnitError for an unknown name or a malformed expression.
Unit parseUnit(std::string_view expression);

// Splits "120 kW" / "30d" / "-5 degC" into its number and its (trimmed) unit text; the unit is
// empty for a bare number. Throws UnitError when the text does not start with a finite number.
struct Written {
  double number = 0.0;
  std::string unit;
};
Written splitNumber(std::string_view text);

// Converts a written quantity to the SI unit `siUnit` (a key's unit, e.g. "W", "m3/(s W)",
// "g/kg", "1"). A bare number is taken as already in `siUnit`. With absoluteTemperature, a lone
// degC is converted with its offset. Throws UnitError when the unit is unknown or its dimension
// differs from that of `siUnit`.
double toSI(std::string_view text, std::string_view siUnit, bool absoluteTemperature = false);

// What kind of quantity `siUnit` measures, with an article: "a power", "an energy",
// "a temperature", "a temperature difference", "a mass flow", "a number" (dimensionless) ...
std::string quantityName(std::string_view siUnit, bool absoluteTemperature = false);

// A SI value written in a readable unit of its dimension, e.g. 7.2e10 J → "20 MWh",
// 300.15 K → "27 degC", 0.85 (unit "1") → "85 %"; empty when there is no better unit than
// the number itself.
std::string humanize(double siValue, std::string_view siUnit, bool absoluteTemperature = false);

// All unit names the parser knows, grouped by quantity, for the reference documentation:
// {"power", "W kW MW GW"}, ...
std::vector<std::pair<std::string, std::string>> knownUnits();

// A duration as given on the command line: "30d", "12h", "15min", "90s", "1.5 h" or a bare
// number of seconds ("3600"). Returns seconds (> 0). Throws InputError(file "", line 0, `key`,
// "expected a duration such as 30d, 12h, 15min, 90s or 3600 (seconds), got \"…\"").
double parseDuration(const std::string& text, const std::string& key = "");

}  // namespace fdtwin::units
