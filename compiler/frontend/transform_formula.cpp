// Formulas: `a or b` and `a and b and c` become one n-ary node each; parentheses are kept as
// a flag on the node they enclose, whose span then covers them.
#include "compiler/frontend/transformer.h"

namespace clue {

namespace {

// One operand stands for itself; several become one n-ary node of `kind`.
template <typename Context, typename Transform>
std::unique_ptr<ast::Formula> nary(ast::FormulaKind kind, const std::vector<Context*>& operands,
                                   SourceSpan span, Transform transform) {
    if (operands.size() == 1) {
        return transform(operands.front());
    }
    std::vector<std::unique_ptr<ast::Formula>> children;
    for (Context* operand : operands) {
        children.push_back(transform(operand));
    }
    return ast::Formula::makeNary(kind, std::move(children), span);
}

} // namespace

std::unique_ptr<ast::Formula> Transformer::transformFormula(P::FormulaContext* ctx) {
    return nary(ast::FormulaKind::Or, ctx->conjunction(), span(ctx),
                [this](P::ConjunctionContext* c) { return transformConjunction(c); });
}

std::unique_ptr<ast::Formula> Transformer::transformConjunction(P::ConjunctionContext* ctx) {
    return nary(ast::FormulaKind::And, ctx->negation(), span(ctx),
                [this](P::NegationContext* c) { return transformNegation(c); });
}

std::unique_ptr<ast::Formula> Transformer::transformNegation(P::NegationContext* ctx) {
    if (auto* negated = dynamic_cast<P::NotFormulaContext*>(ctx)) {
        return ast::Formula::makeNot(transformNegation(negated->negation()), span(ctx));
    }
    return transformAtom(dynamic_cast<P::AtomFormulaContext*>(ctx)->atom());
}

std::unique_ptr<ast::Formula> Transformer::transformAtom(P::AtomContext* ctx) {
    if (auto* ref = dynamic_cast<P::RefAtomContext*>(ctx)) {
        return ast::Formula::makeRef(ref->IDENT()->getText(), span(ctx));
    }
    if (auto* inlined = dynamic_cast<P::InlineAtomContext*>(ctx)) {
        return ast::Formula::makeInline(transformText(inlined->text()).value(), span(ctx));
    }
    if (dynamic_cast<P::TrueAtomContext*>(ctx) != nullptr) {
        return ast::Formula::makeConst(true, span(ctx));
    }
    if (dynamic_cast<P::FalseAtomContext*>(ctx) != nullptr) {
        return ast::Formula::makeConst(false, span(ctx));
    }
    auto* paren = dynamic_cast<P::ParenAtomContext*>(ctx);
    std::unique_ptr<ast::Formula> inner = transformFormula(paren->formula());
    inner->parenthesized = true;
    inner->span = span(ctx);
    return inner;
}

} // namespace clue
