// L501 rule-without-tests: no test decides whether the rule fires.
#include "compiler/lint/finding_sink.h"
#include "compiler/lint/rules/rule_factories.h"
#include "compiler/lint/rules/testing_rules.h"

#include <fmt/format.h>

namespace clue::lint {
namespace {

class RuleWithoutTests : public LintRule {
public:
    RuleWithoutTests()
        : LintRule({"L501",
                    "rule-without-tests",
                    Category::Testing,
                    RuleLevel::Warning,
                    "a rule that no test exercises",
                    {}}) {}

    void check(const LintContext& context, const RuleOptions&, FindingSink& sink) const override {
        for (const ast::RuleDecl* rule : testableRules(context)) {
            RuleCoverage c = context.coverage(*rule);
            if (c.fired || c.cleared) {
                continue;
            }
            sink.report(rule->idSpan, fmt::format("no test exercises rule '{}'", rule->id))
                .note("no test gives facts that decide whether it fires")
                .withHelp(fmt::format("add a test that makes it fire (`expect violates {0}`) and "
                                      "a near miss that must not (`expect not violates {0}`)",
                                      rule->id));
        }
    }
};

} // namespace

std::unique_ptr<LintRule> makeRuleWithoutTests() {
    return std::make_unique<RuleWithoutTests>();
}

} // namespace clue::lint
