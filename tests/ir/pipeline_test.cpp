// The pipeline: levels, --print-after, verification, and "these two inputs optimize to the
// same IR" (the DuckDB way of testing an optimizer without brittle snapshots).
#include "compiler/ir/ir_builder.h"
#include "tests/ir/pass_test_util.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <sstream>

namespace clue {
namespace {

using testing::buildModule;
using ::testing::HasSubstr;
using testing::optimized;

TEST(Pipeline, EquivalentFormulasOptimizeToTheSameIR) {
    const std::vector<std::pair<std::string, std::string>> same = {
        {"not (a or b)", "not a and not b"},
        {"not (a and b)", "not a or not b"},
        {"a unless b", "a and not b"},
        {"not not a", "a"},
        {"a and (b and c)", "(a and b) and c"},
        {"a and (a or b)", "a"},
        {"(a and b) or a", "a"},
        {"(a or b) and (b or a)", "a or b"},
        {"a and not a", "false"},
        {"a or not (a and true)", "true"},
        {"(a or b) unless (a or b)", "false"},
        {"a and (b or false)", "a and b"},
    };
    for (const auto& [left, right] : same) {
        EXPECT_EQ(optimized({{"r", left}}), optimized({{"r", right}})) << left << "  vs  " << right;
    }
}

TEST(Pipeline, DifferentFormulasStayDifferent) {
    EXPECT_NE(optimized({{"r", "a and b"}}), optimized({{"r", "a or b"}}));
    EXPECT_NE(optimized({{"r", "a and not b"}}), optimized({{"r", "not a and b"}}));
}

TEST(Pipeline, RecordsThePassesOfEachLevel) {
    for (int level : {0, 2}) {
        ir::IRModule module = buildModule({{"r", "a and b"}});
        PassContext context;
        PipelineOptions options;
        options.level = level;
        PipelineResult result = runPipeline(module, context, options);
        if (level == 0) {
            EXPECT_EQ(result.passes, (std::vector<std::string>{"isolate", "schedule"}));
        } else {
            EXPECT_EQ(result.passes, (std::vector<std::string>{"normalize", "dedup", "simplify",
                                                               "order", "schedule"}));
        }
        EXPECT_FALSE(result.runs.empty());
    }
}

TEST(Pipeline, RepeatsSimplifyUntilItChangesNothing) {
    ir::IRModule module = buildModule({{"r", "not (a or b)"}});
    PassContext context;
    PipelineResult result = runPipeline(module, context, {});
    // normalize, dedup, simplify (nothing to fold: no change, so no second round), order,
    // schedule.
    ASSERT_EQ(result.runs.size(), 5u);
    EXPECT_TRUE(result.runs[0].changed);
    EXPECT_FALSE(result.runs[2].changed);
    ir::IRModule folding = buildModule({{"r", "a and (b or not a)"}});
    result = runPipeline(folding, context, {});
    ASSERT_EQ(result.runs.size(), 6u);
    EXPECT_EQ(result.runs[2].name, "simplify");
    EXPECT_TRUE(result.runs[2].changed);
    EXPECT_EQ(result.runs[3].round, 2);
    EXPECT_FALSE(result.runs[3].changed);
}

TEST(Pipeline, PrintsTheIRAfterTheNamedPass) {
    ir::IRModule module = buildModule({{"r", "not (a or b)"}});
    std::ostringstream out;
    PassContext context;
    PipelineOptions options;
    options.runner.printAfter = {"normalize"};
    options.runner.printTo = &out;
    runPipeline(module, context, options);
    EXPECT_EQ(out.str(), "; IR after normalize\n"
                         "%0 = pred \"a\" ; a\n"
                         "%1 = not %0\n"
                         "%2 = pred \"b\" ; b\n"
                         "%3 = not %2\n"
                         "%4 = and %1, %3\n"
                         "rule r = %4\n"
                         "\n");
}

TEST(Pipeline, PrintsAfterEveryPassWithAll) {
    ir::IRModule module = buildModule({{"r", "a"}});
    std::ostringstream out;
    PassContext context;
    PipelineOptions options;
    options.level = 0;
    options.runner.printAfter = {"all"};
    options.runner.printTo = &out;
    runPipeline(module, context, options);
    EXPECT_EQ(out.str(), "; IR after isolate\n%0 = pred \"a\" ; a\nrule r = %0\n\n"
                         "; IR after schedule\n%0 = pred \"a\" ; a\nrule r = %0\nwave 0: %0\n\n");
}

class BreakingPass : public Pass {
public:
    std::string_view name() const override { return "breaking"; }
    bool run(ir::IRModule& module, PassContext&) override {
        ir::Vertex v = module.ruleRoot(0);
        module.setChildren(v, {}); // an and with no operands
        return true;
    }
};

TEST(Pipeline, VerificationNamesThePassThatBrokeTheIR) {
    ir::IRModule module = buildModule({{"r", "a and b"}});
    PassContext context;
    PassRunner runner(context, {});
    BreakingPass breaking;
    try {
        runner.run(breaking, module);
        FAIL() << "the broken IR was not caught";
    } catch (const ir::IRVerificationError& e) {
        EXPECT_THAT(e.what(), HasSubstr("after pass 'breaking'"));
        EXPECT_THAT(e.what(), HasSubstr("and"));
    }
}

TEST(IRVerifier, FindsACycle) {
    ir::IRModule module = buildModule({{"r", "a and b"}});
    ir::Vertex root = module.ruleRoot(0);
    std::vector<ir::Vertex> operands(module.children(root).begin(), module.children(root).end());
    ir::Vertex inner = module.addNode({ir::NodeKind::Or, false, 0}, std::vector<ir::Vertex>{root});
    operands.push_back(inner);
    module.setChildren(root, operands);
    EXPECT_THROW(ir::verifyModule(module), ir::IRVerificationError);
}

TEST(IRVerifier, FindsAPredicateMissingFromTheSchedule) {
    ir::IRModule module = buildModule({{"r", "a and b"}});
    module.setSchedule({{module.child(module.ruleRoot(0), 0)}});
    EXPECT_THROW(ir::verifyModule(module), ir::IRVerificationError);
}

TEST(IRModule, CloneIsIndependent) {
    ir::IRModule module = buildModule({{"r", "a and b"}});
    ir::IRModule copy = module.clone();
    module.setChildren(module.ruleRoot(0),
                       std::vector<ir::Vertex>{module.child(module.ruleRoot(0), 0)});
    EXPECT_EQ(copy.childCount(copy.ruleRoot(0)), 2u);
    EXPECT_EQ(ir::printModule(copy), "%0 = pred \"a\" ; a\n%1 = pred \"b\" ; b\n%2 = and %0, %1\n"
                                     "rule r = %2\n");
}

} // namespace
} // namespace clue
