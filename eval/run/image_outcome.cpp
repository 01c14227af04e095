// Reducing a judgment to its outcome.
#include "eval/run/image_outcome.h"

#include "eval/metrics/image_score.h"

namespace clue::eval {

int questionsOf(const runtime::ImageResult& result) {
    using runtime::JudgmentStage;
    int questions = 0;
    for (const runtime::PredicateEvidence& p : result.predicates) {
        const auto failedAt = [&](JudgmentStage stage) {
            return p.failure && p.failure->stage == stage;
        };
        questions += p.scores.image || failedAt(JudgmentStage::Image) ? 1 : 0;
        questions +=
            p.scores.priorOrigin == runtime::PriorOrigin::Asked || failedAt(JudgmentStage::Prior)
                ? 1
                : 0;
        questions += p.scores.masked || p.scores.crop || failedAt(JudgmentStage::Region) ? 1 : 0;
        const bool reasoned = p.path == runtime::DecisionPath::ReasoningYes ||
                              p.path == runtime::DecisionPath::ReasoningNo;
        questions += reasoned || failedAt(JudgmentStage::Reasoning) ? 2 : 0;
    }
    return questions;
}

ImageOutcome outcomeOf(const runtime::ImageResult& result, const plan::Plan& plan) {
    ImageOutcome o;
    o.failed = result.failed();
    o.error = result.imageError.has_value() || result.policyApplied.has_value() ||
              result.verdict == runtime::Verdict::Error;
    o.verdict = o.error ? runtime::Verdict::Error : result.verdict;
    if (result.imageError) {
        o.errorKind = std::string(runtime::toString(result.imageError->kind));
        o.errorMessage = result.imageError->message;
    } else if (o.failed) {
        o.errorKind = "predicate-failure";
        for (const runtime::PredicateEvidence& p : result.predicates) {
            if (p.failure) {
                o.errorMessage = plan.predicates[p.predicate].statement + ": " +
                                 std::string(runtime::toString(p.failure->stage)) + ": " +
                                 p.failure->error.message;
                break;
            }
        }
    }
    o.score = o.error ? std::nullopt : imageScore(result, plan);
    o.rules = result.rules;
    o.cost = result.cost;
    o.questions = questionsOf(result);
    o.escalations = result.escalations();
    o.predicatesAsked = static_cast<int>(result.predicates.size());
    o.seconds = std::chrono::duration<double>(result.elapsed).count();
    return o;
}

ImageOutcome missingOutcome(std::string message) {
    ImageOutcome o;
    o.failed = true;
    o.errorKind = "no-result";
    o.errorMessage = std::move(message);
    return o;
}

} // namespace clue::eval
