// How many rules reach each node of a plan: a node reached by two or more rules is shared, and
// is evaluated once per image for all of them.
#pragma once

#include "plan/plan.h"

#include <cstdint>
#include <vector>

namespace clue {

struct RuleReach {
    std::vector<uint32_t> nodeRules;      // per node: the rules whose formula contains it
    std::vector<uint32_t> predicateRules; // per predicate: the rules that ask it
};

RuleReach computeRuleReach(const plan::Plan& plan);

} // namespace clue
