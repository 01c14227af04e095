// Helpers for pass tests: run passes on a fixture module and print the result.
#pragma once

#include "compiler/emit/plan_emitter.h"
#include "compiler/ir/ir_printer.h"
#include "compiler/ir/ir_verifier.h"
#include "compiler/passes/pass.h"
#include "compiler/passes/pipeline.h"
#include "tests/support/ir_fixture.h"

#include <initializer_list>
#include <string>

namespace clue::testing {

// Runs each pass once, in order, verifying after each, and prints the module.
inline std::string printAfter(ir::IRModule& module, std::initializer_list<Pass*> passes,
                              PassContext context = {}) {
    for (Pass* pass : passes) {
        pass->run(module, context);
        ir::verifyModule(module);
    }
    return ir::printModule(module);
}

// The module after the whole pipeline at `level`, printed.
inline std::string optimized(const std::vector<TestRule>& rules,
                             const std::vector<TestPredicate>& predicates = {}, int level = 2) {
    ir::IRModule module = buildModule(rules, predicates);
    PassContext context;
    PipelineOptions options;
    options.level = level;
    runPipeline(module, context, options);
    return ir::printModule(module);
}

// The plan of `module` after the pipeline at `level`.
inline plan::Plan compileModule(ir::IRModule module, int level) {
    PassContext context;
    PipelineOptions options;
    options.level = level;
    PipelineResult result = runPipeline(module, context, options);
    return emitPlan(module, {level, result.passes});
}

} // namespace clue::testing
