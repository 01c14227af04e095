// Everything `clue diff` reports, for its four output formats: the structural and semantic
// report, and the corpus impact when a corpus was replayed.
#pragma once

#include "compiler/diff/diff_report.h"
#include "runtime/corpus/corpus_impact.h"

#include <map>
#include <string>

namespace clue::cli {

struct DiffDocument {
    const diff::DiffReport& report;
    std::string failOn = "any";                    // what --fail-on counted as a change
    const runtime::CorpusImpact* corpus = nullptr; // with --images, --manifest or --results
    // --thumbnails: a data URL per flipped image's path (the HTML shows them), or why there is
    // none.
    std::map<std::string, std::string> thumbnails;

    // The exit status: 1 when a corpus image could not be compared (or, after asking the model,
    // is still undecided); else 2 when a change of the --fail-on kind was found; else 0.
    int exitCode() const;
};

} // namespace clue::cli
