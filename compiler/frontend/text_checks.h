// Lexical checks on what a token holds: the length of names and texts (E013, E014), and the
// control characters that no text or comment may contain (E015).
#pragma once

#include "compiler/frontend/parse_session.h"

#include <string_view>

namespace clue {

// `name` is an identifier token's text, at `span`.
void checkNameLength(std::string_view name, SourceSpan span, ParseSession& session);

// `text` is a text's value or a literal; `span` covers it.
void checkTextLength(std::string_view text, SourceSpan span, ParseSession& session);

// `lexeme` is a string literal or a comment as written, at `span`; reports its first control
// character other than a tab.
void checkControlCharacters(std::string_view lexeme, SourceSpan span, bool isComment,
                            ParseSession& session);

} // namespace clue
