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
    std::vector<bool> free = neededEitherWay(plan, questions, batch.front(), nodeValues);
    for (size_t i = 1; i < rank.size() && (limit == 0 || batch.size() < limit); ++i) {
        const uint32_t candidate = open[rank[i]];
        if (!free[candidate]) {
            continue;
        }
        batch.push_back(candidate);
        const std::vector<bool> alsoFree = neededEitherWay(plan, questions, candidate, nodeValues);
        for (size_t p = 0; p < free.size(); ++p) {
            free[p] = free[p] && alsoFree[p];
        }
    }
    return batch;
}

} // namespace clue::runtime
