// What `clue diff` finds between two versions of a constitution: the structural changes, and
// for each rule, category and the verdict, how the set of assignments that fire it changed.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace clue::diff {

enum class Change { Added, Removed, Changed, Unchanged };
// NEW against OLD, over assignments of true/false to the statements.
enum class Relation { Equivalent, Broader, Narrower, Incomparable };

const char* changeName(Change change);       // "added", "removed", "changed", "unchanged"
const char* relationName(Relation relation); // "equivalent", "broader", ...
// "NEW fires on every assignment OLD fires on, and more", ...
const char* relationWords(Relation relation);

// One statement's value in a counterexample; `statement` is the NEW side's text when it has one.
struct Literal {
    std::string statement;
    bool value = true;
};

// A partial assignment under which one side fires and the other does not, whatever the
// statements it leaves out; and the same as two `test` blocks, one for each side.
struct Witness {
    bool firesInNew = true;
    std::vector<Literal> cube;
    std::string testNew; // passes `clue test` against NEW
    std::string testOld; // passes `clue test` against OLD
};

// The expected share of images on which one side fires and the other does not, with
// independent predicates of the given priors. An estimate: `reason` says why it is missing.
struct Mass {
    std::optional<double> broadening; // NEW fires, OLD does not
    std::optional<double> narrowing;  // OLD fires, NEW does not
    std::string unavailable;          // why there is no figure, when there is none
};

struct Comparison {
    Relation relation = Relation::Equivalent;
    std::vector<Witness> witnesses; // one per direction that differs; NEW-fires first
    std::optional<Mass> mass;       // only with priors
};

// A rule as one side has it.
struct RuleFacts {
    std::string text;
    std::optional<std::string> category;
    std::optional<std::string> severity;
    std::vector<std::string> tags;
    std::string formula; // as written in the source, or drawn from the plan
    std::string location;
};

struct RuleDiff {
    std::string id;
    Change change = Change::Unchanged;
    std::vector<std::string> changedFields; // text, severity, category, tags, formula
    std::optional<RuleFacts> oldRule, newRule;
    std::optional<Comparison> comparison; // rules in both
};

struct CategoryDiff {
    std::string id;
    Change change = Change::Unchanged;
    std::optional<std::string> oldTitle, newTitle;
    std::vector<std::string> oldRules, newRules;
    Comparison comparison; // a side without the category never fires it
};

enum class PredicateChangeKind { Renamed, Reworded, Added, Removed };
const char* predicateChangeName(PredicateChangeKind kind);

// Statements are matched by their normalized text: a renamed predicate is the same question,
// a reworded one is a new question to the model.
struct PredicateChange {
    PredicateChangeKind kind = PredicateChangeKind::Added;
    std::string statement;                   // NEW's text (OLD's when removed)
    std::optional<std::string> oldStatement; // Reworded
    std::vector<std::string> oldNames, newNames;
    // The model must be asked something it was not asked before: cached answers do not carry over.
    bool newQuestion() const {
        return kind == PredicateChangeKind::Added || kind == PredicateChangeKind::Reworded;
    }
};

struct HeaderChange {
    std::string field; // name, version, description
    std::optional<std::string> oldValue, newValue;
};

struct TestChange {
    std::string name;
    Change change = Change::Unchanged;
};

struct SideSummary {
    std::string label;
    bool isPlan = false;
    std::optional<std::string> name, version;
    size_t rules = 0, predicates = 0;
};

struct DiffReport {
    SideSummary oldSide, newSide;
    std::vector<HeaderChange> header;
    std::vector<PredicateChange> predicates;
    std::vector<RuleDiff> rules; // OLD's order, then the added rules in NEW's order
    std::vector<CategoryDiff> categories;
    Comparison verdict;
    std::optional<std::vector<TestChange>> tests; // only when both sides are constitutions
    std::string priorSource;                      // "", "prior", "corpus"

    // Whether some assignment is judged differently: a rule added or removed, or a rule,
    // category or the verdict not equivalent.
    bool semanticChange() const;
    // Whether some assignment now fires a rule, a category or the verdict that OLD did not.
    bool broadens() const;
    // Whether some assignment no longer fires what OLD fired.
    bool narrows() const;
};

// The figures of a report's summary line.
struct DiffCounts {
    size_t added = 0, removed = 0, changed = 0, unchanged = 0; // rules
    size_t relations[4] = {0, 0, 0, 0};                        // rules in both, by Relation
    size_t newQuestions = 0;                                   // statements added or reworded
};
DiffCounts countChanges(const DiffReport& report);

} // namespace clue::diff
