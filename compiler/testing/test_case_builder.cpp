// Names resolve through the program's predicate table, as sema checked them.
#include "compiler/testing/test_case_builder.h"

#include "common/path_glob.h"
#include "common/statement.h"
#include "compiler/ast/string_literal.h"
#include "compiler/lower/unit_order.h"

#include <fmt/format.h>

#include <algorithm>
#include <map>

namespace clue {

std::vector<TestCase> buildTestCases(const Program& program, const SourceManager& sources,
                                     const std::string& stdlibDir) {
    std::vector<TestCase> cases;
    for (const OrderedUnit& u : orderUnits(program, stdlibDir)) {
        if (!u.unit->isRoot) {
            continue;
        }
        for (const ast::TestDecl* t : u.unit->module.tests()) {
            TestCase c;
            c.name = t->name;
            c.location = fmt::format("{}:{}", u.relative,
                                     sources.lineColumn(t->span.file, t->span.begin).line);
            for (const ast::GivenItem& g : t->given) {
                std::string statement =
                    g.isInline ? g.name : program.predicates.at(g.name)->statement.value();
                c.given.push_back({statementHash(statement), !g.negated});
            }
            for (const ast::Expectation& e : t->expectations) {
                c.expectations.push_back({e.kind, e.rule});
            }
            cases.push_back(std::move(c));
        }
    }
    return cases;
}

namespace {

bool nameMatches(const std::string& name, const std::string& pattern) {
    if (pattern.find_first_of("*?") == std::string::npos) {
        return name.find(pattern) != std::string::npos;
    }
    // globMatch is for paths; a test name's '/' is an ordinary character.
    auto plain = [](std::string s) {
        std::replace(s.begin(), s.end(), '/', '\x1f');
        return s;
    };
    return globMatch(plain(pattern), plain(name));
}

} // namespace

std::vector<TestCase> selectTests(std::vector<TestCase> cases,
                                  const std::vector<std::string>& patterns) {
    if (patterns.empty()) {
        return cases;
    }
    std::erase_if(cases, [&](const TestCase& c) {
        return std::none_of(patterns.begin(), patterns.end(),
                            [&](const std::string& p) { return nameMatches(c.name, p); });
    });
    return cases;
}

std::vector<std::string> predicateDisplayNames(const ir::IRModule& module, const plan::Plan& plan) {
    std::map<std::string, std::string> byKey;
    for (const ir::PredicateInfo& p : module.predicates()) {
        byKey.emplace(p.key, p.names.empty() ? ast::quoteString(p.statement)
                                             : fmt::format("{}", fmt::join(p.names, "/")));
    }
    std::vector<std::string> names;
    for (const plan::Predicate& p : plan.predicates) {
        auto it = byKey.find(p.key);
        names.push_back(it != byKey.end() ? it->second : ast::quoteString(p.statement));
    }
    return names;
}

} // namespace clue
