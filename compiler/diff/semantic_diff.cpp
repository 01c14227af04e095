// A rule's relation is read off its two decision diagrams; a group's (a category, the
// verdict) from two SAT queries, skipped when both sides have the same rules. Each
// counterexample starts from a full assignment that separates the sides (a diagram's path,
// or the solver's model) and is shrunk by cube_minimizer.
#include "compiler/diff/semantic_diff.h"

#include "compiler/diff/cube_minimizer.h"
#include "compiler/diff/group_solver.h"
#include "compiler/diff/side_model.h"
#include "compiler/diff/structural_diff.h"
#include "compiler/diff/test_block.h"

#include <fmt/format.h>

#include <algorithm>
#include <memory>

namespace clue::diff {

namespace {

using plan::Truth;

enum class SubjectKind { Rule, Category, Verdict };

// Small groups are first tried on decision diagrams, within this many new nodes.
constexpr size_t kDiagramGroupBudget = 1u << 16;

// What is compared: the rules that make it up on each side (0: OLD, 1: NEW).
struct Subject {
    SubjectKind kind = SubjectKind::Verdict;
    std::string name;
    std::vector<size_t> rules[2];

    std::string title() const {
        switch (kind) {
        case SubjectKind::Rule:
            return "rule " + name;
        case SubjectKind::Category:
            return "category " + name;
        case SubjectKind::Verdict:
            return "the verdict";
        }
        return name;
    }
};

Relation relationOf(bool broadens, bool narrows) {
    if (broadens && narrows) {
        return Relation::Incomparable;
    }
    return broadens ? Relation::Broader : (narrows ? Relation::Narrower : Relation::Equivalent);
}

class SemanticDiffer {
public:
    SemanticDiffer(const DiffSide& oldSide, const DiffSide& newSide, const DiffOptions& options)
        : options_(options), variables_(oldSide.plan, newSide.plan), session_(variables_.size()),
          old_(oldSide.plan, variables_, 0), new_(newSide.plan, variables_, 1) {
        models_[0] = &old_;
        models_[1] = &new_;
        collectPriors(oldSide.plan, newSide.plan);
    }

    const VariableTable& variables() const { return variables_; }
    const std::string& priorSource() const { return priorSource_; }

    Comparison compareRule(size_t oldRule, size_t newRule, const std::string& id) {
        Subject s{SubjectKind::Rule, id, {{oldRule}, {newRule}}};
        return compareDiagrams(s, old_.ruleBdd(oldRule), new_.ruleBdd(newRule));
    }

    Comparison compareDiagrams(const Subject& s, const bdd& o, const bdd& n) {
        bdd broad = n & !o, narrow = o & !n;
        Comparison c{relationOf(broad != bddfalse, narrow != bddfalse), {}, std::nullopt};
        for (auto [fireSide, diagram] : {std::pair{1, broad}, std::pair{0, narrow}}) {
            if (diagram != bddfalse) {
                c.witnesses.push_back(witness(s, fireSide, startFromPath(s, diagram)));
            }
        }
        if (anyPrior_) {
            c.mass = ruleMass(broad, narrow);
        }
        return c;
    }

    // Small groups (most categories) on decision diagrams, like rules; the others, and any
    // whose diagram outgrows the budget, with the SAT solver.
    Comparison compareGroup(const Subject& s) {
        if (sameDiagrams(s)) {
            Comparison c;
            if (anyPrior_) {
                c.mass = groupMass(s);
            }
            return c;
        }
        if (s.rules[0].size() + s.rules[1].size() <= options_.diagramGroupRules) {
            auto o = disjunction(0, s.rules[0], kDiagramGroupBudget);
            auto n = o ? disjunction(1, s.rules[1], kDiagramGroupBudget) : std::nullopt;
            if (o && n) {
                return compareDiagrams(s, *o, *n);
            }
        }
        Comparison c;
        auto broad = solver().find(1, s.rules[1], s.rules[0]);
        auto narrow = solver().find(0, s.rules[0], s.rules[1]);
        c.relation = relationOf(broad.has_value(), narrow.has_value());
        if (broad) {
            c.witnesses.push_back(witness(s, 1, startFromModel(s, *broad)));
        }
        if (narrow) {
            c.witnesses.push_back(witness(s, 0, startFromModel(s, *narrow)));
        }
        if (anyPrior_) {
            c.mass = groupMass(s);
        }
        return c;
    }

