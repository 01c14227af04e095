// A small valid plan for tests: two rules sharing the predicate "a person is visible".
#pragma once

#include "plan/default_prompts.h"
#include "plan/plan.h"

#include "common/statement.h"

namespace clue::plan::testing {

// Predicates: 0 person, 1 blood, 2 fire. Nodes: 0 pred person, 1 pred blood, 2 pred fire,
// 3 not fire, 4 and(person, blood, not fire), 5 or(person, fire).
// Rules: gore = node 4, burning = node 5.
inline Plan samplePlan() {
    Plan p;
    p.compiler = "clue test";
    p.source = {"0000", {"sample.clue"}};
    p.constitution.name = "sample";
    p.optimization = {2, {"normalize", "dedup"}};
    p.prompts = defaultPrompts();
    for (const char* s : {"a person is visible", "blood is visible", "fire is visible"}) {
        Predicate pred;
        pred.statement = s;
        pred.key = statementHash(s);
        p.predicates.push_back(pred);
    }
    p.predicates[1].object = "blood";
    p.nodes = {{NodeOp::Predicate, 0, false, {}},  {NodeOp::Predicate, 1, false, {}},
               {NodeOp::Predicate, 2, false, {}},  {NodeOp::Not, 0, false, {2}},
               {NodeOp::And, 0, false, {0, 1, 3}}, {NodeOp::Or, 0, false, {0, 2}}};
    p.categories = {{"violence", "Violence"}};
    p.rules.push_back({"gore", "No gore.", "violence", "high", {}, 4, "sample.clue:3", {}});
    p.rules.push_back({"burning", "No fire.", std::nullopt, std::nullopt, {"x"}, 5, "sample.clue:7",
                       Objectified{"some-model", "objectify/1"}}); // a chain from a lockfile
    p.schedule = {{0}, {1, 2}};
    return p;
}

} // namespace clue::plan::testing
