// L103 compound-predicate: one statement that joins two facts with "and", "or" or "nor".
//
// Near-misses that stay one fact: words that merely contain a conjunction ("sand", "doors",
// "black-and-white"), fixed expressions and bounds in the lexicon ("black and white",
// "two or more", "at or above"), a range ("between 10 and 20"), and, with the option
// `relational-and`, an "and" between the parties of a reciprocal action named before its verb
// ("a man and a woman are kissing each other"), where splitting would lose the relation. The
// check is text::findCompound, which objectify's answer checks share.
#include "compiler/lint/rules/rule_factories.h"
#include "compiler/lint/rules/statement_targets.h"
#include "compiler/text/builtin_lexicons.h"
#include "compiler/text/statement_checks.h"

#include <fmt/format.h>

namespace clue::lint {

using text::builtinLexicon;
using text::Lexicon;
using text::LexiconKind;
using text::splitUnquotedWords;
using text::Word;
namespace {

class CompoundPredicate : public LintRule {
public:
    CompoundPredicate()
        : LintRule({"L103", "compound-predicate", Category::Subjectivity, RuleLevel::Warning,
                    "a statement that joins two facts with \"and\", \"or\" or \"nor\"",
                    options()}) {}

    void check(const LintContext& context, const RuleOptions& options,
               FindingSink& sink) const override {
        Lexicon lexicon = adjustedLexicon(builtinLexicon(LexiconKind::Compound), options);
        auto rules = text::CompoundRules::strict(options.boolean("relational-and"));
        forEachStatement(context, [&](const StatementTarget& t) {
            std::vector<Word> words = splitUnquotedWords(t.text);
            // One finding per statement: splitting it fixes them all.
            if (auto m = text::findCompound(words, lexicon, rules)) {
                report(context, t, words, *m, sink);
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
