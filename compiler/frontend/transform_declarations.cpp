// Top-level declarations: imports, predicates with their options, and categories.
#include "compiler/frontend/transformer.h"

#include <charconv>
#include <limits>

namespace clue {
namespace {

// The value of a NUMBER token. Magnitudes beyond a double become infinite (sema reports them
// as out of range) or zero.
double parseNumber(const std::string& raw) {
    double value = 0;
    auto result = std::from_chars(raw.data(), raw.data() + raw.size(), value);
    if (result.ec != std::errc::result_out_of_range) {
        return value;
    }
    size_t digits = raw.find_first_not_of('-');
    bool large = digits < raw.size() && raw[digits] != '0';
    double magnitude = large ? std::numeric_limits<double>::infinity() : 0.0;
    return raw.front() == '-' ? -magnitude : magnitude;
}

} // namespace

ast::Decl Transformer::transformItem(P::ItemContext* ctx) {
    if (ctx->importDecl() != nullptr) {
        return transformImport(ctx->importDecl());
    }
    if (ctx->predicateDecl() != nullptr) {
        return transformPredicate(ctx->predicateDecl());
    }
    if (ctx->categoryDecl() != nullptr) {
        return transformCategory(ctx->categoryDecl());
    }
    if (ctx->ruleDecl() != nullptr) {
        return transformRule(ctx->ruleDecl(), "");
    }
    if (ctx->scoreDecl() != nullptr) {
        return transformScore(ctx->scoreDecl());
    }
    return transformTest(ctx->testDecl());
}

ast::ImportDecl Transformer::transformImport(P::ImportDeclContext* ctx) {
    ast::StringPiece path = transformString(ctx->STRING());
    return {path.value, path.span, span(ctx)};
}

ast::PredicateDecl Transformer::transformPredicate(P::PredicateDeclContext* ctx) {
    ast::PredicateDecl predicate;
    predicate.name = ctx->IDENT()->getText();
    predicate.nameSpan = span(ctx->IDENT());
    predicate.statement = transformText(ctx->text());
    for (P::PredicateOptionContext* option : ctx->predicateOption()) {
        predicate.options.push_back(transformOption(option));
    }
    predicate.span = span(ctx);
    return predicate;
}

ast::PredicateOption Transformer::transformOption(P::PredicateOptionContext* ctx) {
    ast::PredicateOption option;
    option.name = ctx->IDENT()->getText();
    option.nameSpan = span(ctx->IDENT());
    option.span = span(ctx);
    if (ctx->STRING() != nullptr) {
        ast::StringPiece value = transformString(ctx->STRING());
        option.stringValue = value.value;
        option.rawValue = ctx->STRING()->getText();
        option.valueSpan = value.span;
        return option;
    }
    option.isNumber = true;
    option.rawValue = ctx->NUMBER()->getText();
    option.valueSpan = span(ctx->NUMBER());
    option.numberValue = parseNumber(option.rawValue);
    return option;
}

ast::CategoryDecl Transformer::transformCategory(P::CategoryDeclContext* ctx) {
    ast::CategoryDecl category;
    category.name = ctx->IDENT()->getText();
    category.nameSpan = span(ctx->IDENT());
    if (ctx->text() != nullptr) {
        category.title = transformText(ctx->text());
    }
    std::vector<P::RuleDeclContext*> rules = ctx->ruleDecl();
    category.rules.reserve(rules.size());
    for (P::RuleDeclContext* rule : rules) {
        category.rules.push_back(transformRule(rule, category.name));
    }
    category.span = span(ctx);
    return category;
}

} // namespace clue
