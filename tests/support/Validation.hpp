#pragma once
// Test support for the validation report (scripts/validation-report, docs/validation.md).
//
// A validation test states the numbers of each of its checks: what it is compared with (the
// reference: a published table, a closed form, a hand calculation), the expected and the
// measured value, the tolerance and the unit. reportCheck() records them as GoogleTest
// properties of the running test; `fdtwin_validation_tests --gtest_output=xml:FILE` writes them
// beside the test's result, and the report script turns them into its table.
//
// It adds numbers for the report and decides nothing: the EXPECT assertion beside each call
// remains what makes the test pass or fail. Call it with the same expected value, measured
// value and tolerance as that assertion, so that the report's error and the test's verdict
// agree.
//
// Properties of check k (1, 2, ... within one test), all strings in the XML:
//   check.k.name       what is checked ("rho at 10 degC, 35 g/kg")
//   check.k.reference  the independent source ("Sharqawy 2010, physics.md 1.2 table")
//   check.k.expected   the reference value                               [unit]
//   check.k.measured   the value fdtwin computes                         [unit]
//   check.k.error      |measured - expected|                             [unit]
//   check.k.tolerance  the largest error the assertion accepts (absolute) [unit]
//   check.k.unit       the unit of the four numbers above ("1" for a plain number)
//   check.k.why        why the tolerance is what it is (may be empty)
#include <gtest/gtest.h>

#include <cmath>
#include <iomanip>
#include <sstream>
#include <string>

namespace fdtwin::test {

namespace detail {

inline std::string formatNumber(double v) {
  std::ostringstream s;
  s << std::setprecision(10) << v;
  return s.str();
}

// Number of the next check of the running test: 1 for its first call, 2 for its second, ...
inline int nextCheckIndex() {
  static const ::testing::TestInfo* current = nullptr;
  static int count = 0;
  const ::testing::TestInfo* info = ::testing::UnitTest::GetInstance()->current_test_info();
  if (info != current) {
    current = info;
    count = 0;
  }
  return ++count;
}

}  // namespace detail

// Records one check of the running test for the validation report (see the top of this file).
// `tolerance` is absolute, in `unit`: a relative tolerance r is passed as r * |expected|.
inline void reportCheck(const std::string& name, const std::string& reference, double expected, double measured,
                        double tolerance, const std::string& unit, const std::string& why = "") {
  const std::string key = "check." + std::to_string(detail::nextCheckIndex()) + ".";
  ::testing::Test::RecordProperty(key + "name", name);
  ::testing::Test::RecordProperty(key + "reference", reference);
  ::testing::Test::RecordProperty(key + "expected", detail::formatNumber(expected));
  ::testing::Test::RecordProperty(key + "measured", detail::formatNumber(measured));
  ::testing::Test::RecordProperty(key + "error", detail::formatNumber(std::abs(measured - expected)));
  ::testing::Test::RecordProperty(key + "tolerance", detail::formatNumber(tolerance));
  ::testing::Test::RecordProperty(key + "unit", unit);
  ::testing::Test::RecordProperty(key + "why", why);
}

}  // namespace fdtwin::test
