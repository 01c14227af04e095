// Names for the predicates that `clue objectify --write` declares for extracted statements.
#pragma once

#include <set>
#include <string>
#include <string_view>

namespace clue::objectify {

// A short snake_case name made of the statement's content words ("the visible injuries are
// bloody" gives "injuries_bloody"), never a keyword, and made unique against `taken` with a
// numeric suffix. The name is added to `taken`.
std::string predicateNameFor(std::string_view statement, std::set<std::string>& taken);

} // namespace clue::objectify
