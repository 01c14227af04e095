// Everything `clue diff` reports, for its four output formats: the structural and semantic
// report, and the corpus impact when a corpus was replayed.
#pragma once

#include "compiler/diff/diff_report.h"

#include <string>

namespace clue::cli {

struct DiffDocument {
    const diff::DiffReport& report;
    std::string failOn = "any"; // what --fail-on counted as a change

    // The exit status: 2 when a change of the --fail-on kind was found, else 0.
    int exitCode() const;
};

} // namespace clue::cli
