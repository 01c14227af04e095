// Collecting statements from declarations and from the formulas of rules.
#include "compiler/lint/statement_index.h"

#include "common/statement.h"

namespace clue::lint {
namespace {

void walk(const ast::Formula& formula, ast::FormulaKind kind,
          const std::function<void(const ast::Formula&)>& visit) {
    if (formula.kind == kind) {
        visit(formula);
    }
    for (const auto& child : formula.children) {
        walk(*child, kind, visit);
    }
}

} // namespace

void forEachInline(const ast::Formula& formula,
                   const std::function<void(const ast::Formula&)>& visit) {
    walk(formula, ast::FormulaKind::Inline, visit);
}

void forEachRef(const ast::Formula& formula,
                const std::function<void(const ast::Formula&)>& visit) {
    walk(formula, ast::FormulaKind::Ref, visit);
}

StatementIndex StatementIndex::build(const Program& program) {
    StatementIndex index;
    for (const auto& unit : program.units) {
        for (const ast::PredicateDecl* p : unit->module.predicates()) {
            std::string text = p->statement.value();
            index.all_.push_back({text, normalizeStatement(text), p->statement.span, p, nullptr});
        }
    }
    for (const auto& unit : program.units) {
        unit->module.forEachRule([&](const ast::RuleDecl& rule) {
            auto add = [&](const ast::Formula& f) {
                index.all_.push_back({f.text, normalizeStatement(f.text), f.span, nullptr, &rule});
            };
            for (const ast::Formula* f : {rule.when.get(), rule.unless.get()}) {
                if (f != nullptr) {
                    forEachInline(*f, add);
                }
            }
        });
    }
    for (size_t i = 0; i < index.all_.size(); ++i) {
        index.byNormalized_[index.all_[i].normalized].push_back(i);
    }
    return index;
}

std::vector<const StatementOccurrence*>
StatementIndex::declarations(const std::string& normalized) const {
    std::vector<const StatementOccurrence*> out;
    if (auto it = byNormalized_.find(normalized); it != byNormalized_.end()) {
        for (size_t i : it->second) {
            if (all_[i].predicate != nullptr) {
                out.push_back(&all_[i]);
            }
        }
    }
    return out;
}

} // namespace clue::lint
