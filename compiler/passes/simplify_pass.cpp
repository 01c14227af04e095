// Local rewrites on a rebuilt graph. They are exact in two-valued logic; with unknowns they
// only ever decide more (`a and not a` is false even when a is unknown), never differently.
// Complements and absorption compare vertices, so they see what dedup has merged.
#include "compiler/passes/simplify_pass.h"

#include "compiler/passes/formula_rewriter.h"

#include "compiler/ir/vertex_set.h"

namespace clue {
namespace {

using ir::NodeKind;
using ir::Vertex;

class Simplifier : public FormulaRewriter {
public:
    // Hash-consing keeps what dedup shared shared, even where a rewrite rebuilds an operand.
    Simplifier() : FormulaRewriter(/*hashCons=*/true) {}

private:
    Vertex rewriteNot(Vertex operand) override {
        if (builder().kind(operand) == NodeKind::Const) {
            markChanged();
            return builder().constant(!builder().value(operand));
        }
        if (builder().kind(operand) == NodeKind::Not) {
            markChanged();
            return *builder().children(operand).begin();
        }
        return builder().negation(operand);
    }

    // The operands left after flattening, dropping neutral constants and repeats. Sets
    // `absorbed` when an operand is the junction's absorbing constant.
    std::vector<Vertex> collect(NodeKind kind, const std::vector<Vertex>& kids, bool& absorbed) {
        const bool absorbing = kind == NodeKind::Or;
        std::vector<Vertex> operands;
        seen_.clear();
        std::vector<Vertex> work(kids.rbegin(), kids.rend());
        while (!work.empty() && !absorbed) {
            Vertex k = work.back();
            work.pop_back();
            if (builder().kind(k) == kind) {
                markChanged();
                std::vector<Vertex> inner(builder().children(k).begin(),
                                          builder().children(k).end());
                work.insert(work.end(), inner.rbegin(), inner.rend());
            } else if (builder().kind(k) == NodeKind::Const) {
                markChanged();
                absorbed = builder().value(k) == absorbing;
            } else if (!seen_.insert(k)) {
                markChanged();
            } else {
                operands.push_back(k);
            }
        }
        return operands;
    }

    bool hasComplement(const std::vector<Vertex>& operands, const ir::VertexSet& present) const {
        for (Vertex o : operands) {
            if (builder().kind(o) == NodeKind::Not &&
                present.contains(*builder().children(o).begin())) {
                return true;
            }
        }
        return false;
    }

    // Drops each operand of the dual kind that has an operand of this junction among its own:
    // in `a and (a or b)`, the `or` is implied by `a`.
    void absorb(NodeKind kind, std::vector<Vertex>& operands, const ir::VertexSet& present) {
        NodeKind dual = kind == NodeKind::And ? NodeKind::Or : NodeKind::And;
        std::erase_if(operands, [&](Vertex o) {
            if (builder().kind(o) != dual) {
                return false;
            }
            for (Vertex inner : builder().children(o)) {
                if (present.contains(inner)) {
                    markChanged();
                    return true;
                }
            }
            return false;
        });
    }

    // Whether `inner` contradicts an operand of the junction: `not x` with x present, or x
    // with `not x` present.
    bool contradicts(Vertex inner, const ir::VertexSet& present,
                     const ir::VertexSet& negatedPresent) const {
        if (negatedPresent.contains(inner)) {
            return true;
        }
        return builder().kind(inner) == NodeKind::Not &&
               present.contains(*builder().children(inner).begin());
    }

    // Resolution: in `x and (not x or y)` the `not x` can never hold, so the `or` is `y`
    // (dually, `x or (not x and y)` is `x or y`). Returns whether an operand was rebuilt.
    bool resolve(NodeKind kind, std::vector<Vertex>& operands, const ir::VertexSet& present) {
        NodeKind dual = kind == NodeKind::And ? NodeKind::Or : NodeKind::And;
        negatedPresent_.clear();
        for (Vertex o : operands) {
            if (builder().kind(o) == NodeKind::Not) {
                negatedPresent_.insert(*builder().children(o).begin());
            }
        }
        bool rebuilt = false;
        for (Vertex& o : operands) {
            if (builder().kind(o) != dual) {
                continue;
            }
            std::vector<Vertex> kept;
            for (Vertex inner : builder().children(o)) {
                if (!contradicts(inner, present, negatedPresent_)) {
                    kept.push_back(inner);
                }
            }
            if (kept.size() != builder().childCount(o)) {
                rebuilt = true;
                o = kept.empty()       ? builder().constant(dual == NodeKind::And)
                    : kept.size() == 1 ? kept.front()
                                       : builder().nary(dual, kept);
            }
        }
        return rebuilt;
    }

    Vertex rewriteJunction(NodeKind kind, const std::vector<Vertex>& kids) override {
        const bool absorbing = kind == NodeKind::Or;
        bool absorbed = false;
        std::vector<Vertex> operands = collect(kind, kids, absorbed);
        present_.clear();
        for (Vertex o : operands) {
            present_.insert(o);
        }
        const ir::VertexSet& present = present_;
        if (absorbed || hasComplement(operands, present)) {
            markChanged();
            return builder().constant(absorbing);
        }
        if (resolve(kind, operands, present)) {
            // A rebuilt operand may now be a constant, a repeat or of this junction's kind.
            markChanged();
            return rewriteJunction(kind, operands);
        }
        absorb(kind, operands, present);
        if (operands.empty()) {
            return builder().constant(!absorbing);
        }
        if (operands.size() == 1) {
            markChanged();
            return operands.front();
        }
        return builder().nary(kind, operands);
    }

    // Scratch sets, reused by every junction (rewriteJunction recurses only after it is done
    // with them).
    ir::VertexSet seen_;
    ir::VertexSet present_;
    ir::VertexSet negatedPresent_;
};

} // namespace

bool SimplifyPass::run(ir::IRModule& module, PassContext&) {
    return Simplifier().rewrite(module);
}

} // namespace clue
