// dedup: identical subformulas become one node; and/or operands count as sets.
#include "compiler/passes/dedup_pass.h"
#include "compiler/passes/normalize_pass.h"
#include "tests/ir/pass_test_util.h"

#include <gtest/gtest.h>

namespace clue {
namespace {

using testing::buildModule;
using testing::printAfter;

TEST(DedupPass, SharesIdenticalSubformulasAcrossRules) {
    ir::IRModule module = buildModule({{"r1", "(a or b) and c"}, {"r2", "d and (a or b)"}});
    DedupPass dedup;
    EXPECT_EQ(printAfter(module, {&dedup}), "%0 = pred \"a\" ; a\n"
                                            "%1 = pred \"b\" ; b\n"
                                            "%2 = or %0, %1\n"
                                            "%3 = pred \"c\" ; c\n"
                                            "%4 = and %2, %3\n"
                                            "rule r1 = %4\n"
                                            "%5 = pred \"d\" ; d\n"
                                            "%6 = and %5, %2\n"
                                            "rule r2 = %6\n");
}

TEST(DedupPass, TreatsOperandsAsASetAndKeepsTheFirstOrder) {
    ir::IRModule module = buildModule({{"r1", "a and not b"}, {"r2", "not b and a"}});
    DedupPass dedup;
    EXPECT_EQ(printAfter(module, {&dedup}), "%0 = pred \"a\" ; a\n"
                                            "%1 = pred \"b\" ; b\n"
                                            "%2 = not %1\n"
                                            "%3 = and %0, %2\n"
                                            "rule r1 = %3\n"
                                            "rule r2 = %3\n");
}

TEST(DedupPass, DoesNotMergeDifferentKinds) {
    ir::IRModule module = buildModule({{"r1", "a and b"}, {"r2", "a or b"}});
    DedupPass dedup;
    PassContext context;
    EXPECT_FALSE(dedup.run(module, context));
    EXPECT_EQ(ir::printModule(module), "%0 = pred \"a\" ; a\n"
                                       "%1 = pred \"b\" ; b\n"
                                       "%2 = and %0, %1\n"
                                       "rule r1 = %2\n"
                                       "%3 = or %0, %1\n"
                                       "rule r2 = %3\n");
}

TEST(DedupPass, MergesWhatNormalizeMadeEqual) {
    ir::IRModule module = buildModule({{"r1", "not (a or b)"}, {"r2", "not a and not b"}});
    NormalizePass normalize;
    DedupPass dedup;
    std::string printed = printAfter(module, {&normalize, &dedup});
    EXPECT_NE(printed.find("rule r1 = %4\nrule r2 = %4\n"), std::string::npos) << printed;
}

TEST(DedupPass, ReportsAChangeOnlyWhenItMerged) {
    ir::IRModule module = buildModule({{"r1", "a and b"}, {"r2", "b and a"}});
    DedupPass dedup;
    PassContext context;
    EXPECT_TRUE(dedup.run(module, context));
    EXPECT_FALSE(dedup.run(module, context));
}

} // namespace
} // namespace clue
