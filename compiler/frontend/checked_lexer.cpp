// Lexical checks on the fly: each lexeme is checked as the parser's lexeme stream pulls it.
#include "compiler/frontend/checked_lexer.h"

#include "common/utf8.h"
#include "compiler/ast/string_literal.h"
#include "compiler/diag/diagnostic_codes.h"
#include "compiler/frontend/lexical_messages.h"
#include "compiler/frontend/text_checks.h"

#include <fmt/format.h>

namespace clue {

CheckedLexer::CheckedLexer(antlr4::CharStream* input, ParseSession& session)
    : ClueLexer(input), session_(session) {
    removeErrorListeners();
}

std::unique_ptr<antlr4::Token> CheckedLexer::nextToken() {
    for (;;) {
        std::unique_ptr<antlr4::Token> lexeme = ClueLexer::nextToken();
        if (lexeme->getType() == STRAY_CHAR) {
            addStray(*lexeme);
            continue;
        }
        flushStray();
        checkContents(*lexeme);
        if (lexeme->getType() == UNTERMINATED_STRING) {
            reportUnterminated(*lexeme);
        } else if (lexeme->getType() == STRING) {
            checkEscapes(*lexeme, true);
        }
        if (lexeme->getChannel() == antlr4::Token::DEFAULT_CHANNEL) {
            trackNesting(*lexeme);
        }
        return lexeme;
    }
}

void CheckedLexer::checkContents(const antlr4::Token& lexeme) {
    const size_t kind = lexeme.getType();
    if (kind == IDENT) {
        checkNameLength(lexeme.getText(), session_.locator().span(lexeme), session_);
    } else if (kind == STRING || kind == UNTERMINATED_STRING || kind == COMMENT) {
        checkControlCharacters(lexeme.getText(), session_.locator().span(lexeme), kind == COMMENT,
                               session_);
    }
}

void CheckedLexer::addStray(const antlr4::Token& lexeme) {
    SourceSpan span = session_.locator().span(lexeme);
    if (strayRun_ && strayRun_->end == span.begin) {
        strayRun_ = strayRun_->cover(span);
        strayText_ += lexeme.getText();
        return;
    }
    flushStray();
    strayRun_ = span;
    strayText_ = lexeme.getText();
}

void CheckedLexer::flushStray() {
    if (!strayRun_) {
        return;
    }
    bool several = countCodePoints(strayText_) > 1;
    session_
        .error(
            code::StrayCharacter, *strayRun_,
            fmt::format("stray character{} {}", several ? "s" : "", describeCharacters(strayText_)))
        .withHelp(strayCharacterHelp(strayText_));
    strayRun_.reset();
}

// The parser sees an unterminated string as a whole one, so that parsing goes on normally.
void CheckedLexer::reportUnterminated(antlr4::Token& lexeme) {
    session_
        .error(code::UnterminatedString, session_.locator().span(lexeme),
               "unterminated string: add a closing '\"'")
        .withHelp("a text ends on the line where it starts; to continue it on the next line, "
                  "close it and open another: adjacent texts are joined");
    checkEscapes(lexeme, false);
    if (auto* writable = dynamic_cast<antlr4::WritableToken*>(&lexeme)) {
        writable->setType(STRING);
    }
}

void CheckedLexer::checkEscapes(const antlr4::Token& lexeme, bool terminated) {
    std::string literal = lexeme.getText();
    if (!terminated) {
        literal += '"';
    }
    auto result = ast::unquoteString(literal);
    const auto* bad = std::get_if<ast::UnquoteError>(&result);
    if (bad == nullptr) {
        return;
    }
    size_t length = 1;
    if (bad->offset + 1 < literal.size()) {
        decodeCodePoint(std::string_view(literal).substr(bad->offset + 1), length);
        ++length;
    }
    SourceSpan where = session_.locator().span(lexeme);
    where.begin += static_cast<uint32_t>(bad->offset);
    where.end = where.begin + static_cast<uint32_t>(length);
    session_
        .error(code::UnknownEscape, where,
               unknownEscapeMessage(std::string_view(literal).substr(bad->offset, length)))
        .withHelp("the escapes are \\\" (a quote), \\\\ (a backslash), \\n (a line break) and "
                  "\\t (a tab)");
}

void CheckedLexer::trackNesting(const antlr4::Token& lexeme) {
    nesting_.add(lexeme.getType());
    if (nesting_.exceeded() && !tooDeep_) {
        tooDeep_ = session_.locator().span(lexeme);
    }
}

} // namespace clue
