// Finding and loading clue.yaml with yaml-cpp, and checking sections key by key.
#include "common/project_config.h"

#include "common/edit_distance.h"
#include "common/file_io.h"
#include "common/yaml_input.h"

#include <sstream>

namespace clue {
namespace {

namespace fs = std::filesystem;

ConfigIssue issueAt(ConfigIssue::Severity severity, const char* code, const std::string& file,
                    const YAML::Mark& mark, std::string message) {
    const bool known = !mark.is_null();
    return {severity,
            file,
            known ? mark.line + 1 : 0,
            known ? mark.column + 1 : 0,
            std::move(message),
            code,
            known ? static_cast<std::size_t>(mark.pos) : 0};
}

} // namespace

std::string ConfigIssue::format() const {
    std::string out = file;
    if (line > 0) {
        out += ":" + std::to_string(line) + ":" + std::to_string(column);
    }
    out += severity == Severity::Error ? ": error: " : ": warning: ";
    return out + message;
}

bool hasErrors(const std::vector<ConfigIssue>& issues) {
    for (const auto& issue : issues) {
        if (issue.severity == ConfigIssue::Severity::Error) {
            return true;
        }
    }
    return false;
}

ProjectConfig ProjectConfig::open(const std::string& explicitFile,
                                  std::vector<ConfigIssue>& issues) {
    if (!explicitFile.empty()) {
        std::error_code ec;
        if (!fs::is_regular_file(explicitFile, ec)) {
            issues.push_back({ConfigIssue::Severity::Error, "", 0, 0,
                              "cannot find the settings file '" + explicitFile + "'",
                              code::ConfigUnreadable, 0});
            return {};
        }
        return load(explicitFile, issues);
    }
    std::error_code ec;
    fs::path here = fs::current_path(ec);
    std::optional<fs::path> found = ec ? std::nullopt : find(here);
    if (!found) {
        return {};
    }
    return load(found->lexically_relative(here), issues);
}

std::optional<fs::path> ProjectConfig::find(const fs::path& start) {
    std::error_code ec;
    auto dir = fs::absolute(start, ec);
    if (ec) {
        return std::nullopt;
    }
    for (;; dir = dir.parent_path()) {
        const auto candidate = dir / kProjectConfigName;
        std::error_code missing; // a directory without the file is no error
        if (fs::is_regular_file(candidate, missing)) {
            return candidate;
        }
        if (dir == dir.parent_path()) {
            return std::nullopt;
        }
    }
}

ProjectConfig ProjectConfig::load(const fs::path& path, std::vector<ConfigIssue>& issues) {
    std::string error;
    const auto text = readFile(path.string(), error);
    if (!text) {
        issues.push_back({ConfigIssue::Severity::Error, path.string(), 0, 0,
                          "cannot read the settings file: " + error, code::ConfigUnreadable, 0});
        return {};
    }
    return parse(*text, path.string(), issues);
}

ProjectConfig ProjectConfig::parse(std::string_view text, std::string file,
                                   std::vector<ConfigIssue>& issues) {
    ProjectConfig config;
    config.file_ = std::move(file);
    config.text_ = std::string(text);
    try {
        YAML::Node root = loadYamlInput(config.text_);
        if (root.IsDefined() && !root.IsNull() && !root.IsMap()) {
            issues.push_back(issueAt(ConfigIssue::Severity::Error, code::ConfigMalformed,
                                     config.file_, root.Mark(),
                                     "the settings file must be a mapping of sections"));
            return config;
        }
        config.root_ = root;
    } catch (const YAML::Exception& e) {
        issues.push_back(issueAt(ConfigIssue::Severity::Error, code::ConfigMalformed, config.file_,
                                 e.mark, "invalid YAML: " + e.msg));
    }
    return config;
}

YAML::Node ProjectConfig::section(std::string_view name) const {
    if (!root_.IsMap()) {
        return YAML::Node(YAML::NodeType::Null);
    }
    const YAML::Node found = root_[std::string(name)];
    return found.IsDefined() ? found : YAML::Node(YAML::NodeType::Null);
}

ConfigSection::ConfigSection(YAML::Node node, std::string path, std::string file,
                             std::vector<ConfigIssue>& issues)
    : map_(std::move(node)), path_(std::move(path)), file_(std::move(file)), issues_(&issues) {
    if (present() && !map_.isMap()) {
        report(ConfigIssue::Severity::Error, code::ConfigMalformed, map_.mark(),
               path_ + " must be a mapping of keys");
        map_ = YamlMap(YAML::Node(YAML::NodeType::Null));
    }
}

void ConfigSection::expectOnly(std::initializer_list<std::string_view> known) {
    expectOnly(std::vector<std::string>(known.begin(), known.end()));
}

void ConfigSection::expectOnly(const std::vector<std::string>& names) {
    for (const auto& [key, mark] : map_.unknownKeys(names)) {
        std::string message = "unknown key '" + key + "' in " + path_;
        if (auto suggestion = closestMatch(key, names)) {
            message += "; did you mean '" + *suggestion + "'?";
        } else {
            std::string list;
            for (const auto& name : names) {
                list += (list.empty() ? "" : ", ") + name;
            }
            message += " (known: " + list + ")";
        }
        report(ConfigIssue::Severity::Warning, code::ConfigUnknownKey, mark, message);
    }
}

bool ConfigSection::has(std::string_view key) const {
    return map_.has(key);
}

void ConfigSection::report(ConfigIssue::Severity severity, const char* code, const YAML::Mark& mark,
                           const std::string& message) {
    issues_->push_back(issueAt(severity, code, file_, mark, message));
}

void ConfigSection::error(std::string_view key, const std::string& message) {
    report(ConfigIssue::Severity::Error, code::ConfigInvalidValue, map_.keyMark(key),
           path_ + "." + std::string(key) + ": " + message);
}

void ConfigSection::warning(std::string_view key, const std::string& message, const char* code) {
    report(ConfigIssue::Severity::Warning, code, map_.keyMark(key),
           path_ + "." + std::string(key) + ": " + message);
}

// The value of `read`, or nothing: absent and null are no error, another type is.
template <typename T>
std::optional<T> ConfigSection::typed(const YamlValue<T>& read, std::string_view key,
                                      const char* expected) {
    if (!read.present || read.null) {
        return std::nullopt;
    }
    if (!read.value) {
        error(key, std::string("must be ") + expected);
    }
    return read.value;
}

std::optional<std::string> ConfigSection::string(std::string_view key) {
    return typed(map_.scalar(key), key, "a string");
}

std::optional<long long> ConfigSection::integer(std::string_view key, long long min,
                                                long long max) {
    std::optional<long long> number = typed(map_.integer(key), key, "a whole number");
    if (number && (*number < min || *number > max)) {
        error(key, "must be between " + std::to_string(min) + " and " + std::to_string(max) +
                       ", not " + std::to_string(*number));
        return std::nullopt;
    }
    return number;
}

std::optional<double> ConfigSection::number(std::string_view key, double min, double max) {
    std::optional<double> number = typed(map_.number(key), key, "a number");
    if (number && !(*number >= min && *number <= max)) {
        std::ostringstream range;
        range << "must be between " << min << " and " << max << ", not "
              << map_.value(key).Scalar();
        error(key, range.str());
        return std::nullopt;
    }
    return number;
}

std::optional<bool> ConfigSection::boolean(std::string_view key) {
    return typed(map_.boolean(key), key, "true or false");
}

std::optional<std::vector<std::string>> ConfigSection::stringList(std::string_view key) {
    return typed(map_.stringList(key), key, "a list of strings");
}

std::vector<std::string> ConfigSection::keys() const {
    return map_.keys();
}

bool ConfigSection::isMapping(std::string_view key) const {
    return map_.value(key).IsMap();
}

ConfigSection ConfigSection::section(std::string_view key) {
    return ConfigSection(map_.value(key), path_ + "." + std::string(key), file_, *issues_);
}

} // namespace clue
