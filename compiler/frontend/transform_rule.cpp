// Rules and their clauses; each clause kind may appear once, in any order.
#include "compiler/frontend/transformer.h"

#include "common/assert.h"

#include <fmt/format.h>

#include <map>

namespace clue {
namespace {

const char* duplicateHelp(ast::RuleClauseKind kind) {
    switch (kind) {
    case ast::RuleClauseKind::Severity:
        return "a rule has one severity";
    case ast::RuleClauseKind::When:
        return "join the conditions of one 'when' with 'and'";
    case ast::RuleClauseKind::Unless:
        return "join the exceptions of one 'unless' with 'or'";
    case ast::RuleClauseKind::Tags:
        return "list every tag in one 'tags' clause, separated by commas";
    }
    CLUE_UNREACHABLE();
}

} // namespace

ast::RuleDecl Transformer::transformRule(P::RuleDeclContext* ctx, const std::string& category) {
    ast::RuleDecl rule;
    rule.id = ctx->IDENT()->getText();
    rule.idSpan = span(ctx->IDENT());
    rule.text = transformText(ctx->text());
    rule.category = category;
    rule.span = span(ctx);
    std::map<ast::RuleClauseKind, SourceSpan> firstKeyword;
    for (P::RuleClauseContext* clause : ctx->ruleClause()) {
        ast::RuleClauseKind kind = clauseKind(clause);
        auto* keywordNode = dynamic_cast<antlr4::tree::TerminalNode*>(clause->children.front());
        SourceSpan keyword = span(keywordNode);
        auto [first, inserted] = firstKeyword.emplace(kind, keyword);
        if (!inserted) {
            duplicateClause(
                fmt::format("the '{}' clause of rule '{}'", keywordNode->getText(), rule.id),
                keyword, first->second, duplicateHelp(kind));
            continue;
        }
        transformClause(clause, rule);
        rule.clauseOrder.push_back(kind);
    }
    return rule;
}

ast::RuleClauseKind Transformer::clauseKind(P::RuleClauseContext* ctx) const {
    if (dynamic_cast<P::SeverityClauseContext*>(ctx) != nullptr) {
        return ast::RuleClauseKind::Severity;
    }
    if (dynamic_cast<P::WhenClauseContext*>(ctx) != nullptr) {
        return ast::RuleClauseKind::When;
    }
    if (dynamic_cast<P::UnlessClauseContext*>(ctx) != nullptr) {
        return ast::RuleClauseKind::Unless;
    }
    return ast::RuleClauseKind::Tags;
}

void Transformer::transformClause(P::RuleClauseContext* ctx, ast::RuleDecl& rule) {
    if (auto* severity = dynamic_cast<P::SeverityClauseContext*>(ctx)) {
        rule.severity = ast::Identifier{severity->IDENT()->getText(), span(severity->IDENT())};
    } else if (auto* when = dynamic_cast<P::WhenClauseContext*>(ctx)) {
        rule.when = transformFormula(when->formula());
        rule.whenKeyword = span(when->WHEN());
    } else if (auto* unless = dynamic_cast<P::UnlessClauseContext*>(ctx)) {
        rule.unless = transformFormula(unless->formula());
        rule.unlessKeyword = span(unless->UNLESS());
    } else if (auto* tags = dynamic_cast<P::TagsClauseContext*>(ctx)) {
        for (antlr4::tree::TerminalNode* tag : tags->IDENT()) {
            rule.tags.push_back({tag->getText(), span(tag)});
        }
    }
}

} // namespace clue
