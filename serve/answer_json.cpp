// Building the judging routes' answers from clue judge's own result JSON.
#include "serve/answer_json.h"

#include "runtime/judge/result_json.h"

#include <fmt/format.h>

namespace clue::serve {

nlohmann::ordered_json imageAnswer(const ImageOutcome& outcome, ActivePlan& plan,
                                   std::chrono::milliseconds deadline) {
    nlohmann::ordered_json out = runtime::resultJson(outcome.result, plan.plan());
    if (outcome.expired) {
        out["error"] = {{"kind", "deadline"},
                        {"message", fmt::format("the image was not judged within the deadline "
                                                "of {} ms (--timeout)",
                                                deadline.count())}};
    }
    out["plan_id"] = plan.identity().sha256;
    return out;
}

nlohmann::ordered_json batchAnswer(JudgeRequest& request, std::chrono::milliseconds deadline) {
    nlohmann::ordered_json results = nlohmann::ordered_json::array();
    for (const ImageOutcome& outcome : request.outcomes()) {
        results.push_back(imageAnswer(outcome, request.plan(), deadline));
    }
    return {{"plan_id", request.plan().identity().sha256}, {"results", std::move(results)}};
}

} // namespace clue::serve
