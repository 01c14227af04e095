// Words for what the parser expected: "the rule's id", "a quoted statement", lists joined
// with "or", and "after 'rule imminent_death'".
#pragma once

#include "compiler/frontend/syntax_situation.h"

#include <string>

namespace clue {

// What a name (IDENT) would have been at this point, e.g. "the predicate's name".
std::string nameNoun(const SyntaxSituation& s);
// What a quoted text (STRING) would have been, e.g. "the rule's text in quotes".
std::string textNoun(const SyntaxSituation& s);
// Every expected token in words, e.g. "':' or a quoted text".
std::string expectedList(const SyntaxSituation& s);
// " after 'when'", " after 'rule imminent_death'", or empty at the start of the file.
std::string afterPrevious(const SyntaxSituation& s);
// "a, b or c".
std::string joinWithOr(const std::vector<std::string>& parts);

} // namespace clue
