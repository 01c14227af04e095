// A counterexample as a `test` block ready to paste into a constitution: its statements as
// inline literals (they match by normalized statement, so the block works on either side,
// whatever the predicates are named there) and the expectations that side must meet.
#pragma once

#include "compiler/diff/diff_report.h"

#include <string>
#include <vector>

namespace clue::diff {

std::string testBlock(const std::string& name, const std::vector<Literal>& cube,
                      const std::vector<std::string>& expectations);

} // namespace clue::diff
