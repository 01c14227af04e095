// Tests: `given` facts and `expect` outcomes, keeping the order of their statements.
#include "compiler/frontend/transformer.h"

namespace clue {

ast::TestDecl Transformer::transformTest(P::TestDeclContext* ctx) {
    ast::TestDecl test;
    ast::StringPiece name = transformString(ctx->STRING());
    test.name = name.value;
    test.nameSpan = name.span;
    test.span = span(ctx);
    for (P::TestStmtContext* statement : ctx->testStmt()) {
        if (auto* given = dynamic_cast<P::GivenStmtContext*>(statement)) {
            transformGiven(given, test);
        } else {
            auto* expect = dynamic_cast<P::ExpectStmtContext*>(statement);
            test.expectations.push_back(transformExpectation(expect->expectation()));
            test.statementIsGiven.push_back(false);
        }
    }
    return test;
}

void Transformer::transformGiven(P::GivenStmtContext* ctx, ast::TestDecl& test) {
    std::vector<P::GivenItemContext*> items = ctx->givenItem();
    for (P::GivenItemContext* item : items) {
        ast::GivenItem fact;
        fact.negated = item->NOT() != nullptr;
        fact.isInline = item->text() != nullptr;
        if (fact.isInline) {
            fact.name = transformText(item->text()).value();
            fact.refSpan = span(item->text());
        } else {
            fact.name = item->IDENT()->getText();
            fact.refSpan = span(item->IDENT());
        }
        fact.span = span(item);
        test.given.push_back(std::move(fact));
    }
    test.statementIsGiven.push_back(true);
    test.givenCounts.push_back(items.size());
}

ast::Expectation Transformer::transformExpectation(P::ExpectationContext* ctx) {
    ast::Expectation expectation;
    expectation.span = span(ctx);
    antlr4::tree::TerminalNode* rule = nullptr;
    if (dynamic_cast<P::ExpectSafeContext*>(ctx) != nullptr) {
        expectation.kind = ast::ExpectKind::Safe;
    } else if (dynamic_cast<P::ExpectUnsafeContext*>(ctx) != nullptr) {
        expectation.kind = ast::ExpectKind::Unsafe;
    } else if (auto* violates = dynamic_cast<P::ExpectViolatesContext*>(ctx)) {
        expectation.kind = ast::ExpectKind::Violates;
        rule = violates->IDENT();
    } else if (auto* notViolates = dynamic_cast<P::ExpectNotViolatesContext*>(ctx)) {
        expectation.kind = ast::ExpectKind::NotViolates;
        rule = notViolates->IDENT();
    }
    if (rule != nullptr) {
        expectation.rule = rule->getText();
        expectation.ruleSpan = span(rule);
    }
    return expectation;
}

} // namespace clue
