// Reading the chain-of-thought summary: {"rating": "Yes"|"No", "rationale": "..."} out of a model's
// free text.
#pragma once

#include "runtime/backend/backend_error.h"
#include "runtime/support/expected.h"

#include <string>
#include <string_view>

namespace clue::runtime {

struct Rating {
    bool yes = false;
    std::string rationale;
};

// Finds the top-level JSON objects in `text` (inside ```json fences or surrounded by prose) and
// reads the one that has a rating. Tolerated: key and value case ("RATING": "yes"), whitespace and
// a final period in the value, and single-quoted strings where converting them gives valid JSON
// (an apostrophe inside a single-quoted string does not). Errors (kind InvalidRating): no object
// with a rating, a rating other than Yes/No, a missing or non-string rationale, and objects that
// disagree.
Expected<Rating, BackendError> parseRating(std::string_view text);

} // namespace clue::runtime
