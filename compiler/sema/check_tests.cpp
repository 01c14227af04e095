// Tests: facts about declared predicates, consistent with each other, and outcomes that name
// declared rules.
#include "common/statement.h"
#include "compiler/ast/string_literal.h"
#include "compiler/diag/diagnostic_codes.h"
#include "compiler/sema/name_suggester.h"
#include "compiler/sema/sema.h"

#include <fmt/format.h>

namespace clue {
namespace {

class TestChecker {
public:
    TestChecker(const Program& program, DiagnosticEngine& diags)
        : program_(program), diags_(diags),
          predicateNames_(NameSuggester::fromKeys(program.predicates)),
          ruleNames_(NameSuggester::fromKeys(program.rules)) {}

    void check(const ast::TestDecl& test) {
        std::string name = ast::quoteString(test.name);
        if (test.expectations.empty()) {
            diags_
                .error(code::TestWithoutExpect, test.nameSpan,
                       fmt::format("test {} expects nothing", name))
                .withHelp("add 'expect safe', 'expect unsafe' or 'expect violates RULE'");
        }
        std::map<std::string, const ast::GivenItem*> facts;
        for (const ast::GivenItem& fact : test.given) {
            checkFact(name, fact, facts);
        }
        for (const ast::Expectation& expectation : test.expectations) {
            checkExpectation(expectation);
        }
    }

private:
    void checkFact(const std::string& test, const ast::GivenItem& fact,
                   std::map<std::string, const ast::GivenItem*>& facts) {
        if (fact.isInline && isBlank(fact.name)) {
            diags_.error(code::EmptyText, fact.refSpan, "an empty statement states nothing");
            return;
        }
        if (!fact.isInline && !program_.predicates.count(fact.name)) {
            diags_
                .error(code::TestUnknownPredicate, fact.refSpan,
                       fmt::format("test {} gives a value to undefined predicate '{}'", test,
                                   fact.name))
                .withHelp(predicateNames_.help(
                    fact.name, "a fact is a declared predicate\'s name or a quoted statement"));
            return;
        }
        std::string key = fact.isInline ? "\"" + normalizeStatement(fact.name) : fact.name;
        auto [first, inserted] = facts.emplace(key, &fact);
        if (!inserted && first->second->negated != fact.negated) {
            diags_
                .error(code::ContradictoryGiven, fact.span,
                       fmt::format("test {} gives '{}' as both true and false", test, fact.name))
                .note("the other value is given here", first->second->span);
        }
    }

    void checkExpectation(const ast::Expectation& expectation) {
        bool namesRule = expectation.kind == ast::ExpectKind::Violates ||
                         expectation.kind == ast::ExpectKind::NotViolates;
        if (!namesRule || program_.rules.count(expectation.rule)) {
            return;
        }
        diags_
            .error(code::TestUnknownRule, expectation.ruleSpan,
                   fmt::format("unknown rule '{}'", expectation.rule))
            .withHelp(
                ruleNames_.help(expectation.rule, "\'violates\' takes the id of a declared rule"));
    }

    const Program& program_;
    DiagnosticEngine& diags_;
    NameSuggester predicateNames_;
    NameSuggester ruleNames_;
};

} // namespace

void checkTests(const Program& program, DiagnosticEngine& diags) {
    TestChecker checker(program, diags);
    for (const auto& unit : program.units) {
        for (const ast::TestDecl* test : unit->module.tests()) {
            checker.check(*test);
        }
    }
}

} // namespace clue
