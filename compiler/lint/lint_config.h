// The `lint` section of clue.yaml: levels and options per rule, levels per category, and files
// to skip.
//
//   lint:
//     ignore: ["generated/**"]          # files no rule reads (globs, relative to clue.yaml)
//     docs-url: https://example.org/clue/docs/   # where SARIF's helpUri links point
//     rules:
//       style: warning                   # a category's level
//       compound-predicate: error        # a rule's level, by name ...
//       L401:                            # ... or by code, with options
//         level: warning
//         max-length: 150
//         ignore: ["legacy/*.clue"]      # files this rule skips
//
// A rule's own setting wins over its category's, which wins over the rule's default.
#pragma once

#include "common/project_config.h"
#include "compiler/lint/catalogue.h"

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace clue::lint {

struct RuleSettings {
    std::optional<RuleLevel> level;
    std::map<std::string, OptionValue> options;
    std::vector<std::string> ignore;
};

class LintConfig {
public:
    LintConfig() = default;

    // Reads the section; every problem is an issue with its line (errors for wrong values,
    // warnings for unknown names, with a suggestion).
    static LintConfig read(const ProjectConfig& config, const Catalogue& catalogue,
                           std::vector<ConfigIssue>& issues);

    RuleLevel levelOf(const LintRule& rule) const;
    RuleOptions optionsOf(const LintRule& rule) const;
    // Whether `path` (as given on the command line) is skipped by every rule, or by `rule`.
    bool ignoresFile(const std::string& path) const;
    bool ignoresFileFor(const LintRule& rule, const std::string& path) const;

    // The base of helpUri links, ending in '/'; empty: the docs folder on this machine.
    const std::string& docsUrl() const { return docsUrl_; }

    // For tests and tools that build a configuration by hand.
    void setRule(const LintRule& rule, RuleSettings settings) {
        rules_[&rule] = std::move(settings);
    }
    void setIgnore(std::vector<std::string> globs) { ignore_ = std::move(globs); }
    void setBaseDirectory(std::filesystem::path base) { base_ = std::move(base); }

private:
    std::string relative(const std::string& path) const;

    std::vector<std::string> ignore_;
    std::map<const LintRule*, RuleSettings> rules_;
    std::map<Category, RuleLevel> categories_;
    std::filesystem::path base_; // where clue.yaml lies; empty: the working directory
    std::string docsUrl_;
};

} // namespace clue::lint
