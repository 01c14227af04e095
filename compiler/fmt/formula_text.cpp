// Formulas printed with the author's parentheses kept, and any that precedence needs added.
#include "common/assert.h"
#include "compiler/ast/string_literal.h"
#include "compiler/fmt/module_printer.h"

namespace clue {
namespace {

int precedence(const ast::Formula& f) {
    return ast::precedence(f.kind);
}

std::string bare(const ast::Formula& f);

std::string operand(const ast::Formula& child, int parentPrecedence) {
    bool wrap = child.parenthesized || precedence(child) <= parentPrecedence;
    return wrap ? "(" + bare(child) + ")" : bare(child);
}

// The formula without its own parentheses.
std::string bare(const ast::Formula& f) {
    switch (f.kind) {
    case ast::FormulaKind::Ref:
        return f.name;
    case ast::FormulaKind::Inline:
        return ast::quoteString(f.text);
    case ast::FormulaKind::Const:
        return f.value ? "true" : "false";
    case ast::FormulaKind::Not:
        return "not " + operand(*f.children.front(), precedence(f) - 1);
    case ast::FormulaKind::And:
    case ast::FormulaKind::Or: {
        std::string out;
        const char* op = f.kind == ast::FormulaKind::And ? " and " : " or ";
        for (size_t i = 0; i < f.children.size(); ++i) {
            out += (i ? op : "") + operand(*f.children[i], precedence(f));
        }
        return out;
    }
    }
    CLUE_UNREACHABLE();
}

} // namespace

std::string formulaText(const ast::Formula& formula) {
    return formula.parenthesized ? "(" + bare(formula) + ")" : bare(formula);
}

std::string operandText(const ast::Formula& child, const ast::Formula& parent) {
    return operand(child, precedence(parent));
}

} // namespace clue
