// dedup: hash-consing. Identical predicates (one statement, one vertex) and identical
// subformulas become one node, so the runtime evaluates each once per image. And/Or operands
// count as a set for identity (`a and b` is `b and a`); the first occurrence, in the
// deterministic post-order, keeps its operand order.
#pragma once

#include "compiler/passes/pass.h"

namespace clue {

class DedupPass : public Pass {
public:
    std::string_view name() const override { return "dedup"; }
    bool run(ir::IRModule& module, PassContext& context) override;
};

} // namespace clue
