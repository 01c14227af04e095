// Diagnostics for one open document: its file linted (as `clue lint` does, which reports the
// compiler's own diagnostics too) on its in-memory text, with the other *.clue files of its
// folder as roots beside it, so that tests kept in a file of their own count for coverage as in
// `clue lint FOLDER`. Lint settings come from the clue.yaml nearest the document.
#pragma once

#include "compiler/lint/finding.h"
#include "lsp/document_store.h"

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

namespace clue::lsp {

// A lint fix that a code action offers.
struct OfferedFix {
    nlohmann::json diagnostic; // as published
    std::string title;
    bool safe = false;             // `clue lint --fix` would apply it
    std::vector<lint::Edit> edits; // byte ranges of the analysed version of the document
};

struct DocumentAnalysis {
    int64_t version = 0;
    nlohmann::json diagnostics = nlohmann::json::array(); // Diagnostic[]
    std::vector<OfferedFix> fixes;
    std::vector<std::string> configIssues; // problems with clue.yaml, for the client's log
};

DocumentAnalysis analyzeDocument(const Document& document, const DocumentStore& store,
                                 const std::string& stdlibDir);

} // namespace clue::lsp
