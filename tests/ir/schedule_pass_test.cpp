// schedule: a predicate's wave is its earliest position along any rule's chain.
#include "compiler/passes/schedule_pass.h"
#include "tests/ir/pass_test_util.h"

#include <gtest/gtest.h>

namespace clue {
namespace {

using testing::buildModule;
using testing::printAfter;

TEST(SchedulePass, PutsEachPredicateAtItsEarliestPosition) {
    ir::IRModule module = buildModule({{"r1", "a and b and d"}, {"r2", "b and c"}});
    SchedulePass schedule;
    EXPECT_EQ(printAfter(module, {&schedule}), "%0 = pred \"a\" ; a\n"
                                               "%1 = pred \"b\" ; b\n"
                                               "%2 = pred \"d\" ; d\n"
                                               "%3 = and %0, %1, %2\n"
                                               "rule r1 = %3\n"
                                               "%4 = pred \"c\" ; c\n"
                                               "%5 = and %1, %4\n"
                                               "rule r2 = %5\n"
                                               "wave 0: %0, %1\n"
                                               "wave 1: %4\n"
                                               "wave 2: %2\n");
}

TEST(SchedulePass, CountsAPredicateOncePerRule) {
    // In (a and b) or (a and c), a is the first question and c the third.
    ir::IRModule module = buildModule({{"r", "(a and b) or (a and c)"}});
    SchedulePass schedule;
    std::string printed = printAfter(module, {&schedule});
    EXPECT_NE(printed.find("wave 0: %0\nwave 1: %1\nwave 2: %3\n"), std::string::npos) << printed;
}

TEST(SchedulePass, CapsTheNumberOfWaves) {
    ir::IRModule module = buildModule({{"r1", "a and b and d"}, {"r2", "b and c"}});
    SchedulePass schedule;
    PassContext context;
    context.maxWaves = 2;
    std::string printed = printAfter(module, {&schedule}, context);
    EXPECT_NE(printed.find("wave 0: %0, %1\nwave 1: %2, %4\n"), std::string::npos) << printed;
    context.maxWaves = 1;
    printed = printAfter(module, {&schedule}, context);
    EXPECT_NE(printed.find("wave 0: %0, %1, %2, %4\n"), std::string::npos) << printed;
}

} // namespace
} // namespace clue
