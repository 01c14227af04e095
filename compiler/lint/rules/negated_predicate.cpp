// L104 negated-predicate: a statement that asserts an absence ("no person is visible").
#include "compiler/lint/lint_data.h"
#include "compiler/lint/rules/rule_factories.h"
#include "compiler/lint/rules/statement_targets.h"

#include <fmt/format.h>

namespace clue::lint {
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
        forEachFirstMatch(context, lexicon, [&](const StatementMatch& m) {
            const StatementTarget& t = m.target;
            std::string use =
                t.predicate != nullptr ? "`not " + t.predicate->name + "`" : "`not \"...\"`";
            reportWords(sink, context, t.literals, m.words, m.match,
                        fmt::format("{} is negative ('{}')", t.describe(), m.matched))
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
