// The settings of a lint run: clue.yaml found the one way every verb finds it
// (ProjectConfig::open), its `lint` section read, and its problems as findings without a rule, so
// that they reach the text, JSON, SARIF and GitHub outputs like any other finding.
#pragma once

#include "compiler/lint/catalogue.h"
#include "compiler/lint/linter.h"

#include <string>
#include <vector>

namespace clue::lint {

struct LintSettings {
    LintConfig config;
    std::vector<Finding> findings; // the settings problems (codes E090-E093, W090-W091)
    std::string file;              // the settings file read, or "" when there is none
    bool usable = true;            // false when a problem is an error: the run must stop

    // The settings problems placed before `result`'s findings; an unusable settings file counts
    // as a failed file (SARIF's executionSuccessful is then false).
    void addTo(LintResult& result) const;
};

// `explicitFile`: --config FILE, or "" to look for clue.yaml from the working directory up.
LintSettings loadLintSettings(const std::string& explicitFile, const Catalogue& catalogue,
                              SourceManager& sources);

} // namespace clue::lint
