// The judgment of one image: its verdict, each rule's state and the evidence of every predicate
// asked, or why the image could not be judged at all.
#pragma once

#include "runtime/image/image_loader.h"
#include "runtime/judge/predicate_evidence.h"

#include <chrono>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace clue::runtime {

enum class Verdict { Safe, Unsafe, Error };
// NotEvaluated: `--decide verdict` stopped before the rule was settled (another rule made the
// image unsafe); never clear.
enum class RuleState { Clear, Violated, Error, NotEvaluated };

// What an image whose verdict would be `error` becomes (--on-error); Error by default.
enum class OnError { Error, Unsafe, Safe };

std::string_view toString(Verdict verdict); // "safe", "unsafe", "error"
std::string_view toString(RuleState state); // "clear", "violated", "error", "not_evaluated"
std::string_view toString(OnError policy);  // "error", "unsafe", "safe"
std::optional<RuleState> parseRuleState(std::string_view name);
std::optional<OnError> parseOnError(std::string_view name);

struct ImageResult {
    std::filesystem::path path;
    std::string sha256; // empty when the image could not be read
    Verdict verdict = Verdict::Error;
    // Set when a failure made the verdict `error` and --on-error replaced it with `verdict`.
    std::optional<OnError> policyApplied;
    std::vector<RuleState> rules;              // by plan rule index; empty for an unreadable image
    std::vector<PredicateEvidence> predicates; // in the order asked: by round, then plan index
    std::optional<ImageError> imageError;      // the image could not be loaded
    int rounds = 0;
    AnswerCost cost;
    std::chrono::microseconds elapsed{};

    // Some predicate could not be judged, or the image could not be read.
    bool failed() const;
    // A question went unasked because the circuit breaker stopped the run.
    bool stopped() const;
    int violatedCount() const;
    // Predicates the chain-of-thought decided (reasoning-yes or reasoning-no).
    int escalations() const;
};

// unsafe when a rule is violated; else error when a rule is in error or not evaluated (which
// only a violated rule may leave); else safe.
Verdict verdictOf(const std::vector<RuleState>& rules);

// Sets result.verdict from its rules and the policy (which changes only an `error` verdict, and
// never one the circuit breaker caused: a stopped run's images stay `error`).
void applyVerdict(ImageResult& result, OnError policy);

// The result for an image that could not be loaded: always `error`, whatever the policy.
ImageResult unreadableImage(ImageError error);

} // namespace clue::runtime
