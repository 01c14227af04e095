// One pass over every rule formula and every test of the program.
#include "compiler/lint/usage_index.h"

#include "common/statement.h"
#include "compiler/lint/statement_index.h"

namespace clue::lint {

UsageIndex UsageIndex::build(const Program& program, const objectify::LockedRules* locked) {
    UsageIndex index;
    std::unordered_map<std::string, std::string> declared; // normalized statement -> name
    for (const auto& [name, p] : program.predicates) {
        declared.emplace(normalizeStatement(p->statement.value()), name);
    }
    for (const auto& unit : program.units) {
        unit->module.forEachRule([&](const ast::RuleDecl& rule) {
            const objectify::LockEntry* entry =
                !rule.when && locked != nullptr ? locked->entryOf(rule) : nullptr;
            if (entry != nullptr && entry->formula) {
                forEachInline(*entry->formula, [&](const ast::Formula& inl) {
                    std::string normalized = normalizeStatement(inl.text);
                    index.ruleStatements_.insert(normalized);
                    if (auto it = declared.find(normalized); it != declared.end()) {
                        index.uses_[it->second].push_back({inl.span, &rule});
                    }
                });
            }
            for (const ast::Formula* f : {rule.when.get(), rule.unless.get()}) {
                if (f == nullptr) {
                    continue;
                }
                forEachRef(*f, [&](const ast::Formula& ref) {
                    index.uses_[ref.name].push_back({ref.span, &rule});
                    if (auto p = program.predicates.find(ref.name); p != program.predicates.end()) {
                        index.ruleStatements_.insert(
                            normalizeStatement(p->second->statement.value()));
                    }
                });
                forEachInline(*f, [&](const ast::Formula& inl) {
                    index.ruleStatements_.insert(normalizeStatement(inl.text));
                });
            }
        });
        for (const ast::TestDecl* test : unit->module.tests()) {
            for (const ast::GivenItem& given : test->given) {
                if (!given.isInline) {
                    index.uses_[given.name].push_back({given.refSpan, nullptr});
                }
            }
        }
    }
    return index;
}

const std::vector<PredicateUse>& UsageIndex::uses(const std::string& name) const {
    static const std::vector<PredicateUse> none;
    auto it = uses_.find(name);
    return it == uses_.end() ? none : it->second;
}

bool UsageIndex::usedByRules(const std::string& name) const {
    for (const PredicateUse& use : uses(name)) {
        if (use.rule != nullptr) {
            return true;
        }
    }
    return false;
}

} // namespace clue::lint
