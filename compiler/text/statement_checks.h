// Whether a predicate statement states one positive fact. Lint's compound-predicate and
// negated-predicate rules (L103, L104) check the statements authors write; objectify checks the
// statements a model extracts, leniently. Both read the built-in lexicons of data/, so the two
// agree on every word list; the lenient rules only accept more.
#pragma once

#include "compiler/text/lexicon.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace clue::text {

// What a conjunction may join and still name one fact. Whatever the rules, a conjunction inside
// an exception of the lexicon ("black and white", "two or more", "at or above") and the "and" of
// a range ("between 10 and 20") never join two facts.
struct CompoundRules {
    // An "and" between the parties of a reciprocal action, named before its verb ("a man and a
    // woman are kissing each other"): splitting the statement would lose the relation.
    bool reciprocalAnd = true;
    // An "or" joins two facts only between two clauses, each with its verb ("a person is visible
    // or an animal is visible"); alternatives inside a noun phrase ("a gun or a knife is
    // visible") are accepted.
    bool orBetweenClausesOnly = false;

    // Lint's rules: every "or" outside the exceptions is reported.
    static CompoundRules strict(bool reciprocalAnd = true) { return {reciprocalAnd, false}; }
    // Objectify's rules for extracted statements: the strict ones, plus noun-phrase alternatives.
    static CompoundRules lenient() { return {true, true}; }
};

// The first conjunction of `words` (from `lexicon`, compound_words.txt or a copy of it) that
// joins two facts under `rules`.
std::optional<Lexicon::Match> findCompound(const std::vector<Word>& words, const Lexicon& lexicon,
                                           const CompoundRules& rules);

// The first negation cue of `words` (from `lexicon`, negation_cues.txt or a copy of it): the
// statement asserts an absence ("no person is visible", "the person is not clothed"). Bounds such
// as "no more than" are exceptions in the lexicon.
std::optional<Lexicon::Match> findNegation(const std::vector<Word>& words, const Lexicon& lexicon);

// The same checks on a statement's unquoted words and the built-in lexicons; the matched words in
// lower case, separated by one space ("and", "as well as", "is not"), or nothing.
std::optional<std::string> compoundJoiner(std::string_view statement, const CompoundRules& rules);
std::optional<std::string> negationCue(std::string_view statement);

} // namespace clue::text
