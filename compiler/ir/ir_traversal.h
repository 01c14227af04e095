// Deterministic walks over the graph: every pass, the printer and plan emission number and
// visit nodes the same way, so equal inputs give equal outputs.
#pragma once

#include "compiler/ir/ir_module.h"

#include <functional>
#include <vector>

namespace clue::ir {

// Every vertex reachable from the rules, children before parents: rules in order, each rule's
// formula depth first with children in evaluation order, each shared vertex at its first
// finish. A Rule vertex comes right after its formula. Unreachable vertices are left out.
std::vector<Vertex> postOrder(const IRModule& module);

// Visits the vertices of one rule's formula in evaluation order (depth first, parents before
// children), each at most once per call. Returns false from `visit` to skip a vertex's children.
// `stamp`/`mark` let callers reuse one buffer across rules: a vertex is visited when
// mark[v] != stamp, and then marked.
// Which vertices some rule reaches. One sweep by descending id, which the topological-id
// invariant makes sufficient: a parent is always swept before its children.
std::vector<char> reachableMask(const IRModule& module);

// Appends the vertices below `root` not yet marked with `stamp` to `out`, children first (same
// order as postOrder() restricted to `root`), marking them. Explicit stack: no recursion.
void postOrderFrom(const IRModule& module, Vertex root, std::vector<uint32_t>& mark, uint32_t stamp,
                   std::vector<Vertex>& out);

void preOrderOnce(const IRModule& module, Vertex root, std::vector<uint32_t>& mark, uint32_t stamp,
                  const std::function<bool(Vertex)>& visit);

} // namespace clue::ir
