// The corpus comparison of `clue diff`: verdict flips, rules and categories that newly fire or
// clear, what the cache could not decide (and the questions it lacks, each counted once), and
// images that cannot be compared.
#include "runtime/corpus/corpus_impact.h"
#include "tests/judge/plan_builder.h"

#include <gtest/gtest.h>

namespace clue::runtime {
namespace {

using RS = RuleState;

// OLD: r1 = a, r2 = b (both in category c); NEW: r1 = a, r3 = b (r2 removed, r3 added, c).
struct Plans {
    plan::Plan before, after;
    Plans() {
        test::PlanBuilder o;
        o.rule("r1", o.pred("a")).rule("r2", o.pred("b"));
        before = o.build();
        test::PlanBuilder n;
        n.rule("r1", n.pred("a")).rule("r3", n.pred("b"));
        after = n.build();
        for (plan::Plan* p : {&before, &after}) {
            p->categories = {{"c", "C"}};
            for (plan::Rule& r : p->rules) {
                r.category = "c";
            }
        }
    }
};

ImageResult result(const std::string& sha, std::vector<RuleState> rules) {
    ImageResult r;
    r.path = sha + ".png";
    r.sha256 = std::string(64, sha[0]);
    r.rules = std::move(rules);
    r.verdict = verdictOf(r.rules);
    return r;
}

// A predicate whose answers the cache lacks: its image answer, and its prior when `prior`.
PredicateEvidence notCached(uint32_t predicate, bool prior) {
    PredicateEvidence e;
    e.predicate = predicate;
    if (!prior) {
        e.scores.prior = 0.3;
    }
    e.failure = {prior ? JudgmentStage::Prior : JudgmentStage::Image,
                 {BackendErrorKind::NotCached, "no cached answer", 0, 0}};
    return e;
}

TEST(CorpusImpact, FlipsAndRuleMovesAreCountedPerRuleAndCategory) {
    Plans p;
    // x: safe -> unsafe (r3 fires); y: unsafe -> safe (r2 clears); z: r1 stays violated.
    std::vector<ImageResult> before = {result("x", {RS::Clear, RS::Clear}),
                                       result("y", {RS::Clear, RS::Violated}),
                                       result("z", {RS::Violated, RS::Clear})};
    std::vector<ImageResult> after = {result("x", {RS::Clear, RS::Violated}),
                                      result("y", {RS::Clear, RS::Clear}),
                                      result("z", {RS::Violated, RS::Clear})};
    CorpusImpact impact = compareResults(p.before, p.after, before, after);
    EXPECT_EQ(impact.images, 3u);
    EXPECT_EQ(impact.unchanged, 1u);
    ASSERT_EQ(impact.toUnsafe.size(), 1u);
    EXPECT_EQ(impact.toUnsafe[0].path, "x.png");
    EXPECT_EQ(impact.toUnsafe[0].fired, std::vector<std::string>{"r3"});
    ASSERT_EQ(impact.toSafe.size(), 1u);
    EXPECT_EQ(impact.toSafe[0].cleared, std::vector<std::string>{"r2"});
    ASSERT_EQ(impact.rules.size(), 3u); // r1, r2 (OLD's order), then r3
    EXPECT_EQ(impact.rules[1].id, "r2");
    EXPECT_EQ(impact.rules[1].cleared, 1u);
    EXPECT_EQ(impact.rules[2].id, "r3");
    EXPECT_EQ(impact.rules[2].fired, 1u);
    EXPECT_EQ(impact.rules[0].fired + impact.rules[0].cleared, 0u);
    ASSERT_EQ(impact.categories.size(), 1u);
    EXPECT_EQ(impact.categories[0].fired, 1u);
    EXPECT_EQ(impact.categories[0].cleared, 1u);
    EXPECT_TRUE(impact.missing.empty());
}

TEST(CorpusImpact, MissingAnswersLeaveTheImageUndecidedAndAreCountedOnce) {
    Plans p;
    std::vector<ImageResult> before = {result("x", {RS::Clear, RS::Clear}),
                                       result("y", {RS::Clear, RS::Clear})};
    std::vector<ImageResult> after = {result("x", {RS::Clear, RS::Error}),
                                      result("y", {RS::Clear, RS::Error})};
    after[0].predicates = {notCached(1, true)};
    after[1].predicates = {notCached(1, true)};
    CorpusImpact impact = compareResults(p.before, p.after, before, after);
    EXPECT_EQ(impact.undecided.size(), 2u);
    EXPECT_EQ(impact.unchanged, 0u);
    EXPECT_TRUE(impact.failed.empty());
    EXPECT_EQ(impact.rules[2].undecided, 2u);
    EXPECT_EQ(impact.missing.priors(), 1u) << "one prior per statement, shared by the images";
    EXPECT_EQ(impact.missing.images(), 2u);
    EXPECT_EQ(impact.missing.calls(), 3u);
}

TEST(CorpusImpact, AnOnErrorPolicyNeverHidesAnUndecidedSide) {
    Plans p;
    std::vector<ImageResult> before = {result("x", {RS::Clear, RS::Clear})};
    std::vector<ImageResult> after = {result("x", {RS::Clear, RS::Error})};
    after[0].verdict = Verdict::Safe; // as --on-error safe would have written it
    after[0].policyApplied = OnError::Safe;
    after[0].predicates = {notCached(1, false)};
    CorpusImpact impact = compareResults(p.before, p.after, before, after);
    EXPECT_EQ(impact.unchanged, 0u);
    ASSERT_EQ(impact.undecided.size(), 1u);
    EXPECT_EQ(impact.undecided[0].newVerdict, Verdict::Error);
    EXPECT_EQ(impact.missing.priors(), 0u);
    EXPECT_EQ(impact.missing.images(), 1u);
}

TEST(CorpusImpact, ImagesThatCannotBeComparedFailWithTheReason) {
    Plans p;
    std::vector<ImageResult> before = {result("x", {RS::Clear, RS::Clear}),
                                       result("y", {RS::Clear, RS::Clear}),
                                       result("z", {RS::Clear, RS::Clear})};
    std::vector<ImageResult> after = {
        result("w", {RS::Clear, RS::Clear}), // another image
        result("y", {RS::Clear, RS::Error}),
        unreadableImage({ImageErrorKind::NotFound, "z.png", "z.png: no such file"})};
    after[1].predicates = {notCached(1, false)};
    after[1].predicates[0].failure->error = {BackendErrorKind::Timeout, "timed out", 0, 3};
    CorpusImpact impact = compareResults(p.before, p.after, before, after);
    ASSERT_EQ(impact.failed.size(), 3u);
    EXPECT_NE(impact.failed[0].problem.find("SHA-256 differs"), std::string::npos);
    EXPECT_EQ(impact.failed[1].problem, "timed out");
    EXPECT_EQ(impact.failed[2].problem, "z.png: no such file");
    EXPECT_EQ(impact.unchanged + impact.undecided.size() + impact.toSafe.size(), 0u);
}

} // namespace
} // namespace clue::runtime
