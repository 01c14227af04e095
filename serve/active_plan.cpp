// A plan ready to judge with.
#include "serve/active_plan.h"

namespace clue::serve {

ActivePlan::ActivePlan(plan::Plan plan, PlanIdentity identity, runtime::AnswerSource& source,
                       const std::string& model, const runtime::JudgeSettings& settings)
    : plan_(std::move(plan)), identity_(std::move(identity)), priors_(plan_, model, source),
      judge_(plan_, source, priors_, settings), questions_(plan_) {
    for (const plan::Rule& rule : plan_.rules) {
        ruleIds_.push_back(rule.id);
    }
}

std::string ActivePlan::name() const {
    return plan_.constitution.name.value_or("");
}

std::string ActivePlan::version() const {
    return plan_.constitution.version.value_or("");
}

} // namespace clue::serve
