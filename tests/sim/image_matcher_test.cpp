// Perturbed copies of known images: recognised by the nearest fingerprint within the world's
// max_distance, answered from the known image's facts with evidence weakened by the distance;
// anything farther stays unknown.
#include "common/sha256.h"
#include "runtime/image/pixel_image.h"
#include "tests/sim/image_matcher.h"
#include "tests/sim/png_writer.h"
#include "tests/sim/reasoning_writer.h"
#include "tests/sim/score_model.h"
#include "tests/sim/testing/temp_dir.h"

#include <gtest/gtest.h>

#include <cmath>

using namespace clue::sim;
using clue::sha256Hex;
using clue::sim::testing::TempDir;

namespace {

constexpr int kImages = 5;
const std::string kStatement = "a person is visible via this image";

class ImageMatcherTest : public ::testing::Test {
protected:
    void SetUp() override {
        world_.seed = 3;
        world_.directory = dir_.path();
        StatementBehaviour b;
        b.statement = kStatement;
        b.prior = 0.3;
        b.noise = 0; // the score is then exactly sigmoid(logit 0.3 + weighted evidence)
        world_.statements[kStatement] = b;
        for (int i = 1; i <= kImages; ++i) {
            pngs_.push_back(syntheticPng(1, i, 32));
            ImageFacts facts;
            facts.sha256 = sha256Hex(pngs_.back());
            facts.file = "image" + std::to_string(i) + ".png";
            if (i == 1) {
                facts.trueStatements.insert(kStatement);
            }
            dir_.write(facts.file, pngs_.back());
            world_.images[facts.sha256] = facts;
        }
    }

    // Image `i` (from 1) with every channel moved by +-`step`.
    std::string noisy(int i, int step) const {
        auto pixels = clue::runtime::decodePixels(pngs_[i - 1], 10000);
        EXPECT_TRUE(pixels);
        for (std::size_t k = 0; k < pixels->rgb.size(); ++k) {
            const int v = pixels->rgb[k] + (k % 2 == 0 ? step : -step);
            pixels->rgb[k] = static_cast<std::uint8_t>(std::clamp(v, 0, 255));
        }
        return clue::runtime::encodePng(pixels.value());
    }

    SeenImage see(const ImageMatcher& matcher, const std::string& bytes) const {
        return matcher.see(sha256Hex(bytes), bytes);
    }

