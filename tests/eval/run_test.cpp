// The pieces of an evaluation's runs: perturbations (parsed, deterministic, bounded to one image
// at a time), the variants' settings, the direct baseline's plan, and the runner end to end over
// scripted answers.
#include "common/sha256.h"
#include "eval/perturb/perturbation.h"
#include "eval/run/direct_plan.h"
#include "eval/run/eval_runner.h"
#include "eval/run/variant.h"
#include "tests/judge/fake_answer_source.h"
#include "tests/judge/plan_builder.h"
#include "tests/runtime/temp_dir.h"

#include <gtest/gtest.h>

#include <cmath>

namespace clue::eval {
namespace {

runtime::PixelImage pattern(int side) {
    runtime::PixelImage image;
    image.width = image.height = side;
    for (int i = 0; i < side * side * 3; ++i) {
        image.rgb.push_back(static_cast<std::uint8_t>((i * 37) % 251));
    }
    return image;
}

TEST(Perturbations, ParseTheCommandLineList) {
    auto list = parsePerturbations("gaussian:0.01,jpeg:75, resize:0.5");
    ASSERT_TRUE(list) << list.error();
    ASSERT_EQ(list->size(), 3u);
    EXPECT_EQ(list.value()[0].spec(), "gaussian:0.01");
    EXPECT_EQ(list.value()[1].spec(), "jpeg:75");
    EXPECT_EQ(list.value()[1].extension(), ".jpg");
    EXPECT_EQ(list.value()[2].spec(), "resize:0.5");
    for (const char* bad : {"blur:2", "jpeg:0", "jpeg:101", "jpeg:7.5", "gaussian:0", "gaussian:2",
                            "resize:1.5", "resize:", "jpeg", "gaussian:0.1x"}) {
        EXPECT_FALSE(parsePerturbations(bad)) << bad;
    }
    EXPECT_EQ(parsePerturbations("jpeg:101").error(), "'jpeg:101': jpeg takes a quality from 1 "
                                                      "to 100");
    EXPECT_FALSE(parsePerturbations(""));
}

TEST(Perturbations, NoiseIsDeterministicPerSeedAndImage) {
    const runtime::PixelImage image = pattern(16);
    const Perturbation noise{PerturbationKind::Gaussian, 0.05};
    const std::string a = perturbImage(image, noise, 1, "sha-a");
    EXPECT_EQ(a, perturbImage(image, noise, 1, "sha-a"));
    EXPECT_NE(a, perturbImage(image, noise, 2, "sha-a"));
    EXPECT_NE(a, perturbImage(image, noise, 1, "sha-b"));
    auto decoded = runtime::decodePixels(a, 1000);
    ASSERT_TRUE(decoded);
    double sum = 0;
    for (std::size_t i = 0; i < image.rgb.size(); ++i) {
        const double d = double(decoded->rgb[i]) - double(image.rgb[i]);
        sum += d * d;
    }
    const double sigma = std::sqrt(sum / double(image.rgb.size())) / 255.0;
    EXPECT_NEAR(sigma, 0.05, 0.01) << "the standard deviation is a share of the pixel range";
}

TEST(Perturbations, JpegAndResize) {
    const runtime::PixelImage image = pattern(20);
    const std::string jpeg = perturbImage(image, {PerturbationKind::Jpeg, 50}, 1, "k");
    EXPECT_EQ(jpeg.substr(0, 3), "\xff\xd8\xff");
    auto small =
        runtime::decodePixels(perturbImage(image, {PerturbationKind::Resize, 0.5}, 1, "k"), 1000);
    ASSERT_TRUE(small);
    EXPECT_EQ(small->width, 10);
    EXPECT_EQ(small->height, 10);
}

TEST(Variants, EachAblationSwitchesOnePart) {
    runtime::JudgeSettings base;
    base.escalate = false; // the user's own switch stays in every variant
    auto ablations = parseAblations("lazy,debias,cascade,calibration");
    ASSERT_TRUE(ablations);
    const auto variants = variantsFor(base, ablations.value(), true);
    ASSERT_EQ(variants.size(), 6u);
    EXPECT_EQ(variants[0].id, "clue");
    EXPECT_TRUE(variants[0].settings.lazy && variants[0].settings.debias);
    EXPECT_EQ(variants[1].id, "eager");
    EXPECT_FALSE(variants[1].settings.lazy);
    EXPECT_EQ(variants[2].id, "no-debias");
    EXPECT_FALSE(variants[2].settings.debias);
    EXPECT_EQ(variants[3].id, "no-cascade");
    EXPECT_EQ(variants[4].id, "prior-per-image");
    EXPECT_TRUE(variants[4].settings.priorPerImage);
    EXPECT_EQ(variants[5].id, "direct");
    EXPECT_TRUE(variants[5].direct);
    EXPECT_FALSE(variants[5].settings.debias);
    for (const VariantSpec& v : variants) {
        EXPECT_FALSE(v.settings.escalate) << v.id;
    }
    EXPECT_EQ(parseAblations("debias,lazy,debias").error(), "'debias' is given twice");
    EXPECT_FALSE(parseAblations("region"));
}

TEST(DirectPlan, EachRuleIsItsOwnTextAskedOnce) {
    test::PlanBuilder b;
    b.rule("r1", b.all({b.pred("a"), b.pred("b")}));
    b.rule("r2", b.pred("c"));
    plan::Plan plan = b.build();
    plan.rules[1].text = plan.rules[0].text; // two rules, one text: one question
    plan.rules[0].category = "cat";
    const plan::Plan direct = directPlan(plan);
    ASSERT_EQ(direct.predicates.size(), 1u);
    EXPECT_EQ(direct.predicates[0].statement, plan.rules[0].text);
    EXPECT_EQ(direct.predicates[0].key, statementHash(plan.rules[0].text));
    ASSERT_EQ(direct.rules.size(), 2u);
    EXPECT_EQ(direct.rules[0].root, direct.rules[1].root);
    EXPECT_EQ(direct.rules[0].category, "cat");
    EXPECT_EQ(direct.schedule, (std::vector<std::vector<uint32_t>>{{0}}));
    EXPECT_EQ(direct.prompts.version, plan.prompts.version) << "the same questions, same cache";
}

class RunnerTest : public ::testing::Test {
protected:
    void SetUp() override {
        test::PlanBuilder b;
        b.rule("r", b.pred("blood is visible", {}, 0.3));
        b.calibratedWith("m");
        plan_ = b.build();
        for (int i = 0; i < 3; ++i) {
            const std::string png = runtime::encodePng(pattern(8 + i));
            const auto path = dir_.write("img" + std::to_string(i) + ".png", png);
            labels_.images.push_back({std::size_t(i + 1), path.filename().string(), path, i == 0,
                                      std::nullopt, std::nullopt});
        }
        labels_.images.push_back({4, "missing.png", dir_ / "missing.png", false, {}, {}});
        source_.setScore(runtime::QueryVariant::Image, "blood is visible", 0.05);
        source_.setImageScore(sha256Hex(runtime::encodePng(pattern(8))), "blood is visible", 0.95);
    }

