// Estimates for ordering: each node's probability of being true and its expected cost of
// evaluation with short-circuiting, assuming independent predicates (docs/ir.md says why
// that is good enough to order operands).
#pragma once

#include "compiler/ir/ir_module.h"

#include <vector>

namespace clue {

struct Estimate {
    double pTrue = 0.5;
    double cost = 1.0;
};

// The estimate of a leaf: a predicate's prior (or calibrated m_none, else 0.5) and cost; a
// constant's value at no cost.
Estimate leafEstimate(const ir::IRModule& module, ir::Vertex v);

// The estimate of an and/or whose operands, in evaluation order, have `operands` estimates.
Estimate junctionEstimate(ir::NodeKind kind, const std::vector<Estimate>& operands);

// Whether an operand with estimate `a` should be asked before one with `b` under `kind`:
// ascending cost / P(false) for and (the likeliest to clear the rule cheaply goes first),
// ascending cost / P(true) for or.
bool asksFirst(ir::NodeKind kind, const Estimate& a, const Estimate& b);

} // namespace clue
