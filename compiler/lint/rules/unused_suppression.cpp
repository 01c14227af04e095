// L003 unused-suppression: a `# clue:ignore` code that silenced nothing.
#include "compiler/lint/finding_sink.h"
#include "compiler/lint/lint_context.h"
#include "compiler/lint/rules/rule_factories.h"

#include <fmt/format.h>

namespace clue::lint {
namespace {

class UnusedSuppression : public LintRule {
public:
    UnusedSuppression()
        : LintRule({"L003",
                    "unused-suppression",
                    Category::Suppression,
                    RuleLevel::Warning,
                    "an inline suppression that silences nothing",
                    {}}) {}

    void check(const LintContext& context, const RuleOptions&, FindingSink& sink) const override {
        for (const Suppression& s : context.suppressions().all()) {
            for (const SuppressedCode& code : s.codes) {
                // A rule that does not run here (off, or its files ignored) cannot use it.
                if (code.rule == nullptr || code.used || !context.runsHere(*code.rule)) {
                    continue;
                }
                sink.report(code.span, fmt::format("'{}' ({}) finds nothing here to suppress",
                                                   code.written, code.rule->name()))
                    .withHelp("remove the suppression; the problem it silenced is gone");
            }
        }
    }
};

} // namespace

std::unique_ptr<LintRule> makeUnusedSuppression() {
    return std::make_unique<UnusedSuppression>();
}

} // namespace clue::lint
