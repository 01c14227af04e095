// clue-test-plan: a judgment plan from a constitution through the compiler library, for the
// judge's end-to-end tests and benchmark while `clue compile` is not part of the build. Rules
// are lowered in load order (not `clue compile`'s canonical file order), so the plan's bytes
// may differ from clue compile's; its logic is the same.
//
//   clue-test-plan CONSTITUTION -O0|-O2 -o PLAN
#include "common/sha256.h"
#include "compiler/diag/diagnostic_renderer.h"
#include "compiler/emit/plan_emitter.h"
#include "compiler/lower/formula_lowering.h"
#include "compiler/passes/pipeline.h"
#include "compiler/sema/program_loader.h"
#include "runtime/plan/plan_json.h"

#include <fstream>
#include <iostream>
#include <string>

namespace {

using namespace clue;

ir::IRModule lower(const Program& program, const SourceManager& sources,
                   DiagnosticEngine& diagnostics) {
    ir::IRModule module;
    ir::ModuleInfo& info = module.info();
    if (program.header) {
        info.name = program.header->name;
        info.version = program.header->version;
    }
    std::string digestInput;
    for (const auto& unit : program.units) {
        for (const ast::CategoryDecl* c : unit->module.categories()) {
            info.categories.push_back({c->name, c->title ? c->title->value() : c->name});
        }
        info.sourceFiles.push_back(unit->path);
        digestInput += sources.contents(unit->file);
    }
    info.sourceDigest = sha256Hex(digestInput);
    FormulaLowering lowering(module, diagnostics,
                             [&](const std::string& name) { return program.predicates.at(name); });
    for (const auto& unit : program.units) {
        for (const ast::PredicateDecl* p : unit->module.predicates()) {
            lowering.declarePredicate(*p);
        }
    }
    for (const auto& unit : program.units) {
        unit->module.forEachRule(
            [&](const ast::RuleDecl& rule) { lowering.lowerRule(rule, unit->path, unit->path); });
    }
    return module;
}

int run(const std::string& constitution, int level, const std::string& output) {
    SourceManager sources;
    DiagnosticEngine diagnostics;
    auto program = loadProgram({constitution}, sources, diagnostics);
    ir::IRModule module;
    if (program) {
        module = lower(*program, sources, diagnostics);
    }
    if (diagnostics.hasErrors()) {
        renderAll(diagnostics, sources, DiagnosticFormat::Text, std::cerr);
        return 1;
    }
    PassContext context;
    PipelineResult pipeline = runPipeline(module, context, {level, {}});
    std::ofstream(output) << plan::toText(emitPlan(module, {level, pipeline.passes}));
    return 0;
}

} // namespace

int main(int argc, char** argv) {
    const std::string usage = "usage: clue-test-plan CONSTITUTION -O0|-O2 -o PLAN\n";
    if (argc != 5 || std::string(argv[3]) != "-o" ||
        (std::string(argv[2]) != "-O0" && std::string(argv[2]) != "-O2")) {
        std::cerr << usage;
        return 2;
    }
    return run(argv[1], argv[2][2] - '0', argv[4]);
}
