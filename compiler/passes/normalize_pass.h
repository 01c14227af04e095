// normalize: negation normal form (`not` only over predicates), nested and/or flattened,
// single-operand and/or replaced by their operand. Lowering has already turned `unless G` into
// `and not G`; this pass pushes that `not` inward and merges the `and` into the rule's chain.
#pragma once

#include "compiler/passes/pass.h"

namespace clue {

class NormalizePass : public Pass {
public:
    std::string_view name() const override { return "normalize"; }
    bool run(ir::IRModule& module, PassContext& context) override;
};

} // namespace clue
