// Constitutions are compiled at -O2 with their lock entries, as `clue test` compiles them, so
// that a counterexample's test block behaves under `clue test` as the diff says.
#include "compiler/diff/diff_side.h"

#include "compiler/testing/test_case_builder.h"
#include "plan/plan_error.h"
#include "plan/plan_loader.h"

namespace clue::diff {

namespace {

std::string writtenFormula(const ast::RuleDecl& rule) {
    std::string text = rule.when->toSource();
    if (rule.unless) {
        text += " unless " + rule.unless->toSource();
    }
    return text;
}

bool looksLikePlan(const std::string& contents) {
    size_t first = contents.find_first_not_of(" \t\r\n");
    return first != std::string::npos && contents[first] == '{';
}

} // namespace

DiffSide sideFromCompilation(std::string label, const LoadedProgram& loaded,
                             const Compilation& compilation) {
    SourceFacts facts;
    for (const ir::PredicateInfo& p : compilation.module.predicates()) {
        facts.names[p.key] = p.names;
    }
    for (const auto& [id, rule] : loaded.program->rules) {
        if (rule->when) {
            facts.formulas[id] = writtenFormula(*rule);
        }
    }
    facts.tests = buildTestCases(*loaded.program, loaded.sources, loaded.stdlibDir);
    return {std::move(label), compilation.plan, std::move(facts)};
}

LoadedSide loadSide(const std::string& path, const SourceReader* reader, std::string label,
                    std::uint64_t maxSourceBytes) {
    LoadedSide loaded;
    DiskReader disk(maxSourceBytes);
    SourceReader::Result file = (reader != nullptr ? *reader : disk).read(path);
    if (file.status != SourceReader::Status::Ok) {
        loaded.error = label + ": cannot read: " + file.error;
        return loaded;
    }
    if (looksLikePlan(file.contents)) {
        try {
            loaded.side = DiffSide{label, plan::parsePlan(file.contents, label), std::nullopt};
        } catch (const plan::PlanError& e) {
            loaded.error = e.what();
        }
        return loaded;
    }
    loaded.program = loadRoots({path}, reader, maxSourceBytes);
    LoadedProgram& program = *loaded.program;
    if (!program.program) {
        return loaded;
    }
    CompileOptions options;
    options.stdlibDir = program.stdlibDir;
    options.locked = &program.locked;
    options.allowEmpty = true; // compared, never judged
    options.allowResponses = true;
    std::optional<Compilation> compiled =
        compileProgram(*program.program, program.sources, program.diagnostics, options);
    if (compiled && !program.diagnostics.hasErrors()) {
        loaded.side = sideFromCompilation(std::move(label), program, *compiled);
    }
    return loaded;
}

} // namespace clue::diff
