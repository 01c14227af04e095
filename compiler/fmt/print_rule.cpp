// Rules: `rule ID`, then the text one piece per line, then the clauses in source order.
#include "compiler/ast/string_literal.h"
#include "compiler/fmt/formatter.h"
#include "compiler/fmt/module_printer.h"

namespace clue {

void ModulePrinter::printRule(const ast::RuleDecl& rule, int indent) {
    out_.line(indent, "rule " + rule.id, {rule.span.file, rule.span.begin, rule.idSpan.end});
    int inner = indent + step;
    for (const ast::StringPiece& piece : rule.text.pieces) {
        out_.line(inner, ast::quoteString(piece.value), piece.span);
    }
    for (ast::RuleClauseKind kind : rule.clauseOrder) {
        switch (kind) {
        case ast::RuleClauseKind::Severity:
            out_.line(inner, "severity " + rule.severity->name, rule.severity->span);
            break;
        case ast::RuleClauseKind::When:
            printFormulaClause("when", *rule.when, rule.whenKeyword, inner);
            break;
        case ast::RuleClauseKind::Unless:
            printFormulaClause("unless", *rule.unless, rule.unlessKeyword, inner);
            break;
        case ast::RuleClauseKind::Tags: {
            std::string text = "tags ";
            for (size_t i = 0; i < rule.tags.size(); ++i) {
                text += (i ? ", " : "") + rule.tags[i].name;
            }
            out_.line(inner, text, rule.tags.front().span.cover(rule.tags.back().span));
            break;
        }
        }
    }
}

// A formula too long for its line is broken before each top-level 'and' or 'or'.
void ModulePrinter::printFormulaClause(const char* keyword, const ast::Formula& formula,
                                       SourceSpan keywordSpan, int indent) {
    std::string head = std::string(keyword) + " ";
    std::string whole = head + formulaText(formula);
    bool breakable = !formula.parenthesized && (formula.kind == ast::FormulaKind::And ||
                                                formula.kind == ast::FormulaKind::Or);
    if (static_cast<size_t>(indent) + whole.size() <= maxColumns || !breakable) {
        out_.line(indent, whole, keywordSpan.cover(formula.span));
        return;
    }
    const char* op = formula.kind == ast::FormulaKind::And ? "and " : "or ";
    for (size_t i = 0; i < formula.children.size(); ++i) {
        const ast::Formula& child = *formula.children[i];
        std::string operand = operandText(child, formula);
        if (i == 0) {
            out_.line(indent, head + operand, keywordSpan.cover(child.span));
        } else {
            out_.line(indent + step, op + operand, child.span);
        }
    }
}

} // namespace clue
