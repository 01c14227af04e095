// Code actions for lint fixes: a quick fix per finding with an exact edit in the requested
// range (preferred when `clue lint --fix` would apply it), and "fix all safe problems" as
// source.fixAll when the document has safe fixes.
#pragma once

#include "lsp/document_analysis.h"

#include <nlohmann/json.hpp>

namespace clue::lsp {

// CodeAction[] for `params` (CodeActionParams) of `document`, whose analysis is `analysis`
// (of the same version).
nlohmann::json codeActions(const Document& document, const DocumentAnalysis& analysis,
                           const nlohmann::json& params);

} // namespace clue::lsp
