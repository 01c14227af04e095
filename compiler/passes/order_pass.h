// order: sorts each and's operands by cost / P(false) and each or's by cost / P(true),
// ascending, so the operand likeliest to decide the junction cheaply is asked first. Ties keep
// the current order, which is deterministic. Changes no node's meaning, only evaluation order.
#pragma once

#include "compiler/passes/pass.h"

namespace clue {

class OrderPass : public Pass {
public:
    std::string_view name() const override { return "order"; }
    bool run(ir::IRModule& module, PassContext& context) override;
};

} // namespace clue
