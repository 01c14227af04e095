// One predicate's judgment: which questions it asks, in which order, and the path it takes, for
// every branch of the decision (debiased, region, crop, reasoning, the ablations, failures).
#include "runtime/judge/predicate_judge.h"
#include "tests/judge/fake_answer_source.h"
#include "tests/judge/fake_region.h"
#include "tests/judge/plan_builder.h"

#include <gtest/gtest.h>

namespace clue::runtime {
namespace {

using test::FakeAnswerSource;

const std::string kStatement = "a person is visible";
const std::string kModel = "model-a";
const std::string kSha = std::string(64, 'a');

class PredicateJudgeTest : public ::testing::Test {
protected:
    void SetUp() override { usePlan(std::nullopt, std::nullopt); }

    // One predicate "a person is visible" with central object "person"; calibrated for kModel
    // with `mNone` when given.
    void usePlan(std::optional<double> mNone, std::optional<std::string> calibratedFor,
                 std::optional<std::string> object = "person") {
        test::PlanBuilder b;
        b.rule("r", b.pred(kStatement, object, mNone));
        if (calibratedFor) {
            b.calibratedWith(*calibratedFor);
        }
        plan_ = b.build();
    }

    PredicateEvidence judgeOnce(JudgeSettings settings = {}) {
        PriorTable priors(plan_, kModel, source_);
        PredicateJudge judge(plan_, source_, priors, settings);
        std::optional<PredicateEvidence> out;
        judge.judge(image(), 0, [&](PredicateEvidence e) { out = std::move(e); });
        EXPECT_TRUE(out.has_value()) << "a synchronous source must complete at once";
        return out.value_or(PredicateEvidence{});
    }

    static ImageRef image() {
        return {kSha, std::make_shared<const std::string>("data:image/png;base64,AAAA"), nullptr};
    }

    JudgeSettings withRegion() {
        JudgeSettings s;
        s.region = {&detector_, &editor_};
        return s;
    }

