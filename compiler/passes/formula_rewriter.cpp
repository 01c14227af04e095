// Leaves are copied; each old vertex maps to one new vertex, so sharing survives.
#include "compiler/passes/formula_rewriter.h"

#include "common/assert.h"
#include "compiler/ir/ir_rebuild.h"

namespace clue {

bool FormulaRewriter::rewrite(ir::IRModule& module) {
    changed_ = false;
    ir::rebuild(module, builder_, [&](ir::Vertex v, std::vector<ir::Vertex>& kids) {
        const ir::NodeData& d = module.node(v);
        switch (d.kind) {
        case ir::NodeKind::Predicate:
        case ir::NodeKind::Const:
            return builder_.add(d);
        case ir::NodeKind::Not:
            return rewriteNot(kids.front());
        case ir::NodeKind::And:
        case ir::NodeKind::Or:
        case ir::NodeKind::Rule:
            return rewriteJunction(d.kind, kids);
        }
        CLUE_UNREACHABLE();
    });
    return changed_;
}

} // namespace clue
