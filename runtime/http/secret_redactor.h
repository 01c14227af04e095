// Keeps API keys out of error texts and logs.
#pragma once

#include <string>
#include <string_view>

namespace clue::runtime {

inline constexpr std::string_view redactedMarker = "[REDACTED]";

// Replaces every occurrence of `secret` in `text` with "[REDACTED]"; an empty secret changes
// nothing.
std::string redactSecret(std::string text, std::string_view secret);

// For one outgoing header line: an Authorization header keeps its name and loses its value.
std::string redactAuthorizationHeader(std::string_view headerLine);

} // namespace clue::runtime
