// order: and operands by cost / P(false), or operands by cost / P(true), ties as written.
#include "compiler/passes/cost_model.h"
#include "compiler/passes/order_pass.h"
#include "tests/ir/pass_test_util.h"

#include <gtest/gtest.h>

namespace clue {
namespace {

using testing::buildModule;
using testing::printAfter;
using testing::TestPredicate;

std::string ordered(const std::string& formula, const std::vector<TestPredicate>& predicates) {
    ir::IRModule module = buildModule({{"r", formula}}, predicates);
    OrderPass order;
    return printAfter(module, {&order});
}

TEST(OrderPass, AsksTheLikeliestFalseOperandOfAnAndFirst) {
    EXPECT_EQ(ordered("a and b and c", {{"a", 1, 0.9}, {"b", 1, 0.1}, {"c", 1, 0.5}}),
              "%0 = pred \"b\" prior 0.1 ; b\n"
              "%1 = pred \"c\" prior 0.5 ; c\n"
              "%2 = pred \"a\" prior 0.9 ; a\n"
              "%3 = and %0, %1, %2\n"
              "rule r = %3\n");
}

TEST(OrderPass, AsksTheLikeliestTrueOperandOfAnOrFirst) {
    EXPECT_EQ(ordered("a or b", {{"a", 1, 0.1}, {"b", 1, 0.9}}), "%0 = pred \"b\" prior 0.9 ; b\n"
                                                                 "%1 = pred \"a\" prior 0.1 ; a\n"
                                                                 "%2 = or %0, %1\n"
                                                                 "rule r = %2\n");
}

TEST(OrderPass, WeighsCostAgainstProbability) {
    // a: 10 / 0.5 = 20; b: 1 / 0.2 = 5. The cheap, less decisive b goes first.
    EXPECT_EQ(ordered("a and b", {{"a", 10, 0.5}, {"b", 1, 0.8}}),
              "%0 = pred \"b\" prior 0.8 ; b\n"
              "%1 = pred \"a\" cost 10 prior 0.5 ; a\n"
              "%2 = and %0, %1\n"
              "rule r = %2\n");
}

TEST(OrderPass, EstimatesCompositeOperandsRecursively) {
    // (a or b): P(true) = 0.75, expected cost 1.5, key 1.5 / 0.25 = 6; c: 1 / 0.5 = 2.
    EXPECT_EQ(ordered("(a or b) and c", {}), "%0 = pred \"c\" ; c\n"
                                             "%1 = pred \"a\" ; a\n"
                                             "%2 = pred \"b\" ; b\n"
                                             "%3 = or %1, %2\n"
                                             "%4 = and %0, %3\n"
                                             "rule r = %4\n");
}

TEST(OrderPass, KeepsTheWrittenOrderOnTies) {
    ir::IRModule module = buildModule({{"r", "c and a and b"}});
    OrderPass order;
    PassContext context;
    EXPECT_FALSE(order.run(module, context));
}

TEST(OrderPass, NegationFlipsTheProbability) {
    // not a: P(true) = 0.1, so P(false) = 0.9: asked before b (P(false) = 0.5).
    EXPECT_EQ(ordered("b and not a", {{"a", 1, 0.9}}), "%0 = pred \"a\" prior 0.9 ; a\n"
                                                       "%1 = not %0\n"
                                                       "%2 = pred \"b\" ; b\n"
                                                       "%3 = and %1, %2\n"
                                                       "rule r = %3\n");
}

TEST(CostModel, ExpectedCostCountsShortCircuiting) {
    Estimate e = junctionEstimate(ir::NodeKind::And, {{0.5, 2.0}, {0.25, 4.0}});
    EXPECT_DOUBLE_EQ(e.pTrue, 0.125);
    EXPECT_DOUBLE_EQ(e.cost, 2.0 + 0.5 * 4.0);
    Estimate o = junctionEstimate(ir::NodeKind::Or, {{0.5, 2.0}, {0.25, 4.0}});
    EXPECT_DOUBLE_EQ(o.pTrue, 1.0 - 0.5 * 0.75);
    EXPECT_DOUBLE_EQ(o.cost, 2.0 + 0.5 * 4.0);
}

TEST(CostModel, AnOperandThatNeverDecidesGoesLast) {
    Estimate certain{1.0, 1.0}; // never false: never ends an and
    Estimate coin{0.5, 100.0};
    EXPECT_TRUE(asksFirst(ir::NodeKind::And, coin, certain));
    EXPECT_FALSE(asksFirst(ir::NodeKind::And, certain, coin));
    EXPECT_TRUE(asksFirst(ir::NodeKind::Or, certain, coin));
}

} // namespace
} // namespace clue
