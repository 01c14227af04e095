// Tests of the relevance threshold picker on hand-built corpora: the highest threshold that
// keeps the requested share of violated pairs, with the share of pairs it drops.
#include "runtime/embed/relevance_threshold.h"

#include <gtest/gtest.h>

#include <cmath>

using namespace clue::runtime;

namespace {

// Ten violated pairs at 0.30, 0.29, ..., 0.21 and ten clean ones at 0.10, 0.11, ..., 0.19.
std::vector<RelevanceSample> tenAndTen() {
    std::vector<RelevanceSample> samples;
    for (int i = 0; i < 10; ++i) {
        samples.push_back({(30 - i) / 100.0, true});
        samples.push_back({(10 + i) / 100.0, false});
    }
    return samples;
}

} // namespace

TEST(RelevanceThreshold, TheRuleIsStrictlyAbove) {
    EXPECT_TRUE(isRelevant(0.2201, kDefaultRelevanceThreshold));
    EXPECT_FALSE(isRelevant(0.22, kDefaultRelevanceThreshold));
    EXPECT_FALSE(isRelevant(-0.5, kDefaultRelevanceThreshold));
}

TEST(RelevanceThreshold, KeepsEveryViolatedPairAtFullRecall) {
    const auto choice = pickRelevanceThreshold(tenAndTen(), 1.0);
    ASSERT_TRUE(choice);
    EXPECT_LT(choice->threshold, 0.21);
    EXPECT_GT(choice->threshold, 0.2099999);
    EXPECT_DOUBLE_EQ(choice->keptViolatedShare, 1.0);
    EXPECT_DOUBLE_EQ(choice->droppedShare, 0.5); // every clean pair is below 0.21
    EXPECT_EQ(choice->violatedPairs, 10);
    EXPECT_EQ(choice->pairs, 20);
}

TEST(RelevanceThreshold, ALowerRecallAllowsAHigherThreshold) {
    const auto choice = pickRelevanceThreshold(tenAndTen(), 0.8);
    ASSERT_TRUE(choice);
    // The 8th most similar violated pair is at 0.23: kept, the two below it dropped.
    EXPECT_LT(choice->threshold, 0.23);
    EXPECT_GT(choice->threshold, 0.22);
    EXPECT_DOUBLE_EQ(choice->keptViolatedShare, 0.8);
    EXPECT_DOUBLE_EQ(choice->droppedShare, 0.6);
}

TEST(RelevanceThreshold, AShareBetweenPairsRoundsTowardsKeepingMore) {
    // 0.85 of 10 is 8.5 pairs: 9 must be kept.
    const auto choice = pickRelevanceThreshold(tenAndTen(), 0.85);
    ASSERT_TRUE(choice);
    EXPECT_DOUBLE_EQ(choice->keptViolatedShare, 0.9);
    // 0.97 of 100 is exactly 97, not 98.
    std::vector<RelevanceSample> hundred;
    for (int i = 0; i < 100; ++i) {
        hundred.push_back({i / 100.0, true});
    }
    EXPECT_DOUBLE_EQ(pickRelevanceThreshold(hundred, 0.97)->keptViolatedShare, 0.97);
}

TEST(RelevanceThreshold, TiedSimilaritiesAreKeptOrDroppedTogether) {
    const std::vector<RelevanceSample> samples = {
        {0.25, true}, {0.25, true}, {0.25, false}, {0.20, true}, {0.05, false}};
    const auto choice = pickRelevanceThreshold(samples, 0.5);
    ASSERT_TRUE(choice);
    // Two of three violated pairs are needed; both at 0.25 are kept, with the clean one there.
    EXPECT_DOUBLE_EQ(choice->keptViolatedShare, 2.0 / 3.0);
    EXPECT_DOUBLE_EQ(choice->droppedShare, 2.0 / 5.0);
}

TEST(RelevanceThreshold, NothingWithoutViolatedPairsOrWithARecallOutOfRange) {
    EXPECT_FALSE(pickRelevanceThreshold({{0.3, false}, {0.1, false}}, 0.97));
    EXPECT_FALSE(pickRelevanceThreshold({}, 0.97));
    EXPECT_FALSE(pickRelevanceThreshold(tenAndTen(), 0.0));
    EXPECT_FALSE(pickRelevanceThreshold(tenAndTen(), 1.5));
    EXPECT_FALSE(pickRelevanceThreshold(tenAndTen(), std::nan("")));
}
