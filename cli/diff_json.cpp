// Field names follow the JSON Schema in docs/diff.schema.json; null where a side has no value.
#include "cli/diff_json.h"

#include "cli/diff_corpus.h"

namespace clue::cli {

using nlohmann::ordered_json;
using namespace diff;

namespace {

ordered_json optional(const std::optional<std::string>& value) {
    return value ? ordered_json(*value) : ordered_json(nullptr);
}

ordered_json sideJson(const SideSummary& s) {
    return {{"label", s.label},         {"kind", s.isPlan ? "plan" : "constitution"},
            {"name", optional(s.name)}, {"version", optional(s.version)},
            {"rules", s.rules},         {"predicates", s.predicates}};
}

ordered_json assignment(const std::vector<Literal>& cube) {
    ordered_json out = ordered_json::object();
    for (const Literal& l : cube) {
        out[l.statement] = l.value;
    }
    return out;
}

ordered_json massJson(const Mass& m) {
    auto number = [](const std::optional<double>& x) {
        return x ? ordered_json(*x) : ordered_json(nullptr);
    };
    ordered_json out = {{"estimate", true},
                        {"broadening", number(m.broadening)},
                        {"narrowing", number(m.narrowing)},
                        {"flip", m.broadening && m.narrowing
                                     ? ordered_json(*m.broadening + *m.narrowing)
                                     : ordered_json(nullptr)}};
    if (!m.unavailable.empty()) {
        out["unavailable"] = m.unavailable;
    }
    return out;
}

void addComparison(ordered_json& out, const Comparison& c) {
    out["relation"] = relationName(c.relation);
    if (!c.witnesses.empty()) {
        out["counterexample"] = assignment(c.witnesses.front().cube);
        ordered_json witnesses = ordered_json::array();
        for (const Witness& w : c.witnesses) {
            witnesses.push_back({{"fires_in", w.firesInNew ? "new" : "old"},
                                 {"assignment", assignment(w.cube)},
                                 {"test_new", w.testNew},
                                 {"test_old", w.testOld}});
        }
        out["witnesses"] = std::move(witnesses);
    }
    if (c.mass) {
        out["mass"] = massJson(*c.mass);
    }
}

ordered_json factsJson(const std::optional<RuleFacts>& f) {
    if (!f) {
        return nullptr;
    }
    return {{"text", f->text},
            {"category", optional(f->category)},
            {"severity", optional(f->severity)},
            {"tags", f->tags},
            {"formula", f->formula},
            {"location", f->location}};
}

ordered_json ruleJson(const RuleDiff& r) {
    ordered_json out = {{"name", r.id},
                        {"change", changeName(r.change)},
                        {"changed_fields", r.changedFields},
                        {"old", factsJson(r.oldRule)},
                        {"new", factsJson(r.newRule)}};
    if (r.comparison) {
        addComparison(out, *r.comparison);
    }
    return out;
}

ordered_json categoryJson(const CategoryDiff& c) {
    ordered_json out = {{"name", c.id},
                        {"change", changeName(c.change)},
                        {"old_title", optional(c.oldTitle)},
                        {"new_title", optional(c.newTitle)},
                        {"old_rules", c.oldRules},
                        {"new_rules", c.newRules}};
    addComparison(out, c.comparison);
    return out;
}

ordered_json predicateJson(const PredicateChange& p) {
    return {{"change", predicateChangeName(p.kind)},
            {"statement", p.statement},
            {"old_statement", optional(p.oldStatement)},
            {"old_names", p.oldNames},
            {"new_names", p.newNames},
            {"new_question", p.newQuestion()}};
}

ordered_json summaryJson(const DiffDocument& d) {
    DiffCounts n = countChanges(d.report);
    return {{"semantic_change", d.report.semanticChange()},
            {"broadens", d.report.broadens()},
            {"narrows", d.report.narrows()},
            {"exit_code", d.exitCode()},
            {"rules",
             {{"added", n.added},
              {"removed", n.removed},
              {"changed", n.changed},
              {"unchanged", n.unchanged}}},
            {"relations",
             {{"equivalent", n.relations[0]},
              {"broader", n.relations[1]},
              {"narrower", n.relations[2]},
              {"incomparable", n.relations[3]}}},
            {"new_questions", n.newQuestions}};
}

template <typename T, typename F> ordered_json listJson(const std::vector<T>& items, F each) {
    ordered_json out = ordered_json::array();
    for (const T& item : items) {
        out.push_back(each(item));
    }
    return out;
}

} // namespace

ordered_json diffJson(const DiffDocument& d) {
    const DiffReport& r = d.report;
    ordered_json out = {{"schema", "clue.diff/v1"},
                        {"old", sideJson(r.oldSide)},
                        {"new", sideJson(r.newSide)},
                        {"summary", summaryJson(d)}};
    out["header"] = listJson(r.header, [](const HeaderChange& h) {
        return ordered_json{
            {"field", h.field}, {"old", optional(h.oldValue)}, {"new", optional(h.newValue)}};
    });
    out["predicates"] = listJson(r.predicates, predicateJson);
    out["rules"] = listJson(r.rules, ruleJson);
    out["categories"] = listJson(r.categories, categoryJson);
    ordered_json verdict = ordered_json::object();
    addComparison(verdict, r.verdict);
    out["verdict"] = std::move(verdict);
    out["tests"] =
        r.tests
            ? listJson(*r.tests,
                       [](const TestChange& t) {
                           return ordered_json{{"name", t.name}, {"change", changeName(t.change)}};
                       })
            : ordered_json(nullptr);
    out["priors"] = r.priorSource.empty() ? ordered_json(nullptr) : ordered_json(r.priorSource);
    out["corpus"] = d.corpus ? corpusJson(*d.corpus) : ordered_json(nullptr);
    return out;
}

} // namespace clue::cli
