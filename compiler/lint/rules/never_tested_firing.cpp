// L503 never-tested-firing: tests show the rule passing images but never firing.
#include "compiler/lint/finding_sink.h"
#include "compiler/lint/rules/rule_factories.h"
#include "compiler/lint/rules/testing_rules.h"

#include <fmt/format.h>

namespace clue::lint {
namespace {

class NeverTestedFiring : public LintRule {
public:
    NeverTestedFiring()
        : LintRule({"L503",
                    "never-tested-firing",
                    Category::Testing,
                    RuleLevel::Warning,
                    "a rule that tests show passing images but never firing",
                    {}}) {}

    void check(const LintContext& context, const RuleOptions&, FindingSink& sink) const override {
        for (const ast::RuleDecl* rule : testableRules(context)) {
            RuleCoverage c = context.coverage(*rule);
            if (c.fired || !c.cleared) {
                continue;
            }
            sink.report(rule->idSpan, fmt::format("no test makes rule '{}' fire", rule->id))
                .note("the tests only show images it lets pass, so a rule that can never fire "
                      "would pass them too")
                .withHelp(fmt::format("add a test with the facts of a violating image and "
                                      "`expect violates {}`",
                                      rule->id));
        }
    }
};

} // namespace

std::unique_ptr<LintRule> makeNeverTestedFiring() {
    return std::make_unique<NeverTestedFiring>();
}

} // namespace clue::lint
