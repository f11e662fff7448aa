#pragma once
// The current time as an ISO 8601 UTC text, for provenance attributes (created_utc) and logs.
#include <string>

namespace fdtwin {

// "2026-12-03T11:47:20Z", or "2026-12-03T11:47:20.123Z" with milliseconds.
std::string utcTimestamp(bool milliseconds = false);

}  // namespace fdtwin