    std::vector<size_t> allRules(int side) const {
        std::vector<size_t> out(models_[side]->ruleCount());
        for (size_t r = 0; r < out.size(); ++r) {
            out[r] = r;
        }
        return out;
    }

    std::vector<size_t> rulesOf(int side, const std::vector<std::string>& ids) const {
        std::vector<size_t> out;
        for (const std::string& id : ids) {
            out.push_back(*models_[side]->ruleIndex(id));
        }
        return out;
    }

private:
    void collectPriors(const plan::Plan& oldPlan, const plan::Plan& newPlan) {
        priors_.assign(variables_.size(), std::nullopt);
        for (const plan::Plan* p : {&oldPlan, &newPlan}) {
            for (const plan::Predicate& pred : p->predicates) {
                auto var = variables_.find(pred.key);
                if (var && pred.prior) {
                    priors_[*var] = pred.prior;
                    anyPrior_ = true;
                    priorSource_ = "prior";
                }
            }
        }
        for (const auto& [key, value] : options_.priors) {
            if (auto var = variables_.find(key)) {
                priors_[*var] = value;
                anyPrior_ = true;
                priorSource_ = options_.priorSource;
            }
        }
    }

    GroupSolver& solver() {
        if (!solver_) {
            solver_ = std::make_unique<GroupSolver>(old_.plan(), new_.plan(), variables_);
        }
        return *solver_;
    }

    bool sameDiagrams(const Subject& s) const {
        std::vector<int> ids[2];
        for (int side : {0, 1}) {
            for (size_t r : s.rules[side]) {
                ids[side].push_back(models_[side]->ruleBdd(r).id());
            }
            std::sort(ids[side].begin(), ids[side].end());
            ids[side].erase(std::unique(ids[side].begin(), ids[side].end()), ids[side].end());
        }
        return ids[0] == ids[1];
    }

    std::vector<uint32_t> scopeOf(const Subject& s) const {
        std::vector<uint32_t> scope;
        for (int side : {0, 1}) {
            for (size_t r : s.rules[side]) {
                const auto& vars = models_[side]->ruleVariables(r);
                scope.insert(scope.end(), vars.begin(), vars.end());
            }
        }
        std::sort(scope.begin(), scope.end());
        scope.erase(std::unique(scope.begin(), scope.end()), scope.end());
        return scope;
    }

    // The subject's statements false, then the path's values.
    std::vector<Truth> startFromPath(const Subject& s, const bdd& diagram) const {
        std::vector<Truth> values(variables_.size(), Truth::Unknown);
        for (uint32_t v : scopeOf(s)) {
            values[v] = Truth::False;
        }
        for (auto [var, value] : pathCube(diagram)) {
            values[var] = value ? Truth::True : Truth::False;
        }
        return values;
    }

    std::vector<Truth> startFromModel(const Subject& s, const std::vector<bool>& model) const {
        std::vector<Truth> values(variables_.size(), Truth::Unknown);
        for (uint32_t v : scopeOf(s)) {
            values[v] = model[v] ? Truth::True : Truth::False;
        }
        return values;
    }

    std::vector<std::string> expectations(const Subject& s, int side, bool fires,
                                          const std::vector<Truth>& values) const {
        switch (s.kind) {
        case SubjectKind::Rule:
            return {(fires ? "violates " : "not violates ") + s.name};
        case SubjectKind::Verdict:
            return {fires ? "unsafe" : "safe"};
        case SubjectKind::Category:
            break;
        }
        std::vector<std::string> out;
        for (size_t r : s.rules[side]) {
            bool violated = models_[side]->evaluate(r, values) == Truth::True;
            const std::string& id = models_[side]->plan().rules[r].id;
            if (!fires) {
                out.push_back("not violates " + id);
            } else if (violated) {
                return {"violates " + id};
            }
        }
        return out;
    }

