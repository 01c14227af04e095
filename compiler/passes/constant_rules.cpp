// Constant rules, found on the simplified IR and reported at the rule's name.
#include "compiler/passes/constant_rules.h"

#include "compiler/diag/diagnostic_codes.h"
#include "compiler/passes/pipeline.h"

#include <fmt/format.h>

namespace clue {

std::vector<ConstantRuleFinding> constantRules(const ir::IRModule& module) {
    std::vector<ConstantRuleFinding> findings;
    for (size_t r = 0; r < module.rules().size(); ++r) {
        ir::Vertex root = module.ruleRoot(r);
        if (module.kind(root) != ir::NodeKind::Const) {
            continue;
        }
        const ir::RuleInfo& info = module.ruleInfo(module.rules()[r]);
        findings.push_back({r, info.id, info.idSpan, module.node(root).value});
    }
    return findings;
}

std::vector<ConstantRuleFinding> findConstantRules(const ir::IRModule& lowered) {
    ir::IRModule module = lowered.clone();
    PassContext context;
    PassRunner runner(context, {});
    runSimplification(runner, module);
    return constantRules(module);
}

void reportConstantRules(const std::vector<ConstantRuleFinding>& findings,
                         DiagnosticEngine& diagnostics) {
    for (const ConstantRuleFinding& f : findings) {
        if (f.alwaysFires) {
            diagnostics
                .warning(code::RuleAlwaysFires, f.span, fmt::format("rule '{}' always fires", f.id))
                .note("its formula is true whatever the image shows, so every image is unsafe");
        } else {
            diagnostics
                .warning(code::RuleNeverFires, f.span,
                         fmt::format("rule '{}' can never fire", f.id))
                .note("its formula is false whatever the image shows");
        }
    }
}

} // namespace clue
