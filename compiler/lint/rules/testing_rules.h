// Shared by the testing rules: which rules of the linted file the coverage rules judge.
#pragma once

#include "compiler/lint/lint_context.h"

namespace clue::lint {

// The rules of the file that can be tested: those with a `when` formula.
std::vector<const ast::RuleDecl*> testableRules(const LintContext& context);

} // namespace clue::lint
