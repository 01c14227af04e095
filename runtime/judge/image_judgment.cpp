// Rounds of lazy evaluation over the plan's waves.
#include "runtime/judge/image_judgment.h"

#include <algorithm>
#include <limits>
#include <numeric>
#include <tuple>

namespace clue::runtime {

std::vector<int> waveIndex(const plan::Plan& plan) {
    std::vector<int> waves(plan.predicates.size(), 0);
    for (size_t w = 0; w < plan.schedule.size(); ++w) {
        for (uint32_t p : plan.schedule[w]) {
            waves[p] = static_cast<int>(w);
        }
    }
    return waves;
}

ImageJudgment::ImageJudgment(PredicateJudge& judge, const std::vector<int>& waves, ImageRef image,
                             std::filesystem::path path, OnError policy, Callback done,
                             std::size_t questionsAtOnce,
                             std::shared_ptr<const std::atomic<bool>> stop)
    : judge_(judge), waves_(waves), image_(std::move(image)), policy_(policy),
      done_(std::move(done)), questionsAtOnce_(questionsAtOnce), stop_(std::move(stop)),
      start_(Clock::now()), values_(judge.plan().predicates.size(), plan::Truth::Unknown),
      asked_(judge.plan().predicates.size(), false) {
    result_.path = std::move(path);
    result_.sha256 = image_.sha256;
}

void ImageJudgment::start() {
    round();
}

// The unasked predicates, among those still needed, of the earliest wave that has any; or, with
// a limit, the first ones still needed in plan order. Without laziness every predicate is needed.
std::vector<uint32_t> ImageJudgment::nextBatch(const std::vector<plan::Truth>& nodeValues) const {
    std::vector<uint32_t> needed;
    if (judge_.settings().lazy) {
        needed = plan::neededPredicates(judge_.plan(), nodeValues);
    } else {
        needed.resize(judge_.plan().predicates.size());
        std::iota(needed.begin(), needed.end(), 0u);
    }
    std::erase_if(needed, [this](uint32_t p) { return asked_[p]; });
    if (questionsAtOnce_ > 0) {
        needed.resize(std::min(needed.size(), questionsAtOnce_));
        return needed;
    }
    int earliest = std::numeric_limits<int>::max();
    for (uint32_t p : needed) {
        earliest = std::min(earliest, waves_[p]);
    }
    std::erase_if(needed, [&](uint32_t p) { return waves_[p] != earliest; });
    return needed;
}

void ImageJudgment::round() {
    std::vector<uint32_t> batch;
    std::vector<plan::Truth> nodeValues;
    {
        std::lock_guard lock(mutex_);
        nodeValues = plan::evaluateNodes(judge_.plan(), values_);
        if (!stop_ || !stop_->load()) {
            batch = nextBatch(nodeValues);
        }
        if (!batch.empty()) {
            ++round_;
            pending_ = static_cast<int>(batch.size());
            for (uint32_t p : batch) {
                asked_[p] = true;
            }
        }
    }
    if (batch.empty()) {
        finish(nodeValues); // no answer is outstanding: nothing else touches the state now
        return;
    }
    // Answers may arrive before judge() returns, or on another thread meanwhile; whoever
    // records the last one runs the next round. Nothing here touches state after the loop.
    auto self = shared_from_this();
    for (uint32_t p : batch) {
        judge_.judge(image_, p,
                     [self](PredicateEvidence evidence) { self->record(std::move(evidence)); });
    }
}

void ImageJudgment::record(PredicateEvidence evidence) {
    {
        std::lock_guard lock(mutex_);
        evidence.round = round_;
        evidence.wave = waves_[evidence.predicate];
        if (evidence.value) {
            values_[evidence.predicate] = *evidence.value ? plan::Truth::True : plan::Truth::False;
        }
        result_.cost += evidence.cost;
        result_.predicates.push_back(std::move(evidence));
        if (--pending_ > 0) {
            return;
        }
    }
    round();
}

void ImageJudgment::finish(const std::vector<plan::Truth>& nodeValues) {
    const plan::Plan& plan = judge_.plan();
    result_.rules.reserve(plan.rules.size());
    for (const plan::Rule& rule : plan.rules) {
        const plan::Truth value = nodeValues[rule.root];
        result_.rules.push_back(value == plan::Truth::True    ? RuleState::Violated
                                : value == plan::Truth::False ? RuleState::Clear
                                                              : RuleState::Error);
    }
    std::sort(result_.predicates.begin(), result_.predicates.end(),
              [](const PredicateEvidence& a, const PredicateEvidence& b) {
                  return std::tie(a.round, a.predicate) < std::tie(b.round, b.predicate);
              });
    result_.rounds = round_;
    applyVerdict(result_, policy_);
    result_.elapsed = std::chrono::duration_cast<std::chrono::microseconds>(Clock::now() - start_);
    image_ = {};
    auto done = std::move(done_);
    done(std::move(result_));
}

} // namespace clue::runtime
