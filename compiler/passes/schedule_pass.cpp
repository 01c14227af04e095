// One pre-order walk per rule, marking with the rule's stamp so that a shared vertex costs one
// visit per rule that reaches it.
#include "compiler/passes/schedule_pass.h"

#include "compiler/ir/ir_traversal.h"
#include "compiler/ir/node_numbering.h"

#include <algorithm>
#include <limits>

namespace clue {

using ir::NodeKind;
using ir::Vertex;

namespace {

std::vector<size_t> earliestPositions(const ir::IRModule& module) {
    std::vector<size_t> position(module.vertexCount(), std::numeric_limits<size_t>::max());
    std::vector<uint32_t> mark(module.vertexCount(), 0);
    uint32_t stamp = 0;
    for (size_t r = 0; r < module.rules().size(); ++r) {
        size_t next = 0;
        ir::preOrderOnce(module, module.ruleRoot(r), mark, ++stamp, [&](Vertex v) {
            if (module.kind(v) == NodeKind::Predicate) {
                position[v] = std::min(position[v], next++);
            }
            return true;
        });
    }
    return position;
}

} // namespace

bool SchedulePass::run(ir::IRModule& module, PassContext& context) {
    std::vector<size_t> position = earliestPositions(module);
    size_t cap = context.maxWaves == 0 ? std::numeric_limits<size_t>::max() : context.maxWaves;
    ir::Schedule waves;
    // Numbering order keeps each wave sorted the way the printer and the plan number predicates.
    for (Vertex p : ir::numberNodes(module).predicates) {
        size_t wave = std::min(position[p], cap - 1);
        if (waves.size() <= wave) {
            waves.resize(wave + 1);
        }
        waves[wave].push_back(p);
    }
    std::erase_if(waves, [](const std::vector<Vertex>& w) { return w.empty(); });
    bool changed = waves != module.schedule();
    module.setSchedule(std::move(waves));
    return changed;
}

} // namespace clue
