// L002 unknown-suppression-code: a `# clue:ignore` naming no lint rule, or naming none at all.
#include "common/edit_distance.h"
#include "compiler/lint/finding_sink.h"
#include "compiler/lint/lint_context.h"
#include "compiler/lint/rules/rule_factories.h"

#include <fmt/format.h>

namespace clue::lint {
namespace {

class UnknownSuppressionCode : public LintRule {
public:
    UnknownSuppressionCode()
        : LintRule({"L002",
                    "unknown-suppression-code",
                    Category::Suppression,
                    RuleLevel::Warning,
                    "an inline suppression that names no lint rule",
                    {}}) {}

    void check(const LintContext& context, const RuleOptions&, FindingSink& sink) const override {
        std::vector<std::string> known = context.catalogue().codesAndNames();
        for (const Suppression& s : context.suppressions().all()) {
            if (s.codes.empty()) {
                sink.report(s.span, "this suppression names no lint rule")
                    .withHelp("write the code or name of the rule to silence: "
                              "`# clue:ignore L103 reason`");
            }
            for (const SuppressedCode& code : s.codes) {
                if (code.rule != nullptr) {
                    continue;
                }
                Diagnostic& d = sink.report(
                    code.span, fmt::format("no lint rule has the code or name '{}'", code.written));
                if (auto guess = closestMatch(code.written, known)) {
                    d.withHelp(fmt::format("did you mean '{}'?", *guess));
                } else {
                    d.withHelp("`clue lint --list-rules` lists every code and name");
                }
            }
        }
    }
};

} // namespace

std::unique_ptr<LintRule> makeUnknownSuppressionCode() {
    return std::make_unique<UnknownSuppressionCode>();
}

} // namespace clue::lint
