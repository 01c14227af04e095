// L207 duplicate-predicate: two names for the same statement (after normalization).
#include "common/statement.h"
#include "compiler/lint/finding_sink.h"
#include "compiler/lint/lint_context.h"
#include "compiler/lint/rules/rule_factories.h"

#include <fmt/format.h>

namespace clue::lint {
namespace {

class DuplicatePredicate : public LintRule {
public:
    DuplicatePredicate()
        : LintRule({"L207",
                    "duplicate-predicate",
                    Category::Structure,
                    RuleLevel::Warning,
                    "two predicates with the same statement",
                    {}}) {}

    void check(const LintContext& context, const RuleOptions&, FindingSink& sink) const override {
        const StatementIndex& index = context.statements();
        for (const ast::PredicateDecl* p : context.module().predicates()) {
            const ast::PredicateDecl* original =
                originalOf(context, index, normalizeStatement(p->statement.value()));
            if (original == nullptr || original == p) {
                continue;
            }
            sink.report(p->nameSpan, fmt::format("predicate '{}' has the same statement as '{}'",
                                                 p->name, original->name))
                .note(fmt::format("'{}' is declared here", original->name), original->nameSpan)
                .withHelp(fmt::format("remove '{}' and use '{}'", p->name, original->name));
        }
    }

private:
    // The declaration the others repeat: one in another file (an import) if there is one,
    // else the first in this file.
    static const ast::PredicateDecl* originalOf(const LintContext& context,
                                                const StatementIndex& index,
                                                const std::string& normalized) {
        std::vector<const StatementOccurrence*> declared = index.declarations(normalized);
        if (declared.size() < 2) {
            return nullptr;
        }
        for (const StatementOccurrence* o : declared) {
            if (!context.inFile(o->span)) {
                return o->predicate;
            }
        }
        return declared.front()->predicate;
    }
};

} // namespace

std::unique_ptr<LintRule> makeDuplicatePredicate() {
    return std::make_unique<DuplicatePredicate>();
}

} // namespace clue::lint
