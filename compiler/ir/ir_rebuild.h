// The skeleton of every rewriting pass: walk the old graph children-first and let the pass say
// what each old node becomes in a new graph, given what its children became.
#pragma once

#include "compiler/ir/ir_builder.h"
#include "compiler/ir/ir_traversal.h"

#include <vector>

namespace clue::ir {

// `make(oldVertex, newChildren) -> Vertex` is called once per reachable formula vertex, by
// ascending id (so children first), with the new vertices of its children in evaluation order.
// Rules keep their order and infos. Unreachable nodes disappear. The schedule is dropped.
template <typename Make> void rebuild(IRModule& module, IRBuilder& builder, Make&& make) {
    const std::vector<char> reached = reachableMask(module);
    std::vector<Vertex> mapped(module.vertexCount());
    std::vector<Vertex> kids;
    for (Vertex old = 0; old < module.vertexCount(); ++old) {
        if (!reached[old] || module.kind(old) == NodeKind::Rule) {
            continue;
        }
        kids.clear();
        for (Vertex c : module.children(old)) {
            kids.push_back(mapped[c]);
        }
        mapped[old] = make(old, kids);
    }
    for (Vertex rule : module.rules()) {
        builder.rule(module.node(rule).payload, mapped[module.child(rule, 0)]);
    }
    builder.finishInto(module);
}

} // namespace clue::ir
