// Whether an extracted statement states one positive fact, as the extract prompt asks: the
// statement checks of compiler/text/ (the same lexicons as lint's L103 and L104) in their lenient
// mode, which also accepts alternatives inside a noun phrase ("a gun or a knife is visible").
#pragma once

#include "compiler/text/statement_checks.h"

#include <optional>
#include <string>
#include <string_view>

namespace clue::objectify {

// The conjunction that joins two facts in `statement` ("and", "nor", "as well as", "along
// with", or an "or" between two clauses), or nothing.
inline std::optional<std::string> compoundJoiner(std::string_view statement) {
    return text::compoundJoiner(statement, text::CompoundRules::lenient());
}

// The cue that makes `statement` assert an absence ("no", "is not", "has no"), or nothing.
inline std::optional<std::string> negationCue(std::string_view statement) {
    return text::negationCue(statement);
}

} // namespace clue::objectify
