// String literals, texts made of adjacent literals, and comments.
#include "compiler/frontend/transformer.h"

#include "compiler/ast/string_literal.h"
#include "compiler/frontend/text_checks.h"
#include "compiler/source/source_limits.h"

namespace clue {

ast::StringPiece Transformer::unquote(antlr4::tree::TerminalNode* node) {
    std::string literal = node->getText();
    auto value = ast::unquoteString(literal);
    // Bad escapes were reported by the lexer, and the transformer only runs on clean files;
    // the raw body is a safe fallback all the same.
    if (auto* text = std::get_if<std::string>(&value)) {
        return {std::move(*text), span(node)};
    }
    return {literal.substr(1, literal.size() >= 2 ? literal.size() - 2 : 0), span(node)};
}

ast::StringPiece Transformer::transformString(antlr4::tree::TerminalNode* node) {
    ast::StringPiece piece = unquote(node);
    checkTextLength(piece.value, piece.span, session_);
    return piece;
}

ast::Text Transformer::transformText(P::TextContext* ctx) {
    ast::Text text;
    size_t bytes = 0;
    for (antlr4::tree::TerminalNode* piece : ctx->STRING()) {
        text.pieces.push_back(unquote(piece));
        bytes += text.pieces.back().value.size();
    }
    text.span = span(ctx);
    if (bytes > SourceLimits::maxTextLength) {
        checkTextLength(text.value(), text.span, session_);
    }
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
