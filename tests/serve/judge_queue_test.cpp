// Admission and dispatch against a scripted answer source: the in-flight and waiting bounds, a
// request admitted whole or refused whole, the deadline ending unjudged images in `error` (never
// `safe`) and taking them out of the queue, draining, and a request of unreadable images only.
#include "serve/judge_queue.h"

#include "tests/judge/fake_answer_source.h"
#include "tests/support/test_images.h"
#include "tests/judge/plan_builder.h"

#include <gtest/gtest.h>

namespace clue::serve {
namespace {

using namespace std::string_literals;
using runtime::QueryVariant;
using runtime::Verdict;

const std::string png = clue::test::pngImage(); // one that decodes

class JudgeQueueTest : public ::testing::Test {
protected:
    void SetUp() override {
        test::PlanBuilder builder;
        const uint32_t a = builder.pred("a person is visible");
        const uint32_t b = builder.pred("a weapon is visible");
        builder.rule("armed", builder.all({a, b}));
        source_.setScore(QueryVariant::NoImage, "a person is visible", 0.3);
        source_.setScore(QueryVariant::NoImage, "a weapon is visible", 0.3);
        source_.setScore(QueryVariant::Image, "a person is visible", 0.97);
        source_.setScore(QueryVariant::Image, "a weapon is visible", 0.97);
        plan_ = std::make_shared<ActivePlan>(builder.build(), PlanIdentity{"id", "file", "", {}},
                                             source_, "m", runtime::JudgeSettings{});
    }

    std::shared_ptr<JudgeQueue> queue(std::size_t inFlight, std::size_t waiting) {
        return std::make_shared<JudgeQueue>(QueueLimits{inFlight, waiting, {}},
                                            [](std::function<void()> task) { task(); });
    }

    // A request of `images` PNG images (or not-images), counting its completions.
    std::shared_ptr<JudgeRequest> request(std::size_t images, bool readable = true) {
        std::vector<PreparedImage> prepared;
        for (std::size_t i = 0; i < images; ++i) {
            prepared.push_back(prepareUpload(readable ? png : "text", "i", {}));
        }
        return std::make_shared<JudgeRequest>(plan_, std::move(prepared),
                                              [this](JudgeRequest&) { ++finished_; });
    }

    test::FakeAnswerSource source_;
    std::shared_ptr<ActivePlan> plan_;
    int finished_ = 0;
};

TEST_F(JudgeQueueTest, AdmitsUpToInFlightPlusWaitingAndRefusesTheRest) {
    source_.hold(true);
    auto q = queue(1, 1);
    auto first = request(1);
    auto second = request(1);
    EXPECT_EQ(q->submit(first), JudgeQueue::Admission::Accepted);
    EXPECT_EQ(q->submit(second), JudgeQueue::Admission::Accepted);
    EXPECT_EQ(q->running(), 1u);
    EXPECT_EQ(q->waiting(), 1u);
    EXPECT_EQ(q->submit(request(1)), JudgeQueue::Admission::Full);
    EXPECT_GE(q->retryAfter().count(), 1);
    source_.release();
    EXPECT_EQ(finished_, 2);
    EXPECT_EQ(q->running(), 0u);
    EXPECT_EQ(q->waiting(), 0u);
    EXPECT_EQ(first->outcomes()[0].result.verdict, Verdict::Unsafe);
    EXPECT_EQ(second->outcomes()[0].result.verdict, Verdict::Unsafe);
    EXPECT_EQ(q->submit(request(1)), JudgeQueue::Admission::Accepted); // room again
}

TEST_F(JudgeQueueTest, ARequestIsAdmittedWholeOrNotAtAll) {
    source_.hold(true);
    auto q = queue(1, 1);
    EXPECT_EQ(q->submit(request(3)), JudgeQueue::Admission::Full);
    EXPECT_EQ(q->running() + q->waiting(), 0u);
    EXPECT_EQ(q->submit(request(2)), JudgeQueue::Admission::Accepted);
    EXPECT_EQ(q->running() + q->waiting(), 2u);
    source_.release();
}

TEST_F(JudgeQueueTest, TheDeadlineEndsUnjudgedImagesInErrorAndFreesTheQueue) {
    source_.hold(true);
    auto q = queue(1, 4);
    auto running = request(1);
    auto waiting = request(2);
    ASSERT_EQ(q->submit(running), JudgeQueue::Admission::Accepted);
    ASSERT_EQ(q->submit(waiting), JudgeQueue::Admission::Accepted);
    ASSERT_EQ(q->waiting(), 2u);
    q->withdraw(*waiting);
    waiting->expire();
    EXPECT_EQ(q->waiting(), 0u);
    running->expire();
    EXPECT_EQ(finished_, 2);
    for (const auto& r : {running, waiting}) {
        for (const ImageOutcome& outcome : r->outcomes()) {
            EXPECT_TRUE(outcome.expired);
            EXPECT_EQ(outcome.result.verdict, Verdict::Error);
            EXPECT_EQ(outcome.result.rules,
                      std::vector<runtime::RuleState>{runtime::RuleState::Error});
        }
    }
    source_.release(); // the late answers change nothing
    EXPECT_EQ(finished_, 2);
    EXPECT_TRUE(running->outcomes()[0].expired);
    EXPECT_EQ(q->running(), 0u); // the judgment still held its slot until it ended
}

TEST_F(JudgeQueueTest, DrainingRefusesNewRequestsButFinishesAdmittedOnes) {
    source_.hold(true);
    auto q = queue(2, 2);
    auto admitted = request(1);
    ASSERT_EQ(q->submit(admitted), JudgeQueue::Admission::Accepted);
    q->drain();
    EXPECT_EQ(q->submit(request(1)), JudgeQueue::Admission::Draining);
    source_.release();
    EXPECT_EQ(finished_, 1);
    EXPECT_EQ(admitted->outcomes()[0].result.verdict, Verdict::Unsafe);
}

TEST_F(JudgeQueueTest, UnreadableImagesFinishAtOnceWithoutASlot) {
    auto q = queue(1, 0);
    auto unreadable = request(2, false);
    EXPECT_EQ(q->submit(unreadable), JudgeQueue::Admission::Accepted);
    EXPECT_EQ(finished_, 1);
    for (const ImageOutcome& outcome : unreadable->outcomes()) {
        EXPECT_EQ(outcome.result.verdict, Verdict::Error);
        ASSERT_TRUE(outcome.result.imageError);
        EXPECT_EQ(outcome.result.imageError->kind, runtime::ImageErrorKind::NotAnImage);
    }
}

} // namespace
} // namespace clue::serve
