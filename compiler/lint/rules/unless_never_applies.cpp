// L306 unless-never-applies: an `unless` that can never hold together with the `when`.
#include "compiler/lint/finding_sink.h"
#include "compiler/lint/lint_context.h"
#include "compiler/lint/rules/rule_factories.h"

#include <fmt/format.h>

namespace clue::lint {
namespace {

class UnlessNeverApplies : public LintRule {
public:
    UnlessNeverApplies()
        : LintRule({"L306",
                    "unless-never-applies",
                    Category::Logic,
                    RuleLevel::Warning,
                    "an `unless` that can never hold when the `when` holds, so it changes "
                    "nothing",
                    {}}) {}

    void check(const LintContext& context, const RuleOptions&, FindingSink& sink) const override {
        for (const ast::RuleDecl* rule : context.rules()) {
            const UnlessEffect* effect = context.unlessEffect(*rule);
            if (effect == nullptr || !effect->neverApplies) {
                continue;
            }
            sink.report(rule->unless->span,
                        fmt::format("the `unless` of rule '{}' never holds when its `when` "
                                    "does, so it excludes nothing",
                                    rule->id))
                .note("no image matches both this `when` and the `unless`", rule->when->span)
                .withHelp("remove the `unless`, or check that it names the exception you meant");
        }
    }
};

} // namespace

std::unique_ptr<LintRule> makeUnlessNeverApplies() {
    return std::make_unique<UnlessNeverApplies>();
}

} // namespace clue::lint
