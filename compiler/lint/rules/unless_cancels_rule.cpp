// L305 unless-cancels-rule: an `unless` that holds whenever the `when` does.
#include "compiler/lint/finding_sink.h"
#include "compiler/lint/lint_context.h"
#include "compiler/lint/rules/rule_factories.h"

#include <fmt/format.h>

namespace clue::lint {
namespace {

class UnlessCancelsRule : public LintRule {
public:
    UnlessCancelsRule()
        : LintRule({"L305",
                    "unless-cancels-rule",
                    Category::Logic,
                    RuleLevel::Error,
                    "an `unless` that holds whenever the `when` holds, so the rule never fires",
                    {}}) {}

    void check(const LintContext& context, const RuleOptions&, FindingSink& sink) const override {
        for (const ast::RuleDecl* rule : context.rules()) {
            const UnlessEffect* effect = context.unlessEffect(*rule);
            if (effect == nullptr || !effect->cancelsRule) {
                continue;
            }
            sink.report(rule->unless->span,
                        fmt::format("the `unless` of rule '{}' holds whenever its `when` does, "
                                    "so the rule never fires",
                                    rule->id))
                .note("every image that matches this `when` also matches the `unless`",
                      rule->when->span)
                .withHelp("narrow the `unless` so that it names only the exception");
        }
    }
};

} // namespace

std::unique_ptr<LintRule> makeUnlessCancelsRule() {
    return std::make_unique<UnlessCancelsRule>();
}

} // namespace clue::lint
