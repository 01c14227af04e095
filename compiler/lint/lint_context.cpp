// Small lookups on top of the shared analyses.
#include "compiler/lint/lint_context.h"

namespace clue::lint {

const UnlessEffect* LintContext::unlessEffect(const ast::RuleDecl& rule) const {
    std::optional<size_t> index = ir().indexOf(rule);
    if (!index) {
        return nullptr;
    }
    auto it = unlessEffects().find(*index);
    return it == unlessEffects().end() ? nullptr : &it->second;
}

} // namespace clue::lint
