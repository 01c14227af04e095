// Where each declared predicate is used, in rules and in tests, across the whole program; and
// which statements the rules ask at all.
#pragma once

#include "compiler/sema/program.h"

#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace clue::lint {

struct PredicateUse {
    SourceSpan span;
    const ast::RuleDecl* rule = nullptr; // null: a test's `given`
};

class UsageIndex {
public:
    static UsageIndex build(const Program& program);

    // Uses of the predicate declared as `name` (empty when it has none).
    const std::vector<PredicateUse>& uses(const std::string& name) const;
    bool usedByRules(const std::string& name) const;
    // Whether some rule's formula asks this normalized statement, by name or inline.
    bool statementAskedByRules(const std::string& normalized) const {
        return ruleStatements_.count(normalized) > 0;
    }

private:
    std::unordered_map<std::string, std::vector<PredicateUse>> uses_;
    std::unordered_set<std::string> ruleStatements_;
};

} // namespace clue::lint
