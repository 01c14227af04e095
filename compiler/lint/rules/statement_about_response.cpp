// L105 statement-about-response: a statement that speaks of the prompt or the model's response
// while its predicate looks at the image, as every predicate of an image constitution does.
#include "compiler/lint/rules/rule_factories.h"
#include "compiler/lint/rules/statement_targets.h"

#include <fmt/format.h>

namespace clue::lint {

using text::Lexicon;
namespace {

// The words that name what a response constitution has beside the image.
const Lexicon& responseWords() {
    static const Lexicon lexicon =
        Lexicon::parse("response\nresponses\nprompt\nprompts\nthe answer\nthe reply\n");
    return lexicon;
}

std::string help(const LintContext& context, const StatementTarget& t) {
    if (context.program().subject() == ast::Subject::Images) {
        return "an image constitution shows the model only the image; add 'judges responses' "
               "to the header and `about \"response\"` (or \"prompt\") to the predicate";
    }
    if (t.predicate == nullptr) {
        return "an inline statement looks at the image; declare a predicate with "
               "`about \"response\"` (or \"prompt\") and use its name here";
    }
    return "add `about \"response\"` (or \"prompt\") after the statement";
}

class StatementAboutResponse : public LintRule {
public:
    StatementAboutResponse()
        : LintRule({"L105", "statement-about-response", Category::Subjectivity,
                    RuleLevel::Warning,
                    "a statement about the prompt or the response that is asked about the image",
                    lexiconOptions("phrases naming the prompt or the response")}) {}

    void check(const LintContext& context, const RuleOptions& options,
               FindingSink& sink) const override {
        Lexicon lexicon = adjustedLexicon(responseWords(), options);
        forEachFirstMatch(context, lexicon, [&](const StatementMatch& m) {
            const StatementTarget& t = m.target;
            if (t.predicate != nullptr && t.predicate->lookedAt() != ast::LookedAt::Image) {
                return;
            }
            reportWords(sink, context, t.literals, m.words, m.match,
                        fmt::format("{} speaks of '{}' but is asked about the image",
                                    t.describe(), m.matched))
                .withHelp(help(context, t));
        });
    }
};

} // namespace

std::unique_ptr<LintRule> makeStatementAboutResponse() {
    return std::make_unique<StatementAboutResponse>();
}

} // namespace clue::lint
