// Tests: a block of `given` and `expect` lines in source order.
#include "common/assert.h"
#include "compiler/ast/string_literal.h"
#include "compiler/fmt/formatter.h"
#include "compiler/fmt/module_printer.h"

namespace clue {
namespace {

std::string factText(const ast::GivenItem& fact) {
    std::string name = fact.isInline ? ast::quoteString(fact.name) : fact.name;
    return fact.negated ? "not " + name : name;
}

std::string expectationText(const ast::Expectation& e) {
    switch (e.kind) {
    case ast::ExpectKind::Safe:
        return "expect safe";
    case ast::ExpectKind::Unsafe:
        return "expect unsafe";
    case ast::ExpectKind::Violates:
        return "expect violates " + e.rule;
    case ast::ExpectKind::NotViolates:
        return "expect not violates " + e.rule;
    }
    CLUE_UNREACHABLE();
}

} // namespace

void ModulePrinter::printTest(const ast::TestDecl& test) {
    out_.line(0, "test " + ast::quoteString(test.name) + " {",
              {test.span.file, test.span.begin, test.nameSpan.end});
    size_t nextFact = 0, nextExpectation = 0, nextGiven = 0;
    for (bool isGiven : test.statementIsGiven) {
        if (!isGiven) {
            const ast::Expectation& e = test.expectations[nextExpectation++];
            out_.line(step, expectationText(e), e.span);
            continue;
        }
        // Facts fill lines up to the column limit; a continuation line is indented one step
        // more than `given` and every line but the last ends with a comma.
        size_t count = test.givenCounts[nextGiven++];
        std::string text = "given ";
        int indent = step;
        SourceSpan region = test.given[nextFact].span;
        for (size_t i = 0; i < count; ++i, ++nextFact) {
            const ast::GivenItem& fact = test.given[nextFact];
            std::string item = factText(fact) + (i + 1 < count ? "," : "");
            bool startsLine = text == "given " || text.empty();
            if (!startsLine &&
                static_cast<size_t>(indent) + text.size() + 1 + item.size() > maxColumns) {
                out_.line(indent, text, region);
                text.clear();
                indent = 2 * step;
                region = fact.span;
                startsLine = true;
            }
            text += (startsLine ? "" : " ") + item;
            region = region.cover(fact.span);
        }
        out_.line(indent, text, region);
    }
    out_.line(0, "}", {test.span.file, test.span.end - 1, test.span.end}, step);
}

} // namespace clue
