// Walking a module for names.
#include "lsp/occurrences.h"

#include "compiler/lint/statement_index.h"

#include <algorithm>

namespace clue::lsp {
namespace {

void addRule(const ast::RuleDecl& rule, std::vector<Occurrence>& out) {
    out.push_back({SymbolKind::Rule, rule.id, rule.idSpan, true});
    for (const ast::Formula* f : {rule.when.get(), rule.unless.get()}) {
        if (f != nullptr) {
            lint::forEachRef(*f, [&](const ast::Formula& ref) {
                out.push_back({SymbolKind::Predicate, ref.name, ref.span, false});
            });
        }
    }
}

void addTest(const ast::TestDecl& test, std::vector<Occurrence>& out) {
    out.push_back({SymbolKind::Test, test.name, test.nameSpan, true});
    for (const ast::GivenItem& given : test.given) {
        if (!given.isInline) {
            out.push_back({SymbolKind::Predicate, given.name, given.refSpan, false});
        }
    }
    for (const ast::Expectation& e : test.expectations) {
        if (e.kind == ast::ExpectKind::Violates || e.kind == ast::ExpectKind::NotViolates) {
            out.push_back({SymbolKind::Rule, e.rule, e.ruleSpan, false});
        }
    }
}

// The rules a score section names, so that renaming a rule renames them too.
void addScore(const ast::ScoreDecl& score, std::vector<Occurrence>& out) {
    for (const ast::ScoreEntry& e : score.entries) {
        if (e.outcome == ast::OutcomeKind::Violates) {
            out.push_back({SymbolKind::Rule, e.name, e.nameSpan, false});
        }
    }
}

} // namespace

std::vector<Occurrence> occurrencesIn(const ast::Module& module) {
    std::vector<Occurrence> out;
    for (const ast::Decl& decl : module.items) {
        if (const auto* import = std::get_if<ast::ImportDecl>(&decl)) {
            out.push_back({SymbolKind::Import, import->path, import->pathSpan, false});
        } else if (const auto* p = std::get_if<ast::PredicateDecl>(&decl)) {
            out.push_back({SymbolKind::Predicate, p->name, p->nameSpan, true});
        } else if (const auto* category = std::get_if<ast::CategoryDecl>(&decl)) {
            out.push_back({SymbolKind::Category, category->name, category->nameSpan, true});
            for (const ast::RuleDecl& rule : category->rules) {
                addRule(rule, out);
            }
        } else if (const auto* rule = std::get_if<ast::RuleDecl>(&decl)) {
            addRule(*rule, out);
        } else if (const auto* test = std::get_if<ast::TestDecl>(&decl)) {
            addTest(*test, out);
        } else if (const auto* score = std::get_if<ast::ScoreDecl>(&decl)) {
            addScore(*score, out);
        }
    }
    return out;
}

const Occurrence* occurrenceAt(const std::vector<Occurrence>& occurrences, uint32_t offset) {
    auto it = std::find_if(occurrences.begin(), occurrences.end(), [&](const Occurrence& o) {
        return o.span.begin <= offset && offset <= o.span.end;
    });
    return it == occurrences.end() ? nullptr : &*it;
}

} // namespace clue::lsp
