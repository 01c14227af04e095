// L502 never-tested-safe: tests show the rule firing but never a near miss that it lets pass.
#include "compiler/lint/finding_sink.h"
#include "compiler/lint/rules/rule_factories.h"
#include "compiler/lint/rules/testing_rules.h"

#include <fmt/format.h>

namespace clue::lint {
namespace {

class NeverTestedSafe : public LintRule {
public:
    NeverTestedSafe()
        : LintRule({"L502",
                    "never-tested-safe",
                    Category::Testing,
                    RuleLevel::Warning,
                    "a rule that tests show firing but never passing an image",
                    {}}) {}

    void check(const LintContext& context, const RuleOptions&, FindingSink& sink) const override {
        for (const ast::RuleDecl* rule : testableRules(context)) {
            RuleCoverage c = context.coverage(*rule);
            if (!c.fired || c.cleared) {
                continue;
            }
            sink.report(rule->idSpan,
                        fmt::format("rule '{}' is never tested on the safe side", rule->id))
                .note("every test that decides it makes it fire; nothing pins down where it stops")
                .withHelp(fmt::format("add a near miss: the facts of a borderline safe image and "
                                      "`expect not violates {}`",
                                      rule->id));
        }
    }
};

} // namespace

std::unique_ptr<LintRule> makeNeverTestedSafe() {
    return std::make_unique<NeverTestedSafe>();
}

} // namespace clue::lint
