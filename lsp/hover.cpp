// The hover texts, one function per kind of name.
#include "lsp/hover.h"

#include "compiler/lint/usage_index.h"

#include <fmt/format.h>

#include <set>

namespace clue::lsp {
namespace {

std::string where(const NavigationProgram& program, SourceSpan span) {
    LineColumn at = program.sources.lineColumn(span.file, span.begin);
    return fmt::format("{}:{}", program.sources.path(span.file), at.line);
}

std::string quoted(const std::string& text) {
    return "> " + text + "\n\n";
}

std::string predicateHover(const NavigationProgram& program, const ast::PredicateDecl& p) {
    std::string out = fmt::format("**predicate** `{}`\n\n", p.name) + quoted(p.statement.value());
    for (const ast::PredicateOption& o : p.options) {
        out += fmt::format("- {} {}\n", o.name, o.rawValue);
    }
    std::set<std::string> rules;
    for (const lint::PredicateUse& use : lint::UsageIndex::build(*program.program).uses(p.name)) {
        if (use.rule != nullptr) {
            rules.insert(use.rule->id);
        }
    }
    if (rules.empty()) {
        out += "\nNo rule asks it.\n";
    } else {
        out += "\nAsked by:";
        for (const std::string& id : rules) {
            out += " `" + id + "`";
        }
        out += "\n";
    }
    return out + fmt::format("\nDeclared in {}\n", where(program, p.nameSpan));
}

std::string ruleHover(const NavigationProgram& program, const ast::RuleDecl& r) {
    std::string out = fmt::format("**rule** `{}`", r.id);
    if (r.severity) {
        out += fmt::format(" · severity {}", r.severity->name);
    }
    if (!r.category.empty()) {
        out += fmt::format(" · category `{}`", r.category);
    }
    out += "\n\n" + quoted(r.text.value());
    if (r.when) {
        out += fmt::format("when `{}`\n", r.when->toSource());
    } else {
        out += "No `when` yet: `clue objectify` extracts its precondition chain.\n";
    }
    if (r.unless) {
        out += fmt::format("\nunless `{}`\n", r.unless->toSource());
    }
    return out + fmt::format("\nDeclared in {}\n", where(program, r.idSpan));
}

std::string categoryHover(const NavigationProgram& program, const ast::CategoryDecl& c) {
    std::string out = fmt::format("**category** `{}`", c.name);
    if (c.title) {
        out += " · " + c.title->value();
    }
    out += "\n\nRules:";
    for (const ast::RuleDecl& r : c.rules) {
        out += " `" + r.id + "`";
    }
    return out + fmt::format("\n\nDeclared in {}\n", where(program, c.nameSpan));
}

std::optional<std::string> importHover(const NavigationProgram& program, const Occurrence& o) {
    for (const auto& unit : program.program->units) {
        if (unit->file != o.span.file) {
            continue;
        }
        std::string target = program.importTarget(*unit, o.name);
        const SourceUnit* imported = program.unitOf(target);
        std::string out = fmt::format("**import** `{}`\n\nReads {}\n", o.name, target);
        if (imported != nullptr) {
            out += fmt::format("\n{} predicates, {} rules, {} tests\n",
                               imported->module.predicates().size(),
                               imported->module.rules().size(), imported->module.tests().size());
        }
        return out;
    }
    return std::nullopt;
}

} // namespace

std::optional<std::string> hoverText(const NavigationProgram& program,
                                     const Occurrence& occurrence) {
    const Program& p = *program.program;
    switch (occurrence.kind) {
    case SymbolKind::Predicate:
        if (auto it = p.predicates.find(occurrence.name); it != p.predicates.end()) {
            return predicateHover(program, *it->second);
        }
        return std::nullopt;
    case SymbolKind::Rule:
        if (auto it = p.rules.find(occurrence.name); it != p.rules.end()) {
            return ruleHover(program, *it->second);
        }
        return std::nullopt;
    case SymbolKind::Category:
        if (auto it = p.categories.find(occurrence.name); it != p.categories.end()) {
            return categoryHover(program, *it->second);
        }
        return std::nullopt;
    case SymbolKind::Test:
        return fmt::format("**test** \"{}\"\n", occurrence.name);
    case SymbolKind::Import:
        return importHover(program, occurrence);
    }
    return std::nullopt;
}

} // namespace clue::lsp
