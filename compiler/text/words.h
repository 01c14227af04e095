// Words of a statement or rule text, lower-cased, with their byte offsets in the text, so that
// a finding can point at the exact term.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace clue::text {

struct Word {
    std::string text; // ASCII letters lower-cased; other bytes kept
    size_t begin = 0; // byte offsets in the text, [begin, end)
    size_t end = 0;
};

// Words are runs of letters, digits, apostrophes and non-ASCII bytes; a hyphen or an
// apostrophe between two such characters stays inside the word ("black-and-white" and
// "person's" are one word each). Everything else separates words.
std::vector<Word> splitWords(std::string_view text);

// The words of `text` that are not quoted: text between double quotes (straight or curly) is
// writing visible in the image ("a sign that says \"no entry\""), not a claim of the statement.
std::vector<Word> splitUnquotedWords(std::string_view text);

// Digits ("2", "90") or a number word from "zero" to "twenty".
bool isNumberWord(std::string_view word);

} // namespace clue::text
