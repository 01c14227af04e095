// L001 suppression-without-reason: a `# clue:ignore` that does not say why.
#include "compiler/lint/finding_sink.h"
#include "compiler/lint/lint_context.h"
#include "compiler/lint/rules/rule_factories.h"

namespace clue::lint {
namespace {

class SuppressionWithoutReason : public LintRule {
public:
    SuppressionWithoutReason()
        : LintRule({"L001",
                    "suppression-without-reason",
                    Category::Suppression,
                    RuleLevel::Warning,
                    "an inline suppression that gives no reason",
                    {}}) {}

    void check(const LintContext& context, const RuleOptions&, FindingSink& sink) const override {
        for (const Suppression& s : context.suppressions().all()) {
            if (!s.reason.empty() || s.codes.empty()) {
                continue;
            }
            sink.report(s.span, "this suppression does not say why the finding is acceptable")
                .note("a reason tells the next reader whether the suppression still holds")
                .withHelp("write the reason after the code: `# clue:ignore " +
                          s.codes.front().written + " the paper asks this as one question`");
        }
    }
};

} // namespace

std::unique_ptr<LintRule> makeSuppressionWithoutReason() {
    return std::make_unique<SuppressionWithoutReason>();
}

} // namespace clue::lint
