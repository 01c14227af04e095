// `clue lint --fix`: applies the safe fixes of a lint run to the files in memory, one rule's
// fixes per round, lints the result again, and repeats while safe fixes remain (a fix changes
// what the next run finds). A round that makes a linted file fail to load is not kept, and
// ends the fixing. Nothing is written: the caller writes the texts or shows them.
#pragma once

#include "compiler/lint/linter.h"

#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace clue::lint {

// `edits` in source order without those that overlap one kept before them (two insertions at
// one place overlap), and without any that reach past `size`: a set that applies in one go.
std::vector<Edit> compatibleEdits(std::vector<Edit> edits, size_t size);

// `text` with the compatible edits of `edits` applied; `applied` counts them.
std::string applyEdits(std::string_view text, std::vector<Edit> edits, size_t& applied);

struct FixedFile {
    std::string path; // as given
    std::string original;
    std::string fixed;
    size_t fixes = 0; // edits applied over every round
};

struct FixOutcome {
    std::unique_ptr<SourceManager> sources; // of the last run
    LintResult result;                      // the last run, on the fixed texts
    std::vector<FixedFile> files;           // the files that changed, in the order first fixed
    size_t fixes() const;
};

FixOutcome fixSafely(const LintInput& input, const LintConfig& config, const Catalogue& catalogue);

} // namespace clue::lint
