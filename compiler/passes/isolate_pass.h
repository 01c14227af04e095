// isolate: the naive CLUE shape of -O0. Every rule gets its own copy of its formula and of its
// predicates, so nothing is shared across rules and the runtime asks each rule's chain on its
// own, as the paper's judge does. Within one rule a predicate stays one node.
#pragma once

#include "compiler/passes/pass.h"

namespace clue {

class IsolatePass : public Pass {
public:
    std::string_view name() const override { return "isolate"; }
    bool run(ir::IRModule& module, PassContext& context) override;
};

} // namespace clue
