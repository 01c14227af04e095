// A boolean formula over predicates, as written after `when` and `unless`.
#pragma once

#include "compiler/source/source_span.h"

#include <memory>
#include <string>
#include <vector>

namespace clue::ast {

enum class FormulaKind {
    And,    // children: two or more operands, as written (a and b and c is one And)
    Or,     // children: two or more operands
    Not,    // children: exactly one operand
    Ref,    // name: a predicate declared with `predicate`
    Inline, // text: a string literal used as a predicate statement
    Const,  // value: `true` or `false`
};

// Binding strength: or < and < not < atoms (4). An operand that binds no more strongly than its
// parent needs parentheses.
int precedence(FormulaKind kind);

class Formula {
public:
    FormulaKind kind = FormulaKind::Const;
    SourceSpan span;
    std::string name;   // Ref
    std::string text;   // Inline: the concatenated statement
    bool value = false; // Const
    // Parentheses around this formula in the source; kept so spans and fmt stay faithful.
    bool parenthesized = false;
    std::vector<std::unique_ptr<Formula>> children;

    static std::unique_ptr<Formula> makeRef(std::string name, SourceSpan span);
    static std::unique_ptr<Formula> makeInline(std::string text, SourceSpan span);
    static std::unique_ptr<Formula> makeConst(bool value, SourceSpan span);
    static std::unique_ptr<Formula> makeNot(std::unique_ptr<Formula> operand, SourceSpan span);
    static std::unique_ptr<Formula>
    makeNary(FormulaKind kind, std::vector<std::unique_ptr<Formula>> operands, SourceSpan span);

    std::unique_ptr<Formula> clone() const;
    // Structural equality, ignoring spans and parentheses.
    bool sameAs(const Formula& other) const;
    // The formula in the language's own syntax, fully parenthesized only where needed.
    std::string toSource() const;
};

} // namespace clue::ast
