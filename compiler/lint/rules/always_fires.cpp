// L302 always-fires: a rule whose formula is true whatever the image shows.
#include "compiler/lint/finding_sink.h"
#include "compiler/lint/rules/constant_rule.h"
#include "compiler/lint/rules/rule_factories.h"

#include <fmt/format.h>

namespace clue::lint {
namespace {

class AlwaysFires : public LintRule {
public:
    AlwaysFires()
        : LintRule({"L302",
                    "always-fires",
                    Category::Logic,
                    RuleLevel::Error,
                    "a rule whose formula is always true",
                    {}}) {}

    void check(const LintContext& context, const RuleOptions&, FindingSink& sink) const override {
        for (const ast::RuleDecl* rule : context.rules()) {
            if (constancyOf(context, *rule) != Constancy::AlwaysFires) {
                continue;
            }
            sink.report(rule->idSpan, fmt::format("rule '{}' fires on every image", rule->id))
                .note("its formula is true whatever the image shows, so every image is "
                      "judged unsafe",
                      rule->when->span)
                .withHelp("look for a step that is always true, such as `a or not a`, or a "
                          "`true` left in the formula");
        }
    }
};

} // namespace

std::unique_ptr<LintRule> makeAlwaysFires() {
    return std::make_unique<AlwaysFires>();
}

} // namespace clue::lint
