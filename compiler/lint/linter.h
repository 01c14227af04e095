// A lint run over files given on the command line: each file is loaded as the root of its own
// program (like `clue check`), its syntax and name errors become findings, and every enabled
// rule checks it. Rules report only about the file itself; imported files give context.
#pragma once

#include "compiler/lint/catalogue.h"
#include "compiler/lint/finding.h"
#include "compiler/lint/lint_config.h"
#include "compiler/sema/source_reader.h"
#include "compiler/source/source_manager.h"

#include <string>
#include <vector>

namespace clue::lint {

struct LintInput {
    std::vector<std::string> files;
    const SourceReader* reader = nullptr; // null: the disk
    std::string stdlibDir;                // "" : the default (stdlib_dir.h)
    // The largest source file read from the disk (when `reader` is null).
    std::uint64_t maxSourceBytes = SourceLimits::defaultMaxFileBytes;
};

struct LintResult {
    std::vector<Finding> findings;    // sorted by file, position and code
    std::vector<std::string> linted;  // files every enabled rule read
    std::vector<std::string> failed;  // files with syntax, name or import errors
    std::vector<std::string> skipped; // files the `ignore` globs left out

    // Findings not suppressed inline, by level.
    size_t count(Level level) const;
    size_t suppressedCount() const;
};

LintResult runLint(const LintInput& input, const LintConfig& config, const Catalogue& catalogue,
                   SourceManager& sources);

} // namespace clue::lint
