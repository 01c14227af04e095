// Tests of the score model: calibration against the documented formulas, the CLUE decision rule
// on simulated scores, and the naive reading that the debiasing is there to beat.
#include "common/sha256.h"
#include "tests/sim/reasoning_writer.h"
#include "tests/sim/score_model.h"

#include <gtest/gtest.h>

#include <cmath>
#include <numbers>

using namespace clue::sim;

namespace {

constexpr int imageCount = 4000;

std::string imageSha(int i) {
    return clue::sha256Hex("image-" + std::to_string(i));
}

// Images 0..imageCount-1; the even ones show every listed statement.
World makeWorld(const std::vector<StatementBehaviour>& statements) {
    World w;
    w.seed = 99;
    for (const StatementBehaviour& b : statements) {
        w.statements[b.statement] = b;
    }
    for (int i = 0; i < imageCount; ++i) {
        ImageFacts facts;
        facts.sha256 = imageSha(i);
        if (i % 2 == 0) {
            for (const StatementBehaviour& b : statements) {
                facts.trueStatements.insert(b.statement);
            }
        }
        w.images[facts.sha256] = facts;
    }
    return w;
}

StatementBehaviour behaviour(const std::string& statement, double prior) {
    StatementBehaviour b;
    b.statement = statement;
    b.prior = prior;
    return b;
}

// E[sigmoid(logit(p0) + shift + noise * Z)], Z standard normal, by the trapezoid rule.
double expectedMean(double prior, double shift, double noise) {
    const double base = std::log(prior / (1 - prior)) + shift;
    double sum = 0;
    const int steps = 8000;
    const double lo = -8, hi = 8, h = (hi - lo) / steps;
    for (int k = 0; k <= steps; ++k) {
        const double z = lo + k * h;
        const double weight = (k == 0 || k == steps) ? 0.5 : 1.0;
        sum += weight * std::exp(-z * z / 2) / std::sqrt(2 * std::numbers::pi) /
               (1 + std::exp(-(base + noise * z)));
    }
    return sum * h;
}

enum class Decision { NotSatisfied, Satisfied, Undecided };

// CLUE's rule with the paper's thresholds (-0.3, 0.8).
Decision decide(double score, double prior) {
    if (score - prior < -0.3 * prior) {
        return Decision::NotSatisfied;
    }
    if (score - prior > 0.8 * (1 - prior)) {
        return Decision::Satisfied;
    }
    return Decision::Undecided;
}

struct Rates {
    double correct = 0;       // decided, and right
    double wrong = 0;         // decided, and wrong
    double naiveWrong = 0;    // P(Yes) > 0.5 read as "visible", wrong
    double pipelineWrong = 0; // decided by the thresholds, else by the reasoning's conclusion
};

Rates measure(const World& world, const std::string& statement) {
    const ScoreModel scores(world);
    const ReasoningWriter reasoning(world, scores);
    const double prior = scores.prior(statement);
    Rates r;
    for (int i = 0; i < imageCount; ++i) {
        const std::string sha = imageSha(i);
        const bool truth = scores.facts(sha, statement).truth;
        const double m = scores.yesProbability(sha, statement);
        const Decision d = decide(m, prior);
        const bool decided = d != Decision::Undecided;
        const bool right = decided && ((d == Decision::Satisfied) == truth);
        r.correct += right ? 1 : 0;
        r.wrong += decided && !right ? 1 : 0;
        r.naiveWrong += (m > 0.5) != truth ? 1 : 0;
        const bool verdict =
            decided ? d == Decision::Satisfied : reasoning.conclusion(sha, statement);
        r.pipelineWrong += verdict != truth ? 1 : 0;
    }
    r.correct /= imageCount;
    r.wrong /= imageCount;
    r.naiveWrong /= imageCount;
    r.pipelineWrong /= imageCount;
    return r;
}

} // namespace

TEST(ScoreModel, PriorIsTheStatementsPrior) {
    const World w = makeWorld({behaviour("fire is visible", 0.05)});
    const ScoreModel scores(w);
    EXPECT_DOUBLE_EQ(scores.prior("fire is visible"), 0.05);
    EXPECT_DOUBLE_EQ(scores.prior("not listed"), StatementBehaviour{}.prior);
}

TEST(ScoreModel, MeansFollowTheDocumentedFormula) {
    for (double prior : {0.05, 0.3, 0.5, 0.7, 0.9}) {
        const World w = makeWorld({behaviour("s", prior)});
        const ScoreModel scores(w);
        const StatementBehaviour& b = w.behaviour("s");
        double sumTrue = 0, sumFalse = 0;
        for (int i = 0; i < imageCount; ++i) {
            (i % 2 == 0 ? sumTrue : sumFalse) += scores.yesProbability(imageSha(i), "s");
        }
        const double half = imageCount / 2.0;
        EXPECT_NEAR(sumTrue / half, expectedMean(prior, b.evidenceTrue, b.noise), 0.01) << prior;
        EXPECT_NEAR(sumFalse / half, expectedMean(prior, -b.evidenceFalse, b.noise), 0.01) << prior;
    }
}

