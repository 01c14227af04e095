// Naming the statements of extracted chains after the program's predicates.
#include "compiler/objectify/chain_namer.h"

#include "common/statement.h"
#include "compiler/objectify/predicate_naming.h"

namespace clue::objectify {

ChainNamer::ChainNamer(const Program& program) {
    for (const auto& [name, decl] : program.predicates) {
        taken_.insert(name);
        // The first name in sorted order wins when two predicates share a statement.
        byStatement_.emplace(normalizeStatement(decl->statement.value()), name);
    }
}

std::string ChainNamer::objectOf(const std::string& normalized, const LockEntry& entry) const {
    for (const ChainStatement& s : entry.objects) {
        if (normalizeStatement(s.statement) == normalized) {
            return s.object;
        }
    }
    return {};
}

std::unique_ptr<ast::Formula> ChainNamer::name(const ast::Formula& formula,
                                               const LockEntry& entry) {
    if (formula.kind != ast::FormulaKind::Inline) {
        std::unique_ptr<ast::Formula> copy = formula.clone();
        for (size_t i = 0; i < copy->children.size(); ++i) {
            copy->children[i] = name(*formula.children[i], entry);
        }
        return copy;
    }
    std::string key = normalizeStatement(formula.text);
    if (auto known = byStatement_.find(key); known != byStatement_.end()) {
        return ast::Formula::makeRef(known->second, formula.span);
    }
    std::string object = objectOf(key, entry);
    if (object.empty()) {
        return formula.clone();
    }
    std::string fresh = predicateNameFor(formula.text, taken_);
    byStatement_.emplace(key, fresh);
    added_.push_back({fresh, formula.text, object});
    return ast::Formula::makeRef(fresh, formula.span);
}

} // namespace clue::objectify
