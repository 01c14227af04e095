// Small plans for executor tests, built by hand: predicates, formulas, rules and waves.
#pragma once

#include "common/statement.h"
#include "plan/plan.h"

#include <optional>
#include <string>
#include <vector>

namespace clue::test {

class PlanBuilder {
public:
    PlanBuilder() {
        plan_.compiler = "clue test";
        plan_.source = {std::string(64, '0'), {"test.clue"}};
        plan_.prompts = plan::defaultPrompts();
    }

    // A predicate and its node; returns the node. The predicate's index is predicateCount()-1.
    uint32_t pred(const std::string& statement, std::optional<std::string> object = {},
                  std::optional<double> mNone = {}) {
        plan::Predicate p;
        p.statement = statement;
        p.key = statementHash(statement);
        p.object = std::move(object);
        p.mNone = mNone;
        plan_.predicates.push_back(p);
        return node({plan::NodeOp::Predicate, uint32_t(plan_.predicates.size() - 1), false, {}});
    }
    // The node of an existing predicate index (to share it between formulas).
    uint32_t predNode(uint32_t predicate) {
        return node({plan::NodeOp::Predicate, predicate, false, {}});
    }
    uint32_t all(std::vector<uint32_t> children) {
        return node({plan::NodeOp::And, 0, false, std::move(children)});
    }
    uint32_t any(std::vector<uint32_t> children) {
        return node({plan::NodeOp::Or, 0, false, std::move(children)});
    }
    uint32_t negate(uint32_t child) { return node({plan::NodeOp::Not, 0, false, {child}}); }
    uint32_t constant(bool value) { return node({plan::NodeOp::Const, 0, value, {}}); }

    PlanBuilder& rule(const std::string& id, uint32_t root) {
        plan_.rules.push_back(
            {id, "Rule " + id + ".", std::nullopt, std::nullopt, {}, root, "test.clue:1", {}});
        return *this;
    }
    // Waves of predicate indices; without a call, every predicate is in wave 0.
    PlanBuilder& waves(std::vector<std::vector<uint32_t>> waves) {
        plan_.schedule = std::move(waves);
        return *this;
    }
    PlanBuilder& calibratedWith(const std::string& model) {
        plan_.calibrationModel = model;
        return *this;
    }
    plan::Plan& plan() { return plan_; }

    plan::Plan build() {
        plan::Plan p = plan_;
        if (p.schedule.empty()) {
            p.schedule.emplace_back();
            for (uint32_t i = 0; i < p.predicates.size(); ++i) {
                p.schedule[0].push_back(i);
            }
        }
        return p;
    }

private:
    uint32_t node(plan::Node n) {
        plan_.nodes.push_back(std::move(n));
        return uint32_t(plan_.nodes.size() - 1);
    }

    plan::Plan plan_;
};

} // namespace clue::test
