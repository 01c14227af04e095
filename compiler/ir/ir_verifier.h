// Structural checks that hold after every pass; a failure is a compiler bug, not a user error.
#pragma once

#include "compiler/ir/ir_module.h"

#include <stdexcept>
#include <string>

namespace clue::ir {

class IRVerificationError : public std::logic_error {
public:
    using std::logic_error::logic_error;
};

// Checks arity per kind, payloads in range, one Rule vertex per rule info, that every child is
// older than its parent (so no cycle), and that the schedule (when present) holds every
// reachable predicate exactly once.
// Throws IRVerificationError naming the first problem.
void verifyModule(const IRModule& module);

} // namespace clue::ir
