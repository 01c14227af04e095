// The cache in front of the model, and the replay backend that answers from the cache alone:
// a second judgment of the same image asks nothing; replay reproduces it; a replay miss fails
// closed.
#include "runtime/judge/cached_answer_source.h"
#include "runtime/judge/image_judgment.h"
#include "runtime/judge/replay_answer_source.h"
#include "tests/judge/fake_answer_source.h"
#include "tests/judge/plan_builder.h"
#include "tests/runtime/temp_dir.h"

#include <gtest/gtest.h>
#include <sqlite3.h>

namespace clue::runtime {
namespace {

using test::FakeAnswerSource;

const CacheScope kScope{"model-a", "clue-judge/1"};

class CacheReplayTest : public ::testing::Test {
protected:
    void SetUp() override {
        // r = a and (b or c); a's prior is measured (no calibration).
        test::PlanBuilder b;
        const uint32_t a = b.pred("a");
        const uint32_t bn = b.pred("b");
        const uint32_t c = b.pred("c");
        b.rule("r", b.all({a, b.any({bn, c})}));
        b.waves({{0}, {1}, {2}});
        plan_ = b.build();
        questions_.emplace(plan_);
        for (const char* s : {"a", "b", "c"}) {
            inner_.setScore(QueryVariant::NoImage, s, 0.3);
        }
        inner_.setScore(QueryVariant::Image, "a", 0.95);
        inner_.setScore(QueryVariant::Image, "b", 0.5); // undecided: reasoning
        inner_.setRating("b", true, "it is there");
    }

    ImageResult judgeWith(AnswerSource& source, const std::string& sha) {
        PriorTable priors(plan_, kScope.model, source);
        PredicateJudge judge(plan_, source, priors, {});
        std::optional<ImageResult> out;
        std::make_shared<ImageJudgment>(judge, *questions_, ImageRef{sha, nullptr, nullptr},
                                        "x.png", OnError::Error,
                                        [&](ImageResult r) { out = std::move(r); })
            ->start();
        EXPECT_TRUE(out);
        return out.value_or(ImageResult{});
    }

