// Construction, copying, comparison and printing of formulas.
#include "compiler/ast/formula.h"

#include "common/assert.h"
#include "compiler/ast/string_literal.h"

namespace clue::ast {

std::unique_ptr<Formula> Formula::makeRef(std::string name, SourceSpan span) {
    auto f = std::make_unique<Formula>();
    f->kind = FormulaKind::Ref;
    f->name = std::move(name);
    f->span = span;
    return f;
}

std::unique_ptr<Formula> Formula::makeInline(std::string text, SourceSpan span) {
    auto f = std::make_unique<Formula>();
    f->kind = FormulaKind::Inline;
    f->text = std::move(text);
    f->span = span;
    return f;
}

std::unique_ptr<Formula> Formula::makeConst(bool value, SourceSpan span) {
    auto f = std::make_unique<Formula>();
    f->kind = FormulaKind::Const;
    f->value = value;
    f->span = span;
    return f;
}

std::unique_ptr<Formula> Formula::makeNot(std::unique_ptr<Formula> operand, SourceSpan span) {
    auto f = std::make_unique<Formula>();
    f->kind = FormulaKind::Not;
    f->span = span;
    f->children.push_back(std::move(operand));
    return f;
}

std::unique_ptr<Formula> Formula::makeNary(FormulaKind kind,
                                           std::vector<std::unique_ptr<Formula>> operands,
                                           SourceSpan span) {
    auto f = std::make_unique<Formula>();
    f->kind = kind;
    f->span = span;
    f->children = std::move(operands);
    return f;
}

std::unique_ptr<Formula> Formula::clone() const {
    auto f = std::make_unique<Formula>();
    f->kind = kind;
    f->span = span;
    f->name = name;
    f->text = text;
    f->value = value;
    f->parenthesized = parenthesized;
    for (const auto& child : children) {
        f->children.push_back(child->clone());
    }
    return f;
}

bool Formula::sameAs(const Formula& other) const {
    if (kind != other.kind || name != other.name || text != other.text || value != other.value ||
        children.size() != other.children.size()) {
        return false;
    }
    for (size_t i = 0; i < children.size(); ++i) {
        if (!children[i]->sameAs(*other.children[i])) {
            return false;
        }
    }
    return true;
}

int precedence(FormulaKind kind) {
    switch (kind) {
    case FormulaKind::Or:
        return 1;
    case FormulaKind::And:
        return 2;
    case FormulaKind::Not:
        return 3;
    case FormulaKind::Ref:
    case FormulaKind::Inline:
    case FormulaKind::Const:
        return 4;
    }
    CLUE_UNREACHABLE();
}

namespace {

std::string operand(const Formula& child, int parentPrecedence) {
    std::string s = child.toSource();
    return precedence(child.kind) <= parentPrecedence ? "(" + s + ")" : s;
}

} // namespace

std::string Formula::toSource() const {
    switch (kind) {
    case FormulaKind::Ref:
        return name;
    case FormulaKind::Inline:
        return quoteString(text);
    case FormulaKind::Const:
        return value ? "true" : "false";
    case FormulaKind::Not:
        return "not " + operand(*children.front(), precedence(kind) - 1);
    case FormulaKind::And:
    case FormulaKind::Or: {
        std::string out;
        const char* op = kind == FormulaKind::And ? " and " : " or ";
        for (size_t i = 0; i < children.size(); ++i) {
            out += (i ? op : "") + operand(*children[i], precedence(kind));
        }
        return out;
    }
    }
    CLUE_UNREACHABLE();
}

} // namespace clue::ast
