// The SAT side of the semantic diff: both plans' formulas in one CaDiCaL instance (a Tseitin
// encoding, linear in the plans' size), asked incrementally whether some assignment fires one
// group of rules while firing none of another. It decides the categories and the verdict,
// whose disjunctions of thousands of rules no decision diagram can hold.
#pragma once

#include "compiler/diff/variable_table.h"
#include "plan/plan.h"

#include <memory>
#include <optional>
#include <vector>

namespace CaDiCaL {
class Solver;
}

namespace clue::diff {

class GroupSolver {
public:
    GroupSolver(const plan::Plan& oldPlan, const plan::Plan& newPlan,
                const VariableTable& variables);
    ~GroupSolver();

    // An assignment (one value per variable) under which some rule of `fire` (of side
    // `fireSide`, 0: OLD, 1: NEW) is true and every rule of `clear` (of the other side) is
    // false; nothing when there is none.
    std::optional<std::vector<bool>> find(int fireSide, const std::vector<size_t>& fire,
                                          const std::vector<size_t>& clear);

private:
    std::vector<int> encode(const plan::Plan& plan, int side);
    int fresh() { return ++lastVariable_; }

    const VariableTable& variables_;
    std::unique_ptr<CaDiCaL::Solver> solver_;
    int lastVariable_ = 0;
    int trueLiteral_ = 0;
    std::vector<int> ruleLiterals_[2];
};

} // namespace clue::diff
