// AST to IR. Formulas are trees here; only predicates are shared. dedup shares the rest.
#include "compiler/lower/formula_lowering.h"

#include "common/statement.h"
#include "compiler/diag/diagnostic_codes.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>

namespace clue {

using ir::NodeKind;
using ir::Vertex;

uint32_t FormulaLowering::predicateFor(const std::string& statement) {
    if (auto known = byText_.find(statement); known != byText_.end()) {
        return known->second;
    }
    std::string key = statementHash(statement);
    auto [it, inserted] = byKey_.try_emplace(key, module_.predicates().size());
    if (inserted) {
        ir::PredicateInfo info;
        info.statement = statement;
        info.key = std::move(key);
        module_.predicates().push_back(std::move(info));
    }
    byText_.emplace(statement, it->second);
    return it->second;
}

void FormulaLowering::declarePredicate(const ast::PredicateDecl& decl) {
    uint32_t index = predicateFor(decl.statement.value());
    byName_.emplace(decl.name, index);
    ir::PredicateInfo& info = module_.predicates()[index];
    auto names = std::lower_bound(info.names.begin(), info.names.end(), decl.name);
    if (names == info.names.end() || *names != decl.name) {
        info.names.insert(names, decl.name);
    }
    ir::PredicateInfo declared;
    if (const ast::PredicateOption* o = decl.option("object")) {
        declared.object = o->stringValue;
    }
    if (const ast::PredicateOption* o = decl.option("cost")) {
        declared.cost = o->numberValue;
    }
    if (const ast::PredicateOption* o = decl.option("prior")) {
        declared.prior = o->numberValue;
    }
    if (declaredAt_.emplace(index, decl.nameSpan).second) {
        info.object = declared.object;
        info.cost = declared.cost;
        info.prior = declared.prior;
    } else if (declared.object != info.object || declared.cost != info.cost ||
               declared.prior != info.prior) {
        reportConflict(decl, info);
    }
}

void FormulaLowering::reportConflict(const ast::PredicateDecl& decl,
                                     const ir::PredicateInfo& first) {
    diagnostics_
        .warning(code::ConflictingPredicateOptions, decl.nameSpan,
                 fmt::format("predicate '{}' has the statement of an earlier predicate but "
                             "different options; the earlier options apply",
                             decl.name))
        .note("the statement was first declared here", declaredAt_.at(byKey_.at(first.key)))
        .withHelp("give both declarations the same object, cost and prior, or keep one");
}

Vertex FormulaLowering::usePredicate(uint32_t index, SourceSpan span) {
    module_.predicates()[index].uses.push_back(span);
    auto [it, inserted] = vertexOf_.try_emplace(index, 0);
    if (inserted) {
        it->second = module_.addNode({NodeKind::Predicate, false, index});
    }
    return it->second;
}

Vertex FormulaLowering::lowerFormula(const ast::Formula& f) {
    switch (f.kind) {
    case ast::FormulaKind::Ref: {
        auto named = byName_.find(f.name);
        return usePredicate(named != byName_.end()
                                ? named->second
                                : predicateFor(lookup_(f.name)->statement.value()),
                            f.span);
    }
    case ast::FormulaKind::Inline:
        return usePredicate(inlinePredicate(f.text), f.span);
    case ast::FormulaKind::Const:
        return module_.addNode({NodeKind::Const, f.value, 0});
    case ast::FormulaKind::And:
    case ast::FormulaKind::Or:
    case ast::FormulaKind::Not:
        break;
    }
    std::vector<Vertex> operands;
    for (const auto& child : f.children) {
        operands.push_back(lowerFormula(*child));
    }
    NodeKind kind = f.kind == ast::FormulaKind::Not   ? NodeKind::Not
                    : f.kind == ast::FormulaKind::And ? NodeKind::And
                                                      : NodeKind::Or;
    return module_.addNode({kind, false, 0}, operands);
}

// A statement written inline: a new one takes the central object that lock entries give it
// (the extracted chains' objects), unless a declaration already set its options.
uint32_t FormulaLowering::inlinePredicate(const std::string& statement) {
    uint32_t index = predicateFor(statement);
    ir::PredicateInfo& info = module_.predicates()[index];
    if (locked_ != nullptr && !info.object && !declaredAt_.contains(index)) {
        if (std::string object = locked_->objectOf(statement); !object.empty()) {
            info.object = std::move(object);
        }
    }
    return index;
}

// The rule's own `when`, else its lock entry's chain; null after E070 (or when the lock entry
// was already reported).
const ast::Formula* FormulaLowering::lockedWhen(const ast::RuleDecl& rule,
                                                const std::string& file) {
    if (rule.when) {
        return rule.when.get();
    }
    const objectify::LockEntry* entry = locked_ ? locked_->entryOf(rule) : nullptr;
    if (entry != nullptr && entry->formula) {
        return entry->formula.get();
    }
    if (chainless_ != nullptr) {
        chainless_->push_back(rule.id);
    } else if (locked_ == nullptr || !locked_->reported(rule)) {
        diagnostics_
            .error(code::NeedsObjectification, rule.idSpan,
                   fmt::format("rule '{}' needs objectification: run `clue objectify {}`", rule.id,
                               file))
            .note("a rule without `when` has no precondition chain to compile yet");
    }
    return nullptr;
}

void FormulaLowering::lowerRule(const ast::RuleDecl& rule, const std::string& location,
                                const std::string& file) {
    const ast::Formula* when = lockedWhen(rule, file);
    if (when == nullptr) {
        return;
    }
    Vertex root = lowerFormula(*when);
    if (rule.unless) {
        std::array<Vertex, 1> excluded{lowerFormula(*rule.unless)};
        std::array<Vertex, 2> operands{root, module_.addNode({NodeKind::Not, false, 0}, excluded)};
        root = module_.addNode({NodeKind::And, false, 0}, operands);
    }
    ir::RuleInfo info;
    info.id = rule.id;
    info.text = rule.text.value();
    if (!rule.category.empty()) {
        info.category = rule.category;
    }
    if (rule.severity) {
        info.severity = rule.severity->name;
    }
    for (const ast::Identifier& tag : rule.tags) {
        info.tags.push_back(tag.name);
    }
    info.span = rule.span;
    info.idSpan = rule.idSpan;
    info.location = location;
    if (!rule.when) {
        const objectify::LockEntry* entry = locked_->entryOf(rule); // lockedWhen() found it
        info.objectifiedModel = entry->model;
        info.objectifiedPromptVersion = entry->promptVersion;
    }
    module_.ruleInfos().push_back(std::move(info));
    module_.addRule(static_cast<uint32_t>(module_.ruleInfos().size() - 1), root);
}

} // namespace clue
