// L402 overlong-statement: a predicate statement longer than the limit.
#include "common/utf8.h"
#include "compiler/lint/rules/rule_factories.h"
#include "compiler/lint/rules/statement_targets.h"

#include <fmt/format.h>

namespace clue::lint {
namespace {

class OverlongStatement : public LintRule {
public:
    OverlongStatement()
        : LintRule(
              {"L402",
               "overlong-statement",
               Category::Style,
               RuleLevel::Warning,
               "a predicate statement longer than the limit",
               {{"max-length", 120LL, "the most characters a statement may have", 10, 100000}}}) {}

    void check(const LintContext& context, const RuleOptions& options,
               FindingSink& sink) const override {
        auto limit = static_cast<size_t>(options.integer("max-length"));
        forEachStatement(context, [&](const StatementTarget& t) {
            size_t length = countCodePoints(t.text);
            if (length <= limit) {
                return;
            }
            sink.report(t.literals, fmt::format("{} is {} characters long, "
                                                "more than {}",
                                                t.describe(), length, limit))
                .note("each precondition should be one short visual fact that a model can "
                      "confirm at a glance")
                .withHelp("split it into shorter statements joined in the formula");
        });
    }
};

} // namespace

std::unique_ptr<LintRule> makeOverlongStatement() {
    return std::make_unique<OverlongStatement>();
}

} // namespace clue::lint
