// L103 compound-predicate: one statement that joins two facts with "and", "or" or "nor".
//
// Near-misses that stay one fact: words that merely contain a conjunction ("sand", "doors",
// "black-and-white"), fixed expressions and bounds in the data file ("black and white",
// "two or more", "at or above"), a range ("between 10 and 20"), and, with the option
// `relational-and`, an "and" between the parties of a reciprocal action ("a man and a woman are
// kissing each other"), where splitting would lose the relation.
#include "compiler/lint/lint_data.h"
#include "compiler/lint/rules/rule_factories.h"
#include "compiler/lint/rules/statement_targets.h"

#include <algorithm>
#include <fmt/format.h>

namespace clue::lint {
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

class CompoundPredicate : public LintRule {
public:
    CompoundPredicate()
        : LintRule({"L103", "compound-predicate", Category::Subjectivity, RuleLevel::Warning,
                    "a statement that joins two facts with \"and\", \"or\" or \"nor\"",
                    options()}) {}

    void check(const LintContext& context, const RuleOptions& options,
               FindingSink& sink) const override {
        Lexicon lexicon = adjustedLexicon(builtinLexicon(LexiconKind::Compound), options);
        bool relational = options.boolean("relational-and");
        forEachStatement(context, [&](const StatementTarget& t) {
            std::vector<Word> words = splitUnquotedWords(t.text);
            for (const Lexicon::Match& m : lexicon.find(words)) {
                const std::string& word = words[m.first].text;
                bool isAnd = word == "and";
                if (isAnd &&
                    (closesBetween(words, m.first) || (relational && isReciprocal(words)))) {
                    continue;
                }
                report(context, t, words, m, sink);
                return; // one finding per statement: splitting it fixes them all
            }
        });
    }

private:
    static std::vector<OptionSpec> options() {
        std::vector<OptionSpec> specs = lexiconOptions("conjunctions and exceptions");
        specs.push_back({"relational-and", true,
                         "accept \"and\" in a statement about a reciprocal action (\"each "
                         "other\", \"one another\", \"together\")"});
        return specs;
    }

    void report(const LintContext& context, const StatementTarget& t,
                const std::vector<Word>& words, const Lexicon::Match& m, FindingSink& sink) const {
        std::string joiner = matchedText(t.text, words, m);
        bool alternative = words[m.first].text == "or" || words[m.first].text == "nor";
        reportWords(sink, context, t.literals, words, m,
                    fmt::format("{} joins two facts with '{}'", t.describe(), joiner))
            .note("the model answers one yes or no for both facts, and an image where only one "
                  "of them holds gets an unreliable score")
            .withHelp(fmt::format("split it into one predicate per fact and join them in the "
                                  "formula with `{}`",
                                  alternative ? "or" : "and"));
    }
};

} // namespace

std::unique_ptr<LintRule> makeCompoundPredicate() {
    return std::make_unique<CompoundPredicate>();
}

} // namespace clue::lint
