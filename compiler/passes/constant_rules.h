// Rules that can never fire or always fire: their formula simplifies to a constant. The
// compiler reports them as warnings W070 and W071; lint reuses findConstantRules().
#pragma once

#include "compiler/diag/diagnostic_engine.h"
#include "compiler/ir/ir_module.h"

#include <string>
#include <vector>

namespace clue {

struct ConstantRuleFinding {
    size_t rule = 0; // index in IRModule::rules()
    std::string id;
    SourceSpan span;          // the rule's name
    bool alwaysFires = false; // true: the formula is `true`; false: it can never be true
};

// The rules whose formula is a constant in `module` as it stands.
std::vector<ConstantRuleFinding> constantRules(const ir::IRModule& module);

// Runs normalize, dedup and simplify on a copy of a lowered module and returns constantRules().
// The analysis is sound (a rule it names really is constant) but not complete: it finds what
// the local rewrites of simplify find.
std::vector<ConstantRuleFinding> findConstantRules(const ir::IRModule& lowered);

// W070 (never fires) and W071 (always fires), at each rule's name.
void reportConstantRules(const std::vector<ConstantRuleFinding>& findings,
                         DiagnosticEngine& diagnostics);

} // namespace clue
