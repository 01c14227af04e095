// Where each declared predicate is used, in rules and in tests, across the whole program; and
// which statements the rules ask at all. A rule without `when` asks the statements of the chain
// its lock entry gives it; a chain's statement that a predicate declares is a use of that
// predicate, since the compiler asks them as one.
#pragma once

#include "compiler/objectify/locked_rules.h"
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
    static UsageIndex build(const Program& program, const objectify::LockedRules* locked = nullptr);

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
