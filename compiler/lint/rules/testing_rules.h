// Shared by the testing rules: which rules of the linted file the coverage rules judge.
#pragma once

#include "compiler/lint/lint_context.h"

namespace clue::lint {

// The rules of the file that can be tested: those with a chain, their `when` formula or the
// one their lock entry gives them.
std::vector<const ast::RuleDecl*> testableRules(const LintContext& context);

} // namespace clue::lint
