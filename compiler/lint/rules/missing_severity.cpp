// L404 missing-severity: a rule without `severity`.
#include "compiler/lint/finding_sink.h"
#include "compiler/lint/lint_context.h"
#include "compiler/lint/rules/rule_factories.h"

#include <fmt/format.h>

namespace clue::lint {
namespace {

class MissingSeverity : public LintRule {
public:
    MissingSeverity()
        : LintRule({"L404",
                    "missing-severity",
                    Category::Style,
                    RuleLevel::Warning,
                    "a rule without a severity",
                    {}}) {}

    void check(const LintContext& context, const RuleOptions&, FindingSink& sink) const override {
        for (const ast::RuleDecl* rule : context.rules()) {
            if (!rule->severity) {
                sink.report(rule->idSpan, fmt::format("rule '{}' has no severity", rule->id))
                    .note("verdicts and reports rank violations by severity")
                    .withHelp("add `severity low`, `medium`, `high` or `critical`");
            }
        }
    }
};

} // namespace

std::unique_ptr<LintRule> makeMissingSeverity() {
    return std::make_unique<MissingSeverity>();
}

} // namespace clue::lint
