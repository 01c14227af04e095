// Three-valued (Kleene) evaluation of a plan's formulas, and which unknown predicates could
// still change an undecided rule: the basis of `clue test` and of the runtime's lazy judging.
#pragma once

#include "plan/plan.h"

#include <cstdint>
#include <vector>

namespace clue::plan {

enum class Truth : uint8_t { False, True, Unknown };

const char* truthName(Truth t);

// The value of every node, bottom-up, given the value of every predicate (Unknown where not
// known). `and` is False if any argument is False, True if all are True, else Unknown; `or`
// dually; `not` swaps True and False.
std::vector<Truth> evaluateNodes(const Plan& plan, const std::vector<Truth>& predicates);

// The value of one node whose children's values are already in `values` (indexed by node);
// `predicate` is the value of a Predicate node's predicate.
Truth nodeValue(const Node& node, const std::vector<Truth>& values, Truth predicate);

// The predicates, still Unknown, whose value could change an Unknown rule: walking down from
// each Unknown rule root, into the Unknown arguments of Unknown nodes only. In plan order
// (the order of first discovery, depth first, arguments left to right).
std::vector<uint32_t> neededPredicates(const Plan& plan, const std::vector<Truth>& nodeValues);

} // namespace clue::plan
