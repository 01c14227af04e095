// With independent operands, sorting by cost / P(short-circuit) minimizes the expected cost of
// a conjunction (or disjunction): the classic result for sequential testing.
#include "compiler/passes/cost_model.h"

#include <limits>

namespace clue {

Estimate leafEstimate(const ir::IRModule& module, ir::Vertex v) {
    if (module.kind(v) == ir::NodeKind::Const) {
        return {module.node(v).value ? 1.0 : 0.0, 0.0};
    }
    const ir::PredicateInfo& p = module.predicate(v);
    return {p.probabilityTrue(), p.cost};
}

Estimate junctionEstimate(ir::NodeKind kind, const std::vector<Estimate>& operands) {
    const bool isAnd = kind == ir::NodeKind::And;
    // reach: the probability that evaluation gets to the next operand.
    double reach = 1.0;
    double cost = 0.0;
    for (const Estimate& e : operands) {
        cost += reach * e.cost;
        reach *= isAnd ? e.pTrue : 1.0 - e.pTrue;
    }
    return {isAnd ? reach : 1.0 - reach, cost};
}

namespace {

double orderingKey(ir::NodeKind kind, const Estimate& e) {
    double pStop = kind == ir::NodeKind::And ? 1.0 - e.pTrue : e.pTrue;
    return pStop > 0 ? e.cost / pStop : std::numeric_limits<double>::infinity();
}

} // namespace

bool asksFirst(ir::NodeKind kind, const Estimate& a, const Estimate& b) {
    return orderingKey(kind, a) < orderingKey(kind, b);
}

} // namespace clue
