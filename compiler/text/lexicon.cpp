// Parsing of term lists and whole-word phrase matching.
#include "compiler/text/lexicon.h"

#include <algorithm>

namespace clue::text {
namespace {

std::string_view trim(std::string_view s) {
    size_t begin = s.find_first_not_of(" \t\r");
    if (begin == std::string_view::npos) {
        return {};
    }
    return s.substr(begin, s.find_last_not_of(" \t\r") - begin + 1);
}

// Tokens as written: whitespace-separated, lower-cased; "<n>" and a final '*' are kept.
std::vector<std::string> tokensOf(std::string_view term) {
    std::vector<std::string> tokens;
    std::string current;
    for (char c : term) {
        if (c == ' ' || c == '\t') {
            if (!current.empty()) {
                tokens.push_back(std::move(current));
                current.clear();
            }
            continue;
        }
        current += c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
    }
    if (!current.empty()) {
        tokens.push_back(std::move(current));
    }
    return tokens;
}

bool isWildcard(const std::string& token, bool prefix) {
    return token == "<n>" || prefix;
}

} // namespace

Lexicon Lexicon::parse(std::string_view data) {
    Lexicon lexicon;
    while (!data.empty()) {
        size_t newline = data.find('\n');
        std::string_view line = data.substr(0, newline);
        data.remove_prefix(newline == std::string_view::npos ? data.size() : newline + 1);
        std::string_view content = trim(line);
        if (!content.empty() && content.front() != '#') {
            lexicon.add(content);
        }
    }
    return lexicon;
}

void Lexicon::add(std::string_view line) {
    LexiconEntry entry;
    size_t bar = line.find('|');
    std::string_view term = trim(line.substr(0, bar));
    if (bar != std::string_view::npos) {
        entry.hint = std::string(trim(line.substr(bar + 1)));
    }
    if (!term.empty() && term.front() == '!') {
        entry.exception = true;
        term = trim(term.substr(1));
    }
    if (!term.empty() && term.front() == '^') {
        entry.anchored = true;
        term = trim(term.substr(1));
    }
    entry.term = std::string(term);
    entry.tokens = tokensOf(term);
    if (entry.tokens.empty()) {
        return;
    }
    if (entry.tokens.back().size() > 1 && entry.tokens.back().back() == '*') {
        entry.prefixLast = true;
        entry.tokens.back().pop_back();
    }
    entries_.push_back(std::move(entry));
    reindex();
}

void Lexicon::remove(std::string_view term) {
    std::vector<std::string> tokens = tokensOf(trim(term));
    std::erase_if(entries_, [&](const LexiconEntry& e) {
        return !e.exception && tokensOf(e.term) == tokens;
    });
    reindex();
}

void Lexicon::reindex() {
    byFirstWord_.clear();
    wildcardFirst_.clear();
    for (size_t i = 0; i < entries_.size(); ++i) {
        const LexiconEntry& e = entries_[i];
        if (isWildcard(e.tokens.front(), e.prefixLast && e.tokens.size() == 1)) {
            wildcardFirst_.push_back(i);
        } else {
            byFirstWord_[e.tokens.front()].push_back(i);
        }
    }
}

bool Lexicon::matchesAt(const LexiconEntry& entry, const std::vector<Word>& words,
                        size_t at) const {
    if ((entry.anchored && at != 0) || at + entry.tokens.size() > words.size()) {
        return false;
    }
    for (size_t k = 0; k < entry.tokens.size(); ++k) {
        const std::string& token = entry.tokens[k];
        const std::string& word = words[at + k].text;
        bool last = k + 1 == entry.tokens.size();
        bool ok = token == "<n>"             ? isNumberWord(word)
                  : last && entry.prefixLast ? word.compare(0, token.size(), token) == 0
                                             : word == token;
        if (!ok) {
            return false;
        }
    }
    return true;
}

std::vector<Lexicon::Match> Lexicon::allMatches(const std::vector<Word>& words,
                                                bool exceptions) const {
    std::vector<Match> out;
    for (size_t at = 0; at < words.size(); ++at) {
        const Match* best = nullptr;
        Match candidate;
        auto consider = [&](size_t index) {
            const LexiconEntry& e = entries_[index];
            if (e.exception != exceptions || !matchesAt(e, words, at)) {
                return;
            }
            size_t last = at + e.tokens.size() - 1;
            if (best == nullptr || last > candidate.last) {
                candidate = {at, last, &e};
                best = &candidate;
            }
        };
        if (auto it = byFirstWord_.find(words[at].text); it != byFirstWord_.end()) {
            std::for_each(it->second.begin(), it->second.end(), consider);
        }
        std::for_each(wildcardFirst_.begin(), wildcardFirst_.end(), consider);
        if (best != nullptr) {
            out.push_back(candidate);
            if (!exceptions) {
                at = candidate.last;
            }
        }
    }
    return out;
}

std::vector<Lexicon::Match> Lexicon::find(const std::vector<Word>& words) const {
    std::vector<Match> found = allMatches(words, false);
    std::vector<Match> excepted = allMatches(words, true);
    std::erase_if(found, [&](const Match& m) {
        return std::any_of(excepted.begin(), excepted.end(),
                           [&](const Match& x) { return x.first <= m.first && m.last <= x.last; });
    });
    return found;
}

} // namespace clue::text
