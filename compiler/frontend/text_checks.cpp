// Names and texts are bounded, and texts hold no control characters: every verb agrees, and no
// later stage (lint, the model's prompts, a terminal) sees an unbounded or invisible character.
#include "compiler/frontend/text_checks.h"

#include "common/escaped_text.h"
#include "common/utf8.h"
#include "compiler/diag/diagnostic_codes.h"
#include "compiler/source/source_limits.h"

#include <fmt/format.h>

namespace clue {
namespace {

// The byte offset and length of the first control character other than a tab. Bytes that are
// not valid UTF-8 are passed over: the lexer reports them.
std::optional<std::pair<size_t, size_t>> firstControl(std::string_view text) {
    for (size_t i = 0; i < text.size();) {
        const size_t length = sequenceLength(text, i);
        if (length == 0) {
            ++i;
            continue;
        }
        size_t decoded = 0;
        const char32_t c = decodeCodePoint(text.substr(i, length), decoded);
        if (c != U'\t' && isControlCharacter(c)) {
            return std::pair<size_t, size_t>{i, length};
        }
        i += length;
    }
    return std::nullopt;
}

} // namespace

void checkNameLength(std::string_view name, SourceSpan span, ParseSession& session) {
    size_t length = countCodePoints(name);
    if (length <= SourceLimits::maxNameLength) {
        return;
    }
    session
        .error(code::NameTooLong, span,
               fmt::format("this name is {} characters long; a name has at most {}", length,
                           SourceLimits::maxNameLength))
        .withHelp("choose a shorter name; the text of a rule or a predicate says the rest");
}

void checkTextLength(std::string_view text, SourceSpan span, ParseSession& session) {
    if (text.size() <= SourceLimits::maxTextLength) {
        return; // a code point takes at least one byte
    }
    size_t length = countCodePoints(text);
    if (length <= SourceLimits::maxTextLength) {
        return;
    }
    session
        .error(code::TextTooLong, span,
               fmt::format("this text is {} characters long; a text has at most {}", length,
                           SourceLimits::maxTextLength))
        .withHelp("a statement is one short visual fact; split a long one into several "
                  "predicates");
}

void checkControlCharacters(std::string_view lexeme, SourceSpan span, bool isComment,
                            ParseSession& session) {
    auto found = firstControl(lexeme);
    if (!found) {
        return;
    }
    size_t length = 0;
    char32_t c = decodeCodePoint(lexeme.substr(found->first, found->second), length);
    SourceSpan where{span.file, span.begin + static_cast<uint32_t>(found->first),
                     span.begin + static_cast<uint32_t>(found->first + found->second)};
    session
        .error(code::ControlCharacter, where,
               fmt::format("control character U+{:04X} in a {}", static_cast<uint32_t>(c),
                           isComment ? "comment" : "text"))
        .withHelp(isComment ? "remove it"
                            : "remove it; write \\n for a line break and \\t for a tab");
}

} // namespace clue