    plan::Plan plan_;
    FakeAnswerSource source_;
    test::FakeDetector detector_;
    test::FakeRegionEditor editor_;
};

TEST_F(PredicateJudgeTest, CalibratedPriorFromThePlanCostsNoQuestion) {
    usePlan(0.3, kModel);
    source_.setScore(QueryVariant::Image, kStatement, 0.95);
    PredicateEvidence e = judgeOnce();
    EXPECT_EQ(e.value, true);
    EXPECT_EQ(e.path, DecisionPath::DebiasedTrue);
    EXPECT_EQ(e.scores.prior, 0.3);
    EXPECT_EQ(e.scores.priorOrigin, PriorOrigin::Plan);
    EXPECT_EQ(e.scores.image, 0.95);
    EXPECT_EQ(source_.askedCount(QueryVariant::NoImage, kStatement), 0);
    EXPECT_EQ(e.cost.calls, 1);
    EXPECT_FALSE(e.failure);
}

TEST_F(PredicateJudgeTest, PriorOfAnotherModelIsMeasured) {
    usePlan(0.3, "another-model");
    source_.setScore(QueryVariant::NoImage, kStatement, 0.9);
    source_.setScore(QueryVariant::Image, kStatement, 0.95);
    PredicateEvidence e = judgeOnce();
    // With the measured prior 0.9, 0.95 is undecided (true needs > 0.98): no reasoning scripted,
    // so it must not be decided true from the plan's stale 0.3.
    EXPECT_EQ(e.scores.prior, 0.9);
    EXPECT_EQ(e.scores.priorOrigin, PriorOrigin::Asked);
    EXPECT_EQ(source_.askedCount(QueryVariant::NoImage, kStatement), 1);
    ASSERT_TRUE(e.failure);
    EXPECT_EQ(e.failure->stage, JudgmentStage::Reasoning);
}

TEST_F(PredicateJudgeTest, DebiasedFalseOnAStrongPrior) {
    source_.setScore(QueryVariant::NoImage, kStatement, 0.9);
    source_.setScore(QueryVariant::Image, kStatement, 0.55);
    PredicateEvidence e = judgeOnce();
    EXPECT_EQ(e.path, DecisionPath::DebiasedFalse);
    EXPECT_EQ(e.value, false);
    EXPECT_EQ(e.cost.calls, 2);
    EXPECT_EQ(source_.askedCount(QueryVariant::Reasoning, kStatement), 0);
}

TEST_F(PredicateJudgeTest, UndecidedEscalatesToReasoning) {
    source_.setScore(QueryVariant::NoImage, kStatement, 0.3);
    source_.setScore(QueryVariant::Image, kStatement, 0.5);
    source_.setRating(kStatement, true, "a person stands on the left");
    PredicateEvidence e = judgeOnce();
    EXPECT_EQ(e.path, DecisionPath::ReasoningYes);
    EXPECT_EQ(e.value, true);
    EXPECT_EQ(e.rationale, "a person stands on the left");
    EXPECT_EQ(e.cost.calls, 4); // prior, image, reasoning and summary
    EXPECT_EQ(e.cost.tokens.prompt, 120);

    source_.setRating(kStatement, false, "nobody");
    EXPECT_EQ(judgeOnce().path, DecisionPath::ReasoningNo);
}

TEST_F(PredicateJudgeTest, NoEscalationDecidesByTheDebiasedSign) {
    source_.setScore(QueryVariant::NoImage, kStatement, 0.3);
    source_.setScore(QueryVariant::Image, kStatement, 0.5);
    JudgeSettings settings;
    settings.escalate = false;
    EXPECT_EQ(judgeOnce(settings).path, DecisionPath::UndecidedTrue);
    source_.setScore(QueryVariant::Image, kStatement, 0.25);
    EXPECT_EQ(judgeOnce(settings).path, DecisionPath::UndecidedFalse);
    EXPECT_EQ(source_.askedCount(QueryVariant::Reasoning, kStatement), 0);

    // The plan's own switch has the same effect.
    plan_.thresholds.escalate = false;
    EXPECT_EQ(judgeOnce().path, DecisionPath::UndecidedFalse);
}

TEST_F(PredicateJudgeTest, WithoutDebiasingOnlyTheImageScoreIsRead) {
    source_.setScore(QueryVariant::Image, kStatement, 0.8);
    JudgeSettings settings;
    settings.debias = false;
    settings.region = {&detector_, &editor_};
    PredicateEvidence e = judgeOnce(settings);
    EXPECT_EQ(e.path, DecisionPath::PlainTrue);
    EXPECT_FALSE(e.scores.prior);
    EXPECT_EQ(e.cost.calls, 1);
    source_.setScore(QueryVariant::Image, kStatement, 0.5);
    EXPECT_EQ(judgeOnce(settings).path, DecisionPath::PlainFalse);
    EXPECT_EQ(source_.asked().size(), 2u);
    EXPECT_EQ(detector_.calls, 0);
}

TEST_F(PredicateJudgeTest, FailuresAreRecordedWithTheirStage) {
    source_.setScore(QueryVariant::NoImage, kStatement, 0.3);
    source_.setFailure(QueryVariant::Image, kStatement, BackendErrorKind::NoLogprobs);
    PredicateEvidence e = judgeOnce();
    EXPECT_FALSE(e.value);
    EXPECT_FALSE(e.path);
    ASSERT_TRUE(e.failure);
    EXPECT_EQ(e.failure->stage, JudgmentStage::Image);
    EXPECT_EQ(e.failure->error.kind, BackendErrorKind::NoLogprobs);
    EXPECT_EQ(e.cost.calls, 2); // the prior and the failed question

    source_.setScore(QueryVariant::Image, kStatement, 0.99);
    source_.setFailure(QueryVariant::NoImage, kStatement, BackendErrorKind::Transport);
    e = judgeOnce();
    EXPECT_FALSE(e.value) << "an image score alone decides nothing";
    ASSERT_TRUE(e.failure);
    EXPECT_EQ(e.failure->stage, JudgmentStage::Prior);
}

TEST_F(PredicateJudgeTest, ApproximateScoresAreFlagged) {
    source_.setScore(QueryVariant::NoImage, kStatement, 0.3);
    source_.setScore(QueryVariant::Image, kStatement, 0.99, true);
    EXPECT_TRUE(judgeOnce().scores.approximate);
    source_.setScore(QueryVariant::Image, kStatement, 0.99, false);
    EXPECT_FALSE(judgeOnce().scores.approximate);
}

// Region debiasing (CLUE's third rule), with a scripted detector and masked scores.

TEST_F(PredicateJudgeTest, MaskingTheObjectProvesIt) {
    source_.setScore(QueryVariant::NoImage, kStatement, 0.3);
    source_.setScore(QueryVariant::Image, kStatement, 0.8); // undecided: true needs > 0.86
    source_.setScore(QueryVariant::Masked, kStatement, 0.1);
    detector_.boxes["person"] = {{{0.1, 0.1, 0.5, 0.5}, 0.9}, {{0.6, 0.6, 0.2, 0.2}, 0.5}};
    PredicateEvidence e = judgeOnce(withRegion());
    EXPECT_EQ(e.path, DecisionPath::RegionTrue);
    EXPECT_EQ(e.scores.masked, 0.1);
    ASSERT_TRUE(e.region);
    EXPECT_EQ(e.region->edit, RegionEdit::Mask);
    EXPECT_EQ(e.region->detection.confidence, 0.9);
    EXPECT_EQ(e.region->detection.box.x, 0.1);
    EXPECT_EQ(detector_.objects, std::vector<std::string>{"person"});
    const auto asked = source_.asked();
    ASSERT_EQ(asked.back().variant, QueryVariant::Masked);
    EXPECT_EQ(asked.back().editedDataUrl, "edited:mask:0.100000");
    EXPECT_EQ(asked.back().imageSha256, kSha) << "the original image keys the cache";
    EXPECT_EQ(e.cost.calls, 3);
}

TEST_F(PredicateJudgeTest, ASmallDropInTheMaskedScoreEscalates) {
    source_.setScore(QueryVariant::NoImage, kStatement, 0.3);
    source_.setScore(QueryVariant::Image, kStatement, 0.8);
    source_.setScore(QueryVariant::Masked, kStatement, 0.5); // drop 0.3 < 0.6
    source_.setRating(kStatement, false, "a mannequin");
    detector_.boxes["person"] = {{{0.1, 0.1, 0.5, 0.5}, 0.9}};
    PredicateEvidence e = judgeOnce(withRegion());
    EXPECT_EQ(e.path, DecisionPath::ReasoningNo);
    EXPECT_EQ(e.scores.masked, 0.5);
}

TEST_F(PredicateJudgeTest, SmallBoxesAreCroppedAndJudgedOnTheCrop) {
    source_.setScore(QueryVariant::NoImage, kStatement, 0.3);
    source_.setScore(QueryVariant::Image, kStatement, 0.5);
    source_.setScore(QueryVariant::Masked, kStatement, 0.95);
    detector_.boxes["person"] = {{{0.4, 0.4, 0.05, 0.1}, 0.3}}; // 0.5% of the image
    PredicateEvidence e = judgeOnce(withRegion());
    EXPECT_EQ(e.path, DecisionPath::CropTrue);
    EXPECT_EQ(e.scores.crop, 0.95);
    EXPECT_FALSE(e.scores.masked);
    EXPECT_EQ(source_.asked().back().editedDataUrl, "edited:crop:0.400000");

    source_.setScore(QueryVariant::Masked, kStatement, 0.1);
    EXPECT_EQ(judgeOnce(withRegion()).path, DecisionPath::CropFalse);
}

TEST_F(PredicateJudgeTest, WeakBoxesAndObjectlessPredicatesSkipTheRegionStep) {
    source_.setScore(QueryVariant::NoImage, kStatement, 0.3);
    source_.setScore(QueryVariant::Image, kStatement, 0.5);
    source_.setRating(kStatement, true);
    detector_.boxes["person"] = {{{0.1, 0.1, 0.5, 0.5}, 0.05}}; // not above box_confidence
    EXPECT_EQ(judgeOnce(withRegion()).path, DecisionPath::ReasoningYes);
    EXPECT_EQ(detector_.calls, 1);
    EXPECT_EQ(editor_.calls, 0);
    EXPECT_EQ(source_.askedCount(QueryVariant::Masked, kStatement), 0);

    usePlan(std::nullopt, std::nullopt, std::nullopt); // no central object
    EXPECT_EQ(judgeOnce(withRegion()).path, DecisionPath::ReasoningYes);
    EXPECT_EQ(detector_.calls, 1);
}

TEST_F(PredicateJudgeTest, RegionStepRunsOnlyForUndecidedAndOnlyWithADetector) {
    source_.setScore(QueryVariant::NoImage, kStatement, 0.3);
    source_.setScore(QueryVariant::Image, kStatement, 0.95);
    detector_.boxes["person"] = {{{0.1, 0.1, 0.5, 0.5}, 0.9}};
    EXPECT_EQ(judgeOnce(withRegion()).path, DecisionPath::DebiasedTrue);
    EXPECT_EQ(detector_.calls, 0);

    source_.setScore(QueryVariant::Image, kStatement, 0.5);
    source_.setRating(kStatement, true);
    JudgeSettings detectorOnly;
    detectorOnly.region.detector = &detector_; // no editor: region debiasing is off
    EXPECT_EQ(judgeOnce(detectorOnly).path, DecisionPath::ReasoningYes);
    EXPECT_EQ(detector_.calls, 0);
}

TEST_F(PredicateJudgeTest, DetectorFailureFailsThePredicate) {
    source_.setScore(QueryVariant::NoImage, kStatement, 0.3);
    source_.setScore(QueryVariant::Image, kStatement, 0.5);
    source_.setRating(kStatement, true);
    detector_.fail = true;
    PredicateEvidence e = judgeOnce(withRegion());
    EXPECT_FALSE(e.value);
    ASSERT_TRUE(e.failure);
    EXPECT_EQ(e.failure->stage, JudgmentStage::Detector);
    EXPECT_EQ(e.failure->error.kind, BackendErrorKind::DetectorFailed);

    detector_.fail = false;
    detector_.boxes["person"] = {{{0.1, 0.1, 0.5, 0.5}, 0.9}};
    source_.setFailure(QueryVariant::Masked, kStatement);
    e = judgeOnce(withRegion());
    ASSERT_TRUE(e.failure);
    EXPECT_EQ(e.failure->stage, JudgmentStage::Region);
}

// The ablation without calibration asks M(None, c) with every image, even when the plan holds a
// calibrated prior or the table has measured it already; the decision is the same.
TEST_F(PredicateJudgeTest, PriorPerImageIsAskedForEveryImage) {
    usePlan(0.3, kModel);
    source_.setScore(QueryVariant::NoImage, kStatement, 0.3);
    source_.setScore(QueryVariant::Image, kStatement, 0.95);
    JudgeSettings settings;
    settings.priorPerImage = true;
    PriorTable priors(plan_, kModel, source_);
    PredicateJudge judge(plan_, source_, priors, settings);
    for (int i = 0; i < 3; ++i) {
        std::optional<PredicateEvidence> out;
        judge.judge(image(), 0, [&](PredicateEvidence e) { out = std::move(e); });
        ASSERT_TRUE(out);
        EXPECT_EQ(out->path, DecisionPath::DebiasedTrue);
        EXPECT_EQ(out->scores.prior, 0.3);
        EXPECT_EQ(out->scores.priorOrigin, PriorOrigin::Asked);
        EXPECT_EQ(out->cost.calls, 2);
    }
    EXPECT_EQ(source_.askedCount(QueryVariant::NoImage, kStatement), 3);

    source_.setFailure(QueryVariant::NoImage, kStatement);
    PredicateEvidence failed = judgeOnce(settings);
    ASSERT_TRUE(failed.failure);
    EXPECT_EQ(failed.failure->stage, JudgmentStage::Prior);
    EXPECT_FALSE(failed.value);
}

TEST_F(PredicateJudgeTest, HeldAnswersCompleteLater) {
    source_.setScore(QueryVariant::NoImage, kStatement, 0.3);
    source_.setScore(QueryVariant::Image, kStatement, 0.95);
    source_.hold(true);
    PriorTable priors(plan_, kModel, source_);
    PredicateJudge judge(plan_, source_, priors, {});
    std::optional<PredicateEvidence> out;
    judge.judge(image(), 0, [&](PredicateEvidence e) { out = std::move(e); });
    EXPECT_FALSE(out);
    EXPECT_EQ(source_.heldCount(), 2u) << "prior and image score are asked together";
    source_.release();
    ASSERT_TRUE(out);
    EXPECT_EQ(out->path, DecisionPath::DebiasedTrue);
}

} // namespace
} // namespace clue::runtime
