// Pairs of rules where one rule's formula implies another's: the first can only fire when the
// second fires too (Cedar's analyzer calls such a policy shadowed). Both directions together
// make two rules equivalent.
#pragma once

#include "compiler/ir/ir_module.h"

#include <vector>

namespace clue::analysis {

struct RuleImplication {
    size_t rule = 0;    // index in IRModule::rules(): its formula implies...
    size_t implied = 0; // ...this rule's formula
};

// Every such pair among the rules not marked in `skip` (pass the constant rules there: a rule
// that never fires implies every other). Sorted by (rule, implied).
//
// Candidates are blocked so that the work stays near linear in the number of rules: when r
// implies s, r mentions a predicate of every clause of s (or r could be satisfied with that
// clause false). So s is only compared with the rules that mention a predicate of its clause
// whose predicates are used by the fewest rules, and that mention one of each other clause.
std::vector<RuleImplication> findRuleImplications(const ir::IRModule& module,
                                                  const std::vector<bool>& skip);

} // namespace clue::analysis
