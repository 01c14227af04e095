// The lazy executor on one image: rounds over the plan's waves, short-circuiting, each predicate
// at most once, and failing closed (with the explicit --on-error alternatives).
#include "runtime/judge/image_judgment.h"
#include "tests/judge/fake_answer_source.h"
#include "tests/judge/plan_builder.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <map>

namespace clue::runtime {
namespace {

using test::FakeAnswerSource;

const std::string kModel = "model-a";
const std::string kSha = std::string(64, 'b');

// Statements "a".."f", prior 0.3 from the plan: a score of 0.95 reads true, 0.05 false.
class ImageJudgmentTest : public ::testing::Test {
protected:
    // r1 = a and b; r2 = a and c; r3 = d or e. Waves: {a, d}, {b, c, e}.
    void SetUp() override {
        const uint32_t a = b_.pred("a", {}, 0.3);
        const uint32_t bn = b_.pred("b", {}, 0.3);
        const uint32_t c = b_.pred("c", {}, 0.3);
        const uint32_t d = b_.pred("d", {}, 0.3);
        const uint32_t e = b_.pred("e", {}, 0.3);
        b_.rule("r1", b_.all({a, bn}));
        b_.rule("r2", b_.all({b_.predNode(0), c}));
        b_.rule("r3", b_.any({d, e}));
        b_.waves({{0, 3}, {1, 2, 4}}).calibratedWith(kModel);
    }

    void truth(const std::string& statement, bool value) {
        source_.setScore(QueryVariant::Image, statement, value ? 0.95 : 0.05);
    }

    ImageResult run(OnError policy = OnError::Error, AskPolicy ask = {}) {
        plan_ = b_.build();
        questions_.emplace(plan_);
        PriorTable priors(plan_, kModel, source_);
        PredicateJudge judge(plan_, source_, priors, settings_);
        std::optional<ImageResult> out;
        ImageRef image{kSha, std::make_shared<const std::string>("data:image/png;base64,AA"),
                       nullptr};
        std::make_shared<ImageJudgment>(
            judge, *questions_, image, "x.png", policy, [&](ImageResult r) { out = std::move(r); },
            ask)
            ->start();
        source_.release();
        EXPECT_TRUE(out);
        return out.value_or(ImageResult{});
    }

    std::vector<std::string> asked() { return source_.askedStatements(QueryVariant::Image); }

    std::vector<std::string> askedInRound(const ImageResult& r, int round) {
        std::vector<std::string> out;
        for (const auto& p : r.predicates) {
            if (p.round == round) {
                out.push_back(plan_.predicates[p.predicate].statement);
            }
        }
        return out;
    }

