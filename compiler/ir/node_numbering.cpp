// Numbering follows postOrder(), which is deterministic for a given module.
#include "compiler/ir/node_numbering.h"

#include "compiler/ir/ir_traversal.h"

namespace clue::ir {

NodeNumbering numberNodes(const IRModule& module) {
    NodeNumbering n;
    n.order = postOrder(module);
    n.nodeIndex.assign(module.vertexCount(), NodeNumbering::kNone);
    n.predicateIndex.assign(module.vertexCount(), NodeNumbering::kNone);
    for (Vertex v : n.order) {
        NodeKind kind = module.kind(v);
        if (kind == NodeKind::Rule) {
            continue;
        }
        n.nodeIndex[v] = static_cast<uint32_t>(n.nodes.size());
        n.nodes.push_back(v);
        if (kind == NodeKind::Predicate) {
            n.predicateIndex[v] = static_cast<uint32_t>(n.predicates.size());
            n.predicates.push_back(v);
        }
    }
    return n;
}

} // namespace clue::ir
