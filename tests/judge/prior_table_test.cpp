// Language priors: taken from the plan only when calibrated for the model in use, otherwise
// measured once per statement, with one question for all concurrent askers (single flight).
#include "runtime/judge/prior_table.h"
#include "tests/judge/fake_answer_source.h"
#include "tests/judge/plan_builder.h"

#include <gtest/gtest.h>

#include <thread>

namespace clue::runtime {
namespace {

using test::FakeAnswerSource;

plan::Plan twoCopiesPlan(std::optional<std::string> calibratedFor) {
    // Two predicates with one statement (an -O0 plan's per-rule copies) and one other.
    test::PlanBuilder b;
    const uint32_t p0 = b.pred("a person is visible", {}, 0.25);
    const uint32_t p1 = b.pred("A person is visible.", {}, 0.25);
    const uint32_t p2 = b.pred("fire is visible", {}, 0.5);
    b.rule("r", b.all({p0, p1, p2}));
    if (calibratedFor) {
        b.calibratedWith(*calibratedFor);
    }
    return b.build();
}

TEST(PriorTable, CalibratedPlanAnswersWithoutQuestions) {
    const plan::Plan plan = twoCopiesPlan("m");
    FakeAnswerSource source;
    PriorTable table(plan, "m", source);
    std::optional<PriorResult> got;
    table.get(2, [&](PriorResult r) { got = std::move(r); });
    ASSERT_TRUE(got && *got);
    EXPECT_EQ((*got)->score, 0.5);
    EXPECT_EQ((*got)->origin, PriorOrigin::Plan);
    EXPECT_EQ((*got)->cost.calls, 0);
    EXPECT_TRUE(source.asked().empty());
    EXPECT_TRUE(table.fromPlan(0));
}

TEST(PriorTable, OtherModelsPriorsAreMeasuredOncePerStatement) {
    const plan::Plan plan = twoCopiesPlan("another");
    FakeAnswerSource source;
    source.setScore(QueryVariant::NoImage, "a person is visible", 0.7);
    source.setScore(QueryVariant::NoImage, "A person is visible.", 0.7);
    PriorTable table(plan, "m", source);
    EXPECT_FALSE(table.fromPlan(0));
    std::vector<PriorResult> got;
    for (uint32_t i : {0u, 1u, 0u}) {
        table.get(i, [&](PriorResult r) { got.push_back(std::move(r)); });
    }
    ASSERT_EQ(got.size(), 3u);
    EXPECT_EQ(source.asked().size(), 1u) << "copies of one statement share its prior";
    EXPECT_EQ(got[0]->origin, PriorOrigin::Asked);
    EXPECT_EQ(got[0]->cost.calls, 1);
    EXPECT_EQ(got[1]->origin, PriorOrigin::Shared);
    EXPECT_EQ(got[1]->cost.calls, 0);
    EXPECT_EQ(got[2]->score, 0.7);
}

TEST(PriorTable, ConcurrentAskersShareOneQuestion) {
    const plan::Plan plan = twoCopiesPlan(std::nullopt);
    FakeAnswerSource source;
    source.setScore(QueryVariant::NoImage, "fire is visible", 0.4);
    source.hold(true);
    PriorTable table(plan, "m", source);
    std::mutex mutex;
    std::vector<PriorResult> got;
    std::vector<std::thread> askers;
    for (int i = 0; i < 16; ++i) {
        askers.emplace_back([&] {
            table.get(2, [&](PriorResult r) {
                std::lock_guard lock(mutex);
                got.push_back(std::move(r));
            });
        });
    }
    for (auto& t : askers) {
        t.join();
    }
    EXPECT_EQ(source.heldCount(), 1u);
    EXPECT_TRUE(got.empty());
    source.release();
    ASSERT_EQ(got.size(), 16u);
    int paid = 0;
    for (const auto& r : got) {
        ASSERT_TRUE(r);
        EXPECT_EQ(r->score, 0.4);
        paid += r->cost.calls;
    }
    EXPECT_EQ(paid, 1);
}

TEST(PriorTable, AFailureReachesEveryWaiterAndIsNotKept) {
    const plan::Plan plan = twoCopiesPlan(std::nullopt);
    FakeAnswerSource source;
    source.setFailure(QueryVariant::NoImage, "fire is visible", BackendErrorKind::Transport);
    source.hold(true);
    PriorTable table(plan, "m", source);
    int failures = 0;
    for (int i = 0; i < 3; ++i) {
        table.get(2, [&](PriorResult r) { failures += r ? 0 : 1; });
    }
    source.release();
    EXPECT_EQ(failures, 3);
    EXPECT_EQ(source.asked().size(), 1u);

    source.reset();
    source.setScore(QueryVariant::NoImage, "fire is visible", 0.4);
    std::optional<PriorResult> later;
    table.get(2, [&](PriorResult r) { later = std::move(r); });
    ASSERT_TRUE(later && *later) << "a later image asks again";
    EXPECT_EQ((*later)->origin, PriorOrigin::Asked);
}

} // namespace
} // namespace clue::runtime
