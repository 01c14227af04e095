// L504 test-fact-unused: a test gives a fact that no rule asks, so it tests nothing.
#include "common/statement.h"
#include "compiler/lint/finding_sink.h"
#include "compiler/lint/lint_context.h"
#include "compiler/lint/rules/rule_factories.h"

#include <fmt/format.h>

namespace clue::lint {
namespace {

class TestFactUnused : public LintRule {
public:
    TestFactUnused()
        : LintRule({"L504",
                    "test-fact-unused",
                    Category::Testing,
                    RuleLevel::Warning,
                    "a test fact that no rule asks",
                    {}}) {}

    void check(const LintContext& context, const RuleOptions&, FindingSink& sink) const override {
        for (const ast::TestDecl* test : context.module().tests()) {
            for (const ast::GivenItem& given : test->given) {
                if (context.usage().statementAskedByRules(
                        normalizeStatement(statementOf(context, given)))) {
                    continue;
                }
                sink.report(given.refSpan, fmt::format("test \"{}\" gives a fact that no rule "
                                                       "asks",
                                                       test->name))
                    .note("a fact no rule asks cannot change any outcome")
                    .withHelp("remove it, or check the rule that was meant to ask it");
            }
        }
    }

private:
    static std::string statementOf(const LintContext& context, const ast::GivenItem& given) {
        if (given.isInline) {
            return given.name;
        }
        auto p = context.program().predicates.find(given.name);
        return p == context.program().predicates.end() ? given.name : p->second->statement.value();
    }
};

} // namespace

std::unique_ptr<LintRule> makeTestFactUnused() {
    return std::make_unique<TestFactUnused>();
}

} // namespace clue::lint
