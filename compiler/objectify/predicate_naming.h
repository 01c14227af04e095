// Names for the predicates that `clue objectify --write` declares for extracted statements.
#pragma once

#include <set>
#include <string>
#include <string_view>

namespace clue::objectify {

// A short snake_case name made of the statement's content words, leaving out articles,
// auxiliaries, prepositions and the words every statement repeats: "a person is wearing only
// underwear" gives "person_wearing_underwear", "the visible injuries are bloody" gives
// "injuries_bloody". Three content words at most, negations aside ("the person is not wearing
// clothes" gives "person_not_wearing_clothes"); when that name is in `taken`, more of the
// statement's words, then a numeric suffix. Never a keyword. The name is added to `taken`.
std::string predicateNameFor(std::string_view statement, std::set<std::string>& taken);

} // namespace clue::objectify
