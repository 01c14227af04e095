// JSON objects inside a model's free text: the answer may put them in ```json fences, surround
// them with prose, or quote their strings with single quotes. The rating parser of the judge's
// chain-of-thought and objectify's chain parser both read answers this way.
#pragma once

#include <nlohmann/json.hpp>

#include <optional>
#include <string_view>
#include <vector>

namespace clue {

// The top-level `{...}` spans of `text`, left to right; braces inside quoted strings (double or
// single quotes) do not count, and an unbalanced object is left out.
std::vector<std::string_view> jsonObjectsIn(std::string_view text);

// `candidate` as a JSON object. When it does not parse, single-quoted strings are rewritten as
// double-quoted ones and it is tried once more (an apostrophe inside a single-quoted string then
// still fails). Nothing when it is not an object. Throws JsonInputError (json_input.h) when it is
// well-formed JSON that must not be read: an object with a key twice, or nested too deep.
std::optional<nlohmann::json> parseJsonObject(std::string_view candidate);

} // namespace clue
