// The order of the stages; each is its own unit.
#include "compiler/driver/compile_driver.h"

#include "compiler/emit/plan_emitter.h"
#include "compiler/lower/program_lowering.h"
#include "compiler/passes/constant_rules.h"

namespace clue {

std::optional<Compilation> compileProgram(const Program& program, const SourceManager& sources,
                                          DiagnosticEngine& diagnostics,
                                          const CompileOptions& options) {
    size_t errorsBefore = diagnostics.errorCount();
    ir::IRModule module = lowerProgram(program, sources, diagnostics, options.stdlibDir,
                                       options.locked, options.chainless);
    if (diagnostics.errorCount() > errorsBefore) {
        return std::nullopt;
    }
    // -O2's simplification finds the constant rules on the way; -O0 runs it on a copy.
    std::vector<ConstantRuleFinding> constant;
    if (options.level == 0) {
        constant = findConstantRules(module);
    }
    PassContext context;
    context.maxWaves = options.maxWaves;
    PipelineResult pipeline = runPipeline(module, context, {options.level, options.printing});
    if (options.level != 0) {
        constant = constantRules(module);
    }
    reportConstantRules(constant, diagnostics);
    plan::Plan plan = emitPlan(module, {options.level, pipeline.passes});
    return Compilation{std::move(module), std::move(plan), std::move(pipeline)};
}

} // namespace clue
