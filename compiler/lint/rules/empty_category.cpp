// L209 empty-category: a category with no rules.
#include "compiler/lint/finding_sink.h"
#include "compiler/lint/lint_context.h"
#include "compiler/lint/rules/rule_factories.h"

#include <fmt/format.h>

namespace clue::lint {
namespace {

class EmptyCategory : public LintRule {
public:
    EmptyCategory()
        : LintRule({"L209",
                    "empty-category",
                    Category::Structure,
                    RuleLevel::Warning,
                    "a category with no rules",
                    {}}) {}

    void check(const LintContext& context, const RuleOptions&, FindingSink& sink) const override {
        for (const ast::CategoryDecl* category : context.module().categories()) {
            if (category->rules.empty()) {
                sink.report(category->nameSpan,
                            fmt::format("category '{}' has no rules", category->name))
                    .withHelp("add its rules, or remove it");
            }
        }
    }
};

} // namespace

std::unique_ptr<LintRule> makeEmptyCategory() {
    return std::make_unique<EmptyCategory>();
}

} // namespace clue::lint
