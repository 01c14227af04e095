// The generated lexer, plus the lexical checks: stray characters, unterminated strings and bad
// escapes become diagnostics, and the token stream the parser sees is repaired so that one
// lexical mistake does not cascade into syntax errors.
#pragma once

#include "compiler/frontend/nesting_depth.h"
#include "compiler/frontend/parse_session.h"

#include "ClueLexer.h"

#include <optional>

namespace clue {

class CheckedLexer : public grammar::ClueLexer {
public:
    CheckedLexer(antlr4::CharStream* input, ParseSession& session);

    std::unique_ptr<antlr4::Token> nextToken() override;

    // Where conditions first nested deeper than NestingDepth::limit, if they did.
    const std::optional<SourceSpan>& tooDeep() const { return tooDeep_; }

private:
    // Name lengths and control characters (text_checks.h); text lengths are checked once
    // adjacent literals are joined, by the transformer.
    void checkContents(const antlr4::Token& lexeme);
    void addStray(const antlr4::Token& lexeme);
    void flushStray();
    void reportUnterminated(antlr4::Token& lexeme);
    void checkEscapes(const antlr4::Token& lexeme, bool terminated);
    void trackNesting(const antlr4::Token& lexeme);

    ParseSession& session_;
    NestingDepth nesting_;
    std::optional<SourceSpan> tooDeep_;
    // A run of adjacent stray characters, reported as one diagnostic.
    std::optional<SourceSpan> strayRun_;
    std::string strayText_;
};

} // namespace clue
