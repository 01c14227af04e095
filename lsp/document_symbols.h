// The outline of a document: its header, imports, predicates, categories with their rules,
// top-level rules and tests, as DocumentSymbol[]. Built from the parse alone, so it works
// whatever the names' errors; a document that does not parse has none.
#pragma once

#include <nlohmann/json.hpp>

#include <string>

namespace clue::lsp {

nlohmann::json documentSymbols(const std::string& path, const std::string& text);

} // namespace clue::lsp
