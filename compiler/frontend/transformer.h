// Builds our AST from ANTLR's parse tree, one typed transform method per grammar construct,
// split by area into transform_<area>.cpp. Runs only on trees without syntax errors; reports
// what the grammar cannot express, such as a rule with two `when` clauses.
#pragma once

#include "compiler/ast/module.h"
#include "compiler/frontend/parse_session.h"

#include "ClueParser.h"

namespace clue {

class Transformer {
public:
    explicit Transformer(ParseSession& session) : session_(session) {}

    ast::Module transformFile(grammar::ClueParser::FileContext* ctx,
                              antlr4::BufferedTokenStream& tokens);

private:
    using P = grammar::ClueParser;

    // transform_header.cpp
    ast::Header transformHeader(P::HeaderContext* ctx);

    // transform_declarations.cpp
    ast::Decl transformItem(P::ItemContext* ctx);
    ast::ImportDecl transformImport(P::ImportDeclContext* ctx);
    ast::PredicateDecl transformPredicate(P::PredicateDeclContext* ctx);
    ast::PredicateOption transformOption(P::PredicateOptionContext* ctx);
    ast::CategoryDecl transformCategory(P::CategoryDeclContext* ctx);

    // transform_rule.cpp
    ast::RuleDecl transformRule(P::RuleDeclContext* ctx, const std::string& category);
    void transformClause(P::RuleClauseContext* ctx, ast::RuleDecl& rule);
    ast::RuleClauseKind clauseKind(P::RuleClauseContext* ctx) const;

    // transform_formula.cpp
    std::unique_ptr<ast::Formula> transformFormula(P::FormulaContext* ctx);
    std::unique_ptr<ast::Formula> transformConjunction(P::ConjunctionContext* ctx);
    std::unique_ptr<ast::Formula> transformNegation(P::NegationContext* ctx);
    std::unique_ptr<ast::Formula> transformAtom(P::AtomContext* ctx);

    // transform_test.cpp
    ast::TestDecl transformTest(P::TestDeclContext* ctx);
    void transformGiven(P::GivenStmtContext* ctx, ast::TestDecl& test);
    ast::Expectation transformExpectation(P::ExpectationContext* ctx);

    // transform_score.cpp
    ast::ScoreDecl transformScore(P::ScoreDeclContext* ctx);
    ast::ScoreEntry transformScoreEntry(P::ScoreEntryContext* ctx);

    // transform_text.cpp
    ast::Text transformText(P::TextContext* ctx);
    // A single literal, length-checked; texts check their joined value instead.
    ast::StringPiece transformString(antlr4::tree::TerminalNode* node);
    ast::StringPiece unquote(antlr4::tree::TerminalNode* node);
    std::vector<ast::Comment> collectComments(antlr4::BufferedTokenStream& tokens);

    SourceSpan span(antlr4::ParserRuleContext* ctx) const { return session_.locator().span(ctx); }
    SourceSpan span(antlr4::tree::TerminalNode* node) const {
        return session_.locator().span(node);
    }
    // Reports a clause written twice, with a note at the first one.
    void duplicateClause(const std::string& what, SourceSpan second, SourceSpan first,
                         std::string help);

    ParseSession& session_;
};

} // namespace clue
