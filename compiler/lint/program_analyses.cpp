// Lazy construction of the shared analyses.
#include "compiler/lint/program_analyses.h"

#include "compiler/analysis/entailment.h"

namespace clue::lint {
namespace {

using analysis::Entailment;

UnlessEffect unlessEffect(const ir::IRModule& lowered, ir::Vertex root) {
    // FormulaLowering writes `when W unless U` as and(W, not(U)).
    UnlessEffect effect;
    if (lowered.kind(root) != ir::NodeKind::And || lowered.childCount(root) != 2 ||
        lowered.kind(lowered.child(root, 1)) != ir::NodeKind::Not) {
        return effect;
    }
    analysis::Side when{lowered.child(root, 0), false};
    ir::Vertex excluded = lowered.child(lowered.child(root, 1), 0);
    bool whenCanHold = analysis::satisfiable(lowered, when) != Entailment::Fails;
    bool unlessCanHold = analysis::satisfiable(lowered, {excluded, false}) != Entailment::Fails;
    effect.cancelsRule =
        whenCanHold && analysis::entails(lowered, when, {excluded, false}) == Entailment::Holds;
    effect.neverApplies = whenCanHold && unlessCanHold &&
                          analysis::entails(lowered, when, {excluded, true}) == Entailment::Holds;
    return effect;
}

} // namespace

const ProgramIR& ProgramAnalyses::ir() {
    if (!ir_) {
        ir_ = std::make_unique<ProgramIR>(ProgramIR::build(program_, sources_, locked_));
    }
    return *ir_;
}

const StatementIndex& ProgramAnalyses::statements() {
    if (!statements_) {
        statements_ = StatementIndex::build(program_);
    }
    return *statements_;
}

const UsageIndex& ProgramAnalyses::usage() {
    if (!usage_) {
        usage_ = UsageIndex::build(program_, locked_);
    }
    return *usage_;
}

const std::vector<analysis::RuleImplication>& ProgramAnalyses::implications() {
    if (!implications_) {
        const ir::IRModule& module = ir().simplified();
        std::vector<bool> constant(module.rules().size(), false);
        for (const ConstantRuleFinding& f : ir().constantRules()) {
            constant[f.rule] = true;
        }
        implications_ = analysis::findRuleImplications(module, constant);
    }
    return *implications_;
}

const std::map<size_t, UnlessEffect>& ProgramAnalyses::unlessEffects() {
    if (!unless_) {
        unless_.emplace();
        const ir::IRModule& lowered = ir().lowered();
        for (size_t r = 0; r < ir().ruleCount(); ++r) {
            if (ir().ruleAt(r).unless) {
                (*unless_)[r] = unlessEffect(lowered, lowered.ruleRoot(r));
            }
        }
    }
    return *unless_;
}

} // namespace clue::lint
