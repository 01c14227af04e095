// L104 negated-predicate: a statement that asserts an absence ("no person is visible"). The
// check is text::findNegation, which objectify's answer checks share.
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

class NegatedPredicate : public LintRule {
public:
    NegatedPredicate()
        : LintRule({"L104", "negated-predicate", Category::Subjectivity, RuleLevel::Warning,
                    "a statement that asserts an absence instead of a presence",
                    lexiconOptions("negation cues and exceptions")}) {}

    void check(const LintContext& context, const RuleOptions& options,
               FindingSink& sink) const override {
        Lexicon lexicon = adjustedLexicon(builtinLexicon(LexiconKind::Negation), options);
        forEachStatement(context, [&](const StatementTarget& t) {
            std::vector<Word> words = splitUnquotedWords(t.text);
            auto m = text::findNegation(words, lexicon);
            if (!m) {
                return;
            }
            std::string use =
                t.predicate != nullptr ? "`not " + t.predicate->name + "`" : "`not \"...\"`";
            reportWords(
                sink, context, t.literals, words, *m,
                fmt::format("{} is negative ('{}')", t.describe(), matchedText(t.text, words, *m)))
                .note("a yes/no judgement of a presence is more reliable than one of an "
                      "absence, and a model's language prior leans toward yes")
                .withHelp(
                    fmt::format("state the positive fact and negate it in the formula: {}", use));
        });
    }
};

} // namespace

std::unique_ptr<LintRule> makeNegatedPredicate() {
    return std::make_unique<NegatedPredicate>();
}

} // namespace clue::lint
