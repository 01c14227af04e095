// Depth-first numbering over both plans' rule formulas.
#include "compiler/diff/variable_table.h"

namespace clue::diff {

VariableTable::VariableTable(const plan::Plan& oldPlan, const plan::Plan& newPlan) {
    walk(0, oldPlan);
    walk(1, newPlan);
    // NEW's wording wins where both sides have a statement.
    for (const plan::Predicate& p : newPlan.predicates) {
        if (auto var = find(p.key)) {
            statements_[*var] = p.statement;
        }
    }
}

std::optional<uint32_t> VariableTable::find(const std::string& key) const {
    auto it = byKey_.find(key);
    return it == byKey_.end() ? std::nullopt : std::optional<uint32_t>(it->second);
}

uint32_t VariableTable::add(const std::string& key, const std::string& statement) {
    auto [it, inserted] = byKey_.emplace(key, uint32_t(keys_.size()));
    if (inserted) {
        keys_.push_back(key);
        statements_.push_back(statement);
    }
    return it->second;
}

void VariableTable::walk(int side, const plan::Plan& plan) {
    byPredicate_[side].assign(plan.predicates.size(), kNoVariable);
    std::vector<bool> seen(plan.nodes.size(), false);
    std::vector<uint32_t> stack;
    for (const plan::Rule& rule : plan.rules) {
        stack.push_back(rule.root);
        while (!stack.empty()) {
            uint32_t n = stack.back();
            stack.pop_back();
            if (seen[n]) {
                continue;
            }
            seen[n] = true;
            const plan::Node& node = plan.nodes[n];
            if (node.op == plan::NodeOp::Predicate) {
                const plan::Predicate& p = plan.predicates[node.predicate];
                byPredicate_[side][node.predicate] = add(p.key, p.statement);
            }
            // Pushed in reverse, so the first argument is walked first.
            stack.insert(stack.end(), node.children.rbegin(), node.children.rend());
        }
    }
}

} // namespace clue::diff
