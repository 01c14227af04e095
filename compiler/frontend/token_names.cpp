// Token naming from the generated vocabulary.
#include "compiler/frontend/token_names.h"

#include "common/utf8.h"

#include "ClueLexer.h"

#include <fmt/format.h>

namespace clue {

using grammar::ClueLexer;

namespace {

// The generated vocabulary is a static of the lexer, reachable only through an instance.
const antlr4::dfa::Vocabulary& vocabulary() {
    static const antlr4::dfa::Vocabulary& shared = []() -> const antlr4::dfa::Vocabulary& {
        antlr4::ANTLRInputStream empty;
        ClueLexer lexer(&empty);
        return lexer.getVocabulary();
    }();
    return shared;
}

} // namespace

bool isKeyword(size_t tokenType) {
    return tokenType >= ClueLexer::CONSTITUTION && tokenType <= ClueLexer::FALSE;
}

std::string quotedToken(size_t tokenType) {
    return vocabulary().getLiteralName(tokenType);
}

std::string foundPhrase(size_t tokenType, std::string_view text) {
    switch (tokenType) {
    case antlr4::Token::EOF:
        return "end of the file";
    case ClueLexer::STRING:
    case ClueLexer::UNTERMINATED_STRING: {
        constexpr size_t shown = 30;
        if (countCodePoints(text) <= shown) {
            return fmt::format("text {}", text);
        }
        size_t end = 0;
        for (size_t seen = 0; seen < shown && end < text.size(); ++seen) {
            size_t length = 0;
            decodeCodePoint(text.substr(end), length);
            end += length;
        }
        return fmt::format("text {}...", text.substr(0, end));
    }
    case ClueLexer::NUMBER:
        return fmt::format("number {}", text);
    default:
        break;
    }
    if (isKeyword(tokenType)) {
        return fmt::format("keyword '{}'", text);
    }
    return fmt::format("'{}'", text);
}

const std::vector<std::string>& allKeywords() {
    static const std::vector<std::string> keywords = [] {
        std::vector<std::string> out;
        for (size_t t = ClueLexer::CONSTITUTION; t <= ClueLexer::FALSE; ++t) {
            std::string quoted = quotedToken(t);
            out.push_back(quoted.substr(1, quoted.size() - 2));
        }
        return out;
    }();
    return keywords;
}

} // namespace clue
