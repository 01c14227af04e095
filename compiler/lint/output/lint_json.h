// `clue lint --format json`: one document with every finding, suppressed ones apart.
#pragma once

#include "compiler/lint/linter.h"

#include <nlohmann/json_fwd.hpp>

namespace clue::lint {

// {"diagnostics": [...], "suppressed": [...], "errors": N, "warnings": M, "files": {...}}.
// Each diagnostic is the compiler's JSON form (docs/diagnostics.md) plus "rule" and "category"
// for lint findings, and "fix" (a list of {file, line, column, endLine, endColumn,
// replacement}) when there is an exact edit. A suppressed finding also has
// "suppression": {"reason", "line"}.
nlohmann::json lintJson(const LintResult& result, const SourceManager& sources);

} // namespace clue::lint
