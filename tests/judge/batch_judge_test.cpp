// Many images: results come back in input order whatever order answers arrive in, the number of
// images in flight is bounded, and unreadable images are reported without stopping the run.
#include "runtime/judge/batch_judge.h"
#include "tests/judge/fake_answer_source.h"
#include "tests/judge/plan_builder.h"
#include "tests/runtime/temp_dir.h"
#include "tests/support/test_images.h"

#include "common/sha256.h"

#include <gtest/gtest.h>

#include <chrono>
#include <random>
#include <set>
#include <thread>

namespace clue::runtime {
namespace {

// Delivers each answer of `inner` on its own thread after a random delay, so that answers
// arrive out of order; records how many images have questions outstanding at once.
class DelayedSource : public AnswerSource {
public:
    explicit DelayedSource(AnswerSource& inner) : inner_(inner) {}
    ~DelayedSource() override {
        for (auto& t : threads_) {
            t.join();
        }
    }

    void score(const ScoreQuery& query, ScoreCallback done) override {
        begin(query.image.sha256);
        inner_.score(query, [this, sha = query.image.sha256, done](ScoreResult r) {
            later([this, sha, done, r = std::move(r)]() mutable {
                end(sha);
                done(std::move(r));
            });
        });
    }
    void reason(const ReasonQuery& query, RatingCallback done) override {
        inner_.reason(query, std::move(done));
    }

    int maxImagesOutstanding() {
        std::lock_guard lock(mutex_);
        return maxImages_;
    }

private:
    void begin(const std::string& sha) {
        std::lock_guard lock(mutex_);
        ++outstanding_[sha];
        maxImages_ = std::max(maxImages_, static_cast<int>(outstanding_.size()));
    }
    void end(const std::string& sha) {
        std::lock_guard lock(mutex_);
        if (--outstanding_[sha] == 0) {
            outstanding_.erase(sha);
        }
    }
    void later(std::function<void()> work) {
        std::lock_guard lock(mutex_);
        const int delayMs = std::uniform_int_distribution<int>(1, 15)(random_);
        threads_.emplace_back([work = std::move(work), delayMs] {
            std::this_thread::sleep_for(std::chrono::milliseconds(delayMs));
            work();
        });
    }

    AnswerSource& inner_;
    std::mutex mutex_;
    std::map<std::string, int> outstanding_;
    int maxImages_ = 0;
    std::mt19937 random_{7};
    std::vector<std::thread> threads_;
};

class BatchJudgeTest : public ::testing::Test {
protected:
    void SetUp() override {
        // r = a and b; calibrated priors 0.3.
        test::PlanBuilder b;
        const uint32_t a = b.pred("a", {}, 0.3);
        const uint32_t bn = b.pred("b", {}, 0.3);
        b.rule("r", b.all({a, bn}));
        b.waves({{0}, {1}}).calibratedWith("m");
        plan_ = b.build();
    }

    // Image i is unsafe when i is odd (a and b true), safe otherwise (a false).
    std::filesystem::path image(int i) {
        const std::string bytes = test::pngImage(i);
        const std::string sha = sha256Hex(bytes);
        source_.setImageScore(sha, "a", i % 2 ? 0.95 : 0.05);
        source_.setImageScore(sha, "b", 0.95);
        return dir_.write("img" + std::to_string(i) + ".png", bytes);
    }

    std::vector<ImageResult> runAll(AnswerSource& source,
                                    const std::vector<std::filesystem::path>& inputs,
                                    BatchOptions options) {
        PriorTable priors(plan_, "m", source);
        PredicateJudge judge(plan_, source, priors, {});
        BatchJudge batch(judge, options);
        std::vector<ImageResult> results;
        batch.run(inputs, [&](const ImageResult& r, std::size_t index) {
            EXPECT_EQ(index, results.size());
            results.push_back(r);
        });
        return results;
    }

    test::TempDir dir_;
    plan::Plan plan_;
    test::FakeAnswerSource source_;
};

TEST_F(BatchJudgeTest, ResultsInInputOrderWithBoundedImagesInFlight) {
    std::vector<std::filesystem::path> inputs;
    for (int i = 0; i < 40; ++i) {
        inputs.push_back(image(i));
    }
    DelayedSource delayed(source_);
    BatchOptions options;
    options.imagesInFlight = 4;
    auto results = runAll(delayed, inputs, options);
    ASSERT_EQ(results.size(), inputs.size());
    for (int i = 0; i < 40; ++i) {
        EXPECT_EQ(results[i].path, inputs[i]);
        EXPECT_EQ(results[i].verdict, i % 2 ? Verdict::Unsafe : Verdict::Safe) << i;
    }
    EXPECT_LE(delayed.maxImagesOutstanding(), 4);
    EXPECT_GE(delayed.maxImagesOutstanding(), 2) << "images must overlap";
}

TEST_F(BatchJudgeTest, UnreadableImagesAreReportedAndTheRunGoesOn) {
    std::vector<std::filesystem::path> inputs = {
        image(1),
        dir_.write("empty.png", ""),
        dir_.write("notes.png", "just text, not an image"),
        dir_ / "missing.png",
        dir_.path(),
        image(2),
    };
    BatchOptions options;
    options.limits.maxBytes = 1000;
    inputs.push_back(dir_.write("big.png", test::pngImage(0, 100, 100)));
    inputs.push_back(dir_.write("cut.png", test::pngImage(3).substr(0, 60)));
    auto results = runAll(source_, inputs, options);
    ASSERT_EQ(results.size(), 8u);
    EXPECT_EQ(results[0].verdict, Verdict::Unsafe);
    const std::vector<ImageErrorKind> kinds = {ImageErrorKind::Empty, ImageErrorKind::NotAnImage,
                                               ImageErrorKind::NotFound, ImageErrorKind::NotAFile};
    for (size_t i = 0; i < kinds.size(); ++i) {
        const ImageResult& r = results[i + 1];
        EXPECT_EQ(r.verdict, Verdict::Error);
        ASSERT_TRUE(r.imageError) << i;
        EXPECT_EQ(r.imageError->kind, kinds[i]);
        EXPECT_TRUE(r.sha256.empty());
    }
    EXPECT_EQ(results[5].verdict, Verdict::Safe);
    ASSERT_TRUE(results[6].imageError);
    EXPECT_EQ(results[6].imageError->kind, ImageErrorKind::TooLarge);
    ASSERT_TRUE(results[7].imageError); // decoded before the first question: none was asked
    EXPECT_EQ(results[7].imageError->kind, ImageErrorKind::Undecodable);
    EXPECT_TRUE(results[7].predicates.empty());
    EXPECT_EQ(results[7].verdict, Verdict::Error);
}

TEST_F(BatchJudgeTest, OnErrorDoesNotTurnUnreadableImagesSafe) {
    BatchOptions options;
    options.onError = OnError::Safe;
    auto results = runAll(source_, {dir_.write("empty.png", "")}, options);
    ASSERT_EQ(results.size(), 1u);
    EXPECT_EQ(results[0].verdict, Verdict::Error);
}

TEST_F(BatchJudgeTest, NoInputsNoResults) {
    EXPECT_TRUE(runAll(source_, {}, {}).empty());
}

} // namespace
} // namespace clue::runtime
