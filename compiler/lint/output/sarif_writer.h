// `clue lint --format sarif`: a SARIF 2.1.0 log with one run. tool.driver lists every rule
// (id, name, descriptions, helpUri, default level, category); results carry their rule, level,
// region (1-based lines, columns in code points), related locations for notes, fixes for exact
// edits, and an inSource suppression with its justification when a `# clue:ignore` silenced
// them. Syntax and name errors go to invocations[0].toolExecutionNotifications, and a file that
// could not be loaded makes executionSuccessful false.
#pragma once

#include "compiler/lint/linter.h"

#include <nlohmann/json_fwd.hpp>

namespace clue::lint {

// Files under `root` are named relative to it, with the uriBaseId SRCROOT, which the log's
// originalUriBaseIds maps to `root` and code scanning services resolve to the repository root;
// files elsewhere are absolute file:// URIs. Rules and the compiler's codes link their docs.
struct SarifOptions {
    std::string toolVersion; // "0.1.0"
    std::string docsBase;    // docsBaseUri(): ends in '/'
    std::string root;        // "": the working directory
};

nlohmann::json sarifLog(const LintResult& result, const SourceManager& sources,
                        const Catalogue& catalogue, const LintConfig& config,
                        const SarifOptions& options);

} // namespace clue::lint
