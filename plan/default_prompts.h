// The judge's prompt templates (CLUE, section 4 and 5) and how a statement fills them.
#pragma once

#include "plan/plan.h"

#include <string>
#include <string_view>

namespace clue::plan {

// Replaces every "{statement}" in `templ` with `statement`, its final punctuation and trailing
// whitespace trimmed (the templates supply their own period).
std::string fillStatement(std::string_view templ, std::string_view statement);

} // namespace clue::plan
