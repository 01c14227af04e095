// Decision diagrams are built once per node, bottom-up; shared subformulas share them.
#include "compiler/diff/side_model.h"

#include <algorithm>

namespace clue::diff {

using plan::NodeOp;
using plan::Truth;

namespace {

std::vector<uint32_t> subDag(const plan::Plan& plan, uint32_t root, std::vector<uint32_t>& mark,
                             uint32_t stamp) {
    std::vector<uint32_t> nodes, stack{root};
    while (!stack.empty()) {
        uint32_t n = stack.back();
        stack.pop_back();
        if (mark[n] == stamp) {
            continue;
        }
        mark[n] = stamp;
        nodes.push_back(n);
        stack.insert(stack.end(), plan.nodes[n].children.begin(), plan.nodes[n].children.end());
    }
    std::sort(nodes.begin(), nodes.end());
    return nodes;
}

} // namespace

SideModel::SideModel(const plan::Plan& plan, const VariableTable& variables, int side)
    : plan_(plan), nodeBdds_(plan.nodes.size()), rulesUsing_(variables.size()),
      scratch_(plan.nodes.size(), Truth::Unknown) {
    for (uint32_t p = 0; p < plan.predicates.size(); ++p) {
        variableOfPredicate_.push_back(variables.variableOf(side, p));
    }
    for (size_t i = 0; i < plan.nodes.size(); ++i) {
        const plan::Node& node = plan.nodes[i];
        switch (node.op) {
        case NodeOp::Predicate: {
            uint32_t var = variableOfPredicate_[node.predicate];
            nodeBdds_[i] = var == kNoVariable ? bddfalse : bdd_ithvar(int(var));
            break;
        }
        case NodeOp::Const:
            nodeBdds_[i] = node.value ? bddtrue : bddfalse;
            break;
        case NodeOp::Not:
            nodeBdds_[i] = !nodeBdds_[node.children.front()];
            break;
        case NodeOp::And:
        case NodeOp::Or: {
            bool isAnd = node.op == NodeOp::And;
            bdd value = isAnd ? bddtrue : bddfalse;
            for (uint32_t c : node.children) {
                value = isAnd ? (value & nodeBdds_[c]) : (value | nodeBdds_[c]);
            }
            nodeBdds_[i] = value;
            break;
        }
        }
    }
    std::vector<uint32_t> mark(plan.nodes.size(), UINT32_MAX);
    for (size_t r = 0; r < plan.rules.size(); ++r) {
        ruleById_.emplace(plan.rules[r].id, r);
        ruleNodes_.push_back(subDag(plan, plan.rules[r].root, mark, uint32_t(r)));
        std::vector<uint32_t> vars;
        for (uint32_t n : ruleNodes_.back()) {
            if (plan.nodes[n].op == NodeOp::Predicate &&
                variableOfPredicate_[plan.nodes[n].predicate] != kNoVariable) {
                vars.push_back(variableOfPredicate_[plan.nodes[n].predicate]);
            }
        }
        std::sort(vars.begin(), vars.end());
        vars.erase(std::unique(vars.begin(), vars.end()), vars.end());
        for (uint32_t v : vars) {
            rulesUsing_[v].push_back(r);
        }
        ruleVariables_.push_back(std::move(vars));
    }
}

std::optional<size_t> SideModel::ruleIndex(const std::string& id) const {
    auto it = ruleById_.find(id);
    return it == ruleById_.end() ? std::nullopt : std::optional<size_t>(it->second);
}

Truth SideModel::evaluate(size_t rule, const std::vector<Truth>& values) const {
    for (uint32_t n : ruleNodes_[rule]) {
        const plan::Node& node = plan_.nodes[n];
        Truth predicate = Truth::Unknown;
        if (node.op == NodeOp::Predicate) {
            uint32_t var = variableOfPredicate_[node.predicate];
            predicate = var == kNoVariable ? Truth::Unknown : values[var];
        }
        scratch_[n] = plan::nodeValue(node, scratch_, predicate);
    }
    return scratch_[plan_.rules[rule].root];
}

} // namespace clue::diff
