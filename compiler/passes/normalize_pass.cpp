// De Morgan over a rebuilt graph. Each old node maps to one new node, so sharing survives;
// negations of new nodes are memoized so a shared subformula is negated once.
#include "compiler/passes/normalize_pass.h"

#include "common/assert.h"
#include "compiler/passes/formula_rewriter.h"

#include <vector>

namespace clue {
namespace {

using ir::NodeKind;
using ir::Vertex;

class Normalizer : public FormulaRewriter {
private:
    Vertex rewriteNot(Vertex operand) override { return negate(operand); }

    // `kids` are already normal; splice operands of the same kind, collapse a single operand.
    Vertex rewriteJunction(NodeKind kind, const std::vector<Vertex>& kids) override {
        std::vector<Vertex> flat;
        for (Vertex k : kids) {
            if (builder().kind(k) != kind) {
                flat.push_back(k);
                continue;
            }
            markChanged();
            for (Vertex g : builder().children(k)) {
                flat.push_back(g);
            }
        }
        if (flat.size() == 1) {
            markChanged();
            return flat.front();
        }
        return builder().nary(kind, flat);
    }

    // The normal form of `not v`, for a normal `v`. De Morgan keeps the result flat: the
    // operands of a flat `and` are no `and`, so their negations are no `or`.
    Vertex negate(Vertex v) {
        if (v < negated_.size() && negated_[v] != kNone) {
            return negated_[v];
        }
        Vertex result = kNone;
        switch (builder().kind(v)) {
        case NodeKind::Predicate:
            result = builder().negation(v);
            break;
        case NodeKind::Not:
            markChanged();
            result = *builder().children(v).begin();
            break;
        case NodeKind::Const:
            markChanged();
            result = builder().constant(!builder().value(v));
            break;
        case NodeKind::And:
        case NodeKind::Or:
            markChanged();
            result = negateJunction(v);
            break;
        case NodeKind::Rule: // a rule is a root, never an operand
            CLUE_UNREACHABLE();
        }
        if (v >= negated_.size()) {
            negated_.resize(v + 1 + v / 2, kNone);
        }
        negated_[v] = result;
        return result;
    }

    Vertex negateJunction(Vertex v) {
        std::vector<Vertex> operands(builder().children(v).begin(), builder().children(v).end());
        for (Vertex& o : operands) {
            o = negate(o);
        }
        return builder().nary(builder().kind(v) == NodeKind::And ? NodeKind::Or : NodeKind::And,
                              operands);
    }

    static constexpr Vertex kNone = ~Vertex{0};
    std::vector<Vertex> negated_; // by new vertex: its negation's normal form, or kNone
};

} // namespace

bool NormalizePass::run(ir::IRModule& module, PassContext&) {
    return Normalizer().rewrite(module);
}

} // namespace clue
