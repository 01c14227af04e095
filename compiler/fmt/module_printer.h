// Prints each kind of declaration through a LayoutWriter; split by area into
// print_<area>.cpp. The layout rules are in docs/cli/fmt.md.
#pragma once

#include "compiler/ast/module.h"
#include "compiler/fmt/layout_writer.h"

namespace clue {

class ModulePrinter {
public:
    ModulePrinter(LayoutWriter& out) : out_(out) {}

    void print(const ast::Module& module);

private:
    static constexpr int step = 4;

    // print_declarations.cpp
    void printHeader(const ast::Header& header);
    void printImport(const ast::ImportDecl& import);
    void printPredicate(const ast::PredicateDecl& predicate);
    void printCategory(const ast::CategoryDecl& category);
    // Continuation pieces of a text whose first piece ends a line at `indent`.
    void printMorePieces(const ast::Text& text, int indent);

    // print_rule.cpp
    void printRule(const ast::RuleDecl& rule, int indent);
    void printFormulaClause(const char* keyword, const ast::Formula& formula,
                            SourceSpan keywordSpan, int indent);

    // print_test.cpp
    void printTest(const ast::TestDecl& test);

    // print_score.cpp
    void printScore(const ast::ScoreDecl& score);

    LayoutWriter& out_;
};

// The formula in source syntax: the author's parentheses, plus any that precedence needs.
std::string formulaText(const ast::Formula& formula);
// A score entry's outcome in source syntax: `safe`, `severity high`, `violates r`.
std::string outcomeText(const ast::ScoreEntry& entry);
// An operand of `parent` as written between its operators.
std::string operandText(const ast::Formula& child, const ast::Formula& parent);

} // namespace clue
