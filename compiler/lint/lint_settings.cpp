// Loading lint's settings and turning their problems into findings.
#include "compiler/lint/lint_settings.h"

#include "compiler/diag/config_diagnostics.h"

namespace clue::lint {

LintSettings loadLintSettings(const std::string& explicitFile, const Catalogue& catalogue,
                              SourceManager& sources) {
    std::vector<ConfigIssue> issues;
    ProjectConfig project = ProjectConfig::open(explicitFile, issues);
    LintSettings settings;
    settings.config = LintConfig::read(project, catalogue, issues);
    settings.file = project.file().empty() ? explicitFile : project.file();
    DiagnosticEngine diags;
    reportConfigIssues(issues, project, sources, diags);
    for (const Diagnostic* d : diags.sorted()) {
        settings.findings.push_back({*d, nullptr, std::nullopt, {}});
    }
    settings.usable = !diags.hasErrors();
    return settings;
}

void LintSettings::addTo(LintResult& result) const {
    result.findings.insert(result.findings.begin(), findings.begin(), findings.end());
    if (!usable) {
        result.failed.insert(result.failed.begin(), file);
    }
}

} // namespace clue::lint
