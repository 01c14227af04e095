// Greedy one-step look-ahead over the cones that QuestionPlan precomputed.
#include "runtime/judge/adaptive_choice.h"

#include <algorithm>
#include <numeric>

namespace clue::runtime {

using plan::Truth;

namespace {

// Re-evaluates the predicate's cone in `values` as if its answer were `value`.
void assume(const plan::Plan& plan, const QuestionPlan& questions, uint32_t predicate, Truth value,
            std::vector<Truth>& values) {
    for (uint32_t n : questions.cone(predicate)) {
        values[n] = plan::nodeValue(plan.nodes[n], values, value);
    }
}

void restore(const QuestionPlan& questions, uint32_t predicate, const std::vector<Truth>& from,
             std::vector<Truth>& values) {
    for (uint32_t n : questions.cone(predicate)) {
        values[n] = from[n];
    }
}

int settledRules(const plan::Plan& plan, const QuestionPlan& questions, uint32_t predicate,
                 const std::vector<Truth>& before, const std::vector<Truth>& after) {
    int settled = 0;
    for (uint32_t r : questions.rulesReached(predicate)) {
        const uint32_t root = plan.rules[r].root;
        settled += before[root] == Truth::Unknown && after[root] != Truth::Unknown ? 1 : 0;
    }
    return settled;
}

// The predicates still needed whatever the answer to `predicate` is.
std::vector<bool> neededEitherWay(const plan::Plan& plan, const QuestionPlan& questions,
                                  uint32_t predicate, const std::vector<Truth>& nodeValues) {
    std::vector<int> count(plan.predicates.size(), 0);
    std::vector<Truth> values = nodeValues;
    for (Truth answer : {Truth::True, Truth::False}) {
        assume(plan, questions, predicate, answer, values);
        for (uint32_t p : plan::neededPredicates(plan, values)) {
            ++count[p];
        }
        restore(questions, predicate, nodeValues, values);
    }
    std::vector<bool> either(plan.predicates.size());
    for (size_t p = 0; p < either.size(); ++p) {
        either[p] = count[p] == 2;
    }
    return either;
}

// The open predicates that stay needed whatever any other open predicate answers: no question
// the one-at-a-time choice could ask first would make them moot.
std::vector<bool> neededWhateverElse(const plan::Plan& plan, const QuestionPlan& questions,
                                     const std::vector<Truth>& nodeValues,
                                     const std::vector<uint32_t>& open) {
    std::vector<size_t> count(plan.predicates.size(), 0);
    for (uint32_t other : open) {
        const std::vector<bool> either = neededEitherWay(plan, questions, other, nodeValues);
        for (size_t p = 0; p < either.size(); ++p) {
            count[p] += either[p] ? 1 : 0;
        }
    }
    std::vector<bool> free(plan.predicates.size(), false);
    for (uint32_t p : open) {
        free[p] = count[p] + 1 == open.size(); // every other one; its own answer settles it
    }
    return free;
}

} // namespace

double settlingValue(const plan::Plan& plan, const QuestionPlan& questions,
                     const std::vector<Truth>& nodeValues, uint32_t predicate) {
    std::vector<Truth> values = nodeValues;
    assume(plan, questions, predicate, Truth::True, values);
    const int ifTrue = settledRules(plan, questions, predicate, nodeValues, values);
    restore(questions, predicate, nodeValues, values);
    assume(plan, questions, predicate, Truth::False, values);
    const int ifFalse = settledRules(plan, questions, predicate, nodeValues, values);
    const double chance = questions.chanceTrue(predicate);
    return (chance * ifTrue + (1.0 - chance) * ifFalse) / questions.cost(predicate);
}

std::vector<uint32_t> chooseAdaptive(const plan::Plan& plan, const QuestionPlan& questions,
                                     const std::vector<Truth>& nodeValues,
                                     const std::vector<uint32_t>& open, std::size_t limit) {
    if (open.empty()) {
        return {};
    }
    std::vector<double> value(open.size());
    for (size_t i = 0; i < open.size(); ++i) {
        value[i] = settlingValue(plan, questions, nodeValues, open[i]);
    }
    std::vector<size_t> rank(open.size());
    std::iota(rank.begin(), rank.end(), size_t{0});
    std::stable_sort(rank.begin(), rank.end(),
                     [&](size_t a, size_t b) { return value[a] > value[b]; });
    std::vector<uint32_t> batch{open[rank.front()]};
    const std::vector<bool> free = neededWhateverElse(plan, questions, nodeValues, open);
    for (size_t i = 1; i < rank.size() && (limit == 0 || batch.size() < limit); ++i) {
        if (free[open[rank[i]]]) {
            batch.push_back(open[rank[i]]);
        }
    }
    return batch;
}

} // namespace clue::runtime
