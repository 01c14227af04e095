// Rule formulas of a plan as text: a canonical form that compares formulas up to the order of
// `and`/`or` arguments and predicate names, and a readable form for a side that has no source.
#pragma once

#include "compiler/diff/variable_table.h"
#include "plan/plan.h"

#include <string>
#include <vector>

namespace clue::diff {

// For each rule of the plan of `side`: its formula over the table's variables, each and/or's
// arguments sorted. Equal texts mean equal formulas up to commutativity.
std::vector<std::string> canonicalFormulas(const plan::Plan& plan, const VariableTable& variables,
                                           int side);

// For each rule of the plan: its formula in the language's syntax, statements as literals.
std::vector<std::string> displayFormulas(const plan::Plan& plan);

} // namespace clue::diff
