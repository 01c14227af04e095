// Tests of Kleene evaluation and of the needed-predicate walk.
#include "plan/plan_evaluator.h"
#include "tests/plan/sample_plan.h"

#include <gtest/gtest.h>

namespace clue::plan {
namespace {

using testing::samplePlan;
constexpr Truth T = Truth::True, F = Truth::False, U = Truth::Unknown;

TEST(PlanEvaluator, FollowsKleeneLogic) {
    Plan p = samplePlan();
    // gore = person and blood and not fire; burning = person or fire
    auto v = evaluateNodes(p, {T, T, F});
    EXPECT_EQ(v[4], T);
    EXPECT_EQ(v[5], T);
    v = evaluateNodes(p, {F, U, U});
    EXPECT_EQ(v[4], F); // one false conjunct decides the and
    EXPECT_EQ(v[5], U);
    v = evaluateNodes(p, {U, U, T});
    EXPECT_EQ(v[3], F);
    EXPECT_EQ(v[4], F);
    EXPECT_EQ(v[5], T); // one true disjunct decides the or
    v = evaluateNodes(p, {T, U, F});
    EXPECT_EQ(v[4], U);
}

TEST(PlanEvaluator, ConstantsEvaluateToThemselves) {
    Plan p = samplePlan();
    p.nodes.push_back({NodeOp::Const, 0, true, {}});
    p.nodes.push_back({NodeOp::And, 0, false, {6, 2}});
    auto v = evaluateNodes(p, {U, U, U});
    EXPECT_EQ(v[6], T);
    EXPECT_EQ(v[7], U);
}

TEST(PlanEvaluator, NeedsOnlyPredicatesThatCanStillMatter) {
    Plan p = samplePlan();
    auto none = std::vector<Truth>{U, U, U};
    EXPECT_EQ(neededPredicates(p, evaluateNodes(p, none)), (std::vector<uint32_t>{0, 1, 2}));
    // person false: gore is decided; burning still needs fire.
    EXPECT_EQ(neededPredicates(p, evaluateNodes(p, {F, U, U})), (std::vector<uint32_t>{2}));
    // person true: burning is decided; gore needs blood and fire.
    EXPECT_EQ(neededPredicates(p, evaluateNodes(p, {T, U, U})), (std::vector<uint32_t>{1, 2}));
    // everything decided
    EXPECT_TRUE(neededPredicates(p, evaluateNodes(p, {T, F, F})).empty());
}

} // namespace
} // namespace clue::plan
