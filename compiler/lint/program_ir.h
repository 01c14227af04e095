// The IR of the program being linted, as the logic and testing rules see it: lowered as
// written (with each rule's `when` and `unless` still apart), and simplified the way
// `clue compile` simplifies it. A rule without `when` is in it when its lockfile gives it a
// chain, as `clue compile` and `clue test` take it.
#pragma once

#include "compiler/ir/ir_module.h"
#include "compiler/objectify/locked_rules.h"
#include "compiler/passes/constant_rules.h"
#include "compiler/sema/program.h"
#include "compiler/source/source_manager.h"

#include <map>
#include <optional>
#include <vector>

namespace clue::lint {

class ProgramIR {
public:
    static ProgramIR build(const Program& program, const SourceManager& sources,
                           const objectify::LockedRules* locked = nullptr);

    // `unless G` is `and(when, not G)` at the root here (FormulaLowering's shape).
    const ir::IRModule& lowered() const { return lowered_; }
    // After normalize, dedup and simplify.
    const ir::IRModule& simplified() const { return simplified_; }

    // The rule's index in rules() of both modules; nothing for a rule with no chain (no `when`
    // and no lock entry).
    std::optional<size_t> indexOf(const ast::RuleDecl& rule) const;
    const ast::RuleDecl& ruleAt(size_t index) const { return *decls_.at(index); }
    size_t ruleCount() const { return decls_.size(); }

    // The rules whose formula simplifies to a constant (the compiler's W070/W071 analysis).
    const std::vector<ConstantRuleFinding>& constantRules() const { return constant_; }

private:
    ir::IRModule lowered_;
    ir::IRModule simplified_;
    std::vector<const ast::RuleDecl*> decls_;
    std::map<const ast::RuleDecl*, size_t> index_;
    std::vector<ConstantRuleFinding> constant_;
};

} // namespace clue::lint
