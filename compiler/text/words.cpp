// A small tokenizer for English statements; no stemming, no stop words.
#include "compiler/text/words.h"

#include <algorithm>
#include <array>

namespace clue::text {
namespace {

bool isWordByte(char c) {
    const auto u = static_cast<unsigned char>(c);
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || u >= 0x80;
}

// Curly double quotes are punctuation, although their bytes are not ASCII.
bool isCurlyQuote(std::string_view text, size_t i) {
    std::string_view mark = text.substr(i, 3);
    return mark == "\xE2\x80\x9C" || mark == "\xE2\x80\x9D";
}

bool isWordAt(std::string_view text, size_t i) {
    return i < text.size() && isWordByte(text[i]) && !isCurlyQuote(text, i);
}

bool isJoiner(char c) {
    return c == '-' || c == '\'';
}

char lower(char c) {
    return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}

} // namespace

std::vector<Word> splitWords(std::string_view text) {
    std::vector<Word> words;
    size_t i = 0;
    while (i < text.size()) {
        if (!isWordAt(text, i)) {
            i += isCurlyQuote(text, i) ? 3 : 1;
            continue;
        }
        Word word;
        word.begin = i;
        while (isWordAt(text, i) ||
               (i < text.size() && isJoiner(text[i]) && isWordAt(text, i + 1))) {
            word.text += lower(text[i]);
            ++i;
        }
        word.end = i;
        words.push_back(std::move(word));
    }
    return words;
}

std::vector<Word> splitUnquotedWords(std::string_view text) {
    // Byte ranges inside quotes; an unpaired quote quotes nothing.
    std::vector<std::pair<size_t, size_t>> quoted;
    size_t open = std::string_view::npos;
    for (size_t i = 0; i < text.size(); ++i) {
        bool straight = text[i] == '"';
        bool curlyOpen = text.substr(i, 3) == "\xE2\x80\x9C";
        bool curlyClose = text.substr(i, 3) == "\xE2\x80\x9D";
        if (open == std::string_view::npos && (straight || curlyOpen)) {
            open = i;
        } else if (open != std::string_view::npos && (straight || curlyClose)) {
            quoted.push_back({open, i});
            open = std::string_view::npos;
        }
    }
    std::vector<Word> words = splitWords(text);
    std::erase_if(words, [&](const Word& w) {
        return std::any_of(quoted.begin(), quoted.end(),
                           [&](const auto& q) { return w.begin > q.first && w.end <= q.second; });
    });
    return words;
}

bool isNumberWord(std::string_view word) {
    static constexpr std::array<std::string_view, 21> names = {
        "zero",     "one",     "two",     "three",     "four",     "five",     "six",
        "seven",    "eight",   "nine",    "ten",       "eleven",   "twelve",   "thirteen",
        "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty"};
    if (!word.empty() &&
        std::all_of(word.begin(), word.end(), [](char c) { return c >= '0' && c <= '9'; })) {
        return true;
    }
    return std::find(names.begin(), names.end(), word) != names.end();
}

} // namespace clue::text
