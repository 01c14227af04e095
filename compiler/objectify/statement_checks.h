// Whether an extracted statement states one positive fact, as the extract prompt asks. These
// are the objectify answer checks; lint's compound-predicate and negated-predicate rules look
// for the same faults in statements that authors write.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace clue::objectify {

// The conjunction that joins two facts in `statement` ("and", "nor", "as well as", "along
// with", or an "or" between two clauses), or nothing. One fact despite the word: fixed
// expressions ("black and white"), bounds ("two or more", "at or above"), ranges ("between 10
// and 20"), the parties of a reciprocal action named before its verb ("a man and a woman are
// kissing each other"), and alternatives inside a noun phrase ("a gun or a knife is visible").
std::optional<std::string> compoundJoiner(std::string_view statement);

// The cue that makes `statement` assert an absence ("no person is visible", "the person is not
// clothed"), or nothing. Bounds such as "no more than" are not negations.
std::optional<std::string> negationCue(std::string_view statement);

} // namespace clue::objectify
