// Reading `clue judge` lines back: every field the JSON holds comes back, and a line whose
// verdict its rule states do not give, or that another plan made, is refused.
#include "runtime/judge/image_judgment.h"
#include "runtime/judge/result_json.h"
#include "runtime/judge/result_reader.h"
#include "tests/judge/fake_answer_source.h"
#include "tests/judge/plan_builder.h"

#include <gtest/gtest.h>

namespace clue::runtime {
namespace {

class ResultReaderTest : public ::testing::Test {
protected:
    void SetUp() override {
        test::PlanBuilder b;
        b.rule("r1", b.all({b.pred("a"), b.pred("b")}));
        b.rule("r2", b.pred("c"));
        plan_ = b.build();
        source_.setScore(QueryVariant::NoImage, "a", 0.3);
        source_.setScore(QueryVariant::NoImage, "b", 0.3);
        source_.setScore(QueryVariant::NoImage, "c", 0.3);
        source_.setScore(QueryVariant::Image, "a", 0.95);
        source_.setScore(QueryVariant::Image, "b", 0.5);
        source_.setRating("b", true, "it is there");
        source_.setFailure(QueryVariant::Image, "c");
    }

    ImageResult judge() {
        PriorTable priors(plan_, "m", source_);
        PredicateJudge judge(plan_, source_, priors, {});
        const QuestionPlan questions(plan_);
        std::optional<ImageResult> out;
        std::make_shared<ImageJudgment>(judge, questions,
                                        ImageRef{std::string(64, 'f'), nullptr, nullptr}, "img.png",
                                        OnError::Error, [&](ImageResult r) { out = std::move(r); })
            ->start();
        return out.value();
    }

    plan::Plan plan_;
    test::FakeAnswerSource source_;
};

TEST_F(ResultReaderTest, ALineReadsBackAsItWasWritten) {
    const ImageResult original = judge();
    ASSERT_EQ(original.verdict, Verdict::Unsafe);
    const nlohmann::json line = nlohmann::json::parse(resultJson(original, plan_).dump());
    auto read = resultFromJson(line, plan_);
    ASSERT_TRUE(read) << read.error();
    EXPECT_EQ(read->path, "img.png");
    EXPECT_EQ(read->sha256, original.sha256);
    EXPECT_EQ(read->verdict, Verdict::Unsafe);
    EXPECT_EQ(read->rules, original.rules);
    ASSERT_EQ(read->predicates.size(), original.predicates.size());
    for (std::size_t i = 0; i < original.predicates.size(); ++i) {
        const PredicateEvidence& a = original.predicates[i];
        const PredicateEvidence& b = read->predicates[i];
        EXPECT_EQ(a.predicate, b.predicate);
        EXPECT_EQ(a.value, b.value);
        EXPECT_EQ(a.path, b.path);
        EXPECT_EQ(a.scores.image, b.scores.image);
        EXPECT_EQ(a.scores.prior, b.scores.prior);
        EXPECT_EQ(a.scores.priorOrigin, b.scores.priorOrigin);
        EXPECT_EQ(a.failure.has_value(), b.failure.has_value());
        EXPECT_EQ(a.cost.calls, b.cost.calls);
    }
    EXPECT_TRUE(read->failed());
    EXPECT_EQ(read->escalations(), 1);
    EXPECT_EQ(read->cost.calls, original.cost.calls);
}

TEST_F(ResultReaderTest, AnUnreadableImageReadsBackAsAnError) {
    ImageResult unreadable =
        unreadableImage({ImageErrorKind::NotFound, "gone.png", "gone.png: no such file"});
    unreadable.path = "gone.png";
    auto read = resultFromJson(nlohmann::json::parse(resultJson(unreadable, plan_).dump()), plan_);
    ASSERT_TRUE(read) << read.error();
    EXPECT_EQ(read->verdict, Verdict::Error);
    ASSERT_TRUE(read->imageError);
    EXPECT_EQ(read->imageError->kind, ImageErrorKind::NotFound);
}

TEST_F(ResultReaderTest, ClaimsTheRulesDoNotMakeAreRefused) {
    nlohmann::json line = nlohmann::json::parse(resultJson(judge(), plan_).dump());
    nlohmann::json safe = line;
    safe["verdict"] = "safe";
    EXPECT_EQ(resultFromJson(safe, plan_).error(),
              "the verdict 'safe' is not what its rule states give ('unsafe')");
    nlohmann::json cleared = line;
    cleared["rules"]["r1"] = "clear";
    EXPECT_FALSE(resultFromJson(cleared, plan_)) << "r2 in error: the verdict would be error";
    nlohmann::json policy = cleared;
    policy["verdict"] = "safe";
    policy["on_error"] = "safe";
    EXPECT_TRUE(resultFromJson(policy, plan_)) << "an explicit --on-error safe is read as such";

    test::PlanBuilder other;
    other.rule("r1", other.pred("x"));
    EXPECT_FALSE(resultFromJson(line, other.build()));
    nlohmann::json tampered = line;
    tampered["predicates"][0]["statement"] = "something else";
    EXPECT_NE(resultFromJson(tampered, plan_).error().find("another plan"), std::string::npos);
    nlohmann::json badPath = line;
    badPath["predicates"][0]["path"] = "plain-false";
    EXPECT_FALSE(resultFromJson(badPath, plan_)) << "a path that contradicts the value";
    EXPECT_FALSE(resultFromJson(nlohmann::json::array(), plan_));
    EXPECT_FALSE(resultFromJson(nlohmann::json{{"path", 3}}, plan_));
}

// `--decide verdict` leaves rules not_evaluated beside a violated one; never otherwise, and
// never read as clear.
TEST_F(ResultReaderTest, NotEvaluatedRulesReadBackOnlyBesideAViolatedOne) {
    nlohmann::json line = nlohmann::json::parse(resultJson(judge(), plan_).dump());
    ASSERT_EQ(line["rules"]["r1"], "violated");
    line["rules"]["r2"] = "not_evaluated";
    auto read = resultFromJson(line, plan_);
    ASSERT_TRUE(read) << read.error();
    EXPECT_EQ(read->rules, (std::vector{RuleState::Violated, RuleState::NotEvaluated}));
    EXPECT_EQ(read->verdict, Verdict::Unsafe);

    nlohmann::json alone = line;
    alone["rules"]["r1"] = "clear";
    alone["verdict"] = "error";
    EXPECT_NE(resultFromJson(alone, plan_).error().find("none is violated"), std::string::npos);
    alone["verdict"] = "safe";
    alone["on_error"] = "safe";
    EXPECT_FALSE(resultFromJson(alone, plan_));
    EXPECT_EQ(verdictOf({RuleState::Clear, RuleState::NotEvaluated}), Verdict::Error);
}

} // namespace
} // namespace clue::runtime
