// L401 overlong-rule-text: a rule text longer than the limit.
#include "common/utf8.h"
#include "compiler/lint/finding_sink.h"
#include "compiler/lint/lint_context.h"
#include "compiler/lint/rules/rule_factories.h"

#include <fmt/format.h>

namespace clue::lint {
namespace {

class OverlongRuleText : public LintRule {
public:
    OverlongRuleText()
        : LintRule(
              {"L401",
               "overlong-rule-text",
               Category::Style,
               RuleLevel::Warning,
               "a rule text longer than the limit",
               {{"max-length", 200LL, "the most characters a rule text may have", 20, 100000}}}) {}

    void check(const LintContext& context, const RuleOptions& options,
               FindingSink& sink) const override {
        auto limit = static_cast<size_t>(options.integer("max-length"));
        for (const ast::RuleDecl* rule : context.rules()) {
            size_t length = countCodePoints(rule->text.value());
            if (length <= limit) {
                continue;
            }
            sink.report(rule->text.span,
                        fmt::format("the text of rule '{}' is {} characters long, more than {}",
                                    rule->id, length, limit))
                .note("lengthy rules are where a model judge goes wrong; one short sentence "
                      "about one kind of content is objectified and judged reliably")
                .withHelp("split the rule by the kinds of content it covers, and move the "
                          "details into the `when` formula");
        }
    }
};

} // namespace

std::unique_ptr<LintRule> makeOverlongRuleText() {
    return std::make_unique<OverlongRuleText>();
}

} // namespace clue::lint
