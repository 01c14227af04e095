// L405 unused-predicate: a declared predicate that no rule asks.
//
// A file without rules is a library of shared predicates (like std/common.clue): its
// predicates are meant for the files that import it, so it is left alone.
#include "compiler/lint/finding_sink.h"
#include "compiler/lint/lint_context.h"
#include "compiler/lint/rules/rule_factories.h"

#include <fmt/format.h>

namespace clue::lint {
namespace {

class UnusedPredicate : public LintRule {
public:
    UnusedPredicate()
        : LintRule({"L405",
                    "unused-predicate",
                    Category::Style,
                    RuleLevel::Warning,
                    "a predicate that no rule asks",
                    {}}) {}

    void check(const LintContext& context, const RuleOptions&, FindingSink& sink) const override {
        if (context.rules().empty()) {
            return;
        }
        for (const ast::PredicateDecl* p : context.module().predicates()) {
            if (context.usage().usedByRules(p->name)) {
                continue;
            }
            Diagnostic& d =
                sink.report(p->nameSpan, fmt::format("no rule asks predicate '{}'", p->name));
            const std::vector<PredicateUse>& uses = context.usage().uses(p->name);
            if (!uses.empty()) {
                d.note("only tests give it", uses.front().span);
            }
            d.withHelp("remove it, or use it in the rule it was meant for");
            // Unsafe: tests may give it, and files that import this one may use it.
            sink.fix({{p->span, ""}}, FixSafety::Unsafe);
        }
    }
};

} // namespace

std::unique_ptr<LintRule> makeUnusedPredicate() {
    return std::make_unique<UnusedPredicate>();
}

} // namespace clue::lint
