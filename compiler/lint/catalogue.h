// Every lint rule, in one explicit list (catalogue.cpp): no static registration.
#pragma once

#include "compiler/lint/lint_rule.h"

#include <memory>
#include <string_view>
#include <vector>

namespace clue::lint {

class Catalogue {
public:
    // The rules clue ships, ordered by code.
    static const Catalogue& standard();

    const std::vector<std::unique_ptr<LintRule>>& rules() const { return rules_; }
    // The rule with this code ("L103") or name ("compound-predicate"); null if none.
    const LintRule* find(std::string_view codeOrName) const;
    // The position of `rule` in rules(), for SARIF's ruleIndex.
    size_t indexOf(const LintRule& rule) const;
    // Every code and name, for "did you mean".
    std::vector<std::string> codesAndNames() const;

    explicit Catalogue(std::vector<std::unique_ptr<LintRule>> rules);

private:
    std::vector<std::unique_ptr<LintRule>> rules_;
};

} // namespace clue::lint
