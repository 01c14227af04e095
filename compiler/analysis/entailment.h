// Whether one IR formula implies another: exactly, on truth tables, when the two mention at
// most kMaxVariables predicates together; otherwise by CNF subsumption, which can prove an
// implication but never refute one.
#pragma once

#include "compiler/analysis/clause_form.h"
#include "compiler/ir/ir_module.h"

namespace clue::analysis {

enum class Entailment { Holds, Fails, Unknown };

// A formula, or its negation, for the questions below.
struct Side {
    ir::Vertex root;
    bool negated = false;
};

// What the checks need to know of a formula, computed once when it takes part in many.
struct FormulaSummary {
    Side side;
    std::vector<uint32_t> variables;   // the predicates it mentions, sorted
    std::optional<ClauseForm> clauses; // nothing when its CNF is too large
};
FormulaSummary summarize(const ir::IRModule& module, Side side);

// Whether every image that satisfies `a` satisfies `b`.
Entailment entails(const ir::IRModule& module, Side a, Side b);
Entailment entails(const ir::IRModule& module, const FormulaSummary& a, const FormulaSummary& b);

// Whether some image satisfies `a`.
Entailment satisfiable(const ir::IRModule& module, Side a);

} // namespace clue::analysis
