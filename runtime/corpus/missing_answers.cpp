// Counting the questions a replay could not answer, from the evidence of its results.
#include "runtime/corpus/missing_answers.h"

namespace clue::runtime {
namespace {

bool notCached(const PredicateEvidence& evidence) {
    return evidence.failure && evidence.failure->error.kind == BackendErrorKind::NotCached;
}

} // namespace

void MissingAnswers::add(const ImageResult& result, const plan::Plan& plan) {
    for (const PredicateEvidence& evidence : result.predicates) {
        if (!notCached(evidence) || evidence.predicate >= plan.predicates.size()) {
            continue;
        }
        const std::string& key = plan.predicates[evidence.predicate].key;
        // The prior and the image answer are asked together: the one that failed first is the
        // failure, the other is missing when it has no score either.
        if (!evidence.scores.prior) {
            questions_.emplace(Kind::Prior, "", key);
        }
        if (!evidence.scores.image) {
            questions_.emplace(Kind::Image, result.sha256, key);
        }
        if (evidence.failure->stage == JudgmentStage::Reasoning) {
            questions_.emplace(Kind::Reasoning, result.sha256, key);
        }
    }
}

std::size_t MissingAnswers::count(Kind kind) const {
    std::size_t n = 0;
    for (const auto& question : questions_) {
        n += std::get<0>(question) == kind ? 1 : 0;
    }
    return n;
}

bool needsAnswers(const ImageResult& result) {
    for (const PredicateEvidence& evidence : result.predicates) {
        if (notCached(evidence)) {
            return true;
        }
    }
    return false;
}

bool failedOtherwise(const ImageResult& result) {
    if (result.imageError) {
        return true;
    }
    for (const PredicateEvidence& evidence : result.predicates) {
        if (evidence.failure && !notCached(evidence)) {
            return true;
        }
    }
    return false;
}

} // namespace clue::runtime
