// String literals, texts made of adjacent literals, and comments.
#include "compiler/frontend/transformer.h"

#include "compiler/ast/string_literal.h"

namespace clue {

ast::StringPiece Transformer::transformString(antlr4::tree::TerminalNode* node) {
    std::string literal = node->getText();
    auto value = ast::unquoteString(literal);
    // Bad escapes were reported by the lexer, and the transformer only runs on clean files;
    // the raw body is a safe fallback all the same.
    if (auto* text = std::get_if<std::string>(&value)) {
        return {std::move(*text), span(node)};
    }
    return {literal.substr(1, literal.size() >= 2 ? literal.size() - 2 : 0), span(node)};
}

ast::Text Transformer::transformText(P::TextContext* ctx) {
    ast::Text text;
    for (antlr4::tree::TerminalNode* piece : ctx->STRING()) {
        text.pieces.push_back(transformString(piece));
    }
    text.span = span(ctx);
    return text;
}

std::vector<ast::Comment> Transformer::collectComments(antlr4::BufferedTokenStream& tokens) {
    std::vector<ast::Comment> comments;
    for (antlr4::Token* token : tokens.getTokens()) {
        if (token->getType() == P::COMMENT) {
            comments.push_back({token->getText(), session_.locator().span(*token)});
        }
    }
    return comments;
}

} // namespace clue
