// Plan emission: valid plans that the loader accepts, numbering children-first, -O0 with one
// copy of each predicate per rule, and the schedule carried over.
#include "common/statement.h"
#include "compiler/emit/plan_emitter.h"
#include "plan/plan_json.h"
#include "plan/plan_loader.h"
#include "tests/ir/pass_test_util.h"

#include <gtest/gtest.h>

namespace clue {
namespace {

using testing::buildModule;

TEST(PlanEmitter, EmitsAPlanTheLoaderAccepts) {
    for (int level : {0, 2}) {
        plan::Plan p = testing::compileModule(
            buildModule({{"r1", "a and (b or not c)"}, {"r2", "b unless a"}}), level);
        std::string text = plan::toText(p);
        plan::Plan back = plan::parsePlan(text, "emitted.json");
        EXPECT_EQ(plan::toText(back), text);
        EXPECT_EQ(back.optimization.level, level);
    }
}

TEST(PlanEmitter, NumbersNodesChildrenFirstAndSharesPredicatesAtO2) {
    plan::Plan p = testing::compileModule(buildModule({{"r1", "a and b"}, {"r2", "b and c"}}), 2);
    ASSERT_EQ(p.predicates.size(), 3u);
    EXPECT_EQ(p.predicates[0].statement, "a");
    EXPECT_EQ(p.predicates[1].statement, "b");
    EXPECT_EQ(p.predicates[2].statement, "c");
    for (size_t i = 0; i < p.nodes.size(); ++i) {
        for (uint32_t c : p.nodes[i].children) {
            EXPECT_LT(c, i);
        }
    }
    ASSERT_EQ(p.rules.size(), 2u);
    EXPECT_EQ(p.nodes[p.rules[1].root].op, plan::NodeOp::And);
    EXPECT_EQ(p.schedule, (std::vector<std::vector<uint32_t>>{{0, 1}, {2}}));
    EXPECT_EQ(p.optimization.passes,
              (std::vector<std::string>{"normalize", "dedup", "simplify", "order", "schedule"}));
}

TEST(PlanEmitter, GivesEachRuleItsOwnPredicatesAtO0) {
    plan::Plan p = testing::compileModule(buildModule({{"r1", "a and b"}, {"r2", "b and c"}}), 0);
    ASSERT_EQ(p.predicates.size(), 4u);
    EXPECT_EQ(p.predicates[1].statement, "b");
    EXPECT_EQ(p.predicates[2].statement, "b");
    EXPECT_EQ(p.predicates[1].key, p.predicates[2].key);
    // Each rule's chain in its written order: first questions, then second questions.
    EXPECT_EQ(p.schedule, (std::vector<std::vector<uint32_t>>{{0, 2}, {1, 3}}));
}

TEST(PlanEmitter, CopiesRuleAndPredicateFacts) {
    ir::IRModule module = buildModule({{"r", "a and b"}}, {{"a", 2.5, 0.25}});
    module.info().name = "demo";
    module.info().categories.push_back({"violence", "Violence"});
    module.ruleInfos()[0].category = "violence";
    module.ruleInfos()[0].severity = "high";
    module.ruleInfos()[0].location = "demo.clue:3";
    plan::Plan p = testing::compileModule(std::move(module), 2);
    EXPECT_EQ(p.constitution.name, "demo");
    ASSERT_EQ(p.categories.size(), 1u);
    EXPECT_EQ(p.rules[0].category, "violence");
    EXPECT_EQ(p.rules[0].severity, "high");
    EXPECT_EQ(p.rules[0].location, "demo.clue:3");
    EXPECT_EQ(p.rules[0].text, "Rule r.");
    const plan::Predicate& a = p.predicates[1]; // b (0.5 / cost 1) is asked before a (2.5 / 0.75)
    EXPECT_EQ(a.statement, "a");
    EXPECT_EQ(a.cost, 2.5);
    EXPECT_EQ(a.prior, 0.25);
    EXPECT_EQ(a.key, statementHash("a"));
}

TEST(PlanEmitter, SameModuleGivesTheSameBytes) {
    auto text = [] {
        return plan::toText(testing::compileModule(
            buildModule({{"r1", "(a or b) and not c"}, {"r2", "c or (b and a)"}}), 2));
    };
    EXPECT_EQ(text(), text());
}

} // namespace
} // namespace clue
