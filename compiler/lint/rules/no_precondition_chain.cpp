// L201 no-precondition-chain: a rule without `when` and without a lock entry, which needs
// objectification first. A rule whose lockfile gives it a chain is ready: `clue compile` and
// `clue test` take that chain.
#include "compiler/lint/finding_sink.h"
#include "compiler/lint/lint_context.h"
#include "compiler/lint/rules/rule_factories.h"

#include <fmt/format.h>

namespace clue::lint {
namespace {

class NoPreconditionChain : public LintRule {
public:
    NoPreconditionChain()
        : LintRule({"L201",
                    "no-precondition-chain",
                    Category::Structure,
                    RuleLevel::Warning,
                    "a rule without a `when` precondition chain",
                    {}}) {}

    void check(const LintContext& context, const RuleOptions&, FindingSink& sink) const override {
        for (const ast::RuleDecl* rule : context.rules()) {
            if (rule->when || context.ir().indexOf(*rule)) {
                continue;
            }
            sink.report(rule->idSpan, fmt::format("rule '{}' has no precondition chain", rule->id))
                .note("the judge asks yes/no questions about visible preconditions; without a "
                      "`when` formula this rule must be objectified before it can be compiled")
                .withHelp("add `when` with an `and` of steps, each an `or` of visual statements, "
                          "such as `when (person or animal) and bloody`");
        }
    }
};

} // namespace

std::unique_ptr<LintRule> makeNoPreconditionChain() {
    return std::make_unique<NoPreconditionChain>();
}

} // namespace clue::lint
