// Names of the report's enumerations, as the JSON output spells them, and its summary tests.
#include "compiler/diff/diff_report.h"

#include <algorithm>

namespace clue::diff {

const char* changeName(Change change) {
    switch (change) {
    case Change::Added:
        return "added";
    case Change::Removed:
        return "removed";
    case Change::Changed:
        return "changed";
    case Change::Unchanged:
        return "unchanged";
    }
    return "unchanged";
}

const char* relationName(Relation relation) {
    switch (relation) {
    case Relation::Equivalent:
        return "equivalent";
    case Relation::Broader:
        return "broader";
    case Relation::Narrower:
        return "narrower";
    case Relation::Incomparable:
        return "incomparable";
    }
    return "incomparable";
}

const char* relationWords(Relation relation) {
    switch (relation) {
    case Relation::Equivalent:
        return "NEW fires on exactly the assignments OLD fires on";
    case Relation::Broader:
        return "NEW fires on every assignment OLD fires on, and more";
    case Relation::Narrower:
        return "NEW fires on some of the assignments OLD fires on, and no others";
    case Relation::Incomparable:
        return "each fires on assignments the other does not";
    }
    return "";
}

const char* predicateChangeName(PredicateChangeKind kind) {
    switch (kind) {
    case PredicateChangeKind::Renamed:
        return "renamed";
    case PredicateChangeKind::Reworded:
        return "reworded";
    case PredicateChangeKind::Added:
        return "added";
    case PredicateChangeKind::Removed:
        return "removed";
    }
    return "added";
}

namespace {

bool widens(Relation r) {
    return r == Relation::Broader || r == Relation::Incomparable;
}
bool tightens(Relation r) {
    return r == Relation::Narrower || r == Relation::Incomparable;
}

template <typename Test> bool anyComparison(const DiffReport& report, Test test) {
    if (test(report.verdict.relation)) {
        return true;
    }
    bool rules = std::any_of(report.rules.begin(), report.rules.end(), [&](const RuleDiff& r) {
        return r.comparison && test(r.comparison->relation);
    });
    return rules || std::any_of(report.categories.begin(), report.categories.end(),
                                [&](const CategoryDiff& c) { return test(c.comparison.relation); });
}

bool anyRule(const DiffReport& report, Change change) {
    return std::any_of(report.rules.begin(), report.rules.end(),
                       [&](const RuleDiff& r) { return r.change == change; });
}

} // namespace

bool DiffReport::semanticChange() const {
    return broadens() || narrows();
}

bool DiffReport::broadens() const {
    return anyRule(*this, Change::Added) || anyComparison(*this, widens);
}

bool DiffReport::narrows() const {
    return anyRule(*this, Change::Removed) || anyComparison(*this, tightens);
}

DiffCounts countChanges(const DiffReport& report) {
    DiffCounts counts;
    for (const RuleDiff& r : report.rules) {
        size_t* slot[] = {&counts.added, &counts.removed, &counts.changed, &counts.unchanged};
        ++*slot[static_cast<int>(r.change)];
        if (r.comparison) {
            ++counts.relations[static_cast<int>(r.comparison->relation)];
        }
    }
    for (const PredicateChange& p : report.predicates) {
        counts.newQuestions += p.newQuestion() ? 1 : 0;
    }
    return counts;
}

} // namespace clue::diff
