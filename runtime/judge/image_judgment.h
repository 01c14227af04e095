// The lazy executor for one image. Each round evaluates the plan three-valued, finds the
// predicates that can still change an undecided rule, and asks those of the earliest wave that
// has any, in parallel; the round ends when all of them are answered. With a limit of N
// questions at once, it asks instead the first N still needed in the plan's order (rule by
// rule, each rule's children as the order pass sorted them), whatever their wave: fewer
// questions that another answer makes moot, in more rounds. Without laziness (the ablation,
// JudgeSettings::lazy) every predicate is asked, moot or not. Each predicate is asked at
// most once; one that cannot be judged stays unknown, so its rules end in `error` unless other
// answers settle them.
#pragma once

#include "plan/plan_evaluator.h"
#include "runtime/judge/image_result.h"
#include "runtime/judge/predicate_judge.h"

#include <atomic>
#include <functional>
#include <memory>
#include <mutex>
#include <vector>

namespace clue::runtime {

// The wave of each predicate in the plan's schedule (plans are validated: each is in one wave).
std::vector<int> waveIndex(const plan::Plan& plan);

class ImageJudgment : public std::enable_shared_from_this<ImageJudgment> {
public:
    using Callback = std::function<void(ImageResult)>;

    // `judge` and `waves` must outlive the judgment. `done` runs exactly once, on whichever
    // thread delivers the last answer (or before start() returns when none is needed).
    // `questionsAtOnce` 0 asks wave by wave; N > 0 asks at most N at once, in plan order.
    // Once `stop` is set, the next round asks nothing and the judgment finishes with what it
    // knows (its undecided rules in `error`).
    ImageJudgment(PredicateJudge& judge, const std::vector<int>& waves, ImageRef image,
                  std::filesystem::path path, OnError policy, Callback done,
                  std::size_t questionsAtOnce = 0,
                  std::shared_ptr<const std::atomic<bool>> stop = nullptr);

    void start();

private:
    using Clock = std::chrono::steady_clock;

    void round();
    std::vector<uint32_t> nextBatch(const std::vector<plan::Truth>& nodeValues) const;
    void record(PredicateEvidence evidence);
    void finish(const std::vector<plan::Truth>& nodeValues);

    PredicateJudge& judge_;
    const std::vector<int>& waves_;
    ImageRef image_;
    OnError policy_;
    Callback done_;
    std::size_t questionsAtOnce_;
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
