// `clue calibrate`: measures the language prior M(None, c) of every distinct statement of a plan
// at once, and returns the plan with the priors and the model recorded. All or nothing.
#pragma once

#include "plan/plan.h"
#include "runtime/judge/answer_source.h"

#include <string>
#include <vector>

namespace clue::runtime {

struct CalibrationFailure {
    std::string statement;
    BackendError error;
};

struct Calibration {
    plan::Plan plan; // complete only when `failures` is empty
    std::vector<CalibrationFailure> failures;
    int statements = 0;  // distinct statements measured
    int approximate = 0; // priors bounded rather than measured (one side missing from the list)
    // Priors the score cache answered: measured earlier for a model of the same name, which may
    // have been served by another endpoint (the cache key holds the model's name, not its
    // server). Reported, so that a calibration is never silently second-hand.
    int fromCache = 0;
    AnswerCost cost;
};

// Blocks until every answer is in. Statements shared by several predicates (an -O0 plan) are
// asked once.
Calibration calibratePlan(const plan::Plan& plan, AnswerSource& source, const std::string& model);

} // namespace clue::runtime
