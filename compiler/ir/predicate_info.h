// What the IR knows about one predicate: its statement, identity, options and every use.
#pragma once

#include "compiler/source/source_span.h"

#include <optional>
#include <string>
#include <vector>

namespace clue::ir {

struct PredicateInfo {
    std::string statement;          // as first declared (canonical source order)
    std::string key;                // statementHash(statement)
    std::vector<std::string> names; // declared names that denote it, sorted; empty if inline only
    std::optional<std::string> object;
    double cost = 1.0;
    std::optional<double> prior;  // the author's P(true)
    std::vector<SourceSpan> uses; // every reference and inline occurrence, in source order

    // P(true) for ordering: the author's prior, else 0.5. (The language prior M(None, c) is
    // measured per model after compiling, by `clue calibrate`, and never known here.)
    double probabilityTrue() const { return prior ? *prior : 0.5; }
};

} // namespace clue::ir
