// clue.yaml, the project's settings file: found one way for every verb (ProjectConfig::open),
// read once. Each tool owns one top-level section and validates it with ConfigSection; sections
// owned by others are left alone. Problems are ConfigIssues with a code (config_codes.h) and a
// place, which the CLI reports through the diagnostics engine.
#pragma once

#include "common/config_codes.h"
#include "common/yaml_map.h"

#include <yaml-cpp/yaml.h>

#include <filesystem>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace clue {

inline constexpr std::string_view kProjectConfigName = "clue.yaml";

struct ConfigIssue {
    enum class Severity { Warning, Error };
    Severity severity = Severity::Error;
    std::string file; // the settings file, or "environment" for an environment variable
    int line = 0;     // 1-based; 0 when there is none
    int column = 0;
    std::string message;
    std::string code;       // config_codes.h
    std::size_t offset = 0; // the byte offset of line:column in the file, when there is a line

    // "clue.yaml:4:3: error: ..." (the position is left out when there is none).
    std::string format() const;
};

bool hasErrors(const std::vector<ConfigIssue>& issues);

class ProjectConfig {
public:
    ProjectConfig() = default; // no settings file: every section is absent

    // The settings file of every verb: `explicitFile` when one is given (--config FILE), else
    // clue.yaml in the working directory or the nearest directory above it, named relative to
    // the working directory ("clue.yaml", "../clue.yaml"). No file found: empty settings, no
    // issue; an explicit file that does not exist is an error (E090).
    static ProjectConfig open(const std::string& explicitFile, std::vector<ConfigIssue>& issues);

    // clue.yaml in `start` or the nearest directory above it.
    static std::optional<std::filesystem::path> find(const std::filesystem::path& start);
    // An unreadable file, a YAML syntax error or a root that is not a mapping is an error in
    // `issues` (with the line when YAML gives one) and yields an empty configuration.
    static ProjectConfig load(const std::filesystem::path& path, std::vector<ConfigIssue>& issues);
    static ProjectConfig parse(std::string_view text, std::string file,
                               std::vector<ConfigIssue>& issues);

    const std::string& file() const { return file_; }
    // The file's text, for locating issues; empty without a file.
    const std::string& text() const { return text_; }
    // The top-level section `name`; a null node when absent.
    YAML::Node section(std::string_view name) const;

private:
    std::string file_;
    std::string text_;
    YAML::Node root_;
};

// Typed, range-checked reading of one mapping in the settings file (a YamlMap). Every problem is
// an issue at the key: a wrong type or an out-of-range value is an error (E092), a key the
// section does not know is a warning (W090: a typo must not pass unnoticed, and newer files stay
// readable).
class ConfigSection {
public:
    // `path` names the section in messages: "backend", "backend.timeouts".
    ConfigSection(YAML::Node node, std::string path, std::string file,
                  std::vector<ConfigIssue>& issues);

    bool present() const { return map_.node().IsDefined() && !map_.node().IsNull(); }
    const std::string& path() const { return path_; }

    void expectOnly(std::initializer_list<std::string_view> known);
    void expectOnly(const std::vector<std::string>& known);
    bool has(std::string_view key) const;

    std::optional<std::string> string(std::string_view key);
    std::optional<long long> integer(std::string_view key, long long min, long long max);
    std::optional<double> number(std::string_view key, double min, double max);
    std::optional<bool> boolean(std::string_view key);
    // A sequence of strings; a single string is taken as a list of one.
    std::optional<std::vector<std::string>> stringList(std::string_view key);
    ConfigSection section(std::string_view key);
    // The keys of the mapping, in file order (for sections whose keys are names, not settings).
    std::vector<std::string> keys() const;
    // Whether the value at `key` is a mapping (as opposed to a scalar or a sequence).
    bool isMapping(std::string_view key) const;

    // An invalid value at `key` (E092).
    void error(std::string_view key, const std::string& message);
    // A doubtful setting at `key` (W091 unless another code is given).
    void warning(std::string_view key, const std::string& message,
                 const char* code = code::ConfigDoubtful);

private:
    void report(ConfigIssue::Severity severity, const char* code, const YAML::Mark& mark,
                const std::string& message);
    template <typename T>
    std::optional<T> typed(const YamlValue<T>& read, std::string_view key, const char* expected);

    YamlMap map_;
    std::string path_;
    std::string file_;
    std::vector<ConfigIssue>* issues_;
};

} // namespace clue
