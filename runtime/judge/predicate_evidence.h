// What the judge found out about one predicate on one image, and how: the evidence line of
// `clue judge` output.
#pragma once

#include "runtime/backend/backend_error.h"
#include "runtime/judge/answer_source.h"
#include "runtime/judge/decision_rule.h"
#include "runtime/judge/detector.h"
#include "runtime/judge/prior_table.h"

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>

namespace clue::runtime {

struct ScoreEvidence {
    std::optional<double> image; // M(x, c)
    std::optional<double> prior; // M(None, c)
    std::optional<PriorOrigin> priorOrigin;
    std::optional<double> masked; // M(x minus region, c)
    std::optional<double> crop;   // M(crop to region, c)
    bool approximate = false;     // some score was bounded, not measured (see YesNoScore)
};

struct RegionEvidence {
    Detection detection;
    RegionEdit edit = RegionEdit::Mask;
};

// Which question failed, for the error's context.
enum class JudgmentStage { Image, Prior, Detector, Region, Reasoning };
std::string_view toString(JudgmentStage stage); // "image", "prior", "detector", ...

struct PredicateFailure {
    JudgmentStage stage = JudgmentStage::Image;
    BackendError error;
};

struct PredicateEvidence {
    uint32_t predicate = 0;           // index in the plan
    int round = 0;                    // the executor's round (from 1) that asked it
    int wave = 0;                     // its wave in the plan's schedule
    std::optional<bool> value;        // nothing when it could not be judged
    std::optional<DecisionPath> path; // with a value
    ScoreEvidence scores;
    std::optional<RegionEvidence> region;
    std::optional<std::string> rationale; // from the chain-of-thought
    std::optional<PredicateFailure> failure;
    AnswerCost cost;
    std::chrono::microseconds elapsed{};
};

} // namespace clue::runtime
