// isolate (-O0): every rule gets its own copy of its formula and predicates; within one rule a
// predicate stays one node.
#include "compiler/passes/dedup_pass.h"
#include "compiler/passes/isolate_pass.h"
#include "tests/ir/pass_test_util.h"

#include <gtest/gtest.h>

namespace clue {
namespace {

using testing::buildModule;
using testing::printAfter;

TEST(IsolatePass, GivesEveryRuleItsOwnPredicates) {
    ir::IRModule module = buildModule({{"r1", "a and (b or a)"}, {"r2", "a and c"}});
    IsolatePass isolate;
    EXPECT_EQ(printAfter(module, {&isolate}), "%0 = pred \"a\" ; a\n"
                                              "%1 = pred \"b\" ; b\n"
                                              "%2 = or %1, %0\n"
                                              "%3 = and %0, %2\n"
                                              "rule r1 = %3\n"
                                              "%4 = pred \"a\" ; a\n"
                                              "%5 = pred \"c\" ; c\n"
                                              "%6 = and %4, %5\n"
                                              "rule r2 = %6\n");
}

TEST(IsolatePass, KeepsAPredicateOneNodeWithinARule) {
    ir::IRModule module = buildModule({{"r", "(a and b) or (a and c)"}});
    IsolatePass isolate;
    EXPECT_EQ(printAfter(module, {&isolate}), "%0 = pred \"a\" ; a\n"
                                              "%1 = pred \"b\" ; b\n"
                                              "%2 = and %0, %1\n"
                                              "%3 = pred \"c\" ; c\n"
                                              "%4 = and %0, %3\n"
                                              "%5 = or %2, %4\n"
                                              "rule r = %5\n");
}

TEST(IsolatePass, CopiesASubformulaThatDedupShared) {
    ir::IRModule module = buildModule({{"r1", "a or b"}, {"r2", "b or a"}});
    DedupPass dedup;
    IsolatePass isolate;
    EXPECT_EQ(printAfter(module, {&dedup, &isolate}), "%0 = pred \"a\" ; a\n"
                                                      "%1 = pred \"b\" ; b\n"
                                                      "%2 = or %0, %1\n"
                                                      "rule r1 = %2\n"
                                                      "%3 = pred \"a\" ; a\n"
                                                      "%4 = pred \"b\" ; b\n"
                                                      "%5 = or %3, %4\n"
                                                      "rule r2 = %5\n");
}

TEST(IsolatePass, ReportsAChangeOnlyWhenSomethingWasShared) {
    ir::IRModule module = buildModule({{"r1", "a and b"}, {"r2", "a and c"}});
    IsolatePass isolate;
    PassContext context;
    EXPECT_TRUE(isolate.run(module, context));
    EXPECT_FALSE(isolate.run(module, context));
    ir::IRModule alone = buildModule({{"r1", "a and b"}, {"r2", "c or d"}});
    EXPECT_FALSE(isolate.run(alone, context));
}

} // namespace
} // namespace clue
