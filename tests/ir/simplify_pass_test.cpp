// simplify: constants, idempotence, complements, absorption; constant rules are findings.
#include "compiler/passes/constant_rules.h"
#include "compiler/passes/dedup_pass.h"
#include "compiler/passes/normalize_pass.h"
#include "compiler/passes/simplify_pass.h"
#include "tests/ir/pass_test_util.h"

#include <gtest/gtest.h>

#include <set>

namespace clue {
namespace {

using testing::buildModule;
using testing::optimized;
using testing::printAfter;

std::string simplified(const std::string& formula) {
    ir::IRModule module = buildModule({{"r", formula}});
    NormalizePass normalize;
    DedupPass dedup;
    SimplifyPass simplify;
    return printAfter(module, {&normalize, &dedup, &simplify});
}

TEST(SimplifyPass, FoldsAContradictionToFalse) {
    EXPECT_EQ(simplified("a and b and not a"), "%0 = const false\nrule r = %0\n");
}

TEST(SimplifyPass, FoldsATautologyToTrue) {
    EXPECT_EQ(simplified("not a or b or a"), "%0 = const true\nrule r = %0\n");
}

TEST(SimplifyPass, AbsorbsADisjunctionImpliedByAConjunct) {
    EXPECT_EQ(simplified("a and (b or a)"), "%0 = pred \"a\" ; a\nrule r = %0\n");
}

TEST(SimplifyPass, AbsorbsAConjunctionThatImpliesADisjunct) {
    EXPECT_EQ(simplified("c or (a and b) or b"), "%0 = pred \"c\" ; c\n"
                                                 "%1 = pred \"b\" ; b\n"
                                                 "%2 = or %0, %1\n"
                                                 "rule r = %2\n");
}

TEST(SimplifyPass, DropsNeutralConstantsAndFoldsAbsorbingOnes) {
    EXPECT_EQ(simplified("a and true"), "%0 = pred \"a\" ; a\nrule r = %0\n");
    EXPECT_EQ(simplified("a and (b or true)"), "%0 = pred \"a\" ; a\nrule r = %0\n");
    EXPECT_EQ(simplified("a and false"), "%0 = const false\nrule r = %0\n");
    EXPECT_EQ(simplified("true and true"), "%0 = const true\nrule r = %0\n");
}

TEST(SimplifyPass, RemovesRepeatedOperands) {
    EXPECT_EQ(simplified("(a and b) or (b and a)"), "%0 = pred \"a\" ; a\n"
                                                    "%1 = pred \"b\" ; b\n"
                                                    "%2 = and %0, %1\n"
                                                    "rule r = %2\n");
}

TEST(SimplifyPass, FlattensWhatCollapsingExposes) {
    // (b or b) collapses to b only after dedup; the fixpoint then leaves one flat and.
    EXPECT_EQ(optimized({{"r", "a and ((b and c) or (c and b))"}}), "%0 = pred \"a\" ; a\n"
                                                                    "%1 = pred \"b\" ; b\n"
                                                                    "%2 = pred \"c\" ; c\n"
                                                                    "%3 = and %0, %1, %2\n"
                                                                    "rule r = %3\n"
                                                                    "wave 0: %0\n"
                                                                    "wave 1: %1\n"
                                                                    "wave 2: %2\n");
}

TEST(ConstantRules, NamesRulesThatNeverFireOrAlwaysFire) {
    ir::IRModule module =
        buildModule({{"never", "a and not a"}, {"fine", "a and b"}, {"always", "b or true"}});
    std::vector<ConstantRuleFinding> findings = findConstantRules(module);
    ASSERT_EQ(findings.size(), 2u);
    EXPECT_EQ(findings[0].id, "never");
    EXPECT_FALSE(findings[0].alwaysFires);
    EXPECT_EQ(findings[1].id, "always");
    EXPECT_TRUE(findings[1].alwaysFires);
    EXPECT_EQ(findings[1].rule, 2u);
    // The lowered module itself is left as it was.
    EXPECT_EQ(module.kind(module.ruleRoot(0)), ir::NodeKind::And);
}

TEST(ConstantRules, ReportsWarningsW070AndW071) {
    ir::IRModule module = buildModule({{"never", "a unless a"}, {"always", "a or not a"}});
    DiagnosticEngine diagnostics;
    reportConstantRules(findConstantRules(module), diagnostics);
    ASSERT_EQ(diagnostics.warningCount(), 2u);
    auto sorted = diagnostics.sorted();
    std::set<std::string> codes{sorted[0]->code, sorted[1]->code};
    EXPECT_EQ(codes, (std::set<std::string>{"W070", "W071"}));
    EXPECT_FALSE(diagnostics.hasErrors());
}

} // namespace
} // namespace clue
