// The naive baseline the CLUE paper compares against (`--baseline direct`): the same model asked
// each rule's full text as one yes/no question, read as P(Yes) > 0.5. It is built as a plan whose
// predicates are the rules' texts and whose rules are those predicates alone, so that the same
// executor, answer source and cache judge it; run it with debiasing off.
#pragma once

#include "plan/plan.h"

namespace clue::eval {

plan::Plan directPlan(const plan::Plan& plan);

} // namespace clue::eval
