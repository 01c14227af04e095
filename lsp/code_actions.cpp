// Filtering fixes by range and by the kinds the client asked for.
#include "lsp/code_actions.h"

#include "compiler/lint/fixer.h"
#include "lsp/line_index.h"

namespace clue::lsp {
namespace {

bool wanted(const nlohmann::json& params, const std::string& kind) {
    const nlohmann::json* context = params.contains("context") ? &params["context"] : nullptr;
    if (context == nullptr || !context->contains("only")) {
        return true;
    }
    for (const nlohmann::json& only : context->at("only")) {
        std::string prefix = only.get<std::string>();
        if (kind == prefix || kind.starts_with(prefix + ".")) {
            return true;
        }
    }
    return false;
}

bool before(const nlohmann::json& a, const nlohmann::json& b) {
    return std::make_pair(a["line"].get<uint32_t>(), a["character"].get<uint32_t>()) <
           std::make_pair(b["line"].get<uint32_t>(), b["character"].get<uint32_t>());
}

bool intersects(const nlohmann::json& a, const nlohmann::json& b) {
    return !before(a["end"], b["start"]) && !before(b["end"], a["start"]);
}

nlohmann::json textEdits(const LineIndex& index, const std::vector<lint::Edit>& edits) {
    nlohmann::json out = nlohmann::json::array();
    for (const lint::Edit& e : edits) {
        out.push_back(
            {{"range", index.range(e.span.begin, e.span.end)}, {"newText", e.replacement}});
    }
    return out;
}

nlohmann::json action(const Document& document, std::string title, const std::string& kind,
                      nlohmann::json edits, nlohmann::json diagnostics, bool preferred) {
    nlohmann::json out = {{"title", std::move(title)},
                          {"kind", kind},
                          {"diagnostics", std::move(diagnostics)},
                          {"edit", {{"changes", {{document.uri, std::move(edits)}}}}}};
    if (preferred) {
        out["isPreferred"] = true;
    }
    return out;
}

} // namespace

nlohmann::json codeActions(const Document& document, const DocumentAnalysis& analysis,
                           const nlohmann::json& params) {
    LineIndex index(document.text);
    nlohmann::json actions = nlohmann::json::array();
    const nlohmann::json& range = params.at("range");
    std::vector<lint::Edit> safe;
    nlohmann::json safeDiagnostics = nlohmann::json::array();
    for (const OfferedFix& fix : analysis.fixes) {
        if (fix.safe) {
            safe.insert(safe.end(), fix.edits.begin(), fix.edits.end());
            safeDiagnostics.push_back(fix.diagnostic);
        }
        if (wanted(params, "quickfix") && intersects(fix.diagnostic["range"], range)) {
            actions.push_back(action(document, fix.title, "quickfix", textEdits(index, fix.edits),
                                     nlohmann::json::array({fix.diagnostic}), fix.safe));
        }
    }
    if (!safe.empty() && wanted(params, "source.fixAll.clue")) {
        std::vector<lint::Edit> compatible = lint::compatibleEdits(safe, document.text.size());
        actions.push_back(action(document, "Fix all safe problems (clue lint --fix)",
                                 "source.fixAll.clue", textEdits(index, compatible),
                                 safeDiagnostics, false));
    }
    return actions;
}

} // namespace clue::lsp