    test::TempDir dir_;
    plan::Plan plan_;
    LabelSet labels_;
    test::FakeAnswerSource source_;
};

TEST_F(RunnerTest, VariantsAndPerturbationsGoThroughTheBatchJudge) {
    RunnerOptions options;
    options.model = "m";
    options.workDir = dir_.path();
    EvalRunner runner(source_, options);
    const auto variants = variantsFor({}, {Ablation::Calibration}, true);
    const VariantRun main = runner.run(plan_, variants[0], labels_);
    ASSERT_EQ(main.outcomes.size(), 4u);
    EXPECT_EQ(main.outcomes[0].verdict, runtime::Verdict::Unsafe);
    EXPECT_EQ(main.outcomes[1].verdict, runtime::Verdict::Safe);
    EXPECT_TRUE(main.outcomes[3].error);
    EXPECT_EQ(main.outcomes[3].errorKind, "not-found");
    EXPECT_EQ(main.outcomes[0].questions, 1) << "the prior is the plan's";

    source_.setScore(runtime::QueryVariant::NoImage, "blood is visible", 0.3);
    const VariantRun perImage = runner.run(plan_, variants[1], labels_);
    EXPECT_EQ(perImage.outcomes[0].questions, 2) << "the prior asked with the image";

    const std::string ruleText = plan_.rules[0].text;
    source_.setScore(runtime::QueryVariant::Image, ruleText, 0.7);
    const VariantRun direct = runner.run(plan_, variants[2], labels_);
    EXPECT_EQ(direct.outcomes[1].verdict, runtime::Verdict::Unsafe) << "P(Yes) 0.7 > 0.5";
    EXPECT_EQ(source_.askedCount(runtime::QueryVariant::Image, ruleText), 3);

    // Perturbed copies have other hashes: the scripted answers by statement make every copy
    // safe, so the unsafe image flips and the safe ones do not.
    const PerturbationRun run =
        runner.perturb(plan_, variants[0], labels_, main, {PerturbationKind::Gaussian, 0.01});
    ASSERT_EQ(run.images.size(), 3u) << "the three judged right; the missing one is not";
    EXPECT_EQ(run.images[0].original, runtime::Verdict::Unsafe);
    ASSERT_TRUE(run.images[0].outcome);
    EXPECT_EQ(run.images[0].outcome->verdict, runtime::Verdict::Safe);
    EXPECT_EQ(run.images[1].outcome->verdict, runtime::Verdict::Safe);
    std::size_t left = 0;
    for (const auto& entry : std::filesystem::directory_iterator(dir_.path())) {
        left += entry.path().filename().string().rfind("clue-eval-", 0) == 0 ? 1 : 0;
    }
    EXPECT_EQ(left, 0u) << "the scratch folder is removed";
}

} // namespace
} // namespace clue::eval
