// Loading a plan to judge with.
#include "cli/plan_input.h"
#include "cli/user_messages.h"

#include "plan/plan_error.h"
#include "plan/plan_loader.h"

#include <ostream>

namespace clue::cli {

std::optional<plan::Plan> loadPlanToJudge(const std::string& path, bool allowEmpty,
                                          std::ostream& errors) {
    plan::Plan plan;
    try {
        plan = plan::loadPlanFile(path);
    } catch (const plan::PlanError& e) {
        printError(errors, e.what());
        return std::nullopt;
    }
    try {
        if (!allowEmpty) {
            plan::refuseEmptyPlan(plan);
        }
    } catch (const plan::PlanError& e) {
        printError(errors,
                   std::string(e.inSource(path).what()) + "; --allow-empty uses it all the same");
        return std::nullopt;
    }
    return plan;
}

} // namespace clue::cli
