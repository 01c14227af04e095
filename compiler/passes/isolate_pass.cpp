// Copies each rule's sub-DAG with a per-rule mapping; stamps avoid clearing it between rules.
#include "compiler/passes/isolate_pass.h"

#include "compiler/ir/ir_builder.h"
#include "compiler/ir/ir_traversal.h"

#include <algorithm>

namespace clue {

using ir::Vertex;

bool IsolatePass::run(ir::IRModule& module, PassContext&) {
    ir::IRBuilder builder;
    std::vector<uint32_t> mark(module.vertexCount(), 0);
    std::vector<Vertex> mapped(module.vertexCount());
    std::vector<Vertex> order;
    std::vector<Vertex> kids;
    std::vector<char> reached = ir::reachableMask(module);
    size_t reachable = static_cast<size_t>(std::count(reached.begin(), reached.end(), 1));
    for (size_t r = 0; r < module.rules().size(); ++r) {
        order.clear();
        ir::postOrderFrom(module, module.ruleRoot(r), mark, static_cast<uint32_t>(r + 1), order);
        for (Vertex v : order) {
            kids.clear();
            for (Vertex c : module.children(v)) {
                kids.push_back(mapped[c]);
            }
            mapped[v] = builder.add(module.node(v), kids);
        }
        builder.rule(module.node(module.rules()[r]).payload, mapped[module.ruleRoot(r)]);
    }
    builder.finishInto(module);
    return module.vertexCount() != reachable;
}

} // namespace clue
