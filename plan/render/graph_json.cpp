// Ids match the DOT output: r<i> for rules, n<i> for plan nodes.
#include "plan/render/graph_json.h"

#include "common/assert.h"
#include "plan/render/rule_reach.h"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

namespace clue {
namespace {

using json = nlohmann::ordered_json;

const char* kindOf(plan::NodeOp op) {
    switch (op) {
    case plan::NodeOp::Predicate:
        return "predicate";
    case plan::NodeOp::And:
        return "and";
    case plan::NodeOp::Or:
        return "or";
    case plan::NodeOp::Not:
        return "not";
    case plan::NodeOp::Const:
        return "const";
    }
    CLUE_UNREACHABLE();
}

json nodeJson(const plan::Plan& plan, uint32_t n, const RuleReach& reach) {
    const plan::Node& node = plan.nodes[n];
    json j = {{"id", fmt::format("n{}", n)}, {"kind", kindOf(node.op)}};
    if (node.op == plan::NodeOp::Predicate) {
        j["predicate"] = node.predicate;
        j["statement"] = plan.predicates[node.predicate].statement;
    } else if (node.op == plan::NodeOp::Const) {
        j["value"] = node.value;
    }
    j["rules"] = reach.nodeRules[n];
    j["shared"] = reach.nodeRules[n] > 1;
    return j;
}

} // namespace

nlohmann::ordered_json graphToJson(const plan::Plan& plan) {
    RuleReach reach = computeRuleReach(plan);
    json nodes = json::array();
    json edges = json::array();
    for (uint32_t r = 0; r < plan.rules.size(); ++r) {
        const plan::Rule& rule = plan.rules[r];
        nodes.push_back({{"id", fmt::format("r{}", r)},
                         {"kind", "rule"},
                         {"rule", rule.id},
                         {"severity", rule.severity ? json(*rule.severity) : json(nullptr)}});
        edges.push_back(
            {{"from", fmt::format("r{}", r)}, {"to", fmt::format("n{}", rule.root)}, {"order", 0}});
    }
    for (uint32_t n = 0; n < plan.nodes.size(); ++n) {
        nodes.push_back(nodeJson(plan, n, reach));
        const std::vector<uint32_t>& kids = plan.nodes[n].children;
        for (size_t i = 0; i < kids.size(); ++i) {
            edges.push_back({{"from", fmt::format("n{}", n)},
                             {"to", fmt::format("n{}", kids[i])},
                             {"order", i}});
        }
    }
    size_t shared = 0;
    for (uint32_t count : reach.predicateRules) {
        shared += count > 1;
    }
    return {{"rules", plan.rules.size()},
            {"predicates", plan.predicates.size()},
            {"shared_predicates", shared},
            {"nodes", nodes},
            {"edges", edges}};
}

} // namespace clue
