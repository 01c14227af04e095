// The propositional variables of a diff: one per normalized statement, shared by both sides,
// so that a renamed predicate is the same variable and a reworded one a new variable.
#pragma once

#include "plan/plan.h"

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace clue::diff {

inline constexpr uint32_t kNoVariable = UINT32_MAX;

class VariableTable {
public:
    // Variables are numbered in the order a depth-first walk of OLD's rules, then NEW's, first
    // meets their statements: the statements of one rule sit next to each other, which keeps
    // the rules' decision diagrams small.
    VariableTable(const plan::Plan& oldPlan, const plan::Plan& newPlan);

    size_t size() const { return keys_.size(); }
    const std::string& key(uint32_t var) const { return keys_[var]; }
    // NEW's text of the statement when NEW has it, else OLD's.
    const std::string& statement(uint32_t var) const { return statements_[var]; }
    // The variable of plan predicate `index` of a side (0: OLD, 1: NEW); kNoVariable for a
    // predicate that no rule uses.
    uint32_t variableOf(int side, uint32_t predicate) const {
        return byPredicate_[side][predicate];
    }
    std::optional<uint32_t> find(const std::string& key) const;

private:
    void walk(int side, const plan::Plan& plan);
    uint32_t add(const std::string& key, const std::string& statement);

    std::vector<std::string> keys_, statements_;
    std::map<std::string, uint32_t> byKey_;
    std::vector<uint32_t> byPredicate_[2];
};

} // namespace clue::diff
