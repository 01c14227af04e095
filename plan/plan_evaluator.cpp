// Kleene evaluation over the topologically sorted node array.
#include "plan/plan_evaluator.h"

#include "common/assert.h"

namespace clue::plan {

const char* truthName(Truth t) {
    switch (t) {
    case Truth::False:
        return "false";
    case Truth::True:
        return "true";
    case Truth::Unknown:
        return "unknown";
    }
    CLUE_UNREACHABLE();
}

namespace {

// `and` when `dominant` is False, `or` when it is True.
Truth combine(const Node& node, const std::vector<Truth>& values, Truth dominant) {
    bool unknown = false;
    for (uint32_t child : node.children) {
        if (values[child] == dominant) {
            return dominant;
        }
        unknown = unknown || values[child] == Truth::Unknown;
    }
    if (unknown) {
        return Truth::Unknown;
    }
    return dominant == Truth::False ? Truth::True : Truth::False;
}

Truth negate(Truth t) {
    return t == Truth::Unknown ? t : (t == Truth::True ? Truth::False : Truth::True);
}

} // namespace

Truth nodeValue(const Node& node, const std::vector<Truth>& values, Truth predicate) {
    switch (node.op) {
    case NodeOp::Predicate:
        return predicate;
    case NodeOp::Const:
        return node.value ? Truth::True : Truth::False;
    case NodeOp::Not:
        return negate(values[node.children.front()]);
    case NodeOp::And:
        return combine(node, values, Truth::False);
    case NodeOp::Or:
        return combine(node, values, Truth::True);
    }
    return Truth::Unknown;
}

std::vector<Truth> evaluateNodes(const Plan& plan, const std::vector<Truth>& predicates) {
    std::vector<Truth> values(plan.nodes.size(), Truth::Unknown);
    for (size_t i = 0; i < plan.nodes.size(); ++i) {
        const Node& node = plan.nodes[i];
        values[i] =
            nodeValue(node, values,
                      node.op == NodeOp::Predicate ? predicates[node.predicate] : Truth::Unknown);
    }
    return values;
}

std::vector<uint32_t> neededPredicates(const Plan& plan, const std::vector<Truth>& nodeValues) {
    std::vector<uint32_t> needed;
    std::vector<bool> visited(plan.nodes.size(), false);
    std::vector<bool> listed(plan.predicates.size(), false);
    std::vector<uint32_t> stack;
    for (const Rule& rule : plan.rules) {
        stack.push_back(rule.root);
        while (!stack.empty()) {
            uint32_t n = stack.back();
            stack.pop_back();
            if (visited[n] || nodeValues[n] != Truth::Unknown) {
                continue;
            }
            visited[n] = true;
            const Node& node = plan.nodes[n];
            if (node.op == NodeOp::Predicate) {
                if (!listed[node.predicate]) {
                    listed[node.predicate] = true;
                    needed.push_back(node.predicate);
                }
                continue;
            }
            // Push in reverse so that the first argument is visited first.
            for (auto it = node.children.rbegin(); it != node.children.rend(); ++it) {
                stack.push_back(*it);
            }
        }
    }
    return needed;
}

} // namespace clue::plan
