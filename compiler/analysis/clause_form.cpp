// CNF by recursion over the formula DAG with the negation pushed inward on the way down.
#include "compiler/analysis/clause_form.h"

#include <algorithm>

namespace clue::analysis {
namespace {

using ir::NodeKind;
using ir::Vertex;

bool isSubset(const Clause& small, const Clause& large) {
    return std::includes(large.begin(), large.end(), small.begin(), small.end());
}

// Drops clauses that contain another clause; a false formula keeps only its empty clause.
void reduce(std::vector<Clause>& clauses) {
    std::sort(clauses.begin(), clauses.end(), [](const Clause& a, const Clause& b) {
        return a.size() != b.size() ? a.size() < b.size() : a < b;
    });
    std::vector<Clause> kept;
    for (Clause& c : clauses) {
        bool subsumed =
            std::any_of(kept.begin(), kept.end(), [&](const Clause& k) { return isSubset(k, c); });
        if (!subsumed) {
            kept.push_back(std::move(c));
        }
    }
    clauses = std::move(kept);
}

// Whether two unit clauses contradict each other (p and not p): then the conjunction is false.
bool hasOpposedUnits(const std::vector<Clause>& clauses) {
    std::vector<Literal> units;
    for (const Clause& c : clauses) {
        if (c.size() == 1) {
            units.push_back(c.front());
        }
    }
    std::sort(units.begin(), units.end());
    for (size_t i = 1; i < units.size(); ++i) {
        if (predicateOf(units[i]) == predicateOf(units[i - 1])) {
            return true;
        }
    }
    return false;
}

// The union of two clauses; nothing when it holds p and not p (a tautology).
std::optional<Clause> join(const Clause& a, const Clause& b) {
    Clause out;
    std::set_union(a.begin(), a.end(), b.begin(), b.end(), std::back_inserter(out));
    for (size_t i = 1; i < out.size(); ++i) {
        if (predicateOf(out[i]) == predicateOf(out[i - 1])) {
            return std::nullopt;
        }
    }
    return out;
}

class Converter {
public:
    Converter(const ir::IRModule& module, size_t maxClauses) : module_(module), max_(maxClauses) {}

    std::optional<std::vector<Clause>> convert(Vertex v, bool negated) {
        switch (module_.kind(v)) {
        case NodeKind::Predicate:
            return std::vector<Clause>{{literalOf(module_.node(v).payload, negated)}};
        case NodeKind::Const:
            // true is no clause at all; false is one empty clause.
            return module_.node(v).value != negated ? std::vector<Clause>{}
                                                    : std::vector<Clause>{Clause{}};
        case NodeKind::Not:
            return convert(module_.child(v, 0), !negated);
        case NodeKind::Rule:
            return convert(module_.child(v, 0), negated);
        case NodeKind::And:
        case NodeKind::Or:
            break;
        }
        // Under negation an `and` behaves as an `or` (De Morgan).
        bool conjunction = (module_.kind(v) == NodeKind::And) != negated;
        return conjunction ? conjoin(v, negated) : disjoin(v, negated);
    }

private:
    std::optional<std::vector<Clause>> conjoin(Vertex v, bool negated) {
        std::vector<Clause> all;
        for (Vertex child : module_.children(v)) {
            auto part = convert(child, negated);
            if (!part) {
                return std::nullopt;
            }
            all.insert(all.end(), part->begin(), part->end());
        }
        reduce(all);
        if (hasOpposedUnits(all)) {
            return std::vector<Clause>{Clause{}};
        }
        if (all.size() > max_) {
            return std::nullopt;
        }
        return all;
    }

    std::optional<std::vector<Clause>> disjoin(Vertex v, bool negated) {
        std::vector<Clause> product{Clause{}};
        for (Vertex child : module_.children(v)) {
            auto part = convert(child, negated);
            if (!part) {
                return std::nullopt;
            }
            std::vector<Clause> next;
            for (const Clause& left : product) {
                for (const Clause& right : *part) {
                    if (auto joined = join(left, right)) {
                        next.push_back(std::move(*joined));
                    }
                }
            }
            reduce(next);
            if (next.size() > max_) {
                return std::nullopt;
            }
            product = std::move(next);
        }
        return product;
    }

    const ir::IRModule& module_;
    size_t max_;
};

} // namespace

std::optional<ClauseForm> clauseForm(const ir::IRModule& module, ir::Vertex root, bool negated,
                                     size_t maxClauses) {
    auto clauses = Converter(module, maxClauses).convert(root, negated);
    if (!clauses) {
        return std::nullopt;
    }
    if (std::any_of(clauses->begin(), clauses->end(), [](const Clause& c) { return c.empty(); })) {
        return ClauseForm{{Clause{}}};
    }
    return ClauseForm{std::move(*clauses)};
}

bool subsumes(const ClauseForm& a, const ClauseForm& b) {
    for (const Clause& cb : b.clauses) {
        bool covered = std::any_of(a.clauses.begin(), a.clauses.end(),
                                   [&](const Clause& ca) { return isSubset(ca, cb); });
        if (!covered) {
            return false;
        }
    }
    return true;
}

} // namespace clue::analysis