    test::PlanBuilder b_;
    plan::Plan plan_;
    std::optional<QuestionPlan> questions_;
    FakeAnswerSource source_;
    JudgeSettings settings_;
};

using Strings = std::vector<std::string>;

TEST_F(ImageJudgmentTest, FirstWaveSettlesEverything) {
    truth("a", false);
    truth("d", true);
    ImageResult r = run();
    EXPECT_EQ(asked(), (Strings{"a", "d"}));
    EXPECT_EQ(r.rounds, 1);
    EXPECT_EQ(r.rules, (std::vector{RuleState::Clear, RuleState::Clear, RuleState::Violated}));
    EXPECT_EQ(r.verdict, Verdict::Unsafe);
    EXPECT_EQ(r.sha256, kSha);
    EXPECT_EQ(r.cost.calls, 2);
    EXPECT_FALSE(r.failed());
}

// By waves r3 is violated in the first round: verdict mode stops there, and r1 and r2, which b
// and c would settle, are not evaluated (never clear). Adaptively a goes first, then b and c
// (each settles its rule either way), and r2's violation leaves r3 unevaluated. The default
// mode settles every rule.
TEST_F(ImageJudgmentTest, DecideVerdictStopsAtTheFirstViolatedRule) {
    const std::map<QuestionOrder, std::vector<RuleState>> expected = {
        {QuestionOrder::Waves,
         {RuleState::NotEvaluated, RuleState::NotEvaluated, RuleState::Violated}},
        {QuestionOrder::Adaptive,
         {RuleState::Clear, RuleState::Violated, RuleState::NotEvaluated}}};
    for (QuestionOrder order : {QuestionOrder::Waves, QuestionOrder::Adaptive}) {
        source_.reset();
        truth("a", true);
        truth("b", false);
        truth("c", true);
        truth("d", true);
        truth("e", false);
        ImageResult r = run(OnError::Error, {order, 0, 0, Decide::Verdict});
        EXPECT_EQ(r.rules, expected.at(order)) << questionOrderName(order);
        EXPECT_EQ(r.verdict, Verdict::Unsafe);
        EXPECT_LT(asked().size(), 5u);
        r = run(OnError::Error, {order, 0, 0, Decide::Rules});
        EXPECT_EQ(r.rules,
                  (std::vector{RuleState::Clear, RuleState::Violated, RuleState::Violated}));
    }
    // Nothing violated: verdict mode settles every rule, as the default does.
    source_.reset();
    for (const char* s : {"a", "b", "c", "d", "e"}) {
        truth(s, false);
    }
    ImageResult r = run(OnError::Error, {QuestionOrder::Waves, 0, 0, Decide::Verdict});
    EXPECT_EQ(r.rules, (std::vector{RuleState::Clear, RuleState::Clear, RuleState::Clear}));
    EXPECT_EQ(r.verdict, Verdict::Safe);
}

TEST_F(ImageJudgmentTest, LaterWavesOnlyForWhatIsStillNeeded) {
    truth("a", true);
    truth("b", false);
    truth("c", false);
    truth("d", false);
    truth("e", false);
    ImageResult r = run();
    EXPECT_EQ(askedInRound(r, 1), (Strings{"a", "d"}));
    EXPECT_EQ(askedInRound(r, 2), (Strings{"b", "c", "e"}));
    EXPECT_EQ(r.verdict, Verdict::Safe);
    for (const auto& p : r.predicates) {
        EXPECT_EQ(p.wave, p.round - 1);
    }

    source_.reset();
    truth("a", false);
    truth("d", false);
    truth("e", true);
    r = run();
    EXPECT_EQ(askedInRound(r, 2), (Strings{"e"})) << "a false makes b and c moot";
    EXPECT_EQ(r.verdict, Verdict::Unsafe);
}

// With a limit, the questions go out in plan order (r1's a and b, r2's c, r3's d and e), whatever
// their wave, at most that many at once.
TEST_F(ImageJudgmentTest, ALimitAsksInPlanOrderAcrossWaves) {
    truth("a", false);
    truth("b", true);
    truth("d", false);
    truth("e", true);
    ImageResult r = run(OnError::Error, {QuestionOrder::Waves, 2, 0});
    EXPECT_EQ(askedInRound(r, 1), (Strings{"a", "b"})) << "b is in the second wave";
    EXPECT_EQ(askedInRound(r, 2), (Strings{"d", "e"})) << "a false makes c moot";
    EXPECT_EQ(r.rounds, 2);
    EXPECT_EQ(r.verdict, Verdict::Unsafe);

    source_.reset();
    truth("a", false);
    truth("d", true);
    r = run(OnError::Error, {QuestionOrder::Waves, 1, 0});
    EXPECT_EQ(askedInRound(r, 1), (Strings{"a"}));
    EXPECT_EQ(askedInRound(r, 2), (Strings{"d"}));
    EXPECT_EQ(asked().size(), 2u) << "one at a time asks nothing moot";
    EXPECT_EQ(r.rules, (std::vector{RuleState::Clear, RuleState::Clear, RuleState::Violated}));
}

// The ablation without laziness asks every predicate, moot or not, wave by wave (or N at a time
// in index order), and reaches the same rule states as the lazy executor.
TEST_F(ImageJudgmentTest, WithoutLazinessEveryPredicateIsAskedAndTheVerdictStays) {
    auto script = [this] {
        source_.reset();
        truth("a", false);
        truth("b", true);
        truth("c", true);
        truth("d", true);
        truth("e", false);
    };
    script();
    const ImageResult lazy = run();
    EXPECT_EQ(asked(), (Strings{"a", "d"})) << "a false and d true settle every rule";

    script();
    settings_.lazy = false;
    const ImageResult eager = run();
    EXPECT_EQ(askedInRound(eager, 1), (Strings{"a", "d"}));
    EXPECT_EQ(askedInRound(eager, 2), (Strings{"b", "c", "e"}));
    EXPECT_EQ(eager.rules, lazy.rules);
    EXPECT_EQ(eager.verdict, Verdict::Unsafe);
    EXPECT_EQ(eager.cost.calls, 5);

    script();
    const ImageResult oneAtATime = run(OnError::Error, {QuestionOrder::Waves, 2, 0});
    EXPECT_EQ(askedInRound(oneAtATime, 1), (Strings{"a", "b"}));
    EXPECT_EQ(askedInRound(oneAtATime, 2), (Strings{"c", "d"}));
    EXPECT_EQ(askedInRound(oneAtATime, 3), (Strings{"e"}));
    EXPECT_EQ(oneAtATime.rules, lazy.rules);
}

TEST_F(ImageJudgmentTest, SharedPredicateIsAskedOnce) {
    for (const char* s : {"a", "b", "c", "d", "e"}) {
        truth(s, true);
    }
    ImageResult r = run();
    EXPECT_EQ(source_.askedCount(QueryVariant::Image, "a"), 1);
    EXPECT_EQ(asked().size(), 4u) << "e is moot once d is true";
    EXPECT_EQ(r.violatedCount(), 3);
    EXPECT_EQ(r.predicates.size(), asked().size());
}

TEST_F(ImageJudgmentTest, WavesAreAskedTogetherAndInOrder) {
    // Held answers show what is in flight at once.
    truth("a", true);
    truth("b", true);
    truth("c", true);
    truth("d", false);
    truth("e", false);
    plan_ = b_.build();
    questions_.emplace(plan_);
    PriorTable priors(plan_, kModel, source_);
    PredicateJudge judge(plan_, source_, priors, {});
    source_.hold(true);
    std::optional<ImageResult> out;
    std::make_shared<ImageJudgment>(judge, *questions_, ImageRef{kSha, nullptr, nullptr}, "x.png",
                                    OnError::Error, [&](ImageResult r) { out = std::move(r); })
        ->start();
    EXPECT_EQ(source_.heldCount(), 2u);
    EXPECT_EQ(asked(), (Strings{"a", "d"}));
    source_.releaseOnce();
    EXPECT_EQ(source_.heldCount(), 3u) << "the next wave goes out only when the first is in";
    EXPECT_EQ(asked(), (Strings{"a", "d", "b", "c", "e"}));
    source_.release();
    ASSERT_TRUE(out);
    EXPECT_EQ(out->verdict, Verdict::Unsafe);
}

TEST_F(ImageJudgmentTest, AFailureMakesItsRulesErrorNeverSafe) {
    source_.setFailure(QueryVariant::Image, "a");
    truth("b", false); // settles r1 despite a's failure
    truth("c", true);
    truth("d", false);
    truth("e", false);
    ImageResult r = run();
    EXPECT_EQ(source_.askedCount(QueryVariant::Image, "a"), 1)
        << "a failed predicate is not retried";
    EXPECT_EQ(r.rules, (std::vector{RuleState::Clear, RuleState::Error, RuleState::Clear}));
    EXPECT_EQ(r.verdict, Verdict::Error);
    EXPECT_TRUE(r.failed());
    EXPECT_FALSE(r.policyApplied);
}

TEST_F(ImageJudgmentTest, AViolatedRuleStillMakesTheImageUnsafe) {
    source_.setFailure(QueryVariant::Image, "a");
    truth("b", true);
    truth("c", true);
    truth("d", true);
    ImageResult r = run();
    EXPECT_EQ(r.rules, (std::vector{RuleState::Error, RuleState::Error, RuleState::Violated}));
    EXPECT_EQ(r.verdict, Verdict::Unsafe);
    EXPECT_TRUE(r.failed());
}

TEST_F(ImageJudgmentTest, EveryFailureCombinationFailsClosed) {
    // Each predicate either true, false or failing: 3^5 combinations. Whenever a failure leaves
    // a rule undecided, the verdict is error or unsafe, never safe.
    const Strings names = {"a", "b", "c", "d", "e"};
    for (int code = 0; code < 243; ++code) {
        source_.reset();
        int c = code;
        bool anyFailure = false;
        for (const auto& name : names) {
            const int v = c % 3;
            c /= 3;
            if (v == 2) {
                source_.setFailure(QueryVariant::Image, name);
                anyFailure = true;
            } else {
                truth(name, v == 1);
            }
        }
        ImageResult r = run();
        const bool anyError = std::count(r.rules.begin(), r.rules.end(), RuleState::Error) > 0;
        if (anyError) {
            EXPECT_NE(r.verdict, Verdict::Safe) << "combination " << code;
            EXPECT_TRUE(anyFailure);
        }
        if (r.verdict == Verdict::Safe) {
            EXPECT_FALSE(anyError);
        }
        EXPECT_EQ(r.verdict == Verdict::Error, anyError && r.violatedCount() == 0) << code;
    }
}

TEST_F(ImageJudgmentTest, OnErrorPolicyReplacesOnlyAnErrorVerdict) {
    source_.setFailure(QueryVariant::Image, "d");
    truth("a", false);
    truth("e", false);
    ImageResult r = run(OnError::Unsafe);
    EXPECT_EQ(r.rules[2], RuleState::Error);
    EXPECT_EQ(r.verdict, Verdict::Unsafe);
    EXPECT_EQ(r.policyApplied, OnError::Unsafe);
    r = run(OnError::Safe);
    EXPECT_EQ(r.verdict, Verdict::Safe);
    EXPECT_EQ(r.policyApplied, OnError::Safe);
    EXPECT_TRUE(r.failed()) << "the failure stays visible";

    truth("e", true); // r3 violated: the policy has nothing to replace
    r = run(OnError::Safe);
    EXPECT_EQ(r.verdict, Verdict::Unsafe);
    EXPECT_FALSE(r.policyApplied);
}

TEST_F(ImageJudgmentTest, NegationAndConstants) {
    test::PlanBuilder b;
    const uint32_t x = b.pred("x", {}, 0.3);
    const uint32_t y = b.pred("y", {}, 0.3);
    b.rule("unless", b.all({x, b.negate(y)}));
    b.rule("always", b.constant(true));
    b.rule("never", b.all({b.predNode(1), b.constant(false)}));
    b.calibratedWith(kModel);
    b_ = b;
    truth("x", true);
    truth("y", true);
    ImageResult r = run();
    EXPECT_EQ(r.rules, (std::vector{RuleState::Clear, RuleState::Violated, RuleState::Clear}));
    EXPECT_EQ(r.verdict, Verdict::Unsafe);
}

TEST_F(ImageJudgmentTest, APlanWithNothingToAskCompletesAtOnce) {
    test::PlanBuilder b;
    b.pred("unused", {}, 0.3);
    b.rule("never", b.constant(false));
    b_ = b;
    ImageResult r = run();
    EXPECT_EQ(r.rounds, 0);
    EXPECT_TRUE(r.predicates.empty());
    EXPECT_EQ(r.verdict, Verdict::Safe);
}

TEST(ImageResultTest, VerdictFromRuleStates) {
    using S = RuleState;
    EXPECT_EQ(verdictOf({}), Verdict::Safe);
    EXPECT_EQ(verdictOf({S::Clear, S::Clear}), Verdict::Safe);
    EXPECT_EQ(verdictOf({S::Clear, S::Error}), Verdict::Error);
    EXPECT_EQ(verdictOf({S::Error, S::Violated}), Verdict::Unsafe);
    EXPECT_EQ(parseOnError("unsafe"), OnError::Unsafe);
    EXPECT_EQ(parseOnError("ignore"), std::nullopt);
    ImageResult unreadable = unreadableImage({ImageErrorKind::Empty, "e.png", "e.png: empty"});
    EXPECT_EQ(unreadable.verdict, Verdict::Error);
    EXPECT_TRUE(unreadable.failed());
}

} // namespace
} // namespace clue::runtime
