// How tokens are named in syntax errors: keywords, punctuation and what was found.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace clue {

bool isKeyword(size_t tokenType);
// The token as written in quotes, for keywords and punctuation: 'rule', '{'.
std::string quotedToken(size_t tokenType);
// What was found, to follow "unexpected": "end of the file", "keyword 'rule'",
// "text \"abc...\"", "number 2", "'foo'".
std::string foundPhrase(size_t tokenType, std::string_view text);
// Every keyword of the language, for "did you mean" suggestions and docs.
const std::vector<std::string>& allKeywords();

} // namespace clue
