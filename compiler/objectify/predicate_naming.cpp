// Predicate names from statements: the statement's content words, the first three (negations
// aside, which always stay), more of them when that name is taken.
#include "compiler/objectify/predicate_naming.h"

#include "compiler/frontend/token_names.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <vector>

namespace clue::objectify {
namespace {

// Words that say nothing a name needs: articles, auxiliaries, prepositions, pronouns, and the
// words every statement repeats ("visible via this image").
bool isFunctionWord(const std::string& word) {
    static constexpr std::array<std::string_view, 62> words = {
        "a",     "an",      "the",     "of",    "via",   "this",  "that",    "these",  "those",
        "image", "picture", "photo",   "is",    "are",   "was",   "were",    "be",     "been",
        "being", "in",      "on",      "at",    "to",    "with",  "by",      "and",    "or",
        "its",   "their",   "his",     "her",   "some",  "any",   "has",     "have",   "had",
        "from",  "for",     "which",   "who",   "whose", "as",    "visible", "shown",  "depicted",
        "only",  "just",    "clearly", "also",  "very",  "there", "it",      "they",   "them",
        "can",   "could",   "may",     "might", "than",  "into",  "onto",    "appears"};
    return std::find(words.begin(), words.end(), word) != words.end();
}

bool isNegation(const std::string& word) {
    return word == "not" || word == "no" || word == "without" || word == "never";
}

bool isKeyword(const std::string& word) {
    const std::vector<std::string>& keywords = allKeywords();
    return std::find(keywords.begin(), keywords.end(), word) != keywords.end();
}

std::vector<std::string> words(std::string_view text) {
    std::vector<std::string> out;
    std::string word;
    for (char c : text) {
        if (std::isalnum(static_cast<unsigned char>(c)) && static_cast<unsigned char>(c) < 0x80) {
            word += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        } else if (c != '\'') { // "person's" stays one word: "persons"
            if (!word.empty()) {
                out.push_back(std::move(word));
            }
            word.clear();
        }
    }
    if (!word.empty()) {
        out.push_back(std::move(word));
    }
    return out;
}

// The first `count` content words (negations do not count against it), joined by '_'.
std::string nameOf(const std::vector<std::string>& content, size_t count) {
    std::string name;
    size_t used = 0;
    for (const std::string& word : content) {
        if (used == count) {
            break;
        }
        name += (name.empty() ? "" : "_") + word;
        used += isNegation(word) ? 0 : 1;
    }
    if (name.empty()) {
        name = "extracted";
    }
    if (std::isdigit(static_cast<unsigned char>(name.front())) || isKeyword(name)) {
        name = "p_" + name;
    }
    return name;
}

} // namespace

std::string predicateNameFor(std::string_view statement, std::set<std::string>& taken) {
    std::vector<std::string> content;
    for (std::string& word : words(statement)) {
        if (!isFunctionWord(word)) {
            content.push_back(std::move(word));
        }
    }
    // Three words, then more while the name is taken, then a number.
    std::string name = nameOf(content, 3);
    for (size_t count = 4; taken.contains(name) && count <= content.size(); ++count) {
        name = nameOf(content, count);
    }
    std::string base = name;
    for (int n = 2; taken.contains(name); ++n) {
        name = base + "_" + std::to_string(n);
    }
    taken.insert(name);
    return name;
}

} // namespace clue::objectify
