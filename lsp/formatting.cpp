// Parse, format, check that the result means the same, and replace the whole text.
#include "lsp/formatting.h"

#include "compiler/fmt/formatter.h"
#include "compiler/fmt/module_equivalence.h"
#include "compiler/frontend/parser.h"
#include "lsp/line_index.h"

namespace clue::lsp {

std::optional<nlohmann::json> formattingEdits(const std::string& path, const std::string& text,
                                              std::string& error) {
    SourceManager sources;
    DiagnosticEngine diags;
    FileId file = sources.addFile(path, text);
    std::optional<ast::Module> module = parseModule(sources, file, diags);
    if (!module) {
        error = "the document has syntax errors; it is formatted once it parses";
        return std::nullopt;
    }
    std::string formatted = formatModule(*module, sources);
    FileId again = sources.addFile(path + " (formatted)", formatted);
    std::optional<ast::Module> reparsed = parseModule(sources, again, diags);
    std::string difference = reparsed ? moduleDifference(*module, *reparsed) : "it does not parse";
    if (!difference.empty()) {
        error = "internal error: formatting would change the document (" + difference +
                "); it is left as it is";
        return std::nullopt;
    }
    nlohmann::json edits = nlohmann::json::array();
    if (formatted != text) {
        LineIndex index(text);
        edits.push_back({{"range", index.range(0, uint32_t(text.size()))}, {"newText", formatted}});
    }
    return edits;
}

} // namespace clue::lsp
