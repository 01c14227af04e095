// Children first, by ascending id: operands are ordered and estimated before their parent is.
#include "compiler/passes/order_pass.h"

#include "common/assert.h"
#include "compiler/ir/ir_traversal.h"
#include "compiler/passes/cost_model.h"

#include <algorithm>

namespace clue {
namespace {

using ir::NodeKind;
using ir::Vertex;

// Reorders the operands of `v` by their estimates; returns whether the order changed.
bool orderOperands(ir::IRModule& module, Vertex v, const std::vector<Estimate>& estimates) {
    NodeKind kind = module.kind(v);
    std::vector<Vertex> operands(module.children(v).begin(), module.children(v).end());
    std::vector<Vertex> sorted = operands;
    std::stable_sort(sorted.begin(), sorted.end(), [&](Vertex a, Vertex b) {
        return asksFirst(kind, estimates[a], estimates[b]);
    });
    if (sorted == operands) {
        return false;
    }
    module.setChildren(v, sorted);
    return true;
}

Estimate estimateOf(const ir::IRModule& module, Vertex v, const std::vector<Estimate>& done) {
    switch (module.kind(v)) {
    case NodeKind::Predicate:
    case NodeKind::Const:
        return leafEstimate(module, v);
    case NodeKind::Not: {
        Estimate e = done[module.child(v, 0)];
        return {1.0 - e.pTrue, e.cost};
    }
    case NodeKind::And:
    case NodeKind::Or:
    case NodeKind::Rule: {
        std::vector<Estimate> operands;
        for (Vertex c : module.children(v)) {
            operands.push_back(done[c]);
        }
        return junctionEstimate(module.kind(v), operands);
    }
    }
    CLUE_UNREACHABLE();
}

} // namespace

bool OrderPass::run(ir::IRModule& module, PassContext&) {
    std::vector<Estimate> estimates(module.vertexCount());
    bool changed = false;
    std::vector<char> reached = ir::reachableMask(module);
    for (Vertex v = 0; v < module.vertexCount(); ++v) {
        NodeKind kind = module.kind(v);
        if (!reached[v] || kind == NodeKind::Rule) {
            continue;
        }
        if (kind == NodeKind::And || kind == NodeKind::Or) {
            changed = orderOperands(module, v, estimates) || changed;
        }
        estimates[v] = estimateOf(module, v, estimates);
    }
    return changed;
}

} // namespace clue
