// A stand-in tokenizer for counting and streaming text: words with their leading whitespace,
// long words cut in pieces of about four bytes (never inside a UTF-8 sequence).
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace clue::sim {

std::vector<std::string> pseudoTokens(std::string_view text);
int countPseudoTokens(std::string_view text);

} // namespace clue::sim
