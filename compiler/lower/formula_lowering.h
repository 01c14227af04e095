// Lowers checked AST declarations into the IR: predicates by normalized statement (one node
// wherever they appear, named or inline, in any file), rules with `unless G` as `and not G`.
// Declarations must be fed in canonical order (relative path, then source position), which
// makes the IR, and so the plan, independent of command-line and declaration order.
#pragma once

#include "compiler/ast/predicate_decl.h"
#include "compiler/ast/rule_decl.h"
#include "compiler/diag/diagnostic_engine.h"
#include "compiler/ir/ir_module.h"
#include "compiler/objectify/locked_rules.h"

#include <functional>
#include <string>
#include <unordered_map>
#include <vector>

namespace clue {

class FormulaLowering {
public:
    // Resolves a predicate name used in a formula (sema has checked that it exists).
    using PredicateLookup = std::function<const ast::PredicateDecl*(const std::string&)>;

    FormulaLowering(ir::IRModule& module, DiagnosticEngine& diagnostics, PredicateLookup lookup)
        : module_(module), diagnostics_(diagnostics), lookup_(std::move(lookup)) {}

    // Records a declaration's statement and options. The first declaration of a statement
    // gives its options; a later one with different options gets W072.
    void declarePredicate(const ast::PredicateDecl& decl);

    // Where rules without `when` find their chains (lock entries); null: nowhere.
    void setLockedRules(const objectify::LockedRules* locked) { locked_ = locked; }
    // Where the ids of rules with no chain at all go, left out of the module without E070
    // (`clue test` tests the others); null: each gets E070.
    void setChainless(std::vector<std::string>* ids) { chainless_ = ids; }

    // Adds the rule with `location` ("file:line"). A rule with no `when` takes its lock entry's
    // chain; with none it gets E070 and no node, and `file` names it in the message.
    void lowerRule(const ast::RuleDecl& rule, const std::string& location, const std::string& file);

private:
    const ast::Formula* lockedWhen(const ast::RuleDecl& rule, const std::string& file);
    uint32_t inlinePredicate(const std::string& statement);
    uint32_t predicateFor(const std::string& statement);
    ir::Vertex lowerFormula(const ast::Formula& formula);
    ir::Vertex usePredicate(uint32_t predicate, SourceSpan span);
    void reportConflict(const ast::PredicateDecl& decl, const ir::PredicateInfo& first);

    ir::IRModule& module_;
    DiagnosticEngine& diagnostics_;
    PredicateLookup lookup_;
    const objectify::LockedRules* locked_ = nullptr;
    std::vector<std::string>* chainless_ = nullptr;
    std::unordered_map<std::string, uint32_t> byKey_; // statement hash -> predicate info
    // Statement as written -> predicate info: hashing is costly and most uses repeat a text.
    std::unordered_map<std::string, uint32_t> byText_;
    // Declared name -> predicate info, so a reference costs one lookup and no string building.
    std::unordered_map<std::string, uint32_t> byName_;
    std::unordered_map<uint32_t, ir::Vertex> vertexOf_;   // predicate info -> its one vertex
    std::unordered_map<uint32_t, SourceSpan> declaredAt_; // predicate info -> first declaration
};

} // namespace clue
