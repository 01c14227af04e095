// L301 never-fires: a rule whose formula is false whatever the image shows.
#include "compiler/lint/finding_sink.h"
#include "compiler/lint/rules/constant_rule.h"
#include "compiler/lint/rules/rule_factories.h"

#include <fmt/format.h>

namespace clue::lint {
namespace {

class NeverFires : public LintRule {
public:
    NeverFires()
        : LintRule({"L301",
                    "never-fires",
                    Category::Logic,
                    RuleLevel::Error,
                    "a rule whose formula can never be true",
                    {}}) {}

    void check(const LintContext& context, const RuleOptions&, FindingSink& sink) const override {
        for (const ast::RuleDecl* rule : context.rules()) {
            const UnlessEffect* unless = context.unlessEffect(*rule);
            if (constancyOf(context, *rule) != Constancy::NeverFires ||
                (unless != nullptr && unless->cancelsRule)) {
                continue; // an unless that cancels the rule is unless-cancels-rule's finding
            }
            sink.report(rule->idSpan, fmt::format("rule '{}' can never fire", rule->id))
                .note("its formula is false whatever the image shows, so the rule protects "
                      "against nothing",
                      rule->when->span)
                .withHelp("look for a step that contradicts another, such as `a and not a`, or "
                          "a `false` left in the formula");
        }
    }
};

} // namespace

std::unique_ptr<LintRule> makeNeverFires() {
    return std::make_unique<NeverFires>();
}

} // namespace clue::lint
