// The steps of one predicate's judgment, as an asynchronous state machine: each step asks one
// question and continues in its callback. Internal to PredicateJudge.
#pragma once

#include "runtime/judge/predicate_judge.h"

#include <atomic>
#include <chrono>
#include <memory>
#include <mutex>

namespace clue::runtime {

class PredicateJudgment : public std::enable_shared_from_this<PredicateJudgment> {
public:
    PredicateJudgment(PredicateJudge& judge, ImageRef image, uint32_t index,
                      PredicateJudge::Callback done);

    void start();

private:
    using Clock = std::chrono::steady_clock;

    void askPrior(PriorTable::Callback done);
    void askImageScore(std::function<void()> next);
    void joinScores();
    void afterScores();
    void regionStep();
    void judgeRegion(const Detection& detection);
    void afterRegionScore(const RegionEvidence& region, double score);
    void escalate();
    void finish(DecisionPath path);
    void fail(JudgmentStage stage, AnswerError error);
    void fail(JudgmentStage stage, BackendError error);
    void complete();

    PredicateJudge& judge_;
    const plan::Predicate& predicate_;
    const plan::Thresholds& thresholds_;
    ImageRef image_;
    PredicateJudge::Callback done_;
    Clock::time_point start_;
    std::mutex mutex_; // guards evidence_ while the prior and the image score arrive together
    std::atomic<int> pending_{0};
    PredicateEvidence evidence_;
};

} // namespace clue::runtime
