// Times as the server writes them: RFC 3339 in UTC with milliseconds.
#pragma once

#include <chrono>
#include <string>

namespace clue::serve {

// "2024-05-01T12:00:00.123Z".
std::string utcTimestamp(std::chrono::system_clock::time_point when);

} // namespace clue::serve
