// The common shape of normalize and simplify: rebuild the graph children-first, copying leaves
// and letting the pass decide what each `not` and each and/or becomes.
#pragma once

#include "compiler/ir/ir_builder.h"

#include <vector>

namespace clue {

class FormulaRewriter {
public:
    // With `hashCons`, identical nodes the rewrite builds are made once (see IRBuilder).
    explicit FormulaRewriter(bool hashCons = false) : builder_(hashCons) {}
    virtual ~FormulaRewriter() = default;

    // Rebuilds `module` through the hooks; returns whether any hook reported a change.
    bool rewrite(ir::IRModule& module);

protected:
    // `operand` and `operands` are vertices of the new graph, already rewritten.
    virtual ir::Vertex rewriteNot(ir::Vertex operand) = 0;
    virtual ir::Vertex rewriteJunction(ir::NodeKind kind,
                                       const std::vector<ir::Vertex>& operands) = 0;

    ir::IRBuilder& builder() { return builder_; }
    const ir::IRBuilder& builder() const { return builder_; }
    void markChanged() { changed_ = true; }

private:
    ir::IRBuilder builder_;
    bool changed_ = false;
};

} // namespace clue
