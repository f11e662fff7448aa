// Civil-date arithmetic after H. Hinnant, "chrono-Compatible Low-Level Date Algorithms"
// (days_from_civil / civil_from_days), valid over the whole proleptic Gregorian calendar.
#include "core/DateTime.hpp"

#include <fmt/format.h>

#include <cctype>

namespace fdtwin {
namespace {

long long civilDays(long long y, unsigned m, unsigned d) {
  y -= m <= 2;
  const long long era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<long long>(doe) - 719468;
}

void civilOfDays(long long z, long long& y, unsigned& m, unsigned& d) {
  z += 719468;
  const long long era = (z >= 0 ? z : z - 146096) / 146097;
  const unsigned doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  d = doy - (153 * mp + 2) / 5 + 1;
  m = mp < 10 ? mp + 3 : mp - 9;
  y = static_cast<long long>(yoe) + era * 400 + (m <= 2);
}

unsigned daysInMonth(long long y, unsigned m) {
  static const unsigned days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return m == 2 && isLeapYear(y) ? 29 : days[m - 1];
}

// Reads exactly `n` digits at `pos`.
bool digits(std::string_view s, std::size_t& pos, int n, int& out) {
  out = 0;
  for (int i = 0; i < n; ++i, ++pos) {
    if (pos >= s.size() || !std::isdigit(static_cast<unsigned char>(s[pos]))) return false;
    out = out * 10 + (s[pos] - '0');
  }
  return true;
}

bool expect(std::string_view s, std::size_t& pos, char c) {
  if (pos >= s.size() || s[pos] != c) return false;
  ++pos;
  return true;
}

}  // namespace

bool isLeapYear(long long y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

long long daysFromCivil(const CivilDate& date) { return civilDays(date.year, date.month, date.day); }

CivilDate civilFromDays(long long days) {
  CivilDate date;
  civilOfDays(days, date.year, date.month, date.day);
  return date;
}

std::optional<DateTime> parseDateTime(std::string_view s, std::string* why) {
  const auto fail = [&](const char* reason) -> std::optional<DateTime> {
    if (why) *why = reason;
    return std::nullopt;
  };
  std::size_t pos = 0;
  int y = 0, mo = 0, d = 0, h = 0, mi = 0, se = 0;
  if (!digits(s, pos, 4, y) || !expect(s, pos, '-') || !digits(s, pos, 2, mo) || !expect(s, pos, '-') ||
      !digits(s, pos, 2, d))
    return fail("expected the date as YYYY-MM-DD");
  if (pos >= s.size() || (s[pos] != 'T' && s[pos] != 't' && s[pos] != ' '))
    return fail("expected a time after the date (YYYY-MM-DDThh:mm:ss±hh:mm)");
  ++pos;
  if (!digits(s, pos, 2, h) || !expect(s, pos, ':') || !digits(s, pos, 2, mi) || !expect(s, pos, ':') ||
      !digits(s, pos, 2, se))
    return fail("expected the time as hh:mm:ss");
  if (pos < s.size() && s[pos] == '.') {
    ++pos;
    bool any = false;
    for (; pos < s.size() && std::isdigit(static_cast<unsigned char>(s[pos])); ++pos) {
      any = true;
      if (s[pos] != '0') return fail("fractions of a second are not supported");
    }
    if (!any) return fail("expected digits after the decimal point of the seconds");
  }
  int offset = 0;
  if (pos < s.size() && (s[pos] == 'Z' || s[pos] == 'z')) {
    ++pos;
  } else if (pos < s.size() && (s[pos] == '+' || s[pos] == '-')) {
    const int sign = s[pos] == '-' ? -1 : 1;
    ++pos;
    int oh = 0, om = 0;
    if (!digits(s, pos, 2, oh) || !expect(s, pos, ':') || !digits(s, pos, 2, om))
      return fail("expected the UTC offset as ±hh:mm");
    if (oh > 23 || om > 59) return fail("UTC offset out of range");
    offset = sign * (oh * 3600 + om * 60);
  } else {
    return fail("expected a UTC offset after the time (Z or ±hh:mm, e.g. +09:00)");
  }
  if (pos != s.size()) return fail("unexpected text after the UTC offset");
  if (mo < 1 || mo > 12) return fail("month out of range 01 … 12");
  if (d < 1 || static_cast<unsigned>(d) > daysInMonth(y, static_cast<unsigned>(mo)))
    return fail("day out of range for that month");
  if (h > 23 || mi > 59 || se > 59) return fail("time of day out of range (00:00:00 … 23:59:59)");
  DateTime t;
  t.utcOffsetSeconds = offset;
  t.epochSeconds = civilDays(y, static_cast<unsigned>(mo), static_cast<unsigned>(d)) * 86400 + h * 3600LL +
                   mi * 60LL + se - offset;
  return t;
}

std::string formatDateTime(const DateTime& t) {
  const long long local = t.epochSeconds + t.utcOffsetSeconds;
  long long days = local / 86400;
  long long sec = local % 86400;
  if (sec < 0) {
    sec += 86400;
    --days;
  }
  long long y = 0;
  unsigned m = 0, d = 0;
  civilOfDays(days, y, m, d);
  const int off = t.utcOffsetSeconds < 0 ? -t.utcOffsetSeconds : t.utcOffsetSeconds;
  return fmt::format("{:04d}-{:02d}-{:02d}T{:02d}:{:02d}:{:02d}{}{:02d}:{:02d}", y, m, d, sec / 3600,
                     sec / 60 % 60, sec % 60, t.utcOffsetSeconds < 0 ? '-' : '+', off / 3600, off / 60 % 60);
}

}  // namespace fdtwin
