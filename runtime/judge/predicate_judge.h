// Judging one predicate on one image, the CLUE way: M(x,c) and M(None,c), the debiased
// three-way decision, region debiasing when a detector is configured, and the chain-of-thought
// for what is still undecided.
#pragma once

#include "plan/plan.h"
#include "runtime/judge/answer_source.h"
#include "runtime/judge/detector.h"
#include "runtime/judge/predicate_evidence.h"
#include "runtime/judge/prior_table.h"

#include <functional>

namespace clue::runtime {

struct JudgeSettings {
    // Off: the ablation without debiasing, P(Yes) > 0.5 (no prior, region or escalation).
    bool debias = true;
    // Off, or off in the plan's thresholds: undecided predicates follow undecidedDecision().
    bool escalate = true;
    // The ablation without calibration: M(None, c) asked for every predicate of every image,
    // instead of taken from the plan or measured once per run (PriorTable).
    bool priorPerImage = false;
    // Off: the ablation without lazy evaluation: every predicate of the plan is asked, even those
    // that earlier answers made moot (ImageJudgment). The verdicts are the same; the cost is not.
    bool lazy = true;
    RegionDebiasing region;
};

class PredicateJudge {
public:
    using Callback = std::function<void(PredicateEvidence)>;

    // Everything passed in must outlive the judge and every judgment in flight.
    PredicateJudge(const plan::Plan& plan, AnswerSource& source, PriorTable& priors,
                   JudgeSettings settings);

    // Judges predicate `index` on `image`; `done` runs exactly once, maybe before this returns.
    // The evidence has `predicate` set; the caller fills in round and wave.
    void judge(const ImageRef& image, uint32_t index, Callback done);

    const plan::Plan& plan() const { return plan_; }
    AnswerSource& source() { return source_; }
    PriorTable& priors() { return priors_; }
    const JudgeSettings& settings() const { return settings_; }

private:
    const plan::Plan& plan_;
    AnswerSource& source_;
    PriorTable& priors_;
    JudgeSettings settings_;
};

} // namespace clue::runtime
