// Text clean-up shared by the answer parsers.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace clue::objectify {

std::string_view trimSpace(std::string_view s);
// Runs of white space become one space; the ends are trimmed.
std::string collapseSpace(std::string_view s);
bool startsWithNoCase(std::string_view s, std::string_view prefix);
// The answer without a surrounding ``` fence (with or without a language tag).
std::string_view unfenced(std::string_view answer);
// Why the text cannot go into a lockfile or a source file (invalid UTF-8, control characters).
std::optional<std::string> textProblem(std::string_view text);

} // namespace clue::objectify
