// The decision rule's arithmetic, kept apart from any I/O so that it is tested exhaustively.
#include "runtime/judge/decision_rule.h"

#include "common/assert.h"

#include <array>

namespace clue::runtime {
namespace {

// Indexed by DecisionPath.
constexpr std::array<std::string_view, 11> kNames = {
    "debiased-false",  "debiased-true", "region-true",  "crop-false",
    "crop-true",       "reasoning-yes", "reasoning-no", "undecided-true",
    "undecided-false", "plain-true",    "plain-false"};

} // namespace

std::string_view toString(DecisionPath path) {
    return kNames[static_cast<std::size_t>(path)];
}

std::optional<DecisionPath> parseDecisionPath(std::string_view name) {
    for (std::size_t i = 0; i < kNames.size(); ++i) {
        if (kNames[i] == name) {
            return static_cast<DecisionPath>(i);
        }
    }
    return std::nullopt;
}

bool valueOf(DecisionPath path) {
    switch (path) {
    case DecisionPath::DebiasedTrue:
    case DecisionPath::RegionTrue:
    case DecisionPath::CropTrue:
    case DecisionPath::ReasoningYes:
    case DecisionPath::UndecidedTrue:
    case DecisionPath::PlainTrue:
        return true;
    case DecisionPath::DebiasedFalse:
    case DecisionPath::CropFalse:
    case DecisionPath::ReasoningNo:
    case DecisionPath::UndecidedFalse:
    case DecisionPath::PlainFalse:
        return false;
    }
    CLUE_UNREACHABLE();
}

std::optional<DecisionPath> debiasedDecision(double score, double prior,
                                             const plan::Thresholds& thresholds) {
    const double shift = score - prior;
    if (shift < thresholds.notSatisfied * prior) {
        return DecisionPath::DebiasedFalse;
    }
    if (shift > thresholds.satisfied * (1 - prior)) {
        return DecisionPath::DebiasedTrue;
    }
    return std::nullopt;
}

std::optional<DecisionPath> cropDecision(double cropScore, double prior,
                                         const plan::Thresholds& thresholds) {
    auto decided = debiasedDecision(cropScore, prior, thresholds);
    if (!decided) {
        return std::nullopt;
    }
    return *decided == DecisionPath::DebiasedTrue ? DecisionPath::CropTrue
                                                  : DecisionPath::CropFalse;
}

std::optional<DecisionPath> regionDecision(double score, double maskedScore,
                                           const plan::Thresholds& thresholds) {
    if (score - maskedScore > thresholds.region) {
        return DecisionPath::RegionTrue;
    }
    return std::nullopt;
}

DecisionPath undecidedDecision(double score, double prior) {
    return score > prior ? DecisionPath::UndecidedTrue : DecisionPath::UndecidedFalse;
}

DecisionPath plainDecision(double score) {
    return score > 0.5 ? DecisionPath::PlainTrue : DecisionPath::PlainFalse;
}

} // namespace clue::runtime