    TempDir dir_;
    World world_;
    std::vector<std::string> pngs_;
};

TEST_F(ImageMatcherTest, KnownImagesAreFoundByHashAtDistanceZero) {
    const ImageMatcher matcher(world_);
    const SeenImage seen = see(matcher, pngs_[2]);
    ASSERT_NE(seen.facts, nullptr);
    EXPECT_EQ(seen.facts->sha256, sha256Hex(pngs_[2]));
    EXPECT_EQ(seen.distance, 0);
    EXPECT_FALSE(seen.perturbed());
    EXPECT_EQ(see(matcher, "").facts, nullptr);
}

TEST_F(ImageMatcherTest, PerturbedCopiesAreFoundByTheirPixels) {
    const ImageMatcher matcher(world_);
    for (int i = 1; i <= kImages; ++i) {
        const SeenImage seen = see(matcher, noisy(i, 6));
        ASSERT_NE(seen.facts, nullptr) << i;
        EXPECT_EQ(seen.facts->sha256, sha256Hex(pngs_[i - 1]));
        EXPECT_TRUE(seen.perturbed());
        EXPECT_GT(seen.distance, 0);
        EXPECT_LT(seen.distance, 0.05);
        EXPECT_EQ(seen.identity(), sha256Hex(pngs_[i - 1]));
    }
    auto pixels = clue::runtime::decodePixels(pngs_[0], 10000);
    const SeenImage jpeg = see(matcher, clue::runtime::encodeJpeg(pixels.value(), 75));
    ASSERT_NE(jpeg.facts, nullptr);
    EXPECT_EQ(jpeg.facts->sha256, sha256Hex(pngs_[0]));
    const SeenImage small =
        see(matcher, clue::runtime::encodePng(clue::runtime::resizePixels(pixels.value(), 16, 16)));
    ASSERT_NE(small.facts, nullptr);
    EXPECT_EQ(small.facts->sha256, sha256Hex(pngs_[0]));
}

TEST_F(ImageMatcherTest, FarImagesStayUnknown) {
    const ImageMatcher matcher(world_);
    clue::runtime::PixelImage grey;
    grey.width = grey.height = 32;
    grey.rgb.assign(32 * 32 * 3, 128);
    const SeenImage seen = see(matcher, clue::runtime::encodePng(grey));
    EXPECT_EQ(seen.facts, nullptr) << "nearest at " << seen.distance;
    EXPECT_EQ(see(matcher, "not an image").facts, nullptr);

    world_.perturbation.maxDistance = 0.001;
    const ImageMatcher strict(world_);
    EXPECT_EQ(see(strict, noisy(1, 6)).facts, nullptr);
}

// Without images files (a world read from text), only hashes match.
TEST_F(ImageMatcherTest, WithoutFilesOnlyHashesMatch) {
    world_.directory.clear();
    for (auto& [sha, facts] : world_.images) {
        facts.file.clear();
    }
    const ImageMatcher matcher(world_);
    EXPECT_EQ(see(matcher, noisy(1, 6)).facts, nullptr);
    EXPECT_NE(see(matcher, pngs_[0]).facts, nullptr);
}

TEST_F(ImageMatcherTest, EvidenceWeakensWithTheDistance) {
    const ScoreModel scores(world_);
    const ImageMatcher matcher(world_);
    auto logit = [](double p) {
        return std::log(p / (1 - p));
    };
    auto sigmoid = [](double x) {
        return 1 / (1 + std::exp(-x));
    };
    world_.perturbation.noisePerDistance = 0;
    const double original = scores.yesProbability(sha256Hex(pngs_[0]), kStatement);
    EXPECT_NEAR(original, sigmoid(logit(0.3) + 6.0), 1e-12);
    double previous = original;
    for (int step : {4, 12, 30}) {
        const SeenImage seen = see(matcher, noisy(1, step));
        ASSERT_NE(seen.facts, nullptr) << step;
        const double weight = scores.evidenceWeight(seen.distance);
        EXPECT_LT(weight, 1);
        const double m = scores.yesProbability(seen, kStatement);
        EXPECT_NEAR(m, sigmoid(logit(0.3) + weight * 6.0), 1e-12) << step;
        EXPECT_LT(m, previous) << "more distance, weaker evidence";
        previous = m;
    }
    // An image without the content: the evidence towards No weakens too.
    const SeenImage other = see(matcher, noisy(2, 12));
    EXPECT_GT(scores.yesProbability(other, kStatement),
              scores.yesProbability(sha256Hex(pngs_[1]), kStatement));
    EXPECT_EQ(scores.evidenceWeight(0), 1);
    EXPECT_EQ(scores.evidenceWeight(world_.perturbation.maxDistance), 0);
}

TEST_F(ImageMatcherTest, NoiseGrowsWithTheDistanceAndTheReasoningFollowsTheKnownImage) {
    world_.perturbation.noisePerDistance = 40;
    const ScoreModel scores(world_);
    const ImageMatcher matcher(world_);
    const ReasoningWriter reasoning(world_, scores);
    const SeenImage seen = see(matcher, noisy(1, 12));
    ASSERT_TRUE(seen.perturbed());
    world_.perturbation.noisePerDistance = 0;
    const double quiet = scores.yesProbability(seen, kStatement);
    world_.perturbation.noisePerDistance = 40;
    EXPECT_NE(scores.yesProbability(seen, kStatement), quiet);
    EXPECT_TRUE(scores.facts(seen, kStatement).truth);
    world_.reasoning.errorRate = 0;
    EXPECT_TRUE(reasoning.conclusion(seen, kStatement));
}

} // namespace
