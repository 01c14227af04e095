// The lazy executor for one image. Each round evaluates the plan three-valued, finds the
// predicates that can still change an undecided rule, and asks some of them in parallel; the
// round ends when all of them are answered. Which ones is the AskPolicy's: by waves, those of
// the earliest wave that has any (with a limit of N questions at once, the first N still needed
// in the plan's order, whatever their wave); adaptively, the choice of adaptive_choice.h. The
// last round a bound on rounds allows asks every one still needed. Without laziness (the
// ablation, JudgeSettings::lazy) every predicate is needed, moot or not. Each predicate is asked
// at most once; one that cannot be judged stays unknown, so its rules end in `error` unless other
// answers settle them. With Decide::Verdict it stops at the first violated rule, and the rules
// still open are `not_evaluated`. Whatever the policy, the rule states are the same: only the
// questions asked, and the rounds, differ.
#pragma once

#include "plan/plan_evaluator.h"
#include "runtime/judge/ask_policy.h"
#include "runtime/judge/image_result.h"
#include "runtime/judge/predicate_judge.h"
#include "runtime/judge/question_plan.h"

#include <atomic>
#include <functional>
#include <memory>
#include <mutex>
#include <vector>

namespace clue::runtime {

class ImageJudgment : public std::enable_shared_from_this<ImageJudgment> {
public:
    using Callback = std::function<void(ImageResult)>;

    // `judge` and `questions` (built from the judge's plan) must outlive the judgment. `done`
    // runs exactly once, on whichever thread delivers the last answer (or before start()
    // returns when none is needed). Once `stop` is set, the next round asks nothing and the
    // judgment finishes with what it knows (its undecided rules in `error`).
    ImageJudgment(PredicateJudge& judge, const QuestionPlan& questions, ImageRef image,
                  std::filesystem::path path, OnError policy, Callback done, AskPolicy ask = {},
                  std::shared_ptr<const std::atomic<bool>> stop = nullptr);

    void start();

private:
    using Clock = std::chrono::steady_clock;

    void round();
    std::vector<uint32_t> nextBatch(const std::vector<plan::Truth>& nodeValues) const;
    std::vector<uint32_t> byWaves(std::vector<uint32_t> open) const;
    bool openBelow(uint32_t node, const std::vector<plan::Truth>& nodeValues) const;
    void record(PredicateEvidence evidence);
    void finish(const std::vector<plan::Truth>& nodeValues);

    PredicateJudge& judge_;
    const QuestionPlan& questions_;
    ImageRef image_;
    OnError policy_;
    Callback done_;
    AskPolicy ask_;
    std::shared_ptr<const std::atomic<bool>> stop_;
    Clock::time_point start_;
    std::mutex mutex_;
    int pending_ = 0;
    int round_ = 0;
    std::vector<plan::Truth> values_; // per predicate; Unknown until judged (and after a failure)
    std::vector<bool> asked_;
    ImageResult result_;
};

} // namespace clue::runtime
