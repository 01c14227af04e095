// normalize: negation normal form, flattening, unless folding; sharing survives.
#include "compiler/passes/normalize_pass.h"
#include "tests/ir/pass_test_util.h"

#include <gtest/gtest.h>

namespace clue {
namespace {

using testing::buildModule;
using testing::printAfter;

std::string normalized(const std::string& formula) {
    ir::IRModule module = buildModule({{"r", formula}});
    NormalizePass normalize;
    return printAfter(module, {&normalize});
}

TEST(NormalizePass, PushesNegationThroughOrWithDeMorgan) {
    EXPECT_EQ(normalized("not (a or b)"), "%0 = pred \"a\" ; a\n"
                                          "%1 = not %0\n"
                                          "%2 = pred \"b\" ; b\n"
                                          "%3 = not %2\n"
                                          "%4 = and %1, %3\n"
                                          "rule r = %4\n");
}

TEST(NormalizePass, PushesNegationDownToPredicatesOnly) {
    EXPECT_EQ(normalized("not (a and (b or not c))"), "%0 = pred \"a\" ; a\n"
                                                      "%1 = not %0\n"
                                                      "%2 = pred \"b\" ; b\n"
                                                      "%3 = not %2\n"
                                                      "%4 = pred \"c\" ; c\n"
                                                      "%5 = and %3, %4\n"
                                                      "%6 = or %1, %5\n"
                                                      "rule r = %6\n");
}

TEST(NormalizePass, RemovesDoubleNegation) {
    EXPECT_EQ(normalized("not not a"), "%0 = pred \"a\" ; a\nrule r = %0\n");
}

TEST(NormalizePass, FlattensNestedJunctionsOfTheSameKind) {
    EXPECT_EQ(normalized("(a and (b and c)) and d"), "%0 = pred \"a\" ; a\n"
                                                     "%1 = pred \"b\" ; b\n"
                                                     "%2 = pred \"c\" ; c\n"
                                                     "%3 = pred \"d\" ; d\n"
                                                     "%4 = and %0, %1, %2, %3\n"
                                                     "rule r = %4\n");
}

TEST(NormalizePass, FoldsUnlessIntoTheRulesChain) {
    EXPECT_EQ(normalized("a and b unless c or d"), "%0 = pred \"a\" ; a\n"
                                                   "%1 = pred \"b\" ; b\n"
                                                   "%2 = pred \"c\" ; c\n"
                                                   "%3 = not %2\n"
                                                   "%4 = pred \"d\" ; d\n"
                                                   "%5 = not %4\n"
                                                   "%6 = and %0, %1, %3, %5\n"
                                                   "rule r = %6\n");
}

TEST(NormalizePass, NegatesConstants) {
    EXPECT_EQ(normalized("not true or a"), "%0 = const false\n"
                                           "%1 = pred \"a\" ; a\n"
                                           "%2 = or %0, %1\n"
                                           "rule r = %2\n");
}

TEST(NormalizePass, ReportsNoChangeOnNormalInput) {
    ir::IRModule module = buildModule({{"r", "a and (not b or c)"}});
    NormalizePass normalize;
    PassContext context;
    EXPECT_FALSE(normalize.run(module, context));
    ir::IRModule nested = buildModule({{"r", "not (a and b)"}});
    EXPECT_TRUE(normalize.run(nested, context));
    EXPECT_FALSE(normalize.run(nested, context));
}

TEST(NormalizePass, KeepsPredicatesSharedAcrossRules) {
    ir::IRModule module = buildModule({{"r1", "not (a or b)"}, {"r2", "a and c"}});
    NormalizePass normalize;
    EXPECT_EQ(printAfter(module, {&normalize}), "%0 = pred \"a\" ; a\n"
                                                "%1 = not %0\n"
                                                "%2 = pred \"b\" ; b\n"
                                                "%3 = not %2\n"
                                                "%4 = and %1, %3\n"
                                                "rule r1 = %4\n"
                                                "%5 = pred \"c\" ; c\n"
                                                "%6 = and %0, %5\n"
                                                "rule r2 = %6\n");
}

} // namespace
} // namespace clue
