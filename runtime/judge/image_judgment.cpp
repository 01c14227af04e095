// Rounds of lazy evaluation: by waves or adaptively.
#include "runtime/judge/image_judgment.h"

#include "common/assert.h"
#include "runtime/judge/adaptive_choice.h"

#include <algorithm>
#include <limits>
#include <numeric>
#include <tuple>

namespace clue::runtime {

ImageJudgment::ImageJudgment(PredicateJudge& judge, const QuestionPlan& questions, ImageRef image,
                             std::filesystem::path path, OnError policy, Callback done,
                             AskPolicy ask, std::shared_ptr<const std::atomic<bool>> stop)
    : judge_(judge), questions_(questions), image_(std::move(image)), policy_(policy),
      done_(std::move(done)), ask_(ask), stop_(std::move(stop)), start_(Clock::now()),
      values_(judge.plan().predicates.size(), plan::Truth::Unknown),
      asked_(judge.plan().predicates.size(), false) {
    result_.path = std::move(path);
    result_.sha256 = image_.sha256;
}

void ImageJudgment::start() {
    round();
}

namespace {

bool anyRuleViolated(const plan::Plan& plan, const std::vector<plan::Truth>& nodeValues) {
    return std::any_of(plan.rules.begin(), plan.rules.end(), [&](const plan::Rule& rule) {
        return nodeValues[rule.root] == plan::Truth::True;
    });
}

} // namespace

// The unasked predicates still needed (every predicate without laziness), as the policy picks
// them; all of them in the last round the policy allows; none once the verdict is settled when
// only the verdict is wanted.
std::vector<uint32_t> ImageJudgment::nextBatch(const std::vector<plan::Truth>& nodeValues) const {
    if (ask_.decide == Decide::Verdict && anyRuleViolated(judge_.plan(), nodeValues)) {
        return {};
    }
    std::vector<uint32_t> open;
    if (judge_.settings().lazy) {
        open = plan::neededPredicates(judge_.plan(), nodeValues);
    } else {
        open.resize(judge_.plan().predicates.size());
        std::iota(open.begin(), open.end(), 0u);
    }
    std::erase_if(open, [this](uint32_t p) { return asked_[p]; });
    if (ask_.maxRounds > 0 && std::size_t(round_) + 1 >= ask_.maxRounds) {
        return open;
    }
    switch (ask_.order) {
    case QuestionOrder::Waves:
        return byWaves(std::move(open));
    case QuestionOrder::Adaptive:
        return chooseAdaptive(judge_.plan(), questions_, nodeValues, open, ask_.questionsAtOnce);
    }
    CLUE_UNREACHABLE();
}

// Those of the earliest wave that has any; or, with a limit, the first ones in plan order.
std::vector<uint32_t> ImageJudgment::byWaves(std::vector<uint32_t> open) const {
    if (ask_.questionsAtOnce > 0) {
        open.resize(std::min(open.size(), ask_.questionsAtOnce));
        return open;
    }
    int earliest = std::numeric_limits<int>::max();
    for (uint32_t p : open) {
        earliest = std::min(earliest, questions_.wave(p));
    }
    std::erase_if(open, [&](uint32_t p) { return questions_.wave(p) != earliest; });
    return open;
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
        evidence.wave = questions_.wave(evidence.predicate);
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

// Whether an unasked predicate could still change the node: a rule left so was not evaluated,
// not failed.
bool ImageJudgment::openBelow(uint32_t node, const std::vector<plan::Truth>& nodeValues) const {
    const plan::Plan& plan = judge_.plan();
    std::vector<bool> seen(plan.nodes.size(), false);
    std::vector<uint32_t> stack{node};
    while (!stack.empty()) {
        const uint32_t n = stack.back();
        stack.pop_back();
        if (seen[n] || nodeValues[n] != plan::Truth::Unknown) {
            continue;
        }
        seen[n] = true;
        const plan::Node& current = plan.nodes[n];
        if (current.op == plan::NodeOp::Predicate && !asked_[current.predicate]) {
            return true;
        }
        stack.insert(stack.end(), current.children.begin(), current.children.end());
    }
    return false;
}

void ImageJudgment::finish(const std::vector<plan::Truth>& nodeValues) {
    const plan::Plan& plan = judge_.plan();
    const bool verdictOnly = ask_.decide == Decide::Verdict && anyRuleViolated(plan, nodeValues);
    result_.rules.reserve(plan.rules.size());
    for (const plan::Rule& rule : plan.rules) {
        const plan::Truth value = nodeValues[rule.root];
        const bool notEvaluated = verdictOnly && openBelow(rule.root, nodeValues);
        result_.rules.push_back(value == plan::Truth::True    ? RuleState::Violated
                                : value == plan::Truth::False ? RuleState::Clear
                                : notEvaluated                ? RuleState::NotEvaluated
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
