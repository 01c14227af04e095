// Whether two modules mean the same, ignoring layout: spans, parentheses and how texts are
// split into pieces. fmt checks its own output with it before writing anything.
#pragma once

#include "compiler/ast/module.h"

#include <string>

namespace clue {

// Empty when `a` and `b` are equivalent, else a description of the first difference.
std::string moduleDifference(const ast::Module& a, const ast::Module& b);

} // namespace clue
