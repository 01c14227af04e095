// Calibration measures each distinct statement's prior once and records the model; with any
// failure it reports every failed statement and the plan is not to be written.
#include "runtime/judge/calibrator.h"
#include "tests/judge/fake_answer_source.h"
#include "tests/judge/plan_builder.h"

#include <gtest/gtest.h>

#include <thread>

namespace clue::runtime {
namespace {

plan::Plan sample() {
    test::PlanBuilder b;
    const uint32_t a = b.pred("a person is visible");
    const uint32_t copy = b.pred("A person is visible.");
    const uint32_t f = b.pred("fire is visible");
    b.rule("r", b.all({a, copy, f}));
    return b.build();
}

TEST(Calibrator, MeasuresEveryStatementOnceAndRecordsTheModel) {
    test::FakeAnswerSource source;
    source.setScore(QueryVariant::NoImage, "a person is visible", 0.7);
    source.setScore(QueryVariant::NoImage, "fire is visible", 0.1, true);
    source.hold(true); // answers arrive after all questions are out: they are concurrent
    std::thread releaser([&] {
        while (source.heldCount() < 2) {
            std::this_thread::yield();
        }
        source.release();
    });
    Calibration c = calibratePlan(sample(), source, "model-x");
    releaser.join();
    EXPECT_TRUE(c.failures.empty());
    EXPECT_EQ(c.statements, 2);
    EXPECT_EQ(c.approximate, 1);
    EXPECT_EQ(c.cost.calls, 2);
    EXPECT_EQ(source.asked().size(), 2u);
    EXPECT_EQ(c.plan.calibrationModel, "model-x");
    EXPECT_EQ(c.plan.predicates[0].mNone, 0.7);
    EXPECT_EQ(c.plan.predicates[1].mNone, 0.7);
    EXPECT_EQ(c.plan.predicates[2].mNone, 0.1);
}

TEST(Calibrator, ReportsEveryFailure) {
    test::FakeAnswerSource source;
    source.setScore(QueryVariant::NoImage, "a person is visible", 0.7);
    source.setFailure(QueryVariant::NoImage, "fire is visible", BackendErrorKind::NoLogprobs);
    Calibration c = calibratePlan(sample(), source, "model-x");
    ASSERT_EQ(c.failures.size(), 1u);
    EXPECT_EQ(c.failures[0].statement, "fire is visible");
    EXPECT_EQ(c.failures[0].error.kind, BackendErrorKind::NoLogprobs);
    EXPECT_FALSE(c.plan.predicates[2].mNone);
}

} // namespace
} // namespace clue::runtime
