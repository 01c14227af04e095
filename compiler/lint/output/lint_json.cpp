// Lint results as JSON, built on the compiler's diagnostic JSON.
#include "compiler/lint/output/lint_json.h"

#include "compiler/diag/diagnostic_renderer.h"
#include "compiler/lint/lint_rule.h"

#include <nlohmann/json.hpp>

namespace clue::lint {
namespace {

nlohmann::json editJson(const Edit& edit, const SourceManager& sources) {
    LineColumn begin = sources.lineColumn(edit.span.file, edit.span.begin);
    LineColumn end = sources.lineColumn(edit.span.file, edit.span.end);
    return {{"file", sources.path(edit.span.file)},
            {"line", begin.line},
            {"column", begin.column},
            {"endLine", end.line},
            {"endColumn", end.column},
            {"replacement", edit.replacement}};
}

nlohmann::json findingJson(const Finding& f, const SourceManager& sources) {
    nlohmann::json j = toJson(f.diagnostic, sources);
    if (f.rule != nullptr) {
        j["rule"] = f.rule->name();
        j["category"] = categoryName(f.rule->meta().category);
    }
    if (!f.fix.empty()) {
        j["fix"] = nlohmann::json::array();
        for (const Edit& e : f.fix) {
            j["fix"].push_back(editJson(e, sources));
        }
        j["fixSafe"] = f.fixSafety == FixSafety::Safe;
    }
    if (f.suppression) {
        j["suppression"] = {
            {"reason", f.suppression->reason},
            {"line", sources.lineColumn(f.suppression->span.file, f.suppression->span.begin).line}};
    }
    return j;
}

} // namespace

nlohmann::json lintJson(const LintResult& result, const SourceManager& sources) {
    nlohmann::json shown = nlohmann::json::array();
    nlohmann::json suppressed = nlohmann::json::array();
    for (const Finding& f : result.findings) {
        (f.suppressed() ? suppressed : shown).push_back(findingJson(f, sources));
    }
    return {{"diagnostics", std::move(shown)},
            {"suppressed", std::move(suppressed)},
            {"errors", result.count(Level::Error)},
            {"warnings", result.count(Level::Warning)},
            {"files",
             {{"linted", result.linted}, {"failed", result.failed}, {"skipped", result.skipped}}}};
}

} // namespace clue::lint
