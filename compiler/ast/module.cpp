// Typed views over a module's declarations.
#include "compiler/ast/module.h"

namespace clue::ast {
namespace {

template <typename T> std::vector<const T*> itemsOf(const std::vector<Decl>& items) {
    std::vector<const T*> out;
    for (const Decl& item : items) {
        if (const T* decl = std::get_if<T>(&item)) {
            out.push_back(decl);
        }
    }
    return out;
}

} // namespace

void Module::forEachRule(const std::function<void(const RuleDecl&)>& visit) const {
    for (const Decl& item : items) {
        if (const auto* rule = std::get_if<RuleDecl>(&item)) {
            visit(*rule);
        } else if (const auto* category = std::get_if<CategoryDecl>(&item)) {
            for (const RuleDecl& r : category->rules) {
                visit(r);
            }
        }
    }
}

std::vector<const RuleDecl*> Module::rules() const {
    std::vector<const RuleDecl*> out;
    forEachRule([&](const RuleDecl& r) { out.push_back(&r); });
    return out;
}

std::vector<const PredicateDecl*> Module::predicates() const {
    return itemsOf<PredicateDecl>(items);
}
std::vector<const CategoryDecl*> Module::categories() const {
    return itemsOf<CategoryDecl>(items);
}
std::vector<const ImportDecl*> Module::imports() const { return itemsOf<ImportDecl>(items); }
std::vector<const TestDecl*> Module::tests() const { return itemsOf<TestDecl>(items); }
std::vector<const ScoreDecl*> Module::scores() const { return itemsOf<ScoreDecl>(items); }

} // namespace clue::ast
