// ConfigIssues as diagnostics.
#include "compiler/diag/config_diagnostics.h"

#include <optional>

namespace clue {

void reportConfigIssues(const std::vector<ConfigIssue>& issues, const ProjectConfig& config,
                        SourceManager& sources, DiagnosticEngine& diags) {
    std::optional<FileId> file;
    for (const ConfigIssue& issue : issues) {
        std::optional<SourceSpan> span;
        if (issue.line > 0 && issue.file == config.file() && !config.file().empty()) {
            if (!file) {
                file = sources.addFile(config.file(), config.text());
            }
            span = sources.restOfLine(*file, static_cast<uint32_t>(issue.line),
                                      static_cast<uint32_t>(issue.column - 1));
        }
        Level level =
            issue.severity == ConfigIssue::Severity::Error ? Level::Error : Level::Warning;
        std::string message = span || issue.file == "environment" || issue.file.empty()
                                  ? issue.message
                                  : issue.file + ": " + issue.message;
        diags.report(level, issue.code, span, std::move(message));
    }
}

} // namespace clue
