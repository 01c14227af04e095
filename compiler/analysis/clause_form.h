// Conjunctive normal form of IR formulas, for implication checks between rules: a formula is
// an AND of clauses, each an OR of literals (a predicate or its negation). CLUE's precondition
// chains are already in this shape, so the conversion rarely grows anything.
#pragma once

#include "compiler/ir/ir_module.h"

#include <cstdint>
#include <optional>
#include <vector>

namespace clue::analysis {

// 2 * predicate index + 1 when negated.
using Literal = uint32_t;
inline Literal literalOf(uint32_t predicate, bool negated) {
    return predicate * 2 + (negated ? 1 : 0);
}
inline uint32_t predicateOf(Literal literal) {
    return literal / 2;
}

using Clause = std::vector<Literal>; // sorted, no repeats, never both p and not p

struct ClauseForm {
    std::vector<Clause> clauses; // none: true; one empty clause: false
    bool isFalse() const { return clauses.size() == 1 && clauses.front().empty(); }
};

// The CNF of `root` (of its negation when `negated`), without tautological or subsumed
// clauses. Nothing when distributing `or` over `and` would exceed `maxClauses` clauses.
std::optional<ClauseForm> clauseForm(const ir::IRModule& module, ir::Vertex root, bool negated,
                                     size_t maxClauses = 64);

// Whether every clause of `b` contains some clause of `a`; then `a` implies `b`. Sound, and
// complete when `a` has all its prime implicates (as chains of independent steps do).
bool subsumes(const ClauseForm& a, const ClauseForm& b);

} // namespace clue::analysis
