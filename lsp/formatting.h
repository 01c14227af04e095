// Formatting through `clue fmt`'s formatter: TextEdit[] that turn the document into its
// canonical layout (one edit of the whole text, or none when it is canonical already).
#pragma once

#include <nlohmann/json.hpp>

#include <optional>
#include <string>

namespace clue::lsp {

// Nothing, with `error` saying why, when the text does not parse or the formatted text would
// not parse back to the same constitution (then it is left as it is, as `clue fmt` does).
std::optional<nlohmann::json> formattingEdits(const std::string& path, const std::string& text,
                                              std::string& error);

} // namespace clue::lsp
