// Source to plan in one call, shared by `clue compile`, `clue graph`, `clue test` and the
// benchmark: lower, warn about constant rules, optimize, emit.
#pragma once

#include "compiler/diag/diagnostic_engine.h"
#include "compiler/ir/ir_module.h"
#include "compiler/objectify/locked_rules.h"
#include "compiler/passes/pipeline.h"
#include "compiler/sema/program.h"
#include "compiler/source/source_manager.h"
#include "plan/plan.h"

#include <optional>
#include <string>
#include <vector>

namespace clue {

struct CompileOptions {
    int level = 2;
    size_t maxWaves = 0;        // schedule cap; 0: none
    PassRunnerOptions printing; // --print-after
    std::string stdlibDir;      // where std/ imports resolved, for relative paths
    // The lock entries that stand for the `when` of rules without one; null: none.
    const objectify::LockedRules* locked = nullptr;
    // Compile a constitution of no rules (E071 otherwise): its plan would call every image safe.
    bool allowEmpty = false;
    // Compile a constitution that judges responses (E072 otherwise): the plan format and the
    // runtime know only images, so its plan would ask about the prompt and the response as if
    // they were visible in the image. Verbs that never judge with the plan allow it.
    bool allowResponses = false;
    // Where rules with no chain (no `when`, no lock entry) are listed when they are to be left
    // out of the plan, as `clue test` does; null: they are errors (E070).
    std::vector<std::string>* chainless = nullptr;
};

struct Compilation {
    ir::IRModule module; // after the pipeline
    plan::Plan plan;
    PipelineResult pipeline;
};

// Returns nothing when the constitution has no rules (E071, unless allowed), judges responses
// (E072, unless allowed) or lowering reported
// errors (E070); warnings W070-W072 are reported and compilation goes on.
std::optional<Compilation> compileProgram(const Program& program, const SourceManager& sources,
                                          DiagnosticEngine& diagnostics,
                                          const CompileOptions& options);

} // namespace clue
