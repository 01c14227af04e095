// Simplify's verdict, else truth tables.
#include "compiler/lint/rules/constant_rule.h"

#include "compiler/analysis/entailment.h"

namespace clue::lint {

Constancy constancyOf(const LintContext& context, const ast::RuleDecl& rule) {
    std::optional<size_t> index = context.ir().indexOf(rule);
    if (!index) {
        return Constancy::Varies;
    }
    for (const ConstantRuleFinding& f : context.ir().constantRules()) {
        if (f.rule == *index) {
            return f.alwaysFires ? Constancy::AlwaysFires : Constancy::NeverFires;
        }
    }
    const ir::IRModule& lowered = context.ir().lowered();
    ir::Vertex root = lowered.ruleRoot(*index);
    if (analysis::satisfiable(lowered, {root, false}) == analysis::Entailment::Fails) {
        return Constancy::NeverFires;
    }
    if (analysis::satisfiable(lowered, {root, true}) == analysis::Entailment::Fails) {
        return Constancy::AlwaysFires;
    }
    return Constancy::Varies;
}

} // namespace clue::lint
