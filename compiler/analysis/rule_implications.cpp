// Implication pairs with predicate-based blocking, checked exactly or by subsumption.
#include "compiler/analysis/rule_implications.h"

#include "compiler/analysis/entailment.h"

#include <algorithm>

namespace clue::analysis {
namespace {

bool intersects(const std::vector<uint32_t>& sorted, const std::vector<uint32_t>& probe) {
    return std::any_of(probe.begin(), probe.end(), [&](uint32_t p) {
        return std::binary_search(sorted.begin(), sorted.end(), p);
    });
}

// The predicates of each clause of `s`; the whole formula's predicates when its CNF is unknown
// (a necessary condition still: r must share a predicate with s).
std::vector<std::vector<uint32_t>> clausePredicates(const FormulaSummary& s) {
    if (!s.clauses) {
        return {s.variables};
    }
    std::vector<std::vector<uint32_t>> out;
    for (const Clause& c : s.clauses->clauses) {
        std::vector<uint32_t> predicates;
        for (Literal l : c) {
            predicates.push_back(predicateOf(l));
        }
        std::sort(predicates.begin(), predicates.end());
        out.push_back(std::move(predicates));
    }
    return out;
}

class Finder {
public:
    Finder(const ir::IRModule& module, const std::vector<bool>& skip) : module_(module) {
        for (size_t r = 0; r < module.rules().size(); ++r) {
            summaries_.push_back(summarize(module, {module.ruleRoot(r), false}));
            bool usable = !(r < skip.size() && skip[r]) &&
                          satisfiable(module, summaries_.back().side) != Entailment::Fails;
            usable_.push_back(usable);
            if (usable) {
                for (uint32_t p : summaries_.back().variables) {
                    if (users_.size() <= p) {
                        users_.resize(p + 1);
                    }
                    users_[p].push_back(r);
                }
            }
        }
        stamp_.assign(module.rules().size(), 0);
    }

    void impliersOf(size_t s, std::vector<RuleImplication>& out) {
        std::vector<std::vector<uint32_t>> clauses = clausePredicates(summaries_[s]);
        if (clauses.empty()) {
            return; // a formula that is always true: constant, reported elsewhere
        }
        const std::vector<uint32_t>& rarest =
            *std::min_element(clauses.begin(), clauses.end(), [&](const auto& a, const auto& b) {
                return userCount(a) < userCount(b);
            });
        ++round_;
        for (uint32_t p : rarest) {
            for (size_t r : users_[p]) {
                if (r != s && stamp_[r] != round_) {
                    stamp_[r] = round_;
                    consider(r, s, clauses, out);
                }
            }
        }
    }

    bool usable(size_t r) const { return usable_[r]; }

private:
    size_t userCount(const std::vector<uint32_t>& predicates) const {
        size_t n = 0;
        for (uint32_t p : predicates) {
            n += p < users_.size() ? users_[p].size() : 0;
        }
        return n;
    }

    void consider(size_t r, size_t s, const std::vector<std::vector<uint32_t>>& clauses,
                  std::vector<RuleImplication>& out) {
        const std::vector<uint32_t>& mentioned = summaries_[r].variables;
        for (const auto& clause : clauses) {
            if (!intersects(mentioned, clause)) {
                return;
            }
        }
        if (entails(module_, summaries_[r], summaries_[s]) == Entailment::Holds) {
            out.push_back({r, s});
        }
    }

    const ir::IRModule& module_;
    std::vector<FormulaSummary> summaries_;
    std::vector<bool> usable_;
    std::vector<std::vector<size_t>> users_; // predicate -> usable rules that mention it
    std::vector<uint32_t> stamp_;
    uint32_t round_ = 0;
};

} // namespace

std::vector<RuleImplication> findRuleImplications(const ir::IRModule& module,
                                                  const std::vector<bool>& skip) {
    Finder finder(module, skip);
    std::vector<RuleImplication> out;
    for (size_t s = 0; s < module.rules().size(); ++s) {
        if (finder.usable(s)) {
            finder.impliersOf(s, out);
        }
    }
    std::sort(out.begin(), out.end(), [](const RuleImplication& a, const RuleImplication& b) {
        return a.rule != b.rule ? a.rule < b.rule : a.implied < b.implied;
    });
    return out;
}

} // namespace clue::analysis
