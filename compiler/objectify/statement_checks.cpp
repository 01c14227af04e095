// Word-level heuristics for compound and negated statements.
#include "compiler/objectify/statement_checks.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <vector>

namespace clue::objectify {
namespace {

using Words = std::vector<std::string>;

// Lower-case words; letters, digits, hyphens and apostrophes belong to a word.
Words splitWords(std::string_view text) {
    Words words;
    std::string word;
    for (char c : text) {
        bool inWord = std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '\'' ||
                      (static_cast<unsigned char>(c) >= 0x80);
        if (inWord) {
            word += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        } else if (!word.empty()) {
            words.push_back(std::move(word));
            word.clear();
        }
    }
    if (!word.empty()) {
        words.push_back(std::move(word));
    }
    return words;
}

// Whether `phrase` (space-separated) occurs in `words` at `at`.
bool phraseAt(const Words& words, size_t at, std::string_view phrase) {
    Words p = splitWords(phrase);
    if (at + p.size() > words.size()) {
        return false;
    }
    return std::equal(p.begin(), p.end(), words.begin() + static_cast<long>(at));
}

// Whether word `index` lies inside an occurrence of one of `phrases`.
bool inside(const Words& words, size_t index, std::initializer_list<std::string_view> phrases) {
    for (std::string_view phrase : phrases) {
        size_t length = splitWords(phrase).size();
        for (size_t start = index + 1 > length ? index + 1 - length : 0; start <= index; ++start) {
            if (phraseAt(words, start, phrase)) {
                return true;
            }
        }
    }
    return false;
}

bool isNumberWord(const std::string& word) {
    static constexpr std::array<std::string_view, 12> numbers = {"one",  "two", "three", "four",
                                                                 "five", "six", "seven", "eight",
                                                                 "nine", "ten", "both",  "several"};
    return std::isdigit(static_cast<unsigned char>(word.front())) ||
           std::find(numbers.begin(), numbers.end(), word) != numbers.end();
}

// Words that carry a clause's verb in the statements the prompt asks for.
bool isVerbCue(const std::string& word) {
    static constexpr std::array<std::string_view, 24> verbs = {
        "is",    "are",  "was",     "were",   "be",    "been", "being",   "has",
        "have",  "had",  "does",    "do",     "did",   "can",  "could",   "will",
        "shows", "show", "depicts", "depict", "seems", "seem", "appears", "appear"};
    return std::find(verbs.begin(), verbs.end(), word) != verbs.end();
}

bool hasVerb(const Words& words, size_t from, size_t to) {
    return std::any_of(words.begin() + static_cast<long>(from),
                       words.begin() + static_cast<long>(to), isVerbCue);
}

bool isReciprocal(const Words& words) {
    for (size_t i = 0; i < words.size(); ++i) {
        if (phraseAt(words, i, "each other") || phraseAt(words, i, "one another") ||
            words[i] == "together") {
            return true;
        }
    }
    return false;
}

// "and" at `i` that still names one fact.
bool andIsOneFact(const Words& words, size_t i) {
    if (inside(words, i,
               {"black and white", "salt and pepper", "back and forth", "up and down", "to and fro",
                "trial and error", "arts and crafts", "bed and breakfast"})) {
        return true;
    }
    for (size_t j = i; j-- > 0;) {
        if (words[j] == "between") {
            return true;
        }
        if (words[j] == "and" || words[j] == "or") {
            break;
        }
    }
    // The parties of a reciprocal action, named before the verb: "a man and a woman are kissing".
    return isReciprocal(words) && !hasVerb(words, 0, i);
}

// "or" at `i` that still names one fact: a bound, or alternatives inside a noun phrase.
bool orIsOneFact(const Words& words, size_t i) {
    if (inside(words, i,
               {"more or less", "whether or not", "at or above", "at or below", "at or near",
                "on or above", "equal to or", "than or equal"})) {
        return true;
    }
    if (i > 0 && isNumberWord(words[i - 1]) && i + 1 < words.size() &&
        (words[i + 1] == "more" || words[i + 1] == "fewer" || words[i + 1] == "less")) {
        return true;
    }
    return !(hasVerb(words, 0, i) && hasVerb(words, i + 1, words.size()));
}

} // namespace

std::optional<std::string> compoundJoiner(std::string_view statement) {
    Words words = splitWords(statement);
    for (size_t i = 0; i < words.size(); ++i) {
        if (phraseAt(words, i, "as well as")) {
            return "as well as";
        }
        if (phraseAt(words, i, "along with")) {
            return "along with";
        }
        if (words[i] == "nor" || (words[i] == "and" && !andIsOneFact(words, i)) ||
            (words[i] == "or" && !orIsOneFact(words, i))) {
            return words[i];
        }
    }
    return std::nullopt;
}

std::optional<std::string> negationCue(std::string_view statement) {
    Words words = splitWords(statement);
    if (words.empty()) {
        return std::nullopt;
    }
    for (std::string_view bound : {"no more than", "no fewer than", "no less than", "not more than",
                                   "not fewer than", "not less than"}) {
        for (size_t i = 0; i < words.size(); ++i) {
            if (phraseAt(words, i, bound)) {
                return std::nullopt;
            }
        }
    }
    for (std::string_view first :
         {"no", "not", "none", "nobody", "nothing", "neither", "never", "without"}) {
        if (words.front() == first) {
            return std::string(first);
        }
    }
    for (size_t i = 0; i < words.size(); ++i) {
        for (std::string_view cue :
             {"not", "never", "no one", "nobody", "nothing", "isn't", "aren't", "doesn't", "don't",
              "cannot", "can't", "has no", "have no", "is absent", "are absent", "is missing",
              "are missing"}) {
            if (phraseAt(words, i, cue)) {
                return std::string(cue);
            }
        }
    }
    return std::nullopt;
}

} // namespace clue::objectify
