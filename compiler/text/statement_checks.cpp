// The compound and negation checks on the built-in lexicons.
#include "compiler/text/statement_checks.h"

#include "compiler/text/builtin_lexicons.h"

#include <algorithm>

namespace clue::text {
namespace {

bool has(const std::vector<Word>& words, std::initializer_list<std::string_view> phrase) {
    std::vector<std::string_view> p(phrase);
    for (size_t i = 0; i + p.size() <= words.size(); ++i) {
        if (std::equal(p.begin(), p.end(), words.begin() + static_cast<long>(i),
                       [](std::string_view a, const Word& w) { return a == w.text; })) {
            return true;
        }
    }
    return false;
}

bool isReciprocal(const std::vector<Word>& words) {
    return has(words, {"each", "other"}) || has(words, {"one", "another"}) ||
           has(words, {"together"});
}

// "between A and B": the "and" at `index` closes a range or a relation opened by "between".
bool closesBetween(const std::vector<Word>& words, size_t index) {
    for (size_t i = index; i-- > 0;) {
        if (words[i].text == "between") {
            return true;
        }
        if (words[i].text == "and" || words[i].text == "or") {
            return false;
        }
    }
    return false;
}

// Where the clause verbs of `words` are (clause_verbs.txt).
class ClauseVerbs {
public:
    explicit ClauseVerbs(const std::vector<Word>& words) {
        for (const Lexicon::Match& m : builtinLexicon(LexiconKind::ClauseVerb).find(words)) {
            at_.push_back(m.first);
        }
    }
    bool within(size_t from, size_t to) const {
        return std::any_of(at_.begin(), at_.end(), [&](size_t i) { return i >= from && i < to; });
    }

private:
    std::vector<size_t> at_;
};

// Whether the conjunction matched at `m` still names one fact under `rules`.
bool isOneFact(const std::vector<Word>& words, const Lexicon::Match& m, const CompoundRules& rules,
               const ClauseVerbs& verbs) {
    const std::string& word = words[m.first].text;
    if (word == "and") {
        return closesBetween(words, m.first) ||
               (rules.reciprocalAnd && isReciprocal(words) && !verbs.within(0, m.first));
    }
    if (word == "or" && rules.orBetweenClausesOnly) {
        return !(verbs.within(0, m.first) && verbs.within(m.first + 1, words.size()));
    }
    return false;
}

std::string lowerText(const std::vector<Word>& words, const Lexicon::Match& m) {
    std::string out;
    for (size_t i = m.first; i <= m.last; ++i) {
        out += (out.empty() ? "" : " ") + words[i].text;
    }
    return out;
}

} // namespace

std::optional<Lexicon::Match> findCompound(const std::vector<Word>& words, const Lexicon& lexicon,
                                           const CompoundRules& rules) {
    ClauseVerbs verbs(words);
    for (const Lexicon::Match& m : lexicon.find(words)) {
        if (!isOneFact(words, m, rules, verbs)) {
            return m;
        }
    }
    return std::nullopt;
}

std::optional<Lexicon::Match> findNegation(const std::vector<Word>& words, const Lexicon& lexicon) {
    std::vector<Lexicon::Match> found = lexicon.find(words);
    if (found.empty()) {
        return std::nullopt;
    }
    return found.front();
}

std::optional<std::string> compoundJoiner(std::string_view statement, const CompoundRules& rules) {
    std::vector<Word> words = splitUnquotedWords(statement);
    auto m = findCompound(words, builtinLexicon(LexiconKind::Compound), rules);
    return m ? std::optional<std::string>(lowerText(words, *m)) : std::nullopt;
}

std::optional<std::string> negationCue(std::string_view statement) {
    std::vector<Word> words = splitUnquotedWords(statement);
    auto m = findNegation(words, builtinLexicon(LexiconKind::Negation));
    return m ? std::optional<std::string>(lowerText(words, *m)) : std::nullopt;
}

} // namespace clue::text
