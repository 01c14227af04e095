// One side's rules over the shared variables: a decision diagram for each, and a three-valued
// evaluator that re-evaluates only the rules a variable touches.
#pragma once

#include "compiler/diff/bdd_session.h"
#include "compiler/diff/variable_table.h"
#include "plan/plan.h"
#include "plan/plan_evaluator.h"

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace clue::diff {

class SideModel {
public:
    // A BddSession over `variables` must be alive for the model's whole life.
    SideModel(const plan::Plan& plan, const VariableTable& variables, int side);

    const plan::Plan& plan() const { return plan_; }
    size_t ruleCount() const { return plan_.rules.size(); }
    std::optional<size_t> ruleIndex(const std::string& id) const;
    const bdd& ruleBdd(size_t rule) const { return nodeBdds_[plan_.rules[rule].root]; }
    // The variables under the rule's formula, ascending.
    const std::vector<uint32_t>& ruleVariables(size_t rule) const { return ruleVariables_[rule]; }
    // The rules whose formula mentions `var`, ascending.
    const std::vector<size_t>& rulesUsing(uint32_t var) const { return rulesUsing_[var]; }

    // Kleene's value of the rule when each variable has the value in `values` (by variable).
    plan::Truth evaluate(size_t rule, const std::vector<plan::Truth>& values) const;

private:
    const plan::Plan& plan_;
    std::vector<uint32_t> variableOfPredicate_;
    std::vector<bdd> nodeBdds_;
    std::vector<std::vector<uint32_t>> ruleNodes_; // each rule's sub-DAG, ascending
    std::vector<std::vector<uint32_t>> ruleVariables_;
    std::vector<std::vector<size_t>> rulesUsing_;
    std::map<std::string, size_t> ruleById_;
    mutable std::vector<plan::Truth> scratch_;
};

} // namespace clue::diff
