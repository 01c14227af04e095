// Workflow commands, escaped as GitHub's runner expects.
#include "compiler/lint/output/github_annotations.h"

#include <fmt/format.h>

namespace clue::lint {

std::string escapeWorkflowData(const std::string& text) {
    std::string out;
    for (char c : text) {
        switch (c) {
        case '%':
            out += "%25";
            break;
        case '\r':
            out += "%0D";
            break;
        case '\n':
            out += "%0A";
            break;
        default:
            out += c;
        }
    }
    return out;
}

std::string escapeWorkflowProperty(const std::string& text) {
    std::string out;
    for (char c : escapeWorkflowData(text)) {
        out += c == ':' ? std::string("%3A") : c == ',' ? std::string("%2C") : std::string(1, c);
    }
    return out;
}

std::string githubAnnotations(const LintResult& result, const SourceManager& sources) {
    std::string out;
    for (const Finding& f : result.findings) {
        if (f.suppressed()) {
            continue;
        }
        const Diagnostic& d = f.diagnostic;
        std::string properties;
        if (d.span) {
            LineColumn begin = sources.lineColumn(d.span->file, d.span->begin);
            LineColumn end = sources.lineColumn(d.span->file, d.span->end);
            properties = fmt::format("file={},line={},col={},endLine={},endColumn={},",
                                     escapeWorkflowProperty(sources.path(d.span->file)), begin.line,
                                     begin.column, end.line, end.column);
        }
        std::string message = d.help.empty() ? d.message : d.message + " (help: " + d.help + ")";
        out += fmt::format("::{} {}title={}::{}\n", d.level == Level::Error ? "error" : "warning",
                           properties, escapeWorkflowProperty(d.code), escapeWorkflowData(message));
    }
    return out;
}

} // namespace clue::lint
