// Verdicts from rule states, fail closed.
#include "runtime/judge/image_result.h"

#include "common/assert.h"

#include <algorithm>

namespace clue::runtime {

std::string_view toString(Verdict verdict) {
    switch (verdict) {
    case Verdict::Safe:
        return "safe";
    case Verdict::Unsafe:
        return "unsafe";
    case Verdict::Error:
        return "error";
    }
    CLUE_UNREACHABLE();
}

std::string_view toString(RuleState state) {
    switch (state) {
    case RuleState::Clear:
        return "clear";
    case RuleState::Violated:
        return "violated";
    case RuleState::Error:
        return "error";
    case RuleState::NotEvaluated:
        return "not_evaluated";
    }
    CLUE_UNREACHABLE();
}

std::string_view toString(OnError policy) {
    switch (policy) {
    case OnError::Error:
        return "error";
    case OnError::Unsafe:
        return "unsafe";
    case OnError::Safe:
        return "safe";
    }
    CLUE_UNREACHABLE();
}

std::optional<RuleState> parseRuleState(std::string_view name) {
    for (RuleState state :
         {RuleState::Clear, RuleState::Violated, RuleState::Error, RuleState::NotEvaluated}) {
        if (toString(state) == name) {
            return state;
        }
    }
    return std::nullopt;
}

std::optional<OnError> parseOnError(std::string_view name) {
    for (OnError policy : {OnError::Error, OnError::Unsafe, OnError::Safe}) {
        if (toString(policy) == name) {
            return policy;
        }
    }
    return std::nullopt;
}

bool ImageResult::failed() const {
    return imageError.has_value() ||
           std::any_of(predicates.begin(), predicates.end(),
                       [](const PredicateEvidence& p) { return p.failure.has_value(); });
}

int ImageResult::violatedCount() const {
    return static_cast<int>(std::count(rules.begin(), rules.end(), RuleState::Violated));
}

int ImageResult::escalations() const {
    return static_cast<int>(
        std::count_if(predicates.begin(), predicates.end(), [](const PredicateEvidence& p) {
            return p.path == DecisionPath::ReasoningYes || p.path == DecisionPath::ReasoningNo;
        }));
}

Verdict verdictOf(const std::vector<RuleState>& rules) {
    if (std::find(rules.begin(), rules.end(), RuleState::Violated) != rules.end()) {
        return Verdict::Unsafe;
    }
    if (std::any_of(rules.begin(), rules.end(), [](RuleState s) {
            return s == RuleState::Error || s == RuleState::NotEvaluated;
        })) {
        return Verdict::Error;
    }
    return Verdict::Safe;
}

bool ImageResult::stopped() const {
    return std::any_of(predicates.begin(), predicates.end(), [](const PredicateEvidence& p) {
        return p.failure && p.failure->error.kind == BackendErrorKind::Stopped;
    });
}

void applyVerdict(ImageResult& result, OnError policy) {
    result.verdict = verdictOf(result.rules);
    result.policyApplied.reset();
    if (result.verdict != Verdict::Error || policy == OnError::Error || result.stopped()) {
        return;
    }
    result.verdict = policy == OnError::Unsafe ? Verdict::Unsafe : Verdict::Safe;
    result.policyApplied = policy;
}

ImageResult unreadableImage(ImageError error) {
    ImageResult result;
    result.path = error.path;
    result.verdict = Verdict::Error;
    result.imageError = std::move(error);
    return result;
}

} // namespace clue::runtime
