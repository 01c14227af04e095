// Reading back one line of `clue judge` output (result_json.h) into an ImageResult, for verbs
// that score verdicts already made (`clue eval --results`). The line is checked against the plan
// (every rule and predicate must be the plan's) and its verdict recomputed from its rule states:
// a line that claims what its rules do not say is refused, not trusted.
#pragma once

#include "plan/plan.h"
#include "runtime/judge/image_result.h"
#include "runtime/support/expected.h"

#include <nlohmann/json.hpp>

#include <string>

namespace clue::runtime {

// The error says which field is wrong and what was expected.
Expected<ImageResult, std::string> resultFromJson(const nlohmann::json& line,
                                                  const plan::Plan& plan);

} // namespace clue::runtime
