// The adaptive question choice on small hand-built plans whose optimal order is known: its
// expected cost, one question at a time, equals the optimum that an exhaustive search over every
// adaptive strategy finds; and the questions it asks together are those no other open
// question's answer can make moot.
#include "runtime/judge/adaptive_choice.h"
#include "tests/judge/plan_builder.h"

#include <gtest/gtest.h>

#include <functional>
#include <map>

namespace clue::runtime {
namespace {

using plan::Truth;

std::vector<Truth> nodesOf(const plan::Plan& plan, const std::vector<Truth>& predicates) {
    return plan::evaluateNodes(plan, predicates);
}

// The expected cost of settling every rule, with predicates independent and true with the
// chance QuestionPlan gives; `pick` chooses the next question (nothing: the cheapest in
// expectation over every choice, so the optimum).
double expectedCost(
    const plan::Plan& plan, const QuestionPlan& questions,
    const std::function<uint32_t(const std::vector<Truth>&, const std::vector<uint32_t>&)>& pick) {
    std::map<std::vector<Truth>, double> memo;
    std::function<double(std::vector<Truth>&)> cost = [&](std::vector<Truth>& values) {
        if (auto it = memo.find(values); it != memo.end()) {
            return it->second;
        }
        const std::vector<uint32_t> open = plan::neededPredicates(plan, nodesOf(plan, values));
        double best = 0.0;
        auto costOf = [&](uint32_t p) {
            const double q = questions.chanceTrue(p);
            values[p] = Truth::True;
            double c = questions.cost(p) + q * cost(values);
            values[p] = Truth::False;
            c += (1.0 - q) * cost(values);
            values[p] = Truth::Unknown;
            return c;
        };
        if (!open.empty() && pick) {
            best = costOf(pick(values, open));
        } else if (!open.empty()) {
            best = std::numeric_limits<double>::infinity();
            for (uint32_t p : open) {
                best = std::min(best, costOf(p));
            }
        }
        memo[values] = best;
        return best;
    };
    std::vector<Truth> start(plan.predicates.size(), Truth::Unknown);
    return cost(start);
}

double greedyCost(const plan::Plan& plan, const QuestionPlan& questions) {
    return expectedCost(
        plan, questions, [&](const std::vector<Truth>& values, const std::vector<uint32_t>& open) {
            return chooseAdaptive(plan, questions, nodesOf(plan, values), open, 1).front();
        });
}

double optimalCost(const plan::Plan& plan, const QuestionPlan& questions) {
    return expectedCost(plan, questions, nullptr);
}

// In plan order, the order a plan gives: the cost of asking `open` front first.
double planOrderCost(const plan::Plan& plan, const QuestionPlan& questions) {
    return expectedCost(
        plan, questions,
        [](const std::vector<Truth>&, const std::vector<uint32_t>& open) { return open.front(); });
}

void setPrior(test::PlanBuilder& b, uint32_t predicate, double prior, double cost = 1.0) {
    b.plan().predicates[predicate].prior = prior;
    b.plan().predicates[predicate].cost = cost;
}

TEST(AdaptiveChoice, OneConjunctionGoesByCostOverChanceOfFalse) {
    test::PlanBuilder b;
    const uint32_t x = b.pred("x"), y = b.pred("y"), z = b.pred("z");
    b.rule("r", b.all({x, y, z}));
    setPrior(b, 0, 0.9);      // cost / P(false) = 10
    setPrior(b, 1, 0.5);      // 2
    setPrior(b, 2, 0.2, 3.0); // 3.75
    const plan::Plan plan = b.build();
    const QuestionPlan questions(plan);
    std::vector<Truth> values(3, Truth::Unknown);
    EXPECT_EQ(chooseAdaptive(plan, questions, nodesOf(plan, values), {0, 1, 2}, 1),
              (std::vector<uint32_t>{1}));
    values[1] = Truth::True;
    EXPECT_EQ(chooseAdaptive(plan, questions, nodesOf(plan, values), {0, 2}, 1),
              (std::vector<uint32_t>{2}));
    EXPECT_NEAR(greedyCost(plan, questions), optimalCost(plan, questions), 1e-12);
    EXPECT_GT(planOrderCost(plan, questions), optimalCost(plan, questions) + 0.5);
}

TEST(AdaptiveChoice, OneDisjunctionGoesByCostOverChanceOfTrue) {
    test::PlanBuilder b;
    const uint32_t x = b.pred("x"), y = b.pred("y"), z = b.pred("z");
    b.rule("r", b.any({x, y, z}));
    setPrior(b, 0, 0.1);
    setPrior(b, 1, 0.6, 2.0);
    setPrior(b, 2, 0.4);
    const plan::Plan plan = b.build();
    const QuestionPlan questions(plan);
    std::vector<Truth> values(3, Truth::Unknown);
    EXPECT_EQ(chooseAdaptive(plan, questions, nodesOf(plan, values), {0, 1, 2}, 1),
              (std::vector<uint32_t>{2}));
    EXPECT_NEAR(greedyCost(plan, questions), optimalCost(plan, questions), 1e-12);
}

// r_i = person and x_i, the rare x_i first in each rule (as the order pass sorts one rule):
// asking the shared precondition first settles three rules when it is false.
plan::Plan sharedPrecondition() {
    test::PlanBuilder b;
    const uint32_t x1 = b.pred("x1"), x2 = b.pred("x2"), x3 = b.pred("x3");
    const uint32_t person = b.pred("person");
    b.rule("r1", b.all({x1, person}));
    b.rule("r2", b.all({x2, b.predNode(3)}));
    b.rule("r3", b.all({x3, b.predNode(3)}));
    for (uint32_t p = 0; p < 3; ++p) {
        setPrior(b, p, 0.45);
    }
    setPrior(b, 3, 0.5);
    return b.build();
}

TEST(AdaptiveChoice, ASharedPreconditionGoesFirst) {
    const plan::Plan plan = sharedPrecondition();
    const QuestionPlan questions(plan);
    const std::vector<Truth> values(4, Truth::Unknown);
    EXPECT_EQ(chooseAdaptive(plan, questions, nodesOf(plan, values), {0, 3, 1, 2}, 1),
              (std::vector<uint32_t>{3}));
    EXPECT_NEAR(settlingValue(plan, questions, nodesOf(plan, values), 3), 1.5, 1e-12);
    EXPECT_NEAR(greedyCost(plan, questions), optimalCost(plan, questions), 1e-12);
    EXPECT_NEAR(optimalCost(plan, questions), 1.0 + 0.5 * 3.0, 1e-12);
    EXPECT_GT(planOrderCost(plan, questions), optimalCost(plan, questions) + 0.3);
}

TEST(AdaptiveChoice, AsksTogetherOnlyWhatNoOtherAnswerMakesMoot) {
    // r1 = a and b; r2 = c; r3 = d. c and d settle a rule whatever they answer; a and b each
    // can make the other moot, so they wait.
    test::PlanBuilder b;
    const uint32_t a = b.pred("a"), bn = b.pred("b");
    b.rule("r1", b.all({a, bn}));
    b.rule("r2", b.pred("c"));
    b.rule("r3", b.pred("d"));
    const plan::Plan plan = b.build();
    const QuestionPlan questions(plan);
    std::vector<Truth> values(4, Truth::Unknown);
    const auto nodes = nodesOf(plan, values);
    EXPECT_EQ(chooseAdaptive(plan, questions, nodes, {0, 1, 2, 3}, 0),
              (std::vector<uint32_t>{2, 3}));
    EXPECT_EQ(chooseAdaptive(plan, questions, nodes, {0, 1, 2, 3}, 1), (std::vector<uint32_t>{2}));
    values[2] = Truth::True;
    values[3] = Truth::False;
    EXPECT_EQ(chooseAdaptive(plan, questions, nodesOf(plan, values), {0, 1}, 0),
              (std::vector<uint32_t>{0}));
    EXPECT_TRUE(chooseAdaptive(plan, questions, nodes, {}, 0).empty());
}

TEST(AdaptiveChoice, APriorOutOfRangeCountsAsMissing) {
    test::PlanBuilder b;
    b.rule("r", b.all({b.pred("x"), b.pred("y")}));
    b.plan().predicates[0].prior = 1.5;
    b.plan().predicates[1].cost = -2.0;
    const QuestionPlan questions(b.build());
    EXPECT_EQ(questions.chanceTrue(0), 0.5);
    EXPECT_EQ(questions.cost(1), 1.0);
}

} // namespace
} // namespace clue::runtime
