// Every way of asking decides alike: on random constitutions compiled at -O0 and -O2 and random
// answers (some failing), waves, one at a time, adaptive (batched, one at a time, with a bound
// on rounds) give each image the same rule states and verdict, and -O0 decides as -O2. Only the
// questions asked and the rounds differ; each predicate is asked at most once, and a bound on
// rounds holds. With --decide verdict the verdict is the same, and each rule's state is the
// same or `not_evaluated`, which only an unsafe verdict leaves: never a clear rule that was not
// evaluated.
#include "runtime/judge/image_judgment.h"
#include "tests/ir/pass_test_util.h"
#include "tests/judge/fake_answer_source.h"
#include "tests/support/constitution_generator.h"

#include <fmt/format.h>
#include <gtest/gtest.h>

#include <set>

namespace clue::runtime {
namespace {

const std::string kModel = "model-a";

std::vector<clue::testing::TestRule> randomRules(uint64_t seed, size_t count, size_t pool) {
    clue::testing::Random random(seed);
    clue::testing::FormulaShape shape;
    shape.constantShare = 0.05;
    shape.notShare = 0.3;
    auto leaf = [pool](clue::testing::Random& r) {
        return fmt::format("p{}", r.skewed(pool));
    };
    std::vector<clue::testing::TestRule> rules;
    for (size_t i = 0; i < count; ++i) {
        std::string f = clue::testing::randomFormula(random, 1 + random.below(7), shape, leaf);
        rules.push_back({fmt::format("r{}", i), f});
    }
    return rules;
}

// Calibrated with a language prior of 0.3: a score of 0.95 reads true, 0.05 false.
plan::Plan calibrated(plan::Plan plan) {
    plan.calibrationModel = kModel;
    for (plan::Predicate& p : plan.predicates) {
        p.mNone = 0.3;
    }
    return plan;
}

struct Outcome {
    std::vector<RuleState> rules;
    Verdict verdict;
};

Outcome judgeOnce(const plan::Plan& plan, test::FakeAnswerSource& source, AskPolicy ask,
                  const std::string& label) {
    const QuestionPlan questions(plan);
    PriorTable priors(plan, kModel, source);
    PredicateJudge judge(plan, source, priors, {});
    std::optional<ImageResult> out;
    std::make_shared<ImageJudgment>(
        judge, questions, ImageRef{std::string(64, 'c'), nullptr, nullptr}, "x.png", OnError::Error,
        [&](ImageResult r) { out = std::move(r); }, ask)
        ->start();
    EXPECT_TRUE(out) << label;
    if (!out) {
        return {};
    }
    std::set<uint32_t> asked;
    for (const PredicateEvidence& e : out->predicates) {
        EXPECT_TRUE(asked.insert(e.predicate).second) << label << ": asked twice";
    }
    if (ask.maxRounds > 0) {
        EXPECT_LE(std::size_t(out->rounds), ask.maxRounds) << label;
    }
    return {out->rules, out->verdict};
}

// `outcome` decides as `reference` (every rule settled), or stops once its verdict is settled.
void expectSameDecision(const Outcome& reference, const Outcome& outcome, Decide decide,
                        const std::string& label) {
    EXPECT_EQ(outcome.verdict, reference.verdict) << label;
    if (decide == Decide::Rules) {
        EXPECT_EQ(outcome.rules, reference.rules) << label;
        return;
    }
    ASSERT_EQ(outcome.rules.size(), reference.rules.size()) << label;
    for (size_t r = 0; r < outcome.rules.size(); ++r) {
        if (outcome.rules[r] == RuleState::NotEvaluated) {
            EXPECT_EQ(outcome.verdict, Verdict::Unsafe) << label << " rule " << r;
        } else {
            EXPECT_EQ(outcome.rules[r], reference.rules[r]) << label << " rule " << r;
        }
    }
}

const std::vector<std::pair<std::string, AskPolicy>>& policies() {
    static const std::vector<std::pair<std::string, AskPolicy>> all = {
        {"waves", {QuestionOrder::Waves, 0, 0}},
        {"waves, one at a time", {QuestionOrder::Waves, 1, 0}},
        {"waves, two rounds", {QuestionOrder::Waves, 1, 2}},
        {"adaptive", {QuestionOrder::Adaptive, 0, 0}},
        {"adaptive, one at a time", {QuestionOrder::Adaptive, 1, 0}},
        {"adaptive, three at once", {QuestionOrder::Adaptive, 3, 0}},
        {"adaptive, one round", {QuestionOrder::Adaptive, 0, 1}},
        {"adaptive, three rounds", {QuestionOrder::Adaptive, 1, 3}},
        {"waves, verdict", {QuestionOrder::Waves, 0, 0, Decide::Verdict}},
        {"adaptive, verdict", {QuestionOrder::Adaptive, 0, 0, Decide::Verdict}},
        {"adaptive, one at a time, verdict", {QuestionOrder::Adaptive, 1, 0, Decide::Verdict}},
    };
    return all;
}

TEST(AskPolicyEquivalence, EveryPolicyDecidesAlikeAtO0AndO2) {
    for (uint64_t seed = 1; seed <= 60; ++seed) {
        const auto rules = randomRules(seed, 10, 5 + seed % 6);
        const plan::Plan naive =
            calibrated(clue::testing::compileModule(clue::testing::buildModule(rules), 0));
        const plan::Plan optimized =
            calibrated(clue::testing::compileModule(clue::testing::buildModule(rules), 2));
        std::set<std::string> statements;
        for (const plan::Predicate& p : naive.predicates) {
            statements.insert(p.statement);
        }
        clue::testing::Random random(seed * 31);
        for (int image = 0; image < 8; ++image) {
            test::FakeAnswerSource source;
            const bool failures = image % 2 == 1;
            for (const std::string& s : statements) {
                if (failures && random.chance(0.15)) {
                    source.setFailure(QueryVariant::Image, s);
                } else {
                    source.setScore(QueryVariant::Image, s, random.chance(0.5) ? 0.95 : 0.05);
                }
            }
            std::vector<Outcome> o0, o2;
            for (const auto& [name, ask] : policies()) {
                const std::string label = fmt::format("seed {} image {} {}", seed, image, name);
                o0.push_back(judgeOnce(naive, source, ask, label + " -O0"));
                o2.push_back(judgeOnce(optimized, source, ask, label + " -O2"));
                expectSameDecision(o0.front(), o0.back(), ask.decide, label + " -O0");
                expectSameDecision(o2.front(), o2.back(), ask.decide, label + " -O2");
                if (!failures && ask.decide == Decide::Rules) {
                    EXPECT_EQ(o2.back().rules, o0.back().rules) << label;
                }
            }
        }
    }
}

} // namespace
} // namespace clue::runtime
