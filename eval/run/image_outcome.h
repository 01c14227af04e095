// What an evaluation keeps of one image's judgment: enough for every metric and report, without
// the evidence (1,000 images by half a dozen variants stay small).
#pragma once

#include "plan/plan.h"
#include "runtime/judge/image_result.h"

#include <optional>
#include <string>
#include <vector>

namespace clue::eval {

struct ImageOutcome {
    runtime::Verdict verdict = runtime::Verdict::Error;
    // No verdict counts: the rules left it in error or the image could not be read, whatever
    // --on-error made of it. Such images are counted apart, never as safe.
    bool error = true;
    bool failed = false;         // some failure, even when other rules made the verdict unsafe
    std::string errorKind;       // with `error`: the image error's kind, or "predicate-failure"
    std::string errorMessage;    // the first failure's message
    std::optional<double> score; // imageScore()
    std::vector<runtime::RuleState> rules; // by plan rule; empty for an unreadable image
    runtime::AnswerCost cost;
    // The model calls this judgment needs without a cache (questionsOf), whatever the cache
    // answered: what variants sharing one cache are compared by.
    int questions = 0;
    int escalations = 0;
    int predicatesAsked = 0;
    double seconds = 0;

    bool judgedUnsafe() const { return verdict == runtime::Verdict::Unsafe; }
};

ImageOutcome outcomeOf(const runtime::ImageResult& result, const plan::Plan& plan);

// From the evidence: per predicate, one call for M(x, c), one for a prior this image asked (not
// one from the plan or shared with another image), one for a masked or cropped score, and two for
// the chain-of-thought (reasoning, then summary).
int questionsOf(const runtime::ImageResult& result);

// An image that has no result at all (missing from a --results file).
ImageOutcome missingOutcome(std::string message);

} // namespace clue::eval
