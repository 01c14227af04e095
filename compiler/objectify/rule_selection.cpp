// Selecting the rules to objectify and the chains to write.
#include "compiler/objectify/rule_selection.h"

namespace clue::objectify {
namespace {

LockLookup lookupRule(const Lockfile& lockfile, const ast::RuleDecl& rule,
                      const LockRequirement& need) {
    return lockfile.lookup(rule.id, rule.text.value(), need);
}

} // namespace

std::vector<SelectedRule> selectRules(const ast::Module& module, const Lockfile& lockfile,
                                      const SelectionOptions& options) {
    std::vector<SelectedRule> selected;
    for (const ast::RuleDecl* rule : module.rules()) {
        if (!options.onlyRule.empty() && rule->id != options.onlyRule) {
            continue;
        }
        LockState state = lookupRule(lockfile, *rule, options.need).state;
        Disposition d = options.force               ? Disposition::Objectify
                        : rule->when                ? Disposition::HasWhen
                        : state == LockState::Fresh ? Disposition::Fresh
                                                    : Disposition::Objectify;
        bool changed = d == Disposition::Objectify && state == LockState::TextChanged;
        selected.push_back({rule, d, changed, std::nullopt});
    }
    return selected;
}

std::vector<ChainWrite> chainsToWrite(const std::vector<SelectedRule>& rules,
                                      const Lockfile& lockfile, const LockRequirement& need) {
    std::vector<ChainWrite> writes;
    for (const SelectedRule& selected : rules) {
        const ast::RuleDecl& rule = *selected.rule;
        bool replaced = rule.when && selected.outcome && selected.outcome->entry;
        LockLookup found = lookupRule(lockfile, rule, need);
        if (found.state == LockState::Fresh && (!rule.when || replaced)) {
            writes.push_back({&rule, found.entry});
        }
    }
    return writes;
}

} // namespace clue::objectify
