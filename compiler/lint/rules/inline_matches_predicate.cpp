// L206 inline-matches-predicate: an inline statement that a named predicate already declares.
#include "compiler/lint/finding_sink.h"
#include "compiler/lint/lint_context.h"
#include "compiler/lint/rules/rule_factories.h"

#include <fmt/format.h>

namespace clue::lint {
namespace {

class InlineMatchesPredicate : public LintRule {
public:
    InlineMatchesPredicate()
        : LintRule({"L206",
                    "inline-matches-predicate",
                    Category::Structure,
                    RuleLevel::Warning,
                    "an inline statement that repeats a declared predicate's statement",
                    {}}) {}

    void check(const LintContext& context, const RuleOptions&, FindingSink& sink) const override {
        const StatementIndex& index = context.statements();
        for (const StatementOccurrence& o : index.all()) {
            if (o.rule == nullptr || !context.inFile(o.span)) {
                continue;
            }
            std::vector<const StatementOccurrence*> declared = index.declarations(o.normalized);
            if (declared.empty()) {
                continue;
            }
            const ast::PredicateDecl& p = *declared.front()->predicate;
            sink.report(o.span, fmt::format("this inline statement is the statement of predicate "
                                            "'{}'",
                                            p.name))
                .note(fmt::format("'{}' is declared here", p.name), p.nameSpan)
                .withHelp(
                    fmt::format("write `{}` instead, so that the two cannot drift apart", p.name));
            // Safe: the name stands for the same statement, so the rule asks the same question.
            sink.fix({{o.span, p.name}}, FixSafety::Safe);
        }
    }
};

} // namespace

std::unique_ptr<LintRule> makeInlineMatchesPredicate() {
    return std::make_unique<InlineMatchesPredicate>();
}

} // namespace clue::lint
