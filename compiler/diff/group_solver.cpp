// Variable v of the table is SAT variable v + 1; every and/or node gets a variable of its own,
// equivalent to it in both directions, so that a rule's literal can be assumed true or false.
#include "compiler/diff/group_solver.h"

#include <cadical.hpp>

namespace clue::diff {

using plan::NodeOp;

GroupSolver::GroupSolver(const plan::Plan& oldPlan, const plan::Plan& newPlan,
                         const VariableTable& variables)
    : variables_(variables), solver_(std::make_unique<CaDiCaL::Solver>()),
      lastVariable_(int(variables.size())) {
    // Decide variables false first: rules are mostly conjunctions of things seen, so an
    // assignment that keeps thousands of rules from firing is found with little search.
    solver_->set("phase", 0);
    trueLiteral_ = fresh();
    solver_->add(trueLiteral_);
    solver_->add(0);
    ruleLiterals_[0] = encode(oldPlan, 0);
    ruleLiterals_[1] = encode(newPlan, 1);
}

GroupSolver::~GroupSolver() = default;

std::vector<int> GroupSolver::encode(const plan::Plan& plan, int side) {
    std::vector<int> literal(plan.nodes.size(), 0);
    for (size_t i = 0; i < plan.nodes.size(); ++i) {
        const plan::Node& node = plan.nodes[i];
        switch (node.op) {
        case NodeOp::Predicate: {
            uint32_t var = variables_.variableOf(side, node.predicate);
            literal[i] = var == kNoVariable ? -trueLiteral_ : int(var) + 1;
            break;
        }
        case NodeOp::Const:
            literal[i] = node.value ? trueLiteral_ : -trueLiteral_;
            break;
        case NodeOp::Not:
            literal[i] = -literal[node.children.front()];
            break;
        case NodeOp::And:
        case NodeOp::Or: {
            // And: x -> c for each c, and (all c) -> x. Or is the same with every sign flipped.
            int sign = node.op == NodeOp::And ? 1 : -1;
            int x = fresh();
            for (uint32_t c : node.children) {
                solver_->add(-sign * x);
                solver_->add(sign * literal[c]);
                solver_->add(0);
            }
            solver_->add(sign * x);
            for (uint32_t c : node.children) {
                solver_->add(-sign * literal[c]);
            }
            solver_->add(0);
            literal[i] = x;
            break;
        }
        }
    }
    std::vector<int> rules;
    for (const plan::Rule& rule : plan.rules) {
        rules.push_back(literal[rule.root]);
    }
    return rules;
}

std::optional<std::vector<bool>> GroupSolver::find(int fireSide, const std::vector<size_t>& fire,
                                                   const std::vector<size_t>& clear) {
    if (fire.empty()) {
        return std::nullopt;
    }
    // A selector stands for "some rule of `fire` is true"; assumed only for this query.
    int selector = fresh();
    solver_->add(-selector);
    for (size_t r : fire) {
        solver_->add(ruleLiterals_[fireSide][r]);
    }
    solver_->add(0);
    solver_->assume(selector);
    for (size_t r : clear) {
        solver_->assume(-ruleLiterals_[1 - fireSide][r]);
    }
    if (solver_->solve() != 10) {
        return std::nullopt;
    }
    std::vector<bool> values(variables_.size());
    for (size_t v = 0; v < values.size(); ++v) {
        values[v] = solver_->val(int(v) + 1) > 0;
    }
    return values;
}

} // namespace clue::diff
