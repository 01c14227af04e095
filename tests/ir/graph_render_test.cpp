// `clue graph` renderings: shared nodes are told apart, every node and edge is drawn.
#include "plan/render/dot_renderer.h"
#include "plan/render/graph_json.h"
#include "plan/render/rule_reach.h"
#include "tests/ir/pass_test_util.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

namespace clue {
namespace {

using ::testing::HasSubstr;

plan::Plan sharedPlan(int level) {
    return testing::compileModule(
        testing::buildModule({{"gore", "person and blood"}, {"burning", "person and fire"}}),
        level);
}

TEST(RuleReach, CountsRulesPerPredicate) {
    RuleReach o2 = computeRuleReach(sharedPlan(2));
    EXPECT_EQ(o2.predicateRules, (std::vector<uint32_t>{2, 1, 1}));
    RuleReach o0 = computeRuleReach(sharedPlan(0));
    EXPECT_EQ(o0.predicateRules, (std::vector<uint32_t>{1, 1, 1, 1}));
}

TEST(DotRenderer, MarksSharedPredicatesAndDrawsALegend) {
    plan::Plan plan = sharedPlan(2);
    std::string dot = renderDot(plan);
    EXPECT_EQ(dot.rfind("digraph clue {", 0), 0u);
    EXPECT_THAT(dot, HasSubstr("subgraph cluster_legend"));
    EXPECT_THAT(dot, HasSubstr("n0 [shape=ellipse, style=filled, fillcolor=\"#9fc5e8\", "
                               "peripheries=2, penwidth=1.5, label=\"person\"];"));
    EXPECT_THAT(dot, HasSubstr("n1 [shape=ellipse, style=filled, fillcolor=\"#deebf7\", "
                               "label=\"blood\"];"));
    EXPECT_THAT(dot, HasSubstr("r0 -> n2;"));
    EXPECT_THAT(dot, HasSubstr("n2 -> n0 [label=\"1\"];"));
    EXPECT_THAT(dot, HasSubstr("label=\"rule gore\""));
    EXPECT_EQ(dot.substr(dot.size() - 2), "}\n");
}

TEST(DotRenderer, EscapesQuotesInStatements) {
    plan::Plan plan = sharedPlan(2);
    plan.predicates[1].statement = "a \"quoted\" word";
    EXPECT_THAT(renderDot(plan), HasSubstr("label=\"a \\\"quoted\\\" word\""));
}

TEST(GraphJson, ListsNodesEdgesAndSharing) {
    nlohmann::ordered_json g = graphToJson(sharedPlan(2));
    EXPECT_EQ(g["rules"], 2);
    EXPECT_EQ(g["predicates"], 3);
    EXPECT_EQ(g["shared_predicates"], 1);
    // 2 rule nodes + 5 plan nodes; 2 rule edges + 4 operand edges.
    EXPECT_EQ(g["nodes"].size(), 7u);
    EXPECT_EQ(g["edges"].size(), 6u);
    EXPECT_EQ(g["nodes"][2]["kind"], "predicate");
    EXPECT_EQ(g["nodes"][2]["shared"], true);
    nlohmann::ordered_json naive = graphToJson(sharedPlan(0));
    EXPECT_EQ(naive["shared_predicates"], 0);
}

} // namespace
} // namespace clue
