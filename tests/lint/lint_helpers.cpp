// Settings for tests, from YAML text.
#include "tests/lint/lint_helpers.h"

#include <gtest/gtest.h>

namespace clue::testing {

lint::LintConfig configFrom(const std::string& yaml) {
    std::vector<ConfigIssue> issues;
    ProjectConfig project = ProjectConfig::parse(yaml, "clue.yaml", issues);
    lint::LintConfig config = lint::LintConfig::read(project, lint::Catalogue::standard(), issues);
    for (const ConfigIssue& issue : issues) {
        ADD_FAILURE() << issue.format();
    }
    return config;
}

} // namespace clue::testing
