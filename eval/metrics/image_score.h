// A score per image in [0, 1], from the evidence of the rules that decided it, so that a
// precision-recall curve can show the trade-off behind the fixed thresholds. It is above 0.5
// exactly when the verdict is unsafe:
// - each predicate judged gets a degree of truth, above 0.5 exactly when it was judged true,
//   ordered decided-true > chain-of-thought yes > chain-of-thought no > decided-false and, within
//   each tier, by its debiased evidence (predicateDegree; docs/cli/eval.md has the formulas);
// - a predicate not asked, or that failed, is anywhere in [0, 1];
// - the formulas are evaluated on intervals (and: min, or: max, not: 1 - x);
// - the image's score is the highest of its violated rules' lower bounds and its clear rules'
//   upper bounds (rules in error take no part).
#pragma once

#include "plan/plan.h"
#include "runtime/judge/image_result.h"

#include <optional>

namespace clue::eval {

// Nothing when the predicate has no value (it failed).
std::optional<double> predicateDegree(const runtime::PredicateEvidence& evidence,
                                      const plan::Thresholds& thresholds);

// Nothing when the rules leave the verdict in error (whatever --on-error made of it), or the
// image could not be read.
std::optional<double> imageScore(const runtime::ImageResult& result, const plan::Plan& plan);

} // namespace clue::eval
