// Parsing a lock entry's formula through the front end, wrapped in a one-rule module.
#include "compiler/objectify/locked_formula.h"

#include "compiler/diag/diagnostic_engine.h"
#include "compiler/frontend/parser.h"

#include <fmt/format.h>

namespace clue::objectify {
namespace {

// Why the formula is not one of quoted statements only, or "".
std::string foreignPart(const ast::Formula& f) {
    if (f.kind == ast::FormulaKind::Ref) {
        return fmt::format("it names the predicate '{}'; a lock entry quotes its statements",
                           f.name);
    }
    if (f.kind == ast::FormulaKind::Const) {
        return "it holds a constant; a lock entry is made of quoted statements";
    }
    for (const auto& child : f.children) {
        if (std::string why = foreignPart(*child); !why.empty()) {
            return why;
        }
    }
    return {};
}

// The one rule's `when`, when the module is exactly `rule locked "locked" when F`.
const ast::Formula* onlyWhen(const ast::Module& module) {
    if (module.header || module.items.size() != 1 ||
        !std::holds_alternative<ast::RuleDecl>(module.items.front())) {
        return nullptr;
    }
    const ast::RuleDecl& rule = std::get<ast::RuleDecl>(module.items.front());
    bool onlyWhenClause = rule.clauseOrder.size() == 1 && rule.when != nullptr;
    return onlyWhenClause ? rule.when.get() : nullptr;
}

} // namespace

std::unique_ptr<ast::Formula> parseLockedFormula(std::string_view formula, SourceManager& sources,
                                                 const FormulaPlace& place, std::string& error) {
    uint32_t line = std::max<uint32_t>(place.line, 2);
    std::string text = std::string(line - 2, '\n') + "rule locked \"locked\" when\n" +
                       std::string(place.column, ' ') + std::string(formula) + "\n";
    FileId file = sources.addFile(place.path, std::move(text));
    DiagnosticEngine scratch;
    std::optional<ast::Module> module = parseModule(sources, file, scratch);
    if (!module) {
        std::vector<const Diagnostic*> problems = scratch.sorted();
        error = problems.empty() ? "it is not a formula"
                                 : "it is not a formula: " + problems.front()->message;
        return nullptr;
    }
    const ast::Formula* when = onlyWhen(*module);
    if (when == nullptr) {
        error = "it is not one formula";
        return nullptr;
    }
    if (error = foreignPart(*when); !error.empty()) {
        return nullptr;
    }
    return when->clone();
}

void collectStatements(const ast::Formula& formula, std::vector<std::string>& statements) {
    if (formula.kind == ast::FormulaKind::Inline) {
        statements.push_back(formula.text);
    }
    for (const auto& child : formula.children) {
        collectStatements(*child, statements);
    }
}

std::optional<size_t> countStatements(std::string_view formula) {
    SourceManager scratch;
    std::string error;
    std::unique_ptr<ast::Formula> parsed =
        parseLockedFormula(formula, scratch, {"lock entry", 2, 0}, error);
    if (!parsed) {
        return std::nullopt;
    }
    std::vector<std::string> statements;
    collectStatements(*parsed, statements);
    return statements.size();
}

} // namespace clue::objectify
