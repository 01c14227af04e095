// Rules keep OLD's order with NEW's additions after them; predicates are listed by kind.
#include "compiler/diff/structural_diff.h"

#include "compiler/diff/plan_formula_text.h"

#include <algorithm>
#include <set>

namespace clue::diff {

namespace {

SideSummary summarize(const DiffSide& side) {
    std::set<std::string> keys;
    for (const plan::Predicate& p : side.plan.predicates) {
        keys.insert(p.key);
    }
    return {side.label,
            !side.source,
            side.plan.constitution.name,
            side.plan.constitution.version,
            side.plan.rules.size(),
            keys.size()};
}

void headerChanges(const plan::Constitution& a, const plan::Constitution& b,
                   std::vector<HeaderChange>& out) {
    auto check = [&](const char* field, const std::optional<std::string>& x,
                     const std::optional<std::string>& y) {
        if (x != y) {
            out.push_back({field, x, y});
        }
    };
    check("name", a.name, b.name);
    check("version", a.version, b.version);
    check("description", a.description, b.description);
}

// Statement text and declared names of each key a side has.
struct SidePredicates {
    std::map<std::string, std::string> statements;
    std::map<std::string, std::vector<std::string>> names;
};

SidePredicates predicatesOf(const DiffSide& side) {
    SidePredicates out;
    for (const plan::Predicate& p : side.plan.predicates) {
        out.statements.emplace(p.key, p.statement);
        if (side.source) {
            auto it = side.source->names.find(p.key);
            out.names[p.key] =
                it == side.source->names.end() ? std::vector<std::string>{} : it->second;
        }
    }
    return out;
}

// The key that a name denotes on a side, for the keys only that side has.
std::map<std::string, std::string> keysByName(const SidePredicates& side,
                                              const SidePredicates& other) {
    std::map<std::string, std::string> out;
    for (const auto& [key, names] : side.names) {
        if (!other.statements.count(key)) {
            for (const std::string& name : names) {
                out.emplace(name, key);
            }
        }
    }
    return out;
}

std::vector<std::string> namesOf(const SidePredicates& side, const std::string& key) {
    auto it = side.names.find(key);
    return it == side.names.end() ? std::vector<std::string>{} : it->second;
}

void predicateChanges(const DiffSide& oldSide, const DiffSide& newSide,
                      std::vector<PredicateChange>& out) {
    SidePredicates a = predicatesOf(oldSide), b = predicatesOf(newSide);
    std::map<std::string, std::string> oldOnlyByName = keysByName(a, b);
    std::set<std::string> paired;
    for (const auto& [key, statement] : b.statements) {
        if (a.statements.count(key)) {
            if (oldSide.source && newSide.source && namesOf(a, key) != namesOf(b, key)) {
                out.push_back({PredicateChangeKind::Renamed, statement, std::nullopt,
                               namesOf(a, key), namesOf(b, key)});
            }
            continue;
        }
        std::optional<std::string> oldKey;
        for (const std::string& name : namesOf(b, key)) {
            auto it = oldOnlyByName.find(name);
            if (it != oldOnlyByName.end() && !paired.count(it->second)) {
                oldKey = it->second;
                break;
            }
        }
        if (oldKey) {
            paired.insert(*oldKey);
            out.push_back({PredicateChangeKind::Reworded, statement, a.statements[*oldKey],
                           namesOf(a, *oldKey), namesOf(b, key)});
        } else {
            out.push_back(
                {PredicateChangeKind::Added, statement, std::nullopt, {}, namesOf(b, key)});
        }
    }
    for (const auto& [key, statement] : a.statements) {
        if (!b.statements.count(key) && !paired.count(key)) {
            out.push_back(
                {PredicateChangeKind::Removed, statement, std::nullopt, namesOf(a, key), {}});
        }
    }
    std::stable_sort(
        out.begin(), out.end(),
        [](const PredicateChange& x, const PredicateChange& y) { return x.kind < y.kind; });
}

std::vector<RuleFacts> ruleFacts(const DiffSide& side) {
    std::vector<std::string> drawn = displayFormulas(side.plan);
    std::vector<RuleFacts> out;
    for (size_t r = 0; r < side.plan.rules.size(); ++r) {
        const plan::Rule& rule = side.plan.rules[r];
        std::string formula = drawn[r];
        if (side.source) {
            auto it = side.source->formulas.find(rule.id);
            formula = it == side.source->formulas.end() ? formula : it->second;
        }
        out.push_back({rule.text, rule.category, rule.severity, rule.tags, formula, rule.location});
    }
    return out;
}

std::vector<std::string> changedFields(const RuleFacts& a, const RuleFacts& b,
                                       bool formulaChanged) {
    std::vector<std::string> out;
    if (a.text != b.text) {
        out.push_back("text");
    }
    if (a.severity != b.severity) {
        out.push_back("severity");
    }
    if (a.category != b.category) {
        out.push_back("category");
    }
    if (a.tags != b.tags) {
        out.push_back("tags");
    }
    if (formulaChanged) {
        out.push_back("formula");
    }
    return out;
}

void ruleChanges(const DiffSide& oldSide, const DiffSide& newSide, const VariableTable& variables,
                 std::vector<RuleDiff>& out) {
    std::vector<RuleFacts> a = ruleFacts(oldSide), b = ruleFacts(newSide);
    std::vector<std::string> ca = canonicalFormulas(oldSide.plan, variables, 0);
    std::vector<std::string> cb = canonicalFormulas(newSide.plan, variables, 1);
    std::map<std::string, size_t> newIndex;
    for (size_t r = 0; r < newSide.plan.rules.size(); ++r) {
        newIndex.emplace(newSide.plan.rules[r].id, r);
    }
    std::set<std::string> seen;
    for (size_t r = 0; r < oldSide.plan.rules.size(); ++r) {
        const std::string& id = oldSide.plan.rules[r].id;
        seen.insert(id);
        auto it = newIndex.find(id);
        if (it == newIndex.end()) {
            out.push_back({id, Change::Removed, {}, a[r], std::nullopt, std::nullopt});
            continue;
        }
        size_t n = it->second;
        std::vector<std::string> fields = changedFields(a[r], b[n], ca[r] != cb[n]);
        Change change = fields.empty() ? Change::Unchanged : Change::Changed;
        out.push_back({id, change, std::move(fields), a[r], b[n], std::nullopt});
    }
    for (size_t n = 0; n < newSide.plan.rules.size(); ++n) {
        if (!seen.count(newSide.plan.rules[n].id)) {
            out.push_back(
                {newSide.plan.rules[n].id, Change::Added, {}, std::nullopt, b[n], std::nullopt});
        }
    }
}

std::map<std::string, std::string> titles(const plan::Plan& plan) {
    std::map<std::string, std::string> out;
    for (const plan::Category& c : plan.categories) {
        out.emplace(c.id, c.title);
    }
    return out;
}

std::map<std::string, std::vector<std::string>> rulesByCategory(const plan::Plan& plan) {
    std::map<std::string, std::vector<std::string>> out;
    for (const plan::Category& c : plan.categories) {
        out[c.id];
    }
    for (const plan::Rule& r : plan.rules) {
        if (r.category) {
            out[*r.category].push_back(r.id);
        }
    }
    return out;
}

void categoryChanges(const plan::Plan& a, const plan::Plan& b, std::vector<CategoryDiff>& out) {
    auto ta = titles(a), tb = titles(b);
    auto ra = rulesByCategory(a), rb = rulesByCategory(b);
    std::set<std::string> ids;
    for (const auto& m : {ra, rb}) {
        for (const auto& [id, rules] : m) {
            ids.insert(id);
        }
    }
    for (const std::string& id : ids) {
        CategoryDiff d;
        d.id = id;
        bool inOld = ra.count(id) > 0, inNew = rb.count(id) > 0;
        d.oldTitle = ta.count(id) ? std::optional(ta[id]) : std::nullopt;
        d.newTitle = tb.count(id) ? std::optional(tb[id]) : std::nullopt;
        d.oldRules = inOld ? ra[id] : std::vector<std::string>{};
        d.newRules = inNew ? rb[id] : std::vector<std::string>{};
        d.change = !inOld                                                   ? Change::Added
                   : !inNew                                                 ? Change::Removed
                   : (d.oldTitle != d.newTitle || d.oldRules != d.newRules) ? Change::Changed
                                                                            : Change::Unchanged;
        out.push_back(std::move(d));
    }
}

bool sameTest(const TestCase& a, const TestCase& b) {
    auto given = [](const TestCase& t) {
        std::vector<std::pair<std::string, bool>> out;
        for (const GivenFact& f : t.given) {
            out.emplace_back(f.key, f.value);
        }
        std::sort(out.begin(), out.end());
        return out;
    };
    auto expected = [](const TestCase& t) {
        std::vector<std::string> out;
        for (const TestExpectation& x : t.expectations) {
            out.push_back(describe(x));
        }
        std::sort(out.begin(), out.end());
        return out;
    };
    return given(a) == given(b) && expected(a) == expected(b);
}

std::vector<TestChange> testChanges(const SourceFacts& a, const SourceFacts& b) {
    std::map<std::string, const TestCase*> byName;
    for (const TestCase& t : b.tests) {
        byName.emplace(t.name, &t);
    }
    std::vector<TestChange> out;
    std::set<std::string> seen;
    for (const TestCase& t : a.tests) {
        seen.insert(t.name);
        auto it = byName.find(t.name);
        Change change = it == byName.end()         ? Change::Removed
                        : sameTest(t, *it->second) ? Change::Unchanged
                                                   : Change::Changed;
        out.push_back({t.name, change});
    }
    for (const TestCase& t : b.tests) {
        if (!seen.count(t.name)) {
            out.push_back({t.name, Change::Added});
        }
    }
    return out;
}

} // namespace

void structuralDiff(const DiffSide& oldSide, const DiffSide& newSide,
                    const VariableTable& variables, DiffReport& report) {
    report.oldSide = summarize(oldSide);
    report.newSide = summarize(newSide);
    headerChanges(oldSide.plan.constitution, newSide.plan.constitution, report.header);
    predicateChanges(oldSide, newSide, report.predicates);
    ruleChanges(oldSide, newSide, variables, report.rules);
    categoryChanges(oldSide.plan, newSide.plan, report.categories);
    if (oldSide.source && newSide.source) {
        report.tests = testChanges(*oldSide.source, *newSide.source);
    }
}

} // namespace clue::diff
