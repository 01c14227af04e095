// The score per image: above 0.5 exactly when the verdict is unsafe, whatever the evidence (a
// property checked on random judgments), and each predicate's degree ordered by how it was
// decided, then by its debiased evidence.
#include "eval/metrics/image_score.h"
#include "plan/plan_evaluator.h"
#include "tests/judge/plan_builder.h"

#include <gtest/gtest.h>

#include <random>

namespace clue::eval {
namespace {

using runtime::DecisionPath;
using runtime::PredicateEvidence;

PredicateEvidence evidence(DecisionPath path, double image, double prior) {
    PredicateEvidence e;
    e.path = path;
    e.value = runtime::valueOf(path);
    e.scores.image = image;
    e.scores.prior = prior;
    return e;
}

double degree(DecisionPath path, double image, double prior) {
    return *predicateDegree(evidence(path, image, prior), plan::Thresholds{});
}

TEST(PredicateDegree, TiersThenEvidence) {
    const double p = 0.3;
    const double strongTrue = degree(DecisionPath::DebiasedTrue, 0.99, p);
    const double weakTrue = degree(DecisionPath::DebiasedTrue, 0.9, p);
    const double yes = degree(DecisionPath::ReasoningYes, 0.5, p);
    const double no = degree(DecisionPath::ReasoningNo, 0.5, p);
    const double weakFalse = degree(DecisionPath::DebiasedFalse, 0.2, p);
    const double strongFalse = degree(DecisionPath::DebiasedFalse, 0.01, p);
    EXPECT_GT(strongTrue, weakTrue);
    EXPECT_GT(weakTrue, 0.75);
    EXPECT_GT(0.75, yes);
    EXPECT_GT(yes, 0.5);
    EXPECT_GT(0.5, no);
    EXPECT_GT(no, 0.25);
    EXPECT_GT(0.25, weakFalse);
    EXPECT_GT(weakFalse, strongFalse);
    EXPECT_GT(degree(DecisionPath::ReasoningYes, 0.6, p),
              degree(DecisionPath::ReasoningYes, 0.4, p))
        << "within the band, by the debiased evidence";
    EXPECT_DOUBLE_EQ(degree(DecisionPath::PlainTrue, 0.8, p), 0.8) << "no debiasing: P(Yes)";
    EXPECT_LT(degree(DecisionPath::PlainFalse, 0.5, p), 0.5) << "0.5 itself reads false";
    EXPECT_GT(degree(DecisionPath::UndecidedTrue, 0.31, p), 0.5);
    PredicateEvidence failed;
    EXPECT_FALSE(predicateDegree(failed, plan::Thresholds{}));
}

class ImageScoreProperty : public ::testing::Test {
protected:
    // r1 = a and (b or not c); r2 = d; r3 = not e and a; r4 = (b and d) or e.
    void SetUp() override {
        test::PlanBuilder b;
        const uint32_t a = b.pred("a"), bn = b.pred("b"), c = b.pred("c"), d = b.pred("d"),
                       e = b.pred("e");
        b.rule("r1", b.all({a, b.any({bn, b.negate(c)})}));
        b.rule("r2", d);
        b.rule("r3", b.all({b.negate(e), b.predNode(0)}));
        b.rule("r4", b.any({b.all({b.predNode(1), b.predNode(3)}), b.predNode(4)}));
        plan_ = b.build();
    }
    plan::Plan plan_;
};

TEST_F(ImageScoreProperty, AboveHalfExactlyWhenUnsafe) {
    const std::vector<DecisionPath> paths = {
        DecisionPath::DebiasedFalse, DecisionPath::DebiasedTrue,  DecisionPath::RegionTrue,
        DecisionPath::CropFalse,     DecisionPath::CropTrue,      DecisionPath::ReasoningYes,
        DecisionPath::ReasoningNo,   DecisionPath::UndecidedTrue, DecisionPath::UndecidedFalse,
        DecisionPath::PlainTrue,     DecisionPath::PlainFalse};
    std::mt19937_64 rng(5);
    std::uniform_real_distribution<double> unit(0.0, 1.0);
    int unsafe = 0, safe = 0, error = 0;
    for (int trial = 0; trial < 4000; ++trial) {
        runtime::ImageResult result;
        std::vector<plan::Truth> truth(plan_.predicates.size(), plan::Truth::Unknown);
        for (uint32_t p = 0; p < plan_.predicates.size(); ++p) {
            const double roll = unit(rng);
            if (roll < 0.2) {
                continue; // not asked
            }
            PredicateEvidence e =
                evidence(paths[rng() % paths.size()], unit(rng), 0.02 + 0.96 * unit(rng));
            e.predicate = p;
            if (roll < 0.3) {
                e.value.reset();
                e.path.reset(); // failed
            } else {
                truth[p] = *e.value ? plan::Truth::True : plan::Truth::False;
            }
            result.predicates.push_back(e);
        }
        const auto nodes = plan::evaluateNodes(plan_, truth);
        for (const plan::Rule& rule : plan_.rules) {
            const plan::Truth t = nodes[rule.root];
            result.rules.push_back(t == plan::Truth::True    ? runtime::RuleState::Violated
                                   : t == plan::Truth::False ? runtime::RuleState::Clear
                                                             : runtime::RuleState::Error);
        }
        const runtime::Verdict verdict = runtime::verdictOf(result.rules);
        const std::optional<double> score = imageScore(result, plan_);
        if (verdict == runtime::Verdict::Error) {
            EXPECT_FALSE(score);
            ++error;
            continue;
        }
        ASSERT_TRUE(score);
        EXPECT_GE(*score, 0.0);
        EXPECT_LE(*score, 1.0);
        EXPECT_EQ(*score > 0.5, verdict == runtime::Verdict::Unsafe) << "trial " << trial;
        EXPECT_NE(*score, 0.5);
        ++(verdict == runtime::Verdict::Unsafe ? unsafe : safe);
    }
    EXPECT_GT(unsafe, 500);
    EXPECT_GT(safe, 100);
    EXPECT_GT(error, 100);
}

TEST_F(ImageScoreProperty, AnUnreadableImageHasNoScore) {
    runtime::ImageResult unreadable;
    EXPECT_FALSE(imageScore(unreadable, plan_));
}

} // namespace
} // namespace clue::eval
