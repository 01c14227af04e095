// L208 near-duplicate-predicate: two statements a few edits apart, likely one fact written twice.
//
// Statements are compared after normalization (case, spaces, final punctuation). A pair is
// reported when its edit distance is at most `max-distance` and at most a tenth of the shorter
// statement, and, when the two differ in one word only, when those words look like forms of one
// word (a shared start: "person"/"persons", "this"/"the"), so that "a woman is visible" and
// "a man is visible" are not reported. Statements that mention different numbers ("two people",
// "three people") are different facts. Each statement is reported once, beside its closest
// match, so that a family of similar statements gives one finding per member, not per pair.
#include "compiler/lint/finding_sink.h"
#include "compiler/lint/lint_context.h"
#include "compiler/lint/rules/rule_factories.h"
#include "compiler/text/similar_strings.h"
#include "compiler/text/words.h"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <optional>
#include <tuple>

namespace clue::lint {

using text::isNumberWord;
using text::SimilarPair;
using text::similarPairs;
using text::splitWords;
using text::Word;
namespace {

bool formsOfOneWord(const std::string& a, const std::string& b) {
    size_t shared = 0;
    while (shared < a.size() && shared < b.size() && a[shared] == b[shared]) {
        ++shared;
    }
    size_t shorter = std::min(a.size(), b.size());
    return shared >= 1 && shared + 2 >= shorter;
}

// The number words of a statement, sorted.
std::vector<std::string> numbersOf(const std::vector<Word>& words) {
    std::vector<std::string> out;
    for (const Word& w : words) {
        if (isNumberWord(w.text)) {
            out.push_back(w.text);
        }
    }
    std::sort(out.begin(), out.end());
    return out;
}

// Whether the statements differ in more than a substituted unrelated word or a number.
bool plausiblySame(const std::string& a, const std::string& b) {
    std::vector<Word> wa = splitWords(a), wb = splitWords(b);
    if (numbersOf(wa) != numbersOf(wb)) {
        return false;
    }
    size_t head = 0;
    while (head < wa.size() && head < wb.size() && wa[head].text == wb[head].text) {
        ++head;
    }
    size_t tail = 0;
    while (tail + head < wa.size() && tail + head < wb.size() &&
           wa[wa.size() - 1 - tail].text == wb[wb.size() - 1 - tail].text) {
        ++tail;
    }
    if (wa.size() - head - tail == 1 && wb.size() - head - tail == 1) {
        return formsOfOneWord(wa[head].text, wb[head].text);
    }
    return true;
}

class NearDuplicatePredicate : public LintRule {
public:
    NearDuplicatePredicate()
        : LintRule({"L208",
                    "near-duplicate-predicate",
                    Category::Structure,
                    RuleLevel::Warning,
                    "two statements that differ by a few characters",
                    {{"max-distance", 3LL, "the largest edit distance reported", 1, 20}}}) {}

    void check(const LintContext& context, const RuleOptions& options,
               FindingSink& sink) const override {
        const StatementIndex& index = context.statements();
        std::vector<std::string> texts;
        std::vector<const std::vector<size_t>*> groups;
        for (const auto& [normalized, occurrences] : index.byNormalized()) {
            texts.push_back(normalized);
            groups.push_back(&occurrences);
        }
        auto limit = static_cast<size_t>(options.integer("max-distance"));
        std::vector<Match> matches;
        for (const SimilarPair& pair : pairsWithSameNumbers(texts, limit)) {
            size_t shorter = std::min(texts[pair.first].size(), texts[pair.second].size());
            if (pair.distance > std::max<size_t>(1, shorter / 10) ||
                !plausiblySame(texts[pair.first], texts[pair.second])) {
                continue;
            }
            if (auto m = matchOf(context, representative(context, *groups[pair.first]),
                                 representative(context, *groups[pair.second]), pair.distance)) {
                matches.push_back(*m);
            }
        }
        // The closest match of each statement, in source order; ties go to the earlier other.
        std::sort(matches.begin(), matches.end(), [](const Match& x, const Match& y) {
            return std::tie(x.at->span, x.distance, x.other->span) <
                   std::tie(y.at->span, y.distance, y.other->span);
        });
        for (size_t i = 0; i < matches.size(); ++i) {
            if (i == 0 || matches[i].at != matches[i - 1].at) {
                report(*matches[i].at, *matches[i].other, sink);
            }
        }
    }

private:
    // similarPairs() within each group of statements that mention the same numbers: statements
    // with different numbers are never reported, so they need not be compared.
    static std::vector<SimilarPair> pairsWithSameNumbers(const std::vector<std::string>& texts,
                                                         size_t limit) {
        std::map<std::vector<std::string>, std::vector<size_t>> groups;
        for (size_t i = 0; i < texts.size(); ++i) {
            groups[numbersOf(splitWords(texts[i]))].push_back(i);
        }
        std::vector<SimilarPair> out;
        for (const auto& [numbers, members] : groups) {
            std::vector<std::string> group;
            for (size_t i : members) {
                group.push_back(texts[i]);
            }
            for (const SimilarPair& p : similarPairs(group, limit)) {
                out.push_back({members[p.first], members[p.second], p.distance});
            }
        }
        return out;
    }

    struct Match {
        const StatementOccurrence* at;    // reported here, in the linted file
        const StatementOccurrence* other; // the similar statement
        size_t distance;
    };

    // A pair as a finding: at the later one when both are in this file; none when neither is.
    static std::optional<Match> matchOf(const LintContext& context, const StatementOccurrence& a,
                                        const StatementOccurrence& b, size_t distance) {
        bool aHere = context.inFile(a.span), bHere = context.inFile(b.span);
        if (!aHere && !bHere) {
            return std::nullopt;
        }
        bool atB = bHere && (!aHere || a.span < b.span);
        return Match{atB ? &b : &a, atB ? &a : &b, distance};
    }

    // The occurrence to show for a statement: a declaration in the linted file, else any
    // occurrence in it, else the first anywhere.
    static const StatementOccurrence& representative(const LintContext& context,
                                                     const std::vector<size_t>& occurrences) {
        const StatementIndex& index = context.statements();
        const StatementOccurrence* declared = nullptr;
        const StatementOccurrence* written = nullptr;
        for (size_t i : occurrences) {
            const StatementOccurrence& o = index.all()[i];
            if (!context.inFile(o.span)) {
                continue;
            }
            declared = declared == nullptr && o.predicate != nullptr ? &o : declared;
            written = written == nullptr ? &o : written;
        }
        return declared ? *declared : written ? *written : index.all()[occurrences.front()];
    }

    static std::string describe(const StatementOccurrence& o) {
        return o.predicate != nullptr
                   ? fmt::format("the statement of predicate '{}'", o.predicate->name)
                   : fmt::format("the inline statement of rule '{}'", o.rule->id);
    }

    static void report(const StatementOccurrence& at, const StatementOccurrence& other,
                       FindingSink& sink) {
        sink.report(at.span,
                    fmt::format("{} is nearly the same as {}", describe(at), describe(other)))
            .note(fmt::format("\"{}\" is here", other.text), other.span)
            .withHelp("if they mean the same, keep one statement and use its name in both "
                      "places; if not, make the difference plain in the wording");
    }
};

} // namespace

std::unique_ptr<LintRule> makeNearDuplicatePredicate() {
    return std::make_unique<NearDuplicatePredicate>();
}

} // namespace clue::lint
