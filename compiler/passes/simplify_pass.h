// simplify: constants (`x and false` is false, `x and true` is x), idempotence (`a and a` is a),
// complements (`a and not a` is false, `a or not a` is true), absorption (`a and (a or b)` is
// a, `a or (a and b)` is a) and resolution (`a and (not a or b)` is `a and b`). Empty and
// single-operand and/or fold away. A rule whose formula
// folds to a constant can never fire or always fires: constantRules() finds those.
#pragma once

#include "compiler/passes/pass.h"

namespace clue {

class SimplifyPass : public Pass {
public:
    std::string_view name() const override { return "simplify"; }
    bool run(ir::IRModule& module, PassContext& context) override;
};

} // namespace clue
