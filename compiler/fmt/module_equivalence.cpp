// Structural comparison of two modules, item by item.
#include "compiler/fmt/module_equivalence.h"

#include <fmt/format.h>

namespace clue {
namespace {

std::string compareFormula(const char* what, const ast::Formula* a, const ast::Formula* b) {
    if ((a == nullptr) != (b == nullptr) || (a != nullptr && !a->sameAs(*b))) {
        return fmt::format("a '{}' formula differs", what);
    }
    return {};
}

std::string compareRule(const ast::RuleDecl& a, const ast::RuleDecl& b) {
    std::string where = fmt::format("rule '{}': ", a.id);
    if (a.id != b.id || a.text.value() != b.text.value() || a.category != b.category) {
        return where + "the id, text or category differs";
    }
    if (a.severity.has_value() != b.severity.has_value() ||
        (a.severity && a.severity->name != b.severity->name)) {
        return where + "the severity differs";
    }
    if (a.tags.size() != b.tags.size() || a.clauseOrder != b.clauseOrder) {
        return where + "the clauses differ";
    }
    for (size_t i = 0; i < a.tags.size(); ++i) {
        if (a.tags[i].name != b.tags[i].name) {
            return where + "the tags differ";
        }
    }
    std::string when = compareFormula("when", a.when.get(), b.when.get());
    std::string unless = compareFormula("unless", a.unless.get(), b.unless.get());
    return !when.empty() ? where + when : !unless.empty() ? where + unless : "";
}

bool sameOption(const ast::PredicateOption& a, const ast::PredicateOption& b) {
    return a.name == b.name && a.isNumber == b.isNumber && a.stringValue == b.stringValue &&
           (a.isNumber ? a.rawValue == b.rawValue : true);
}

std::string comparePredicate(const ast::PredicateDecl& a, const ast::PredicateDecl& b) {
    bool same = a.name == b.name && a.statement.value() == b.statement.value() &&
                a.options.size() == b.options.size();
    for (size_t i = 0; same && i < a.options.size(); ++i) {
        same = sameOption(a.options[i], b.options[i]);
    }
    return same ? "" : fmt::format("predicate '{}' differs", a.name);
}

std::string compareCategory(const ast::CategoryDecl& a, const ast::CategoryDecl& b) {
    bool titles = a.title.has_value() == b.title.has_value() &&
                  (!a.title || a.title->value() == b.title->value());
    if (a.name != b.name || !titles || a.rules.size() != b.rules.size()) {
        return fmt::format("category '{}' differs", a.name);
    }
    for (size_t i = 0; i < a.rules.size(); ++i) {
        if (std::string d = compareRule(a.rules[i], b.rules[i]); !d.empty()) {
            return d;
        }
    }
    return {};
}

std::string compareTest(const ast::TestDecl& a, const ast::TestDecl& b) {
    bool same = a.name == b.name && a.given.size() == b.given.size() &&
                a.expectations.size() == b.expectations.size() &&
                a.statementIsGiven == b.statementIsGiven && a.givenCounts == b.givenCounts;
    for (size_t i = 0; same && i < a.given.size(); ++i) {
        same = a.given[i].name == b.given[i].name && a.given[i].negated == b.given[i].negated &&
               a.given[i].isInline == b.given[i].isInline;
    }
    for (size_t i = 0; same && i < a.expectations.size(); ++i) {
        same = a.expectations[i].kind == b.expectations[i].kind &&
               a.expectations[i].rule == b.expectations[i].rule;
    }
    return same ? "" : fmt::format("test \"{}\" differs", a.name);
}

std::string compareScore(const ast::ScoreDecl& a, const ast::ScoreDecl& b) {
    bool same = a.entries.size() == b.entries.size();
    for (size_t i = 0; same && i < a.entries.size(); ++i) {
        same = a.entries[i].rawScore == b.entries[i].rawScore &&
               a.entries[i].outcome == b.entries[i].outcome &&
               a.entries[i].name == b.entries[i].name;
    }
    return same ? "" : "the score section differs";
}

std::string compareHeaders(const ast::Module& a, const ast::Module& b) {
    if (a.header.has_value() != b.header.has_value()) {
        return "one has a header, the other not";
    }
    if (!a.header) {
        return {};
    }
    const ast::Header& x = *a.header;
    const ast::Header& y = *b.header;
    bool descriptions = x.description.has_value() == y.description.has_value() &&
                        (!x.description || x.description->value() == y.description->value());
    bool judges = x.judges.has_value() == y.judges.has_value() &&
                  (!x.judges || x.judges->name == y.judges->name);
    return x.name == y.name && x.version == y.version && descriptions && judges
               ? ""
               : "the header differs";
}

std::string compareItems(const ast::Decl& a, const ast::Decl& b) {
    if (a.index() != b.index()) {
        return "a declaration changed kind";
    }
    if (const auto* x = std::get_if<ast::ImportDecl>(&a)) {
        return x->path == std::get<ast::ImportDecl>(b).path ? "" : "an import differs";
    }
    if (const auto* x = std::get_if<ast::PredicateDecl>(&a)) {
        return comparePredicate(*x, std::get<ast::PredicateDecl>(b));
    }
    if (const auto* x = std::get_if<ast::CategoryDecl>(&a)) {
        return compareCategory(*x, std::get<ast::CategoryDecl>(b));
    }
    if (const auto* x = std::get_if<ast::RuleDecl>(&a)) {
        return compareRule(*x, std::get<ast::RuleDecl>(b));
    }
    if (const auto* x = std::get_if<ast::ScoreDecl>(&a)) {
        return compareScore(*x, std::get<ast::ScoreDecl>(b));
    }
    return compareTest(std::get<ast::TestDecl>(a), std::get<ast::TestDecl>(b));
}

} // namespace

std::string moduleDifference(const ast::Module& a, const ast::Module& b) {
    if (std::string d = compareHeaders(a, b); !d.empty()) {
        return d;
    }
    if (a.items.size() != b.items.size()) {
        return "the number of declarations differs";
    }
    for (size_t i = 0; i < a.items.size(); ++i) {
        if (std::string d = compareItems(a.items[i], b.items[i]); !d.empty()) {
            return d;
        }
    }
    if (a.comments.size() != b.comments.size()) {
        return "the number of comments differs";
    }
    return {};
}

} // namespace clue
