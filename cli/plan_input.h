// The PLAN argument of the verbs that judge with a plan (`clue judge`, `clue calibrate`).
#pragma once

#include "plan/plan.h"

#include <iosfwd>
#include <optional>
#include <string>

namespace clue::cli {

// Loads the plan, and refuses one of no rules unless `allowEmpty` (--allow-empty); prints why
// to `errors` and returns nothing when it cannot be used.
std::optional<plan::Plan> loadPlanToJudge(const std::string& path, bool allowEmpty,
                                          std::ostream& errors);

} // namespace clue::cli
