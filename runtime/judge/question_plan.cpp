// The per-plan part of question choice: waves, cones, chances and costs.
#include "runtime/judge/question_plan.h"

#include <algorithm>
#include <cmath>

namespace clue::runtime {

std::vector<int> waveIndex(const plan::Plan& plan) {
    std::vector<int> waves(plan.predicates.size(), 0);
    for (size_t w = 0; w < plan.schedule.size(); ++w) {
        for (uint32_t p : plan.schedule[w]) {
            waves[p] = static_cast<int>(w);
        }
    }
    return waves;
}

namespace {

std::vector<std::vector<uint32_t>> parentsOf(const plan::Plan& plan) {
    std::vector<std::vector<uint32_t>> parents(plan.nodes.size());
    for (uint32_t n = 0; n < plan.nodes.size(); ++n) {
        for (uint32_t child : plan.nodes[n].children) {
            parents[child].push_back(n);
        }
    }
    return parents;
}

// Every node above the predicate's nodes (and those nodes), sorted: children come first.
std::vector<uint32_t> coneOf(const plan::Plan& plan, uint32_t predicate,
                             const std::vector<std::vector<uint32_t>>& parents) {
    std::vector<bool> seen(plan.nodes.size(), false);
    std::vector<uint32_t> cone;
    for (uint32_t n = 0; n < plan.nodes.size(); ++n) {
        const plan::Node& node = plan.nodes[n];
        if (node.op == plan::NodeOp::Predicate && node.predicate == predicate) {
            seen[n] = true;
            cone.push_back(n);
        }
    }
    for (size_t i = 0; i < cone.size(); ++i) {
        for (uint32_t parent : parents[cone[i]]) {
            if (!seen[parent]) {
                seen[parent] = true;
                cone.push_back(parent);
            }
        }
    }
    std::sort(cone.begin(), cone.end());
    return cone;
}

// A value outside its range counts as missing.
double chanceFrom(const plan::Predicate& p) {
    if (p.prior && std::isfinite(*p.prior) && *p.prior >= 0.0 && *p.prior <= 1.0) {
        return *p.prior;
    }
    return 0.5;
}

double costFrom(const plan::Predicate& p) {
    return std::isfinite(p.cost) && p.cost > 0.0 ? p.cost : 1.0;
}

} // namespace

QuestionPlan::QuestionPlan(const plan::Plan& plan) : waves_(waveIndex(plan)) {
    const auto parents = parentsOf(plan);
    std::vector<std::vector<uint32_t>> rulesAtRoot(plan.nodes.size());
    for (uint32_t r = 0; r < plan.rules.size(); ++r) {
        rulesAtRoot[plan.rules[r].root].push_back(r);
    }
    for (uint32_t p = 0; p < plan.predicates.size(); ++p) {
        cones_.push_back(coneOf(plan, p, parents));
        std::vector<uint32_t> rules;
        for (uint32_t n : cones_.back()) {
            rules.insert(rules.end(), rulesAtRoot[n].begin(), rulesAtRoot[n].end());
        }
        std::sort(rules.begin(), rules.end());
        rules_.push_back(std::move(rules));
        chanceTrue_.push_back(chanceFrom(plan.predicates[p]));
        costs_.push_back(costFrom(plan.predicates[p]));
    }
}

} // namespace clue::runtime
