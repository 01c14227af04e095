// Token and context spans: ANTLR's inclusive code point indexes become half-open byte ranges.
#include "compiler/frontend/token_locator.h"

#include "antlr4-runtime.h"

namespace clue {

SourceSpan TokenLocator::span(const antlr4::Token& token) const {
    size_t begin = token.getStartIndex();
    if (token.getType() == antlr4::Token::EOF || token.getStopIndex() + 1 < begin + 1) {
        uint32_t at = map_.byteOffset(begin);
        return {file_, at, at};
    }
    return {file_, map_.byteOffset(begin), map_.byteOffset(token.getStopIndex() + 1)};
}

SourceSpan TokenLocator::span(antlr4::tree::TerminalNode* node) const {
    return span(*node->getSymbol());
}

SourceSpan TokenLocator::span(antlr4::ParserRuleContext* context) const {
    SourceSpan first = span(*context->getStart());
    const antlr4::Token* stop = context->getStop();
    if (stop == nullptr || stop->getTokenIndex() < context->getStart()->getTokenIndex()) {
        return {file_, first.begin, first.begin};
    }
    return first.cover(span(*stop));
}

SourceSpan TokenLocator::after(const antlr4::Token& token) const {
    SourceSpan s = span(token);
    return {file_, s.end, s.end};
}

} // namespace clue
