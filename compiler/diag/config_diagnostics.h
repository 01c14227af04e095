// Settings problems through the one diagnostics engine: each ConfigIssue of clue.yaml, the
// environment or a flag becomes a diagnostic with its code (common/config_codes.h), at its place
// in the settings file or, for the environment and flags, without one. So they reach every output
// that diagnostics reach: text with the line and a caret, JSON, SARIF.
#pragma once

#include "common/project_config.h"
#include "compiler/diag/diagnostic_engine.h"
#include "compiler/source/source_manager.h"

#include <vector>

namespace clue {

// The settings file's text is added to `sources` (once, under its name) when an issue has a
// place in it.
void reportConfigIssues(const std::vector<ConfigIssue>& issues, const ProjectConfig& config,
                        SourceManager& sources, DiagnosticEngine& diags);

} // namespace clue
