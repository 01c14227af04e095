// Whether a rule's formula is a constant: the compiler's simplification first (the W070/W071
// analysis), then an exact check for formulas over a few predicates, which finds what local
// rewrites miss.
#pragma once

#include "compiler/lint/lint_context.h"

namespace clue::lint {

enum class Constancy { Varies, NeverFires, AlwaysFires };

Constancy constancyOf(const LintContext& context, const ast::RuleDecl& rule);

} // namespace clue::lint
