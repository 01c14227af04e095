// One walk per rule with a stamp per node, so a node shared within a rule counts once.
#include "plan/render/rule_reach.h"

namespace clue {

RuleReach computeRuleReach(const plan::Plan& plan) {
    RuleReach reach;
    reach.nodeRules.assign(plan.nodes.size(), 0);
    reach.predicateRules.assign(plan.predicates.size(), 0);
    std::vector<uint32_t> nodeStamp(plan.nodes.size(), 0);
    std::vector<uint32_t> predicateStamp(plan.predicates.size(), 0);
    std::vector<uint32_t> stack;
    for (uint32_t r = 0; r < plan.rules.size(); ++r) {
        const uint32_t stamp = r + 1;
        stack.assign(1, plan.rules[r].root);
        while (!stack.empty()) {
            uint32_t n = stack.back();
            stack.pop_back();
            if (nodeStamp[n] == stamp) {
                continue;
            }
            nodeStamp[n] = stamp;
            ++reach.nodeRules[n];
            const plan::Node& node = plan.nodes[n];
            if (node.op == plan::NodeOp::Predicate && predicateStamp[node.predicate] != stamp) {
                predicateStamp[node.predicate] = stamp;
                ++reach.predicateRules[node.predicate];
            }
            stack.insert(stack.end(), node.children.begin(), node.children.end());
        }
    }
    return reach;
}

} // namespace clue
