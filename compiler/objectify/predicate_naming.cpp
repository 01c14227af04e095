// Predicate names from statements: content words only, at most three of them.
#include "compiler/objectify/predicate_naming.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <vector>

namespace clue::objectify {
namespace {

bool isFillerWord(const std::string& word) {
    static constexpr std::array<std::string_view, 36> fillers = {
        "a",    "an",   "the",   "of",    "via",   "this", "image", "is",      "are",
        "be",   "been", "being", "in",    "on",    "at",   "to",    "with",    "by",
        "and",  "or",   "its",   "their", "his",   "her",  "some",  "any",     "has",
        "have", "from", "for",   "that",  "which", "who",  "as",    "visible", "shown"};
    return std::find(fillers.begin(), fillers.end(), word) != fillers.end();
}

bool isKeyword(const std::string& word) {
    static constexpr std::array<std::string_view, 21> keywords = {
        "constitution", "version", "description", "import", "predicate", "category", "rule",
        "severity",     "when",    "unless",      "tags",   "test",      "given",    "expect",
        "safe",         "unsafe",  "violates",    "and",    "or",        "not",      "true"};
    return word == "false" || std::find(keywords.begin(), keywords.end(), word) != keywords.end();
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

} // namespace

std::string predicateNameFor(std::string_view statement, std::set<std::string>& taken) {
    std::string base;
    int used = 0;
    for (const std::string& word : words(statement)) {
        if (used < 3 && !isFillerWord(word)) {
            base += (used++ ? "_" : "") + word;
        }
    }
    if (base.empty()) {
        base = "extracted";
    }
    if (std::isdigit(static_cast<unsigned char>(base.front())) || isKeyword(base)) {
        base = "p_" + base;
    }
    std::string name = base;
    for (int n = 2; taken.contains(name); ++n) {
        name = base + "_" + std::to_string(n);
    }
    taken.insert(name);
    return name;
}

} // namespace clue::objectify
