// schedule: groups predicates into waves that the runtime may ask in parallel. A predicate's
// wave is its earliest position along any rule's chain: walking each rule's formula in
// evaluation order, the n-th distinct predicate met sits at position n. Wave 0 thus holds every
// rule's first question, wave 1 every second question, and so on; between waves the runtime
// drops the questions that answers so far made moot. PassContext::maxWaves caps the count:
// fewer waves cut latency and cost extra calls (docs/ir.md has the trade-off).
#pragma once

#include "compiler/passes/pass.h"

namespace clue {

class SchedulePass : public Pass {
public:
    std::string_view name() const override { return "schedule"; }
    bool run(ir::IRModule& module, PassContext& context) override;
};

} // namespace clue