    Witness witness(const Subject& s, int fireSide, std::vector<Truth> values) const {
        std::vector<CubeTarget> targets{{models_[fireSide], s.rules[fireSide], true},
                                        {models_[1 - fireSide], s.rules[1 - fireSide], false}};
        std::vector<uint32_t> order = scopeOf(s);
        std::reverse(order.begin(), order.end());
        minimizeCube(values, order, targets);
        Witness w;
        w.firesInNew = fireSide == 1;
        for (auto it = order.rbegin(); it != order.rend(); ++it) {
            if (values[*it] != Truth::Unknown) {
                w.cube.push_back({variables_.statement(*it), values[*it] == Truth::True});
            }
        }
        std::string name =
            fmt::format("clue diff: {} fires in {} only", s.title(), fireSide == 1 ? "NEW" : "OLD");
        w.testNew = testBlock(name, w.cube, expectations(s, 1, fireSide == 1, values));
        w.testOld = testBlock(name, w.cube, expectations(s, 0, fireSide == 0, values));
        return w;
    }

    Mass ruleMass(const bdd& broad, const bdd& narrow) const {
        Mass m{probability(broad, priors_), probability(narrow, priors_), ""};
        if (!m.broadening || !m.narrowing) {
            m = {std::nullopt, std::nullopt, "some statement has no prior"};
        }
        return m;
    }

    // The disjunction of the rules, or nothing once the diagrams grow past the budget.
    std::optional<bdd> disjunction(int side, const std::vector<size_t>& rules,
                                   size_t budget) const {
        bdd out = bddfalse;
        size_t base = BddSession::nodesInUse();
        for (size_t r : rules) {
            out |= models_[side]->ruleBdd(r);
            if (BddSession::nodesInUse() > base + budget) {
                bdd_gbc();
                if (BddSession::nodesInUse() > base + budget) {
                    return std::nullopt;
                }
            }
        }
        return out;
    }

    Mass groupMass(const Subject& s) const {
        auto o = disjunction(0, s.rules[0], options_.massNodeBudget);
        auto n = o ? disjunction(1, s.rules[1], options_.massNodeBudget) : std::nullopt;
        if (!o || !n) {
            return {std::nullopt, std::nullopt,
                    "the rules' decision diagram is too large to weigh exactly"};
        }
        return ruleMass(*n & !*o, *o & !*n);
    }

    const DiffOptions& options_;
    VariableTable variables_;
    BddSession session_;
    SideModel old_, new_;
    const SideModel* models_[2] = {nullptr, nullptr};
    std::unique_ptr<GroupSolver> solver_;
    std::vector<std::optional<double>> priors_;
    bool anyPrior_ = false;
    std::string priorSource_;
};

} // namespace

DiffReport diffSides(const DiffSide& oldSide, const DiffSide& newSide, const DiffOptions& options) {
    DiffReport report;
    SemanticDiffer differ(oldSide, newSide, options);
    structuralDiff(oldSide, newSide, differ.variables(), report);
    for (RuleDiff& rule : report.rules) {
        if (rule.oldRule && rule.newRule) {
            rule.comparison = differ.compareRule(differ.rulesOf(0, {rule.id}).front(),
                                                 differ.rulesOf(1, {rule.id}).front(), rule.id);
        }
    }
    for (CategoryDiff& category : report.categories) {
        category.comparison = differ.compareGroup(
            {SubjectKind::Category,
             category.id,
             {differ.rulesOf(0, category.oldRules), differ.rulesOf(1, category.newRules)}});
    }
    report.verdict =
        differ.compareGroup({SubjectKind::Verdict, "", {differ.allRules(0), differ.allRules(1)}});
    report.priorSource = differ.priorSource();
    return report;
}

} // namespace clue::diff
