// The adaptive question choice, run after each answer: among the open predicates, the one
// expected to settle the most undecided rules per unit of cost, and beside it every other open
// predicate that no answer to any other open predicate can make moot (asking it now costs no
// question the one-at-a-time choice would not ask, and saves a round). docs/runtime.md ("Adaptive
// question choice") has the algorithm, its cost and the literature.
#pragma once

#include "plan/plan.h"
#include "plan/plan_evaluator.h"
#include "runtime/judge/question_plan.h"

#include <cstddef>
#include <cstdint>
#include <vector>

namespace clue::runtime {

// The expected number of undecided rules that asking `predicate` settles, per unit of its cost:
// (P(true) * settled if true + P(false) * settled if false) / cost.
double settlingValue(const plan::Plan& plan, const QuestionPlan& questions,
                     const std::vector<plan::Truth>& nodeValues, uint32_t predicate);

// The questions to ask next, best first. `open` lists the predicates still needed and not yet
// asked, in plan order (ties go to the earlier one); `nodeValues` is the plan evaluated on the
// answers so far. At most `limit` questions (0: no limit); empty only when `open` is.
std::vector<uint32_t> chooseAdaptive(const plan::Plan& plan, const QuestionPlan& questions,
                                     const std::vector<plan::Truth>& nodeValues,
                                     const std::vector<uint32_t>& open, std::size_t limit);

} // namespace clue::runtime
