// The semantic level of a diff, and the diff as a whole. Statements are propositional
// variables; each rule, category and the verdict is compared over all their assignments:
// rules with decision diagrams (BuDDy), categories and the verdict with a SAT solver
// (CaDiCaL), which needs no diagram of a disjunction of thousands of rules.
#pragma once

#include "compiler/diff/diff_report.h"
#include "compiler/diff/diff_side.h"

#include <map>
#include <string>

namespace clue::diff {

struct DiffOptions {
    // P(true) by statement key, taking over the plans' `prior` options (e.g. from a corpus).
    std::map<std::string, double> priors;
    std::string priorSource = "corpus"; // what `priors` came from, when given
    // A category's or the verdict's decision diagram, for its probability mass, may grow to
    // this many nodes; past it the mass is reported as unavailable.
    size_t massNodeBudget = 1u << 20;
    // Categories (and verdicts) of at most this many rules, both sides together, are decided
    // on decision diagrams when those stay small; larger ones go to the SAT solver.
    size_t diagramGroupRules = 64;
};

DiffReport diffSides(const DiffSide& oldSide, const DiffSide& newSide,
                     const DiffOptions& options = {});

} // namespace clue::diff
