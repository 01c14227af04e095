// A list of terms (words or phrases) to find in statements, read from a data file. Each line
// of the file is one term:
//
//     suggestive | name the pose or the body part instead      a word, and a hint for the help
//     in a suggestive way                                        a phrase
//     provocativ*                                                the last word as a prefix
//     ^no                                                        only at the start of the text
//     <n> or more                                                <n>: any number word or digits
//     !black and white                                           an exception: a match that lies
//                                                                inside it does not count
//
// '#' starts a comment line. Matching is on whole words, case-insensitive.
#pragma once

#include "compiler/text/words.h"

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace clue::text {

struct LexiconEntry {
    std::string term; // as written, without the hint
    std::string hint; // may be empty
    std::vector<std::string> tokens;
    bool prefixLast = false;
    bool anchored = false;
    bool exception = false;
};

class Lexicon {
public:
    static Lexicon parse(std::string_view data);

    // Adds one term written as a line of a data file.
    void add(std::string_view line);
    // Removes every term (not exception) written as `term`, case-insensitively.
    void remove(std::string_view term);

    struct Match {
        size_t first = 0; // word indices, inclusive
        size_t last = 0;
        const LexiconEntry* entry = nullptr;
    };
    // The terms found in `words`, left to right, longest first, not overlapping, leaving out
    // those inside an exception's match.
    std::vector<Match> find(const std::vector<Word>& words) const;

    size_t size() const { return entries_.size(); }

private:
    bool matchesAt(const LexiconEntry& entry, const std::vector<Word>& words, size_t at) const;
    std::vector<Match> allMatches(const std::vector<Word>& words, bool exceptions) const;
    void reindex();

    std::vector<LexiconEntry> entries_;
    std::unordered_map<std::string, std::vector<size_t>> byFirstWord_;
    std::vector<size_t> wildcardFirst_; // entries whose first token is a prefix or <n>
};

} // namespace clue::text
