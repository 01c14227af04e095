// Reading NAME.clue.lock. Every problem is an E080 diagnostic at its place in the lockfile; a
// lockfile with a problem is not used at all, so nothing half-read reaches a plan.
#pragma once

#include "compiler/diag/diagnostic_engine.h"
#include "compiler/objectify/lockfile.h"
#include "compiler/source/source_manager.h"

#include <optional>
#include <string>

namespace clue::objectify {

// Parses `text`, already added to `sources` as `file`. Returns nothing after reporting errors.
std::optional<Lockfile> parseLockfile(SourceManager& sources, FileId file, DiagnosticEngine& diags);

// Reads the lockfile at `path`: an empty lockfile when there is no such file, nothing after an
// error (unreadable, malformed).
std::optional<Lockfile> readLockfile(const std::string& path, SourceManager& sources,
                                     DiagnosticEngine& diags);

} // namespace clue::objectify
