// The CLUE decision rule, table-driven: each row a score, a prior and the path it must take,
// boundaries included (on exactly representable values, so that the comparison is the rule's
// and not rounding's).
#include "runtime/judge/decision_rule.h"

#include <gtest/gtest.h>

#include <cmath>
#include <optional>

namespace clue::runtime {
namespace {

const plan::Thresholds kPaper{};

// Thresholds that make the boundaries exact in binary: not satisfied below 0.75 p0, satisfied
// above p0 + 0.5 (1 - p0), region above 0.5.
plan::Thresholds dyadic() {
    plan::Thresholds t;
    t.notSatisfied = -0.25;
    t.satisfied = 0.5;
    t.region = 0.5;
    return t;
}

struct Row {
    double score;
    double prior;
    std::optional<DecisionPath> expected; // nothing: undecided
};

std::string describe(const std::optional<DecisionPath>& path) {
    return path ? std::string(toString(*path)) : "undecided";
}

TEST(DecisionRule, PaperThresholdsAwayFromBoundaries) {
    const Row rows[] = {
        // prior 0.3: false below 0.21, true above 0.86
        {0.01, 0.3, DecisionPath::DebiasedFalse},
        {0.20, 0.3, DecisionPath::DebiasedFalse},
        {0.22, 0.3, std::nullopt},
        {0.50, 0.3, std::nullopt},
        {0.85, 0.3, std::nullopt},
        {0.87, 0.3, DecisionPath::DebiasedTrue},
        {0.99, 0.3, DecisionPath::DebiasedTrue},
        // prior 0.9 (a strong language prior): false below 0.63, true only above 0.98
        {0.60, 0.9, DecisionPath::DebiasedFalse},
        {0.62, 0.9, DecisionPath::DebiasedFalse},
        {0.64, 0.9, std::nullopt},
        {0.80, 0.9, std::nullopt},
        {0.97, 0.9, std::nullopt},
        {0.99, 0.9, DecisionPath::DebiasedTrue},
        // prior 0.05: a 0.7 reading is still undecided, 0.82 proves it
        {0.03, 0.05, DecisionPath::DebiasedFalse},
        {0.70, 0.05, std::nullopt},
        {0.82, 0.05, DecisionPath::DebiasedTrue},
    };
    for (const Row& row : rows) {
        EXPECT_EQ(describe(debiasedDecision(row.score, row.prior, kPaper)), describe(row.expected))
            << "score " << row.score << " prior " << row.prior;
    }
}

TEST(DecisionRule, BoundariesAreStrict) {
    const plan::Thresholds t = dyadic();
    // prior 0.5: false iff score < 0.375; true iff score > 0.75.
    const Row rows[] = {
        {std::nextafter(0.375, 0.0), 0.5, DecisionPath::DebiasedFalse},
        {0.375, 0.5, std::nullopt},
        {std::nextafter(0.375, 1.0), 0.5, std::nullopt},
        {std::nextafter(0.75, 0.0), 0.5, std::nullopt},
        {0.75, 0.5, std::nullopt},
        {std::nextafter(0.75, 1.0), 0.5, DecisionPath::DebiasedTrue},
        // prior 0: nothing can be below it; anything above 0.5 is true
        {0.0, 0.0, std::nullopt},
        {0.5, 0.0, std::nullopt},
        {0.625, 0.0, DecisionPath::DebiasedTrue},
        // prior 1: nothing can be above it
        {1.0, 1.0, std::nullopt},
        {0.5, 1.0, DecisionPath::DebiasedFalse},
        {0.75, 1.0, std::nullopt},
    };
    for (const Row& row : rows) {
        EXPECT_EQ(describe(debiasedDecision(row.score, row.prior, t)), describe(row.expected))
            << "score " << row.score << " prior " << row.prior;
    }
}

TEST(DecisionRule, FalseIsTestedBeforeTrue) {
    // Thresholds where both hold at once: the paper tests "not satisfied" first.
    plan::Thresholds t;
    t.notSatisfied = 1.0; // shift < p0: always for score < 2 p0
    t.satisfied = -1.0;   // shift > -(1-p0): almost always
    EXPECT_EQ(debiasedDecision(0.5, 0.5, t), DecisionPath::DebiasedFalse);
}

TEST(DecisionRule, RegionRuleProvesOnlyTrue) {
    const plan::Thresholds t = dyadic();
    EXPECT_EQ(regionDecision(0.875, 0.25, t), DecisionPath::RegionTrue);
    EXPECT_EQ(regionDecision(0.75, 0.25, t), std::nullopt); // drop 0.5 exactly: not above
    EXPECT_EQ(regionDecision(std::nextafter(0.75, 1.0), 0.25, t), DecisionPath::RegionTrue);
    EXPECT_EQ(regionDecision(0.25, 0.875, t), std::nullopt); // masking raised the score
    EXPECT_EQ(regionDecision(0.7, 0.05, kPaper), DecisionPath::RegionTrue);
    EXPECT_EQ(regionDecision(0.7, 0.15, kPaper), std::nullopt);
}

TEST(DecisionRule, CropUsesTheDebiasedRule) {
    const plan::Thresholds t = dyadic();
    EXPECT_EQ(cropDecision(0.25, 0.5, t), DecisionPath::CropFalse);
    EXPECT_EQ(cropDecision(0.875, 0.5, t), DecisionPath::CropTrue);
    EXPECT_EQ(cropDecision(0.5, 0.5, t), std::nullopt);
}

TEST(DecisionRule, UndecidedAndPlainReadings) {
    EXPECT_EQ(undecidedDecision(0.6, 0.5), DecisionPath::UndecidedTrue);
    EXPECT_EQ(undecidedDecision(0.5, 0.5), DecisionPath::UndecidedFalse);
    EXPECT_EQ(undecidedDecision(0.4, 0.5), DecisionPath::UndecidedFalse);
    EXPECT_EQ(plainDecision(std::nextafter(0.5, 1.0)), DecisionPath::PlainTrue);
    EXPECT_EQ(plainDecision(0.5), DecisionPath::PlainFalse);
    // The ablation's weakness: a strong prior reads as true without the content.
    EXPECT_EQ(plainDecision(0.8), DecisionPath::PlainTrue);
    EXPECT_EQ(debiasedDecision(0.8, 0.9, kPaper), std::nullopt);
}

TEST(DecisionRule, PathNamesAndValues) {
    const std::pair<DecisionPath, std::pair<const char*, bool>> paths[] = {
        {DecisionPath::DebiasedFalse, {"debiased-false", false}},
        {DecisionPath::DebiasedTrue, {"debiased-true", true}},
        {DecisionPath::RegionTrue, {"region-true", true}},
        {DecisionPath::CropFalse, {"crop-false", false}},
        {DecisionPath::CropTrue, {"crop-true", true}},
        {DecisionPath::ReasoningYes, {"reasoning-yes", true}},
        {DecisionPath::ReasoningNo, {"reasoning-no", false}},
        {DecisionPath::UndecidedTrue, {"undecided-true", true}},
        {DecisionPath::UndecidedFalse, {"undecided-false", false}},
        {DecisionPath::PlainTrue, {"plain-true", true}},
        {DecisionPath::PlainFalse, {"plain-false", false}},
    };
    for (const auto& [path, expected] : paths) {
        EXPECT_EQ(toString(path), expected.first);
        EXPECT_EQ(valueOf(path), expected.second) << expected.first;
    }
}

} // namespace
} // namespace clue::runtime
