// A precondition chain as the extract prompt answers it: an AND of steps, each an OR of
// alternative statements, each with its central object.
#pragma once

#include "compiler/ast/formula.h"

#include <memory>
#include <string>
#include <vector>

namespace clue::objectify {

struct ChainStatement {
    std::string statement;
    std::string object; // "" when the statement has no central object
};

using ChainStep = std::vector<ChainStatement>; // alternatives: any one holds

struct Chain {
    std::vector<ChainStep> steps; // all must hold

    size_t statementCount() const;
    // The chain as a formula of inline statements: one step is its alternatives joined by `or`,
    // steps are joined by `and`. Spans are empty.
    std::unique_ptr<ast::Formula> toFormula() const;
    // Every statement that has a central object, in chain order, first occurrence only (by
    // normalized statement).
    std::vector<ChainStatement> objects() const;
};

} // namespace clue::objectify
