// Classes by shared formula nodes first, then by mutual implication of their representatives.
#include "compiler/analysis/rule_classes.h"

#include "compiler/analysis/rule_implications.h"

#include <algorithm>
#include <map>
#include <numeric>

namespace clue::analysis {
namespace {

class UnionFind {
public:
    explicit UnionFind(size_t n) : parent_(n) { std::iota(parent_.begin(), parent_.end(), 0); }
    size_t find(size_t x) {
        while (parent_[x] != x) {
            parent_[x] = parent_[parent_[x]];
            x = parent_[x];
        }
        return x;
    }
    // The smaller root wins, so that a class is named by its first rule.
    void unite(size_t a, size_t b) {
        a = find(a);
        b = find(b);
        if (a != b) {
            parent_[std::max(a, b)] = std::min(a, b);
        }
    }

private:
    std::vector<size_t> parent_;
};

// Each rule's representative: the first rule with the same formula node.
std::vector<size_t> sameNode(const ir::IRModule& module, const std::vector<bool>& skip) {
    std::map<ir::Vertex, size_t> first;
    std::vector<size_t> representative(module.rules().size());
    for (size_t r = 0; r < representative.size(); ++r) {
        bool skipped = r < skip.size() && skip[r];
        representative[r] = skipped ? r : first.try_emplace(module.ruleRoot(r), r).first->second;
    }
    return representative;
}

} // namespace

RuleClasses classifyRules(const ir::IRModule& module, const std::vector<bool>& skip) {
    const size_t n = module.rules().size();
    std::vector<size_t> representative = sameNode(module, skip);
    std::vector<bool> notCompared(n);
    for (size_t r = 0; r < n; ++r) {
        notCompared[r] = representative[r] != r || (r < skip.size() && skip[r]);
    }
    std::vector<RuleImplication> pairs = findRuleImplications(module, notCompared);
    UnionFind classes(n);
    for (size_t r = 0; r < n; ++r) {
        classes.unite(r, representative[r]);
    }
    for (const RuleImplication& p : pairs) {
        if (std::binary_search(pairs.begin(), pairs.end(), RuleImplication{p.implied, p.rule},
                               [](const RuleImplication& a, const RuleImplication& b) {
                                   return std::pair(a.rule, a.implied) <
                                          std::pair(b.rule, b.implied);
                               })) {
            classes.unite(p.rule, p.implied);
        }
    }
    RuleClasses out;
    out.classOf.assign(n, 0);
    std::map<size_t, size_t> indexOfRoot;
    for (size_t r = 0; r < n; ++r) {
        auto [it, added] = indexOfRoot.try_emplace(classes.find(r), out.members.size());
        if (added) {
            out.members.emplace_back();
        }
        out.members[it->second].push_back(r);
        out.classOf[r] = it->second;
    }
    for (const RuleImplication& p : pairs) {
        size_t narrow = out.classOf[p.rule], broad = out.classOf[p.implied];
        if (narrow != broad) {
            out.implications.emplace_back(narrow, broad);
        }
    }
    std::sort(out.implications.begin(), out.implications.end());
    out.implications.erase(std::unique(out.implications.begin(), out.implications.end()),
                           out.implications.end());
    return out;
}

} // namespace clue::analysis
