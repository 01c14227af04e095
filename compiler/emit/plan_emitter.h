// Turns an optimized IR module into a judgment plan (clue.plan/v1). Numbering follows
// ir::numberNodes, so equal modules give equal plans, byte for byte.
#pragma once

#include "compiler/ir/ir_module.h"
#include "plan/plan.h"

#include <string>
#include <vector>

namespace clue {

struct EmitOptions {
    int level = 2;
    std::vector<std::string> passes; // the passes that ran, for the plan's record
};

// One plan predicate per Predicate vertex (at -O0, isolate has made one per rule), nodes
// children-first, rules in order. A module that no schedule pass ran on is asked in one wave.
plan::Plan emitPlan(const ir::IRModule& module, const EmitOptions& options);

} // namespace clue
