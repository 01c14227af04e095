// Every predicate statement of a program, declared or written inline in a rule, grouped by
// normalized statement: the basis of the duplicate and inline-statement rules.
#pragma once

#include "compiler/sema/program.h"

#include <string>
#include <unordered_map>
#include <vector>

namespace clue::lint {

struct StatementOccurrence {
    std::string text;                              // as written (concatenated value)
    std::string normalized;                        // normalizeStatement(text)
    SourceSpan span;                               // the string literals
    const ast::PredicateDecl* predicate = nullptr; // a declaration, or null for inline use
    const ast::RuleDecl* rule = nullptr;           // inline: the rule that writes it
};

class StatementIndex {
public:
    static StatementIndex build(const Program& program);

    // Declarations first (in file order), then inline uses (in file order).
    const std::vector<StatementOccurrence>& all() const { return all_; }
    // Indices into all() by normalized statement.
    const std::unordered_map<std::string, std::vector<size_t>>& byNormalized() const {
        return byNormalized_;
    }
    // The declarations whose statement normalizes to `normalized`.
    std::vector<const StatementOccurrence*> declarations(const std::string& normalized) const;

private:
    std::vector<StatementOccurrence> all_;
    std::unordered_map<std::string, std::vector<size_t>> byNormalized_;
};

// Calls `visit` on every inline statement of a formula, in source order.
void forEachInline(const ast::Formula& formula,
                   const std::function<void(const ast::Formula&)>& visit);

// Calls `visit` on every predicate reference of a formula, in source order.
void forEachRef(const ast::Formula& formula, const std::function<void(const ast::Formula&)>& visit);

} // namespace clue::lint
