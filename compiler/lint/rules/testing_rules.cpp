// Rules with no chain have nothing to test yet; no-precondition-chain reports them.
#include "compiler/lint/rules/testing_rules.h"

namespace clue::lint {

std::vector<const ast::RuleDecl*> testableRules(const LintContext& context) {
    std::vector<const ast::RuleDecl*> out;
    for (const ast::RuleDecl* rule : context.rules()) {
        if (context.ir().indexOf(*rule)) {
            out.push_back(rule);
        }
    }
    return out;
}

} // namespace clue::lint
