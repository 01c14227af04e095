// Minimal certificates: per-node minimal sets, combined over rules by branch and bound.
#include "bench/judge/minimal_certificate.h"

#include "plan/plan_evaluator.h"

#include <algorithm>
#include <bit>
#include <functional>
#include <stdexcept>

namespace clue::bench {
namespace {

using plan::NodeOp;
using plan::Truth;

// Keeps the sets of `sets` that contain no other (and no duplicates).
std::vector<PredicateSet> minimalOnly(std::vector<PredicateSet> sets) {
    std::sort(sets.begin(), sets.end(), [](PredicateSet a, PredicateSet b) {
        return std::popcount(a) != std::popcount(b) ? std::popcount(a) < std::popcount(b) : a < b;
    });
    std::vector<PredicateSet> kept;
    for (PredicateSet s : sets) {
        const bool covered =
            std::any_of(kept.begin(), kept.end(), [s](PredicateSet k) { return (k & s) == k; });
        if (!covered) {
            kept.push_back(s);
        }
    }
    return kept;
}

// Every way to pick one set from each list, united.
std::vector<PredicateSet> product(const std::vector<const std::vector<PredicateSet>*>& lists) {
    std::vector<PredicateSet> out = {0};
    for (const auto* list : lists) {
        std::vector<PredicateSet> next;
        for (PredicateSet a : out) {
            for (PredicateSet b : *list) {
                next.push_back(a | b);
            }
        }
        out = minimalOnly(std::move(next));
    }
    return out;
}

std::vector<Truth> truthValues(const std::vector<bool>& truth) {
    std::vector<Truth> values;
    for (bool t : truth) {
        values.push_back(t ? Truth::True : Truth::False);
    }
    return values;
}

} // namespace

std::vector<std::vector<PredicateSet>> nodeCertificates(const plan::Plan& plan,
                                                        const std::vector<bool>& truth) {
    if (plan.predicates.size() > 64) {
        throw std::runtime_error("the oracle handles plans of at most 64 predicates");
    }
    const std::vector<Truth> values = plan::evaluateNodes(plan, truthValues(truth));
    std::vector<std::vector<PredicateSet>> certs(plan.nodes.size());
    for (size_t i = 0; i < plan.nodes.size(); ++i) {
        const plan::Node& node = plan.nodes[i];
        switch (node.op) {
        case NodeOp::Predicate:
            certs[i] = {PredicateSet(1) << node.predicate};
            break;
        case NodeOp::Const:
            certs[i] = {0};
            break;
        case NodeOp::Not:
            certs[i] = certs[node.children.front()];
            break;
        case NodeOp::And:
        case NodeOp::Or: {
            // The dominant value (false for and, true for or) needs one child that has it;
            // the other value needs every child.
            const Truth dominant = node.op == NodeOp::And ? Truth::False : Truth::True;
            std::vector<const std::vector<PredicateSet>*> lists;
            std::vector<PredicateSet> any;
            for (uint32_t c : node.children) {
                if (values[i] == dominant && values[c] == dominant) {
                    any.insert(any.end(), certs[c].begin(), certs[c].end());
                }
                lists.push_back(&certs[c]);
            }
            certs[i] = values[i] == dominant ? minimalOnly(std::move(any)) : product(lists);
            break;
        }
        }
    }
    return certs;
}

int minimalAllRules(const plan::Plan& plan, const std::vector<bool>& truth) {
    const auto certs = nodeCertificates(plan, truth);
    std::vector<const std::vector<PredicateSet>*> rules;
    for (const plan::Rule& rule : plan.rules) {
        rules.push_back(&certs[rule.root]);
    }
    // Fewest options first: branching is cheapest there.
    std::sort(rules.begin(), rules.end(),
              [](const auto* a, const auto* b) { return a->size() < b->size(); });
    int best = 65;
    std::function<void(size_t, PredicateSet)> search = [&](size_t r, PredicateSet chosen) {
        if (std::popcount(chosen) >= best) {
            return;
        }
        if (r == rules.size()) {
            best = std::popcount(chosen);
            return;
        }
        for (PredicateSet option : *rules[r]) {
            search(r + 1, chosen | option);
        }
    };
    search(0, 0);
    return best;
}

int minimalVerdict(const plan::Plan& plan, const std::vector<bool>& truth) {
    const auto certs = nodeCertificates(plan, truth);
    const std::vector<Truth> values = plan::evaluateNodes(plan, truthValues(truth));
    int smallestViolation = 65;
    for (const plan::Rule& rule : plan.rules) {
        if (values[rule.root] == Truth::True) {
            smallestViolation = std::min(smallestViolation, std::popcount(certs[rule.root][0]));
        }
    }
    return smallestViolation < 65 ? smallestViolation : minimalAllRules(plan, truth);
}

int bruteForceAllRules(const plan::Plan& plan, const std::vector<bool>& truth, int maxSize) {
    const std::vector<Truth> full = plan::evaluateNodes(plan, truthValues(truth));
    const int n = static_cast<int>(plan.predicates.size());
    std::vector<Truth> partial(n, Truth::Unknown);
    auto decidesAll = [&] {
        const std::vector<Truth> values = plan::evaluateNodes(plan, partial);
        return std::all_of(plan.rules.begin(), plan.rules.end(),
                           [&](const plan::Rule& r) { return values[r.root] == full[r.root]; });
    };
    std::function<bool(int, int)> choose = [&](int from, int left) {
        if (left == 0) {
            return decidesAll();
        }
        for (int p = from; p < n; ++p) {
            partial[p] = truth[p] ? Truth::True : Truth::False;
            if (choose(p + 1, left - 1)) {
                return true;
            }
            partial[p] = Truth::Unknown;
        }
        return false;
    };
    for (int size = 0; size <= maxSize; ++size) {
        if (choose(0, size)) {
            return size;
        }
    }
    return -1;
}

} // namespace clue::bench
