// One loaded plan with everything that judges against it: its language priors, its predicate
// judge and what it precomputes to choose questions. Requests hold it by shared_ptr, so a request
// in flight finishes on the plan it started with while a reload installs the next one.
#pragma once

#include "plan/plan.h"
#include "runtime/judge/predicate_judge.h"
#include "runtime/judge/prior_table.h"
#include "runtime/judge/question_plan.h"

#include <chrono>
#include <string>
#include <vector>

namespace clue::serve {

struct PlanIdentity {
    std::string sha256; // of the plan's bytes: the plan id in answers and decision logs
    std::string origin; // "file" or "upload"
    std::string path;   // the file it came from; empty for an upload
    std::chrono::system_clock::time_point loadedAt;
};

class ActivePlan {
public:
    // `source` (the answer stack's for the plan's prompts) must outlive the plan and every
    // judgment on it; `model` decides whether the plan's calibrated priors apply.
    ActivePlan(plan::Plan plan, PlanIdentity identity, runtime::AnswerSource& source,
               const std::string& model, const runtime::JudgeSettings& settings);
    ActivePlan(const ActivePlan&) = delete;
    ActivePlan& operator=(const ActivePlan&) = delete;

    const plan::Plan& plan() const { return plan_; }
    const PlanIdentity& identity() const { return identity_; }
    runtime::PredicateJudge& judge() { return judge_; }
    const runtime::QuestionPlan& questions() const { return questions_; }
    const std::vector<std::string>& ruleIds() const { return ruleIds_; }
    // The constitution's name and version, "" when the plan has none.
    std::string name() const;
    std::string version() const;

private:
    plan::Plan plan_;
    PlanIdentity identity_;
    runtime::PriorTable priors_;
    runtime::PredicateJudge judge_;
    runtime::QuestionPlan questions_;
    std::vector<std::string> ruleIds_;
};

} // namespace clue::serve
