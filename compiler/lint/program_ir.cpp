// Lowering every file of the program, then the compiler's simplification on a copy.
#include "compiler/lint/program_ir.h"

#include "compiler/lower/formula_lowering.h"
#include "compiler/passes/pipeline.h"

namespace clue::lint {

ProgramIR ProgramIR::build(const Program& program, const SourceManager& sources,
                           const objectify::LockedRules* locked) {
    ProgramIR result;
    // Lowering reports rules with no chain (E070) and conflicting options (W072): lint has its
    // own findings for both, so those diagnostics are dropped here.
    DiagnosticEngine dropped;
    FormulaLowering lowering(result.lowered_, dropped,
                             [&](const std::string& name) { return program.predicates.at(name); });
    lowering.setLockedRules(locked);
    for (const auto& unit : program.units) {
        for (const ast::PredicateDecl* p : unit->module.predicates()) {
            lowering.declarePredicate(*p);
        }
    }
    std::map<std::pair<FileId, uint32_t>, const ast::RuleDecl*> byId;
    for (const auto& unit : program.units) {
        unit->module.forEachRule([&](const ast::RuleDecl& rule) {
            byId[{rule.idSpan.file, rule.idSpan.begin}] = &rule;
            lowering.lowerRule(rule, unit->path, unit->path);
        });
    }
    (void)sources;
    const ir::IRModule& lowered = result.lowered_;
    for (size_t r = 0; r < lowered.rules().size(); ++r) {
        SourceSpan id = lowered.ruleInfo(lowered.rules()[r]).idSpan;
        const ast::RuleDecl* decl = byId.at({id.file, id.begin});
        result.decls_.push_back(decl);
        result.index_[decl] = r;
    }
    result.simplified_ = lowered.clone();
    PassContext context;
    PassRunnerOptions options;
    options.verify = false; // the passes are verified by their own tests; lint must be fast
    PassRunner runner(context, options);
    runSimplification(runner, result.simplified_);
    result.constant_ = clue::constantRules(result.simplified_);
    return result;
}

std::optional<size_t> ProgramIR::indexOf(const ast::RuleDecl& rule) const {
    auto it = index_.find(&rule);
    if (it == index_.end()) {
        return std::nullopt;
    }
    return it->second;
}

} // namespace clue::lint
