#pragma once
// Calendar date-times of the case file (`case.start`): RFC 3339 / ISO 8601 with a UTC offset,
// "2022-01-01T00:00:00+09:00" (or "…Z" for UTC). Proleptic Gregorian calendar, whole seconds.
#include <optional>
#include <string>
#include <string_view>

namespace fdtwin {

struct DateTime {
  long long epochSeconds = 0;  // s since 1970-01-01T00:00:00Z
  int utcOffsetSeconds = 0;    // s east of UTC of the written local time (+09:00 → 32400)
};

// Parses "YYYY-MM-DDThh:mm:ss[.fff](Z|±hh:mm)" ('T', 't' or a space between date and time).
// A fraction of a second must be zero. Returns nothing, with `why` set, on a bad date-time.
std::optional<DateTime> parseDateTime(std::string_view text, std::string* why = nullptr);

// Proleptic Gregorian calendar arithmetic (Hinnant's days_from_civil / civil_from_days).
struct CivilDate {
  long long year = 1970;
  unsigned month = 1;  // 1 .. 12
  unsigned day = 1;    // 1 .. 31
};
long long daysFromCivil(const CivilDate& date);  // days since 1970-01-01
CivilDate civilFromDays(long long days);
bool isLeapYear(long long year);

// The normalised text: "YYYY-MM-DDThh:mm:ss±hh:mm" (UTC is written "+00:00").
std::string formatDateTime(const DateTime& t);

}  // namespace fdtwin