    test::TempDir dir_;
    plan::Plan plan_;
    std::optional<QuestionPlan> questions_;
    FakeAnswerSource inner_;
    const std::string sha_ = std::string(64, 'c');
};

TEST_F(CacheReplayTest, SecondJudgmentAsksNothing) {
    ScoreCache cache(dir_ / "cache.sqlite");
    CachedAnswerSource cached(inner_, cache, kScope);
    ImageResult first = judgeWith(cached, sha_);
    EXPECT_EQ(first.verdict, Verdict::Unsafe);
    const size_t questions = inner_.asked().size();
    EXPECT_EQ(questions, 5u); // priors of a and b, images of a and b, b's reasoning
    EXPECT_EQ(first.cost.cacheHits, 0);

    ImageResult second = judgeWith(cached, sha_);
    EXPECT_EQ(inner_.asked().size(), questions) << "every answer came from the cache";
    EXPECT_EQ(second.verdict, Verdict::Unsafe);
    EXPECT_EQ(second.cost.calls, 0);
    EXPECT_EQ(second.cost.cacheHits, 5);
    ASSERT_EQ(second.predicates.size(), 2u);
    EXPECT_EQ(second.predicates[1].path, DecisionPath::ReasoningYes);
    EXPECT_EQ(second.predicates[1].rationale, "it is there");

    // Another image shares the priors (no-image answers) but not the image answers.
    judgeWith(cached, std::string(64, 'd'));
    EXPECT_EQ(inner_.askedCount(QueryVariant::NoImage, "a"), 1);
    EXPECT_EQ(inner_.askedCount(QueryVariant::Image, "a"), 2);
}

TEST_F(CacheReplayTest, ReplayReproducesAndFailsClosedOnAMiss) {
    {
        ScoreCache cache(dir_ / "cache.sqlite");
        CachedAnswerSource cached(inner_, cache, kScope);
        judgeWith(cached, sha_);
    }
    ScoreCache readOnly(dir_ / "cache.sqlite", {std::chrono::milliseconds(1000), true});
    ReplayAnswerSource replay(readOnly, kScope);
    ImageResult replayed = judgeWith(replay, sha_);
    EXPECT_EQ(replayed.verdict, Verdict::Unsafe);
    EXPECT_EQ(replayed.cost.calls, 0);
    EXPECT_FALSE(replayed.failed());

    ImageResult unseen = judgeWith(replay, std::string(64, 'e'));
    EXPECT_EQ(unseen.verdict, Verdict::Error) << "a miss is an error, never a guess";
    ASSERT_FALSE(unseen.predicates.empty());
    ASSERT_TRUE(unseen.predicates[0].failure);
    EXPECT_EQ(unseen.predicates[0].failure->error.kind, BackendErrorKind::NotCached);
    EXPECT_NE(unseen.predicates[0].failure->error.message.find("no cached image answer"),
              std::string::npos);

    ReplayAnswerSource otherModel(readOnly, {"model-b", kScope.promptVersion});
    EXPECT_EQ(judgeWith(otherModel, sha_).verdict, Verdict::Error);
}

// A row that holds no valid answer is a miss: asked again (and replaced), said once; under
// replay, an error. A score of -5 must never make an image safe.
TEST_F(CacheReplayTest, InvalidRowsAreMissesAndReplayFailsOnThem) {
    const auto path = dir_ / "cache.sqlite";
    {
        ScoreCache cache(path);
        CachedAnswerSource cached(inner_, cache, kScope);
        judgeWith(cached, sha_);
    }
    sqlite3* db = nullptr;
    ASSERT_EQ(sqlite3_open(path.c_str(), &db), SQLITE_OK);
    ASSERT_EQ(sqlite3_exec(db,
                           "PRAGMA ignore_check_constraints = 1; UPDATE answers SET score = -5 "
                           "WHERE variant = 'image'; UPDATE answers SET score = 1e300 WHERE "
                           "variant = 'no-image'",
                           nullptr, nullptr, nullptr),
              SQLITE_OK);
    sqlite3_close(db);

    {
        ScoreCache readOnly(path, {std::chrono::milliseconds(1000), true});
        ReplayAnswerSource replay(readOnly, kScope);
        const ImageResult replayed = judgeWith(replay, sha_);
        EXPECT_EQ(replayed.verdict, Verdict::Error);
        ASSERT_TRUE(replayed.predicates[0].failure);
        EXPECT_NE(replayed.predicates[0].failure->error.message.find("is outside [0, 1]"),
                  std::string::npos)
            << replayed.predicates[0].failure->error.message;
    }

    std::vector<std::string> warnings;
    ScoreCache cache(path);
    CachedAnswerSource cached(inner_, cache, kScope,
                              [&](const std::string& w) { warnings.push_back(w); });
    const size_t before = inner_.asked().size();
    const ImageResult again = judgeWith(cached, sha_);
    EXPECT_EQ(again.verdict, Verdict::Unsafe);
    EXPECT_EQ(inner_.asked().size() - before, 4u) << "both priors and both image scores re-asked";
    ASSERT_EQ(warnings.size(), 1u) << "four invalid rows, one warning";
    EXPECT_NE(warnings[0].find("an invalid cached"), std::string::npos) << warnings[0];
    EXPECT_NE(warnings[0].find("asked again and replaced (later ones not shown)"),
              std::string::npos)
        << warnings[0];
    EXPECT_EQ(judgeWith(cached, sha_).cost.calls, 0) << "the answers replaced the rows";
}

TEST_F(CacheReplayTest, FailuresAreNotCached) {
    ScoreCache cache(dir_ / "cache.sqlite");
    CachedAnswerSource cached(inner_, cache, kScope);
    inner_.setFailure(QueryVariant::Image, "a");
    EXPECT_EQ(judgeWith(cached, sha_).verdict, Verdict::Error);
    inner_.reset();
    inner_.setScore(QueryVariant::NoImage, "a", 0.3);
    inner_.setScore(QueryVariant::Image, "a", 0.05);
    EXPECT_EQ(judgeWith(cached, sha_).verdict, Verdict::Safe);
    EXPECT_EQ(inner_.askedCount(QueryVariant::Image, "a"), 1) << "asked again after the failure";
}

} // namespace
} // namespace clue::runtime
