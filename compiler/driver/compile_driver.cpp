// The order of the stages; each is its own unit.
#include "compiler/driver/compile_driver.h"

#include "compiler/diag/diagnostic_codes.h"
#include "compiler/emit/plan_emitter.h"
#include "compiler/lower/program_lowering.h"
#include "compiler/passes/constant_rules.h"

namespace clue {
namespace {

// A plan of no rules judges every image safe: an empty folder or a file of predicates alone
// must not become one by accident.
bool reportNoRules(const Program& program, DiagnosticEngine& diagnostics) {
    if (!program.rules.empty()) {
        return false;
    }
    std::optional<SourceSpan> where;
    if (!program.units.empty()) {
        where = SourceSpan{program.units.front()->file, 0, 0};
    }
    diagnostics.error(code::NoRules, where, "the constitution has no rules")
        .note("its plan would judge every image safe")
        .withHelp("add a rule, or pass --allow-empty to compile it all the same");
    return true;
}

bool reportResponses(const Program& program, DiagnosticEngine& diagnostics) {
    if (program.subject() != ast::Subject::Responses) {
        return false;
    }
    diagnostics
        .error(code::ResponsePlanUnsupported, program.header->judges->span,
               "a constitution that judges responses has no plan yet")
        .note("plans and the runtime judge images only: a plan would ask about the prompt and "
              "the response as if they were visible in the image")
        .withHelp("check, lint, fmt, test, graph and diff work on it; judging responses is not "
                  "built yet");
    return true;
}

} // namespace

std::optional<Compilation> compileProgram(const Program& program, const SourceManager& sources,
                                          DiagnosticEngine& diagnostics,
                                          const CompileOptions& options) {
    if (!options.allowEmpty && reportNoRules(program, diagnostics)) {
        return std::nullopt;
    }
    if (!options.allowResponses && reportResponses(program, diagnostics)) {
        return std::nullopt;
    }
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
