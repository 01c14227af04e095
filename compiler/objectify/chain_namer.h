// Turns a lock entry's formula of quoted statements into one for the source: a statement the
// program already declares as a predicate (same normalized statement) becomes that name, a new
// statement with a central object becomes a new named predicate (so it can carry `object`),
// and any other statement stays quoted. Statements shared by several rules get one name.
#pragma once

#include "compiler/ast/formula.h"
#include "compiler/objectify/lock_entry.h"
#include "compiler/sema/program.h"

#include <map>
#include <memory>
#include <set>
#include <string>
#include <vector>

namespace clue::objectify {

struct NewPredicate {
    std::string name;
    std::string statement;
    std::string object;
};

class ChainNamer {
public:
    explicit ChainNamer(const Program& program);

    // The entry's formula (already parsed) with names in place of statements where possible.
    std::unique_ptr<ast::Formula> name(const ast::Formula& formula, const LockEntry& entry);

    // The predicates to declare, in the order they were first needed.
    const std::vector<NewPredicate>& newPredicates() const { return added_; }

private:
    std::string objectOf(const std::string& normalized, const LockEntry& entry) const;

    std::map<std::string, std::string> byStatement_; // normalized statement -> predicate name
    std::set<std::string> taken_;                    // every predicate name in the program
    std::vector<NewPredicate> added_;
};

} // namespace clue::objectify
