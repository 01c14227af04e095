// L102 predicate-not-visual: a statement about intent, history or context outside the image.
#include "compiler/lint/rules/rule_factories.h"
#include "compiler/lint/rules/statement_targets.h"
#include "compiler/text/builtin_lexicons.h"

#include <fmt/format.h>

namespace clue::lint {

using text::builtinLexicon;
using text::Lexicon;
using text::LexiconKind;
namespace {

std::string explain(const std::string& kind) {
    if (kind == "intent") {
        return "it asks about an intention, which no image shows";
    }
    if (kind == "state of mind") {
        return "it asks about what someone thinks or feels, which no image shows";
    }
    if (kind == "history") {
        return "it asks about what happened before or after the picture was taken";
    }
    return "it asks about something outside the image: consent, identity, the law or a viewer";
}

class PredicateNotVisual : public LintRule {
public:
    PredicateNotVisual()
        : LintRule({"L102", "predicate-not-visual", Category::Subjectivity, RuleLevel::Warning,
                    "a statement about intent, history or context that no image shows",
                    lexiconOptions("non-visual phrases")}) {}

    void check(const LintContext& context, const RuleOptions& options,
               FindingSink& sink) const override {
        Lexicon lexicon = adjustedLexicon(builtinLexicon(LexiconKind::NonVisual), options);
        forEachFirstMatch(context, lexicon, [&](const StatementMatch& m) {
            const StatementTarget& t = m.target;
            if (t.predicate != nullptr && t.predicate->lookedAt() != ast::LookedAt::Image) {
                return; // a statement about the prompt or the response is not asked of the image
            }
            reportWords(sink, context, t.literals, m.words, m.match,
                        fmt::format("{} is not visual: '{}'", t.describe(), m.matched))
                .note(explain(m.match.entry->hint) +
                      "; the judge answers only what is visible in the image")
                .withHelp("state what the image shows instead (a pose, an object, a visible "
                          "action), or move this condition out of the constitution");
        });
    }
};

} // namespace

std::unique_ptr<LintRule> makePredicateNotVisual() {
    return std::make_unique<PredicateNotVisual>();
}

} // namespace clue::lint
