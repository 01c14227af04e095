// CLUE's per-predicate decision (section 4): the debiased three-way rule on M(x,c) and
// M(None,c), the region rule on the masked score, and the readings used without them.
#pragma once

#include "plan/plan.h"

#include <optional>
#include <string_view>

namespace clue::runtime {

// How a predicate got its value; stable names (toString) appear in evidence JSON.
enum class DecisionPath {
    DebiasedFalse,  // M(x)-M(None) < not_satisfied * M(None)
    DebiasedTrue,   // M(x)-M(None) > satisfied * (1-M(None))
    RegionTrue,     // M(x)-M(x minus region) > region
    CropFalse,      // the debiased rule on the crop to a small object's box said false
    CropTrue,       // ... said true
    ReasoningYes,   // undecided; the chain-of-thought rated Yes
    ReasoningNo,    // undecided; the chain-of-thought rated No
    UndecidedTrue,  // undecided, no escalation (--no-escalate): M(x) > M(None)
    UndecidedFalse, // undecided, no escalation: M(x) <= M(None)
    PlainTrue,      // --no-debias: P(Yes) > 0.5
    PlainFalse,     // --no-debias: P(Yes) <= 0.5
};

std::string_view toString(DecisionPath path);
// The path named by toString(), or nothing for another name.
std::optional<DecisionPath> parseDecisionPath(std::string_view name);
bool valueOf(DecisionPath path);

// The paper's first two rules: DebiasedFalse, DebiasedTrue, or nothing when undecided. The
// "false" test comes first, as in the paper; with thresholds where both hold, false wins.
std::optional<DecisionPath> debiasedDecision(double score, double prior,
                                             const plan::Thresholds& thresholds);

// The same rule on a crop's score: CropFalse, CropTrue, or nothing.
std::optional<DecisionPath> cropDecision(double cropScore, double prior,
                                         const plan::Thresholds& thresholds);

// The third rule: true when masking the central object's region drops the score by more than
// `region`; nothing otherwise (the rule never proves a predicate false).
std::optional<DecisionPath> regionDecision(double score, double maskedScore,
                                           const plan::Thresholds& thresholds);

// Without escalation, an undecided predicate follows the sign of the debiased difference.
DecisionPath undecidedDecision(double score, double prior);

// The ablation without debiasing: P(Yes) > 0.5.
DecisionPath plainDecision(double score);

} // namespace clue::runtime
