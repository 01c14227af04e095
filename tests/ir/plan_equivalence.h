// Whether two plans of one constitution decide alike: the property that licenses every pass.
// The -O2 plan must decide each rule exactly as the -O0 plan on every two-valued assignment
// (hence the same verdict and the same violated rules), and with unknowns it must never decide
// differently (it may decide more: `a and not a` is false even when a is unknown).
#pragma once

#include "plan/plan.h"
#include "plan/plan_evaluator.h"
#include "tests/support/constitution_generator.h"

#include <fmt/format.h>

#include <map>
#include <set>
#include <string>
#include <vector>

namespace clue::testing {

// Each rule's value in plan `p`, with predicates given by statement key.
inline std::vector<plan::Truth> ruleValues(const plan::Plan& p,
                                           const std::map<std::string, plan::Truth>& byKey) {
    std::vector<plan::Truth> predicates;
    for (const plan::Predicate& pred : p.predicates) {
        predicates.push_back(byKey.at(pred.key));
    }
    std::vector<plan::Truth> nodes = plan::evaluateNodes(p, predicates);
    std::vector<plan::Truth> rules;
    for (const plan::Rule& r : p.rules) {
        rules.push_back(nodes[r.root]);
    }
    return rules;
}

// The first assignment on which `optimized` decides a rule unlike `naive`, described, or ""
// when they agree on all that were tried: every two-valued assignment when there are at most
// `trials` of them, else `trials` random ones; each also with about 30% of the statements
// unknown.
inline std::string firstDisagreement(const plan::Plan& naive, const plan::Plan& optimized,
                                     uint64_t seed, size_t trials) {
    if (naive.rules.size() != optimized.rules.size()) {
        return "the plans have different numbers of rules";
    }
    for (size_t r = 0; r < naive.rules.size(); ++r) {
        if (naive.rules[r].id != optimized.rules[r].id) {
            return "rule " + naive.rules[r].id + " is not in the same place in both plans";
        }
    }
    std::set<std::string> keySet;
    for (const plan::Predicate& p : naive.predicates) {
        keySet.insert(p.key);
    }
    std::vector<std::string> keys(keySet.begin(), keySet.end());
    const bool exhaustive = keys.size() < 63 && (size_t{1} << keys.size()) <= trials;
    const size_t count = exhaustive ? size_t{1} << keys.size() : trials;
    Random random(seed);
    for (size_t trial = 0; trial < count; ++trial) {
        std::map<std::string, plan::Truth> twoValued, partial;
        for (size_t k = 0; k < keys.size(); ++k) {
            bool value = exhaustive ? ((trial >> k) & 1) != 0 : random.chance(0.5);
            plan::Truth t = value ? plan::Truth::True : plan::Truth::False;
            twoValued[keys[k]] = t;
            partial[keys[k]] = random.chance(0.3) ? plan::Truth::Unknown : t;
        }
        std::vector<plan::Truth> o0 = ruleValues(naive, twoValued);
        std::vector<plan::Truth> o2 = ruleValues(optimized, twoValued);
        std::vector<plan::Truth> p0 = ruleValues(naive, partial);
        std::vector<plan::Truth> p2 = ruleValues(optimized, partial);
        for (size_t r = 0; r < o0.size(); ++r) {
            if (o2[r] != o0[r] || (p0[r] != plan::Truth::Unknown && p2[r] != p0[r])) {
                return fmt::format("rule {} (trial {}): -O0 {} / {} with unknowns, -O2 {} / {}",
                                   naive.rules[r].id, trial, plan::truthName(o0[r]),
                                   plan::truthName(p0[r]), plan::truthName(o2[r]),
                                   plan::truthName(p2[r]));
            }
        }
    }
    return "";
}

} // namespace clue::testing