TEST(ScoreModel, DebiasedThresholdsDecideMostCasesRightAndFewWrong) {
    for (double prior : {0.05, 0.3, 0.5, 0.7}) {
        const World w = makeWorld({behaviour("s", prior)});
        const Rates r = measure(w, "s");
        EXPECT_GE(r.correct, 0.85) << "prior " << prior;
        EXPECT_LE(r.wrong, 0.01) << "prior " << prior;
    }
}

TEST(ScoreModel, NaiveReadingIsWorseWhenThePriorIsStrong) {
    for (double prior : {0.7, 0.9}) {
        const World w = makeWorld({behaviour("s", prior)});
        const Rates r = measure(w, "s");
        // Naive errors here are false positives: P(Yes) stays above 0.5 on images without it.
        EXPECT_GE(r.naiveWrong, 0.03) << "prior " << prior;
        EXPECT_GT(r.naiveWrong, 2 * r.pipelineWrong) << "prior " << prior;
    }
}

TEST(ScoreModel, HardCasesLandInTheUndecidedBand) {
    StatementBehaviour b = behaviour("s", 0.3);
    b.hard = 0.25;
    const World w = makeWorld({b});
    const ScoreModel scores(w);
    const UndecidedBand band = UndecidedBand::forPrior(0.3);
    int hard = 0;
    for (int i = 0; i < imageCount; ++i) {
        if (!scores.facts(imageSha(i), "s").hard) {
            continue;
        }
        ++hard;
        const double m = scores.yesProbability(imageSha(i), "s");
        EXPECT_GT(m, band.lo);
        EXPECT_LT(m, band.hi);
        EXPECT_EQ(decide(m, 0.3), Decision::Undecided);
    }
    EXPECT_NEAR(hard / double(imageCount), 0.25, 0.03);
}

TEST(ScoreModel, ListedHardStatementsAreHard) {
    World w = makeWorld({behaviour("s", 0.3)});
    w.images[imageSha(1)].hardStatements.insert("s");
    const ScoreModel scores(w);
    EXPECT_TRUE(scores.facts(imageSha(1), "s").hard);
    EXPECT_EQ(decide(scores.yesProbability(imageSha(1), "s"), 0.3), Decision::Undecided);
}

TEST(ScoreModel, MaskingTheCentralObjectRevealsRegionBias) {
    StatementBehaviour b = behaviour("injuries are visible", 0.3);
    b.object = "injuries";
    World w = makeWorld({b});
    int checked = 0, ruleHolds = 0;
    for (int i = 0; i < 400; i += 2) { // true images, made off-centre, each with a masked variant
        w.images[imageSha(i)].regionStatements.insert("injuries are visible");
        ImageFacts masked;
        masked.sha256 = clue::sha256Hex("masked-" + std::to_string(i));
        masked.maskedOf = imageSha(i);
        masked.maskedObject = "Injuries";
        w.images[masked.sha256] = masked;
    }
    const ScoreModel scores(w);
    for (int i = 0; i < 400; i += 2) {
        const double full = scores.yesProbability(imageSha(i), "injuries are visible");
        const std::string masked = clue::sha256Hex("masked-" + std::to_string(i));
        EXPECT_FALSE(scores.facts(masked, "injuries are visible").truth);
        EXPECT_EQ(decide(full, 0.3), Decision::Undecided);
        ++checked;
        ruleHolds += full - scores.yesProbability(masked, "injuries are visible") > 0.6 ? 1 : 0;
    }
    EXPECT_GE(ruleHolds, checked * 8 / 10); // "most": the masked score has its own noise
}

TEST(ScoreModel, MaskedVariantKeepsWhatTheMaskDidNotHide) {
    World w = makeWorld({behaviour("a person is visible", 0.5)});
    ImageFacts masked;
    masked.sha256 = clue::sha256Hex("masked");
    masked.maskedOf = imageSha(0);
    masked.maskedObject = "injuries";
    w.images[masked.sha256] = masked;
    const ScoreModel scores(w);
    EXPECT_TRUE(scores.facts(masked.sha256, "a person is visible").truth);
}

TEST(ScoreModel, UnknownImagesShowNothing) {
    const World w = makeWorld({behaviour("s", 0.3)});
    const ScoreModel scores(w);
    const Facts f = scores.facts(clue::sha256Hex("not in the world"), "s");
    EXPECT_FALSE(f.known);
    EXPECT_FALSE(f.truth);
}

TEST(ScoreModel, ScoresDependOnTheSeed) {
    World a = makeWorld({behaviour("s", 0.3)});
    World b = makeWorld({behaviour("s", 0.3)});
    b.seed = a.seed + 1;
    const ScoreModel sa(a), sb(b), sa2(a);
    EXPECT_EQ(sa.yesProbability(imageSha(3), "s"), sa2.yesProbability(imageSha(3), "s"));
    EXPECT_NE(sa.yesProbability(imageSha(3), "s"), sb.yesProbability(imageSha(3), "s"));
}
