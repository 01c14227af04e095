// Metrics against hand-computed cases: the rates and their undefined cases (empty classes, an
// all-safe set), the precision-recall curve with ties and its average precision, and the
// bootstrap's reproducibility.
#include "eval/metrics/bootstrap.h"
#include "eval/metrics/confusion.h"
#include "eval/metrics/pr_curve.h"

#include <gtest/gtest.h>

namespace clue::eval {
namespace {

Confusion counts(std::size_t tp, std::size_t fp, std::size_t tn, std::size_t fn) {
    Confusion c;
    c.tp = tp;
    c.fp = fp;
    c.tn = tn;
    c.fn = fn;
    return c;
}

TEST(Rates, AMixedSet) {
    // 10 images: 4 unsafe (3 caught), 6 safe (1 flagged).
    const Rates r = ratesOf(counts(3, 1, 5, 1));
    EXPECT_DOUBLE_EQ(*r.accuracy, 0.8);
    EXPECT_DOUBLE_EQ(*r.precision, 0.75);
    EXPECT_DOUBLE_EQ(*r.recall, 0.75);
    EXPECT_DOUBLE_EQ(*r.f1, 0.75);
    const Rates skewed = ratesOf(counts(2, 2, 0, 6));
    EXPECT_DOUBLE_EQ(*skewed.precision, 0.5);
    EXPECT_DOUBLE_EQ(*skewed.recall, 0.25);
    EXPECT_DOUBLE_EQ(*skewed.f1, 2 * 0.5 * 0.25 / 0.75);
}

TEST(Rates, NothingIsUndefinedEverywhere) {
    const Rates r = ratesOf(Confusion{});
    EXPECT_FALSE(r.accuracy);
    EXPECT_FALSE(r.precision);
    EXPECT_FALSE(r.recall);
    EXPECT_FALSE(r.f1);
}

TEST(Rates, AnAllSafeSetHasNoRecall) {
    const Rates clean = ratesOf(counts(0, 0, 7, 0));
    EXPECT_DOUBLE_EQ(*clean.accuracy, 1.0);
    EXPECT_FALSE(clean.precision) << "nothing judged unsafe";
    EXPECT_FALSE(clean.recall) << "nothing labelled unsafe";
    EXPECT_FALSE(clean.f1);
    const Rates flagged = ratesOf(counts(0, 2, 5, 0));
    EXPECT_DOUBLE_EQ(*flagged.accuracy, 5.0 / 7);
    EXPECT_DOUBLE_EQ(*flagged.precision, 0.0);
    EXPECT_FALSE(flagged.recall);
    EXPECT_DOUBLE_EQ(*flagged.f1, 0.0) << "false positives and no true one: F1 is 0";
}

TEST(Rates, AllUnsafeAndAllMissed) {
    const Rates r = ratesOf(counts(0, 0, 0, 4));
    EXPECT_DOUBLE_EQ(*r.accuracy, 0.0);
    EXPECT_FALSE(r.precision);
    EXPECT_DOUBLE_EQ(*r.recall, 0.0);
    EXPECT_DOUBLE_EQ(*r.f1, 0.0);
}

TEST(Confusion, AddCountsEachCell) {
    Confusion c;
    c.add(true, true);
    c.add(true, false);
    c.add(false, true);
    c.add(false, false);
    c.add(false, false);
    EXPECT_EQ(c, counts(1, 1, 2, 1));
    EXPECT_EQ(c.total(), 5u);
}

TEST(PrCurve, TiesFormOnePointAndAveragePrecisionIsTheStepSum) {
    // Scores: 0.9 U, 0.8 S, 0.8 U (tie), 0.6 U, 0.3 S, 0.1 U.
    const PrCurve curve =
        prCurve({{0.9, true}, {0.8, false}, {0.8, true}, {0.6, true}, {0.3, false}, {0.1, true}});
    ASSERT_EQ(curve.points.size(), 5u);
    EXPECT_EQ(curve.positives, 4u);
    EXPECT_EQ(curve.negatives, 2u);
    // threshold 0.9: 1/1 precision, recall 1/4; 0.8: 2/3, 2/4; 0.6: 3/4, 3/4; 0.3: 3/5, 3/4;
    // 0.1: 4/6, 4/4.
    EXPECT_DOUBLE_EQ(curve.points[1].threshold, 0.8);
    EXPECT_DOUBLE_EQ(curve.points[1].precision, 2.0 / 3);
    EXPECT_DOUBLE_EQ(curve.points[1].recall, 0.5);
    EXPECT_DOUBLE_EQ(curve.points[3].precision, 0.6);
    const double ap = 0.25 * 1 + 0.25 * (2.0 / 3) + 0.25 * 0.75 + 0 * 0.6 + 0.25 * (4.0 / 6);
    EXPECT_DOUBLE_EQ(*curve.averagePrecision, ap);
}

TEST(PrCurve, APerfectRankingHasAveragePrecisionOneAndNoPositivesNone) {
    EXPECT_DOUBLE_EQ(*prCurve({{0.9, true}, {0.7, true}, {0.2, false}}).averagePrecision, 1.0);
    const PrCurve none = prCurve({{0.4, false}, {0.2, false}});
    EXPECT_FALSE(none.averagePrecision);
    EXPECT_TRUE(none.points.empty());
    EXPECT_EQ(none.negatives, 2u);
}

std::vector<Judged> sample() {
    std::vector<Judged> images;
    for (int i = 0; i < 60; ++i) {
        images.push_back({i % 3 == 0, i % 3 == 0 ? i % 9 != 0 : i % 10 == 1});
    }
    return images;
}

TEST(Bootstrap, TheSameSeedGivesTheSameIntervals) {
    const BootstrapOptions options{500, 42, 0.95};
    const RateIntervals a = bootstrapRates(sample(), options, "summary");
    const RateIntervals b = bootstrapRates(sample(), options, "summary");
    ASSERT_TRUE(a.f1 && b.f1);
    EXPECT_EQ(a.f1->low, b.f1->low);
    EXPECT_EQ(a.f1->high, b.f1->high);
    EXPECT_EQ(a.accuracy->low, b.accuracy->low);
    const RateIntervals other = bootstrapRates(sample(), {500, 43, 0.95}, "summary");
    const RateIntervals group = bootstrapRates(sample(), options, "category:x");
    EXPECT_TRUE(other.f1->low != a.f1->low || other.f1->high != a.f1->high);
    EXPECT_TRUE(group.f1->low != a.f1->low || group.f1->high != a.f1->high);
}

TEST(Bootstrap, IntervalsSurroundThePointAndNarrowWithLevel) {
    const std::vector<Judged> images = sample();
    Confusion c;
    for (const Judged& j : images) {
        c.add(j.labelledUnsafe, j.judgedUnsafe);
    }
    const Rates point = ratesOf(c);
    const RateIntervals wide = bootstrapRates(images, {1000, 7, 0.95}, "g");
    const RateIntervals narrow = bootstrapRates(images, {1000, 7, 0.5}, "g");
    EXPECT_LE(wide.accuracy->low, *point.accuracy);
    EXPECT_GE(wide.accuracy->high, *point.accuracy);
    EXPECT_LE(wide.f1->low, narrow.f1->low);
    EXPECT_GE(wide.f1->high, narrow.f1->high);
}

TEST(Bootstrap, UndefinedRatesHaveNoInterval) {
    const std::vector<Judged> allSafe(20, Judged{false, false});
    const RateIntervals r = bootstrapRates(allSafe, {200, 1, 0.95}, "g");
    ASSERT_TRUE(r.accuracy);
    EXPECT_EQ(r.accuracy->low, 1.0);
    EXPECT_FALSE(r.recall);
    EXPECT_FALSE(r.precision);
    EXPECT_FALSE(bootstrapRates({}, {200, 1, 0.95}, "g").accuracy);
    EXPECT_FALSE(bootstrapRates(allSafe, {0, 1, 0.95}, "g").accuracy) << "0 resamples: none";
}

TEST(Bootstrap, QuantileInterpolatesLinearly) {
    const std::vector<double> v = {1, 2, 3, 4, 5};
    EXPECT_DOUBLE_EQ(quantile(v, 0), 1);
    EXPECT_DOUBLE_EQ(quantile(v, 1), 5);
    EXPECT_DOUBLE_EQ(quantile(v, 0.5), 3);
    EXPECT_DOUBLE_EQ(quantile(v, 0.1), 1.4);
    EXPECT_DOUBLE_EQ(quantile({7}, 0.975), 7);
}

} // namespace
} // namespace clue::eval
