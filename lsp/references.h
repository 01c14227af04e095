// Find references and rename across the workspace: every program rooted at an open document or
// at a *.clue file under the workspace folders is loaded, and each place that names the same
// symbol (same kind, name and declaring file) is collected once.
#pragma once

#include "lsp/document_store.h"
#include "lsp/navigation.h"

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

namespace clue::lsp {

struct SymbolPlace {
    std::string uri;
    nlohmann::json range;
    bool declaration = false;
    bool inWorkspace = false; // an open document or a file under a workspace folder
};

// The open documents' paths, then the *.clue files under `folders` (sorted, hidden folders
// and build trees left out, at most a few thousand).
std::vector<std::string> workspaceRoots(const std::vector<std::string>& folders,
                                        const DocumentStore& store);

std::vector<SymbolPlace> findSymbol(const SymbolKey& key, const std::vector<std::string>& roots,
                                    const DocumentStore& store, const std::string& stdlibDir);

} // namespace clue::lsp
