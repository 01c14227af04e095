// Exact where small, sound where large.
#include "compiler/analysis/entailment.h"

#include "compiler/analysis/truth_table.h"

namespace clue::analysis {
namespace {

std::optional<TruthTable> tableOf(const ir::IRModule& module, Side side,
                                  const std::vector<uint32_t>& variables) {
    auto table = TruthTable::of(module, side.root, variables);
    if (table && side.negated) {
        return table->negated();
    }
    return table;
}

} // namespace

FormulaSummary summarize(const ir::IRModule& module, Side side) {
    return {side, predicatesBelow(module, side.root), clauseForm(module, side.root, side.negated)};
}

Entailment entails(const ir::IRModule& module, Side a, Side b) {
    return entails(module, summarize(module, a), summarize(module, b));
}

Entailment entails(const ir::IRModule& module, const FormulaSummary& a, const FormulaSummary& b) {
    std::vector<uint32_t> variables = unionOf(a.variables, b.variables);
    if (variables.size() <= kMaxVariables) {
        auto ta = tableOf(module, a.side, variables);
        auto tb = tableOf(module, b.side, variables);
        return ta->implies(*tb) ? Entailment::Holds : Entailment::Fails;
    }
    return a.clauses && b.clauses && subsumes(*a.clauses, *b.clauses) ? Entailment::Holds
                                                                      : Entailment::Unknown;
}

Entailment satisfiable(const ir::IRModule& module, Side a) {
    std::vector<uint32_t> variables = predicatesBelow(module, a.root);
    if (variables.size() <= kMaxVariables) {
        return tableOf(module, a, variables)->satisfiable() ? Entailment::Holds : Entailment::Fails;
    }
    auto clauses = clauseForm(module, a.root, a.negated);
    return clauses && clauses->isFalse() ? Entailment::Fails : Entailment::Unknown;
}

} // namespace clue::analysis
