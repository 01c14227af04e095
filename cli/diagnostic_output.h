// The --format and --color options shared by the verbs that report diagnostics, and printing:
// text goes to standard error, JSON (one document) to standard output.
#pragma once

#include "common/project_config.h"
#include "compiler/diag/diagnostic_engine.h"
#include "compiler/source/source_manager.h"

#include <CLI/CLI.hpp>

#include <iosfwd>
#include <set>
#include <string>

namespace clue::cli {

struct DiagnosticOutput {
    std::string format = "text"; // text | json
    std::string color = "auto";  // auto | always | never

    void addOptions(CLI::App& command);
    bool json() const { return format == "json"; }
    // Writes every diagnostic of `diags`, sorted.
    void print(const DiagnosticEngine& diags, const SourceManager& sources) const;
    // A last line on standard error in text mode, such as "checked 3 files: 1 error".
    void summary(const std::string& what, const DiagnosticEngine& diags) const;
};

// The --config FILE option of the verbs that read clue.yaml.
void addConfigOption(CLI::App& command, std::string& file);

// Settings problems as text diagnostics on `out` (no color), with the settings file's lines.
void printConfigIssues(const std::vector<ConfigIssue>& issues, const ProjectConfig& config,
                       std::ostream& out);

// Whether to color what goes to file descriptor `fd`: "always", "never", or "auto": on a
// terminal, unless NO_COLOR is set or TERM is "dumb".
bool colorWanted(const std::string& mode, int fd);

// Copies the diagnostics of `from` into `into`, skipping any that `into` already shows the
// same way (a file imported by several roots is checked once per root).
void mergeDiagnostics(const DiagnosticEngine& from, DiagnosticEngine& into,
                      const SourceManager& sources, std::set<std::string>& shown);

} // namespace clue::cli
