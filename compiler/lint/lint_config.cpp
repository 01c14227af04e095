// Reading the lint section with ConfigSection, and answering level, option and ignore queries.
#include "compiler/lint/lint_config.h"

#include "common/assert.h"
#include "common/edit_distance.h"
#include "common/path_glob.h"

#include <fmt/format.h>
#include <regex>

namespace clue::lint {
namespace {

std::optional<RuleLevel> parseLevel(const std::string& text) {
    if (text == "off") {
        return RuleLevel::Off;
    }
    if (text == "warning") {
        return RuleLevel::Warning;
    }
    if (text == "error") {
        return RuleLevel::Error;
    }
    return std::nullopt;
}

std::optional<RuleLevel> readLevel(ConfigSection& section, std::string_view key) {
    std::optional<std::string> text = section.string(key);
    if (!text) {
        return std::nullopt;
    }
    std::optional<RuleLevel> level = parseLevel(*text);
    if (!level) {
        section.error(key, fmt::format("must be off, warning or error, not '{}'", *text));
    }
    return level;
}

std::optional<OptionValue> readOption(ConfigSection& section, const OptionSpec& spec) {
    const std::string& key = spec.name;
    switch (spec.defaultValue.index()) {
    case 0:
        if (auto n = section.integer(key, spec.min, spec.max)) {
            return *n;
        }
        return std::nullopt;
    case 1:
        if (auto b = section.boolean(key)) {
            return *b;
        }
        return std::nullopt;
    case 2:
        if (auto s = section.string(key)) {
            if (spec.regex) {
                try {
                    std::regex check(*s);
                } catch (const std::regex_error& e) {
                    section.error(key,
                                  fmt::format("is not a valid regular expression: {}", e.what()));
                    return std::nullopt;
                }
            }
            return *s;
        }
        return std::nullopt;
    case 3:
        if (auto list = section.stringList(key)) {
            return *list;
        }
        return std::nullopt;
    }
    CLUE_UNREACHABLE();
}

RuleSettings readRule(ConfigSection rules, const std::string& key, const LintRule& rule) {
    RuleSettings settings;
    if (!rules.isMapping(key)) {
        settings.level = readLevel(rules, key);
        return settings;
    }
    ConfigSection section = rules.section(key);
    std::vector<std::string> names = {"level", "ignore"};
    for (const OptionSpec& spec : rule.meta().options) {
        names.push_back(spec.name);
    }
    section.expectOnly(names);
    settings.level = readLevel(section, "level");
    settings.ignore = section.stringList("ignore").value_or(std::vector<std::string>{});
    for (const OptionSpec& spec : rule.meta().options) {
        if (std::optional<OptionValue> value = readOption(section, spec)) {
            settings.options[spec.name] = std::move(*value);
        }
    }
    return settings;
}

} // namespace

LintConfig LintConfig::read(const ProjectConfig& project, const Catalogue& catalogue,
                            std::vector<ConfigIssue>& issues) {
    LintConfig config;
    if (!project.file().empty()) {
        config.base_ = std::filesystem::absolute(project.file()).parent_path();
    }
    ConfigSection lint(project.section("lint"), "lint", project.file(), issues);
    lint.expectOnly({"ignore", "rules", "docs-url"});
    config.ignore_ = lint.stringList("ignore").value_or(std::vector<std::string>{});
    if (auto url = lint.string("docs-url")) {
        config.docsUrl_ = url->empty() || url->back() == '/' ? *url : *url + "/";
    }
    ConfigSection rules = lint.section("rules");
    std::vector<std::string> known = catalogue.codesAndNames();
    for (Category c : allCategories()) {
        known.push_back(categoryName(c));
    }
    for (const std::string& key : rules.keys()) {
        if (const LintRule* rule = catalogue.find(key)) {
            config.rules_[rule] = readRule(rules, key, *rule);
            continue;
        }
        bool isCategory = false;
        for (Category c : allCategories()) {
            if (key == categoryName(c)) {
                isCategory = true;
                if (auto level = readLevel(rules, key)) {
                    config.categories_[c] = *level;
                }
            }
        }
        if (!isCategory) {
            auto guess = closestMatch(key, known);
            rules.warning(key,
                          guess ? fmt::format("no lint rule or category is called '{}'; "
                                              "did you mean '{}'?",
                                              key, *guess)
                                : fmt::format("no lint rule or category is called '{}' "
                                              "(`clue lint --list-rules` lists them)",
                                              key),
                          code::ConfigUnknownKey);
        }
    }
    return config;
}

RuleLevel LintConfig::levelOf(const LintRule& rule) const {
    if (auto it = rules_.find(&rule); it != rules_.end() && it->second.level) {
        return *it->second.level;
    }
    if (auto it = categories_.find(rule.meta().category); it != categories_.end()) {
        return it->second;
    }
    return rule.meta().defaultLevel;
}

RuleOptions LintConfig::optionsOf(const LintRule& rule) const {
    RuleOptions options(rule.meta().options);
    if (auto it = rules_.find(&rule); it != rules_.end()) {
        for (const auto& [name, value] : it->second.options) {
            options.set(name, value);
        }
    }
    return options;
}

std::string LintConfig::relative(const std::string& path) const {
    namespace fs = std::filesystem;
    std::error_code ec;
    fs::path absolute = fs::absolute(path, ec).lexically_normal();
    fs::path base = base_.empty() ? fs::current_path(ec) : base_;
    fs::path rel = absolute.lexically_relative(base);
    if (ec || rel.empty() || *rel.begin() == "..") {
        return fs::path(path).lexically_normal().generic_string();
    }
    return rel.generic_string();
}

bool LintConfig::ignoresFile(const std::string& path) const {
    std::string rel = relative(path);
    for (const std::string& glob : ignore_) {
        if (globMatch(glob, rel)) {
            return true;
        }
    }
    return false;
}

bool LintConfig::ignoresFileFor(const LintRule& rule, const std::string& path) const {
    auto it = rules_.find(&rule);
    if (it == rules_.end() || it->second.ignore.empty()) {
        return false;
    }
    std::string rel = relative(path);
    for (const std::string& glob : it->second.ignore) {
        if (globMatch(glob, rel)) {
            return true;
        }
    }
    return false;
}

} // namespace clue::lint
