// Tests run on the plan of the simplified IR with the runtime's Kleene evaluator; a test counts
// for the rules its expectations check.
#include "compiler/lint/test_coverage.h"

#include "common/statement.h"
#include "compiler/emit/plan_emitter.h"
#include "plan/plan_evaluator.h"

#include <algorithm>
#include <unordered_map>

namespace clue::lint {
namespace {

std::vector<plan::Truth> factsOf(const ast::TestDecl& test, const Program& program,
                                 const std::unordered_map<std::string, size_t>& byKey,
                                 size_t predicateCount) {
    std::vector<plan::Truth> facts(predicateCount, plan::Truth::Unknown);
    for (const ast::GivenItem& given : test.given) {
        std::string statement = given.name;
        if (!given.isInline) {
            auto p = program.predicates.find(given.name);
            if (p == program.predicates.end()) {
                continue;
            }
            statement = p->second->statement.value();
        }
        if (auto it = byKey.find(statementHash(statement)); it != byKey.end()) {
            facts[it->second] = given.negated ? plan::Truth::False : plan::Truth::True;
        }
    }
    return facts;
}

// Whether `test` would notice the value of rule `id`: it names the rule in an expectation, or
// expects a verdict, which every rule decides.
bool checksRule(const ast::TestDecl& test, const std::string& id) {
    return std::any_of(test.expectations.begin(), test.expectations.end(),
                       [&](const ast::Expectation& e) {
                           return e.kind == ast::ExpectKind::Safe ||
                                  e.kind == ast::ExpectKind::Unsafe || e.rule == id;
                       });
}

} // namespace

void TestCoverage::add(const Program& program, const ProgramIR& ir, const FileIdentity& identity) {
    plan::Plan plan = emitPlan(ir.simplified(), {});
    std::unordered_map<std::string, size_t> byKey;
    for (size_t i = 0; i < plan.predicates.size(); ++i) {
        byKey.emplace(plan.predicates[i].key, i);
    }
    std::vector<RuleCoverage*> slots;
    for (size_t r = 0; r < plan.rules.size(); ++r) {
        const ast::RuleDecl& decl = ir.ruleAt(r);
        slots.push_back(&rules_[{identity(decl.idSpan.file), decl.id}]);
    }
    for (const auto& unit : program.units) {
        for (const ast::TestDecl* test : unit->module.tests()) {
            std::vector<plan::Truth> values =
                plan::evaluateNodes(plan, factsOf(*test, program, byKey, plan.predicates.size()));
            for (size_t r = 0; r < plan.rules.size(); ++r) {
                if (!checksRule(*test, ir.ruleAt(r).id)) {
                    continue;
                }
                plan::Truth t = values[plan.rules[r].root];
                slots[r]->fired |= t == plan::Truth::True;
                slots[r]->cleared |= t == plan::Truth::False;
            }
        }
    }
}

RuleCoverage TestCoverage::of(const std::string& file, const std::string& id) const {
    auto it = rules_.find({file, id});
    return it == rules_.end() ? RuleCoverage{} : it->second;
}

} // namespace clue::lint
