// Unit tests of core/Units: written quantities ("120 kW", "18 degC") to SI.
// Expected values are exact definitions: 1 Wh = 3600 J, 1 L = 1e-3 m3, 1 bar = 1e5 Pa,
// 1 knot = 1852 m/h, 0 degC = 273.15 K.
#include <gtest/gtest.h>

#include <cmath>
#include <numbers>
#include <string>

#include "core/Error.hpp"
#include "core/Schema.hpp"
#include "core/Units.hpp"

namespace fdtwin::units {
namespace {

TEST(Units, ParsesSimpleUnits) {
  const Unit kw = parseUnit("kW");
  EXPECT_DOUBLE_EQ(kw.factor, 1e3);
  EXPECT_EQ(kw.dim, (Dimension{2, 1, -3, 0}));
  EXPECT_DOUBLE_EQ(parseUnit("MWh").factor, 3.6e9);
  EXPECT_DOUBLE_EQ(parseUnit("%").factor, 0.01);
  EXPECT_EQ(parseUnit("%").dim, Dimension{});
}

TEST(Units, ParsesCompoundUnits) {
  const Unit flowPerPower = parseUnit("m3/(s W)");
  EXPECT_DOUBLE_EQ(flowPerPower.factor, 1.0);
  EXPECT_EQ(flowPerPower.dim, (Dimension{1, -1, 2, 0}));
  // '/' divides by the next factor only: L / min / kW.
  const Unit perKw = parseUnit("L/min/kW");
  EXPECT_DOUBLE_EQ(perKw.factor, 1e-3 / 60.0 / 1e3);
  EXPECT_EQ(perKw.dim, flowPerPower.dim);
  EXPECT_EQ(parseUnit("W/(m2 K)").dim, (Dimension{0, 1, -3, -1}));
  EXPECT_EQ(parseUnit("m2K/W").dim, (Dimension{0, -1, 3, 1}));
  EXPECT_EQ(parseUnit("m^3").dim, (Dimension{3, 0, 0, 0}));
  EXPECT_EQ(parseUnit("s-1").dim, parseUnit("1/s").dim);
  EXPECT_EQ(parseUnit("kg*m/s").dim, (Dimension{1, 1, -1, 0}));
  EXPECT_DOUBLE_EQ(parseUnit("t/h").factor, 1000.0 / 3600.0);
}

TEST(Units, DegreeCelsiusIsAScaleOnlyAlone) {
  EXPECT_TRUE(parseUnit("degC").temperatureScale);
  EXPECT_DOUBLE_EQ(parseUnit("degC").offset, 273.15);
  EXPECT_FALSE(parseUnit("W/degC").temperatureScale);
  EXPECT_DOUBLE_EQ(parseUnit("W/degC").offset, 0.0);
  EXPECT_FALSE(parseUnit("(degC)").temperatureScale);
}

TEST(Units, RejectsUnknownAndMalformedUnits) {
  try {
    parseUnit("kw");
    FAIL() << "kw accepted";
  } catch (const UnitError& e) {
    EXPECT_STREQ(e.what(), "unknown unit \"kw\"; did you mean \"kW\"?");
  }
  EXPECT_THROW(parseUnit("furlong"), UnitError);
  EXPECT_THROW(parseUnit("m/"), UnitError);
  EXPECT_THROW(parseUnit("(m"), UnitError);
  EXPECT_THROW(parseUnit("m^"), UnitError);
  EXPECT_THROW(parseUnit(""), UnitError);
}

TEST(Units, SplitsNumberAndUnit) {
  Written w = splitNumber("  120 kW ");
  EXPECT_DOUBLE_EQ(w.number, 120.0);
  EXPECT_EQ(w.unit, "kW");
  w = splitNumber("30d");
  EXPECT_DOUBLE_EQ(w.number, 30.0);
  EXPECT_EQ(w.unit, "d");
  w = splitNumber("-5 degC");
  EXPECT_DOUBLE_EQ(w.number, -5.0);
  w = splitNumber("+1.5e3");
  EXPECT_DOUBLE_EQ(w.number, 1500.0);
  EXPECT_EQ(w.unit, "");
  EXPECT_THROW(splitNumber("kW"), UnitError);
  EXPECT_THROW(splitNumber("nan kW"), UnitError);
  EXPECT_THROW(splitNumber("-inf"), UnitError);
  EXPECT_THROW(splitNumber(""), UnitError);
}

TEST(Units, ConvertsPowersAndEnergies) {
  EXPECT_DOUBLE_EQ(toSI("120 kW", "W"), 120e3);
  EXPECT_DOUBLE_EQ(toSI("2.5 MW", "W"), 2.5e6);
  EXPECT_DOUBLE_EQ(toSI("1 GW", "W"), 1e9);
  EXPECT_DOUBLE_EQ(toSI("20 MWh", "J"), 7.2e10);
  EXPECT_DOUBLE_EQ(toSI("1 kWh", "J"), 3.6e6);
  EXPECT_DOUBLE_EQ(toSI("3 GJ", "J"), 3e9);
  EXPECT_DOUBLE_EQ(toSI("120e3", "W"), 120e3);  // a bare number is already SI
}

TEST(Units, ConvertsTimes) {
  EXPECT_DOUBLE_EQ(toSI("30 d", "s"), 30 * 86400.0);
  EXPECT_DOUBLE_EQ(toSI("1 h", "s"), 3600.0);
  EXPECT_DOUBLE_EQ(toSI("15 min", "s"), 900.0);
  EXPECT_DOUBLE_EQ(toSI("90 s", "s"), 90.0);
}

TEST(Units, ConvertsTemperatures) {
  EXPECT_DOUBLE_EQ(toSI("18 degC", "K", true), 291.15);
  EXPECT_DOUBLE_EQ(toSI("-5 °C", "K", true), 268.15);
  EXPECT_DOUBLE_EQ(toSI("300 K", "K", true), 300.0);
  // A difference: a degree Celsius is a kelvin, no offset.
  EXPECT_DOUBLE_EQ(toSI("5 degC", "K", false), 5.0);
  EXPECT_DOUBLE_EQ(toSI("-0.4 %/degC", "1/K"), -0.004);
}

TEST(Units, ConvertsLengthsVolumesFlowsPressuresSpeeds) {
  EXPECT_DOUBLE_EQ(toSI("2 km", "m"), 2000.0);
  EXPECT_DOUBLE_EQ(toSI("20 mm", "m"), 0.02);
  EXPECT_DOUBLE_EQ(toSI("50 L", "m3"), 0.05);
  EXPECT_DOUBLE_EQ(toSI("4 m3", "m3"), 4.0);
  EXPECT_DOUBLE_EQ(toSI("600 kg/s", "kg/s"), 600.0);
  EXPECT_DOUBLE_EQ(toSI("36 t/h", "kg/s"), 10.0);
  EXPECT_DOUBLE_EQ(toSI("1 bar", "Pa"), 1e5);
  EXPECT_DOUBLE_EQ(toSI("250 kPa", "Pa"), 2.5e5);
  EXPECT_DOUBLE_EQ(toSI("2.5 mbar", "Pa"), 250.0);
  EXPECT_DOUBLE_EQ(toSI("1 knot", "m/s"), 1852.0 / 3600.0);
  EXPECT_DOUBLE_EQ(toSI("1.5 L/min/kW", "m3/(s W)"), 2.5e-8);  // OCP cold-plate rule of thumb
}

TEST(Units, ConvertsAnglesAndKeepsThemApartFromNumbers) {
  EXPECT_DOUBLE_EQ(toSI("35.345 deg", "deg"), 35.345);
  EXPECT_NEAR(toSI("0.5 rad", "deg"), 28.6478897565412, 1e-12);
  EXPECT_EQ(quantityName("deg"), "an angle");
  EXPECT_THROW(toSI("35 deg", "1"), UnitError);
  EXPECT_THROW(toSI("35 %", "deg"), UnitError);
}

// An exponent raises every base dimension, the plane angle included: "deg2" is an angle
// squared, not a number, and "rad-1" is per angle, not an angle.
TEST(Units, ExponentRaisesTheAngleToo) {
  EXPECT_EQ(parseUnit("rad2").dim.angle, 2);
  EXPECT_EQ(parseUnit("deg^-1").dim.angle, -1);
  EXPECT_NEAR(toSI("1 deg2", "rad2"), std::pow(std::numbers::pi / 180.0, 2), 1e-15);
  EXPECT_THROW(toSI("1 deg2", "1"), UnitError);
  EXPECT_THROW(toSI("2 rad-1", "rad"), UnitError);
}

TEST(Units, ConvertsDimensionlessRatios) {
  EXPECT_DOUBLE_EQ(toSI("85 %", "1"), 0.85);
  EXPECT_DOUBLE_EQ(toSI("3.43 %", "g/kg"), 34.3);
  EXPECT_DOUBLE_EQ(toSI("34.3 g/kg", "g/kg"), 34.3);
  EXPECT_DOUBLE_EQ(toSI("1.67 %/s", "1/s"), 0.0167);
}

TEST(Units, RejectsAUnitOfAnotherDimension) {
  try {
    toSI("12 m", "W");
    FAIL() << "a length accepted for a power";
  } catch (const UnitError& e) {
    EXPECT_STREQ(e.what(), "a length, not a power");
  }
  EXPECT_THROW(toSI("5 kWh", "W"), UnitError);
  EXPECT_THROW(toSI("5 K", "s"), UnitError);
  EXPECT_THROW(toSI("5 %", "m"), UnitError);
}

TEST(Units, NamesQuantities) {
  EXPECT_EQ(quantityName("W"), "a power");
  EXPECT_EQ(quantityName("J"), "an energy");
  EXPECT_EQ(quantityName("K", true), "a temperature");
  EXPECT_EQ(quantityName("K", false), "a temperature difference");
  EXPECT_EQ(quantityName("kg/s"), "a mass flow");
  EXPECT_EQ(quantityName("1"), "a number");
  EXPECT_EQ(quantityName("g/kg"), "a number");
  // Every unit of the schema parses and has a name.
  for (const auto& k : caseSchema()) {
    if (k.type != ValueType::Real) continue;
    EXPECT_NO_THROW(parseUnit(k.unit)) << k.path << ": " << k.unit;
    EXPECT_NE(quantityName(k.unit), "a quantity") << k.path << ": " << k.unit;
  }
}

TEST(Units, HumanizesInAReadableUnit) {
  EXPECT_EQ(humanize(7.2e10, "J"), "20 MWh");
  EXPECT_EQ(humanize(120e3, "W"), "120 kW");
  EXPECT_EQ(humanize(300.15, "K", true), "27 degC");
  EXPECT_EQ(humanize(5, "K", false), "5 K");
  EXPECT_EQ(humanize(604800, "s"), "7 d");
  EXPECT_EQ(humanize(0.85, "1"), "85 %");
  EXPECT_EQ(humanize(1e-6, "1"), "");
  EXPECT_EQ(humanize(0.02, "m"), "20 mm");
  EXPECT_EQ(humanize(2.5e-8, "m3/(s W)"), "");
  // A humanized value reads back to the same SI value.
  EXPECT_DOUBLE_EQ(toSI(humanize(7.2e10, "J"), "J"), 7.2e10);
  EXPECT_DOUBLE_EQ(toSI(humanize(300.15, "K", true), "K", true), 300.15);
}

TEST(Units, ListsKnownUnitsForTheDocs) {
  const auto groups = knownUnits();
  ASSERT_FALSE(groups.empty());
  bool power = false;
  for (const auto& [group, names] : groups) {
    if (group == "power") {
      power = true;
      EXPECT_EQ(names, "W kW MW GW");
    }
    EXPECT_EQ(names.find("°C"), std::string::npos) << "aliases are not listed";
  }
  EXPECT_TRUE(power);
}

TEST(Units, ParsesDurations) {
  EXPECT_DOUBLE_EQ(parseDuration("30d"), 30 * 86400.0);
  EXPECT_DOUBLE_EQ(parseDuration("12h"), 12 * 3600.0);
  EXPECT_DOUBLE_EQ(parseDuration("15min"), 900.0);
  EXPECT_DOUBLE_EQ(parseDuration("90s"), 90.0);
  EXPECT_DOUBLE_EQ(parseDuration("3600"), 3600.0);
  EXPECT_DOUBLE_EQ(parseDuration("1.5 h"), 5400.0);
}

TEST(Units, RejectsBadDurationsNamingTheOption) {
  for (const std::string bad : {"", "abc", "-1h", "0", "12 m", "3 weeks", "1e400"}) {
    try {
      parseDuration(bad, "--duration");
      FAIL() << "accepted \"" << bad << "\"";
    } catch (const InputError& e) {
      EXPECT_EQ(e.file(), "");
      EXPECT_EQ(e.line(), 0);
      EXPECT_EQ(e.key(), "--duration");
      EXPECT_NE(e.detail().find("expected a duration such as 30d, 12h, 15min, 90s or 3600 (seconds), got \"" +
                                bad + "\""),
                std::string::npos)
          << e.what();
      EXPECT_EQ(std::string(e.what()).rfind("--duration: expected a duration", 0), 0u) << e.what();
    }
  }
}

}  // namespace
}  // namespace fdtwin::units
