// A rebuild through a hash-consing builder; it changed something when it built fewer nodes.
#include "compiler/passes/dedup_pass.h"

#include "compiler/ir/ir_rebuild.h"

#include <algorithm>

namespace clue {

bool DedupPass::run(ir::IRModule& module, PassContext&) {
    ir::IRBuilder builder(/*hashCons=*/true);
    std::vector<char> reached = ir::reachableMask(module);
    size_t before = static_cast<size_t>(std::count(reached.begin(), reached.end(), 1));
    ir::rebuild(module, builder, [&](ir::Vertex v, std::vector<ir::Vertex>& kids) {
        return builder.add(module.node(v), kids);
    });
    return module.vertexCount() < before;
}

} // namespace clue
